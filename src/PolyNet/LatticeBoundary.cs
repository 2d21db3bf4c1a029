namespace PolyNet;

/// <summary>What a lattice Hamiltonian's site-relative reads (<c>s[i+1,j]</c>) do at the edge of the lattice.</summary>
public enum LatticeBoundary
{
    /// <summary>
    /// Indices wrap modulo the extent (a torus): <c>s[i+1]</c> at the last site reads <c>s[0]</c>. Any extent of 1 or
    /// more works, also one smaller than an offset; reads that wrap onto the same element multiply as one variable.
    /// </summary>
    Periodic = 0,

    /// <summary>
    /// The lattice ends at its edges: every term of the expanded per-site polynomial that reads an element outside the
    /// lattice is dropped at that site (its other terms stay).
    /// </summary>
    Open = 1,
}
