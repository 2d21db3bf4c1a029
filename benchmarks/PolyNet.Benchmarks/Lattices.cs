using System;
using PolyNet;

namespace PolyNet.Benchmarks;

/// <summary>
/// The benchmarked lattice Hamiltonians: the periodic 2-D Ising model over sbyte spins (double and float) and the open
/// φ⁴ chain (double and float), with their exact energies written out by hand (the floor).
/// </summary>
public static partial class Lattices
{
    public const string IsingExpression = "-sum(i < rows, j < columns: s[i,j]*s[i+1,j] + s[i,j]*s[i,j+1])";

    public const string Phi4Expression = "sum(i < n: 0.5*(phi[i+1] - phi[i])^2 + 0.5*phi[i]^2 + 0.25*phi[i]^4)";

    [Hamiltonian(IsingExpression)]
    public static partial double Ising([Spin] ReadOnlySpan<sbyte> s, int rows, int columns);

    [Hamiltonian(IsingExpression)]
    public static partial float IsingSingle([Spin] ReadOnlySpan<sbyte> s, int rows, int columns);

    [Hamiltonian(Phi4Expression, Boundary = LatticeBoundary.Open, InputBound = 2)]
    public static partial double Phi4(ReadOnlySpan<double> phi, int n);

    [Hamiltonian(Phi4Expression, Boundary = LatticeBoundary.Open, InputBound = 2)]
    public static partial float Phi4Single(ReadOnlySpan<float> phi, int n);
}
