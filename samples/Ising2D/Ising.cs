using System;
using PolyNet;

/// <summary>The 2-D Ising model, J = 1 and no field, on a periodic rows × columns lattice (spins ±1, row-major).</summary>
public static partial class Ising
{
    /// <summary>
    /// H = −Σ_sites (s[i,j]·s[i+1,j] + s[i,j]·s[i,j+1]): each site owns its bond down and its bond right, so every
    /// bond of the torus is counted once (2N bonds). The boundary is periodic, the attribute's default.
    /// </summary>
    [Hamiltonian("-sum(i < rows, j < columns: s[i,j]*s[i+1,j] + s[i,j]*s[i,j+1])")]
    public static partial double Energy([Spin] ReadOnlySpan<sbyte> s, int rows, int columns);
}
