using System;
using System.Linq;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Lattice;

/// <summary>The lattice methods the run-time tests compile once: the two contract examples and more shapes.</summary>
internal static class LatticeSources
{
    public const string IsingExpression = "-sum(i < rows, j < columns: s[i,j]*s[i+1,j] + s[i,j]*s[i,j+1]) - 0.1*sum(i < rows, j < columns: s[i,j])";

    public const string Phi4Expression = "sum(i < n: 0.5*(phi[i+1] - phi[i])^2 + 0.5*phi[i]^2 + 0.25*phi[i]^4)";

    public const string BitsExpression = "sum(i < a, j < b, k < c: t[i,j,k]*t[i+1,j,k] - 0.5*t[i,j,k]*t[i,j+1,k]*t[i,j,k+1] + 0.25*t[i,j,k])";

    public const string Field2DExpression = "sum(i < rows, j < columns: (u[i+1,j] - u[i,j])^2 + (u[i,j+1] - u[i,j-1])^2 + 0.1*u[i,j]^4)";

    public const string Source = $$"""
        using System;
        using PolyNet;

        public static partial class Lattices
        {
            [Hamiltonian("{{IsingExpression}}")]
            public static partial double Ising([Spin] ReadOnlySpan<sbyte> s, int rows, int columns);

            [Hamiltonian("{{IsingExpression}}", Boundary = LatticeBoundary.Open)]
            public static partial double IsingOpen([Spin] ReadOnlySpan<sbyte> s, int rows, int columns);

            [Hamiltonian("{{IsingExpression}}")]
            public static partial float IsingSingle([Spin] ReadOnlySpan<int> s, int rows, int columns);

            [Hamiltonian("{{Phi4Expression}}", Boundary = LatticeBoundary.Open, InputBound = 2)]
            public static partial double Phi4(ReadOnlySpan<double> phi, int n);

            [Hamiltonian("{{Phi4Expression}}", InputBound = 2)]
            public static partial double Phi4Periodic(ReadOnlySpan<double> phi, int n);

            [Hamiltonian("{{BitsExpression}}")]
            public static partial double Bits(ReadOnlySpan<bool> t, int a, int b, int c);

            [Hamiltonian("{{BitsExpression}}", Boundary = LatticeBoundary.Open)]
            public static partial double BitsOpen(ReadOnlySpan<bool> t, int a, int b, int c);

            [Hamiltonian("sum(i < n: h*phi[i]*phi[i-1] - 0.5*phi[i]^2 + phi[i+1]*phi[i]) + 3", Boundary = LatticeBoundary.Open)]
            public static partial double Mixed(double h, ReadOnlySpan<double> phi, int n);

            [Hamiltonian("{{Field2DExpression}}", Boundary = LatticeBoundary.Open, InputBound = 1.5)]
            public static partial double Field2D(ReadOnlySpan<double> u, int rows, int columns);

            [Hamiltonian("{{Phi4Expression}}", Boundary = LatticeBoundary.Open, InputBound = 2)]
            public static partial float Phi4Single(ReadOnlySpan<float> phi, int n);

            [Hamiltonian("sum(i < n: phi[i]*phi[i+1] + s[i]*phi[i])", CheckBounds = true, InputBound = 2)]
            public static partial double Checked(ReadOnlySpan<double> phi, [Spin] ReadOnlySpan<int> s, int n);
        }
        """;

    public static readonly Lazy<Type> Compiled = new(() => GeneratorHarness.BuildAndLoad(Source).GetType("Lattices")!);

    public static T Method<T>(string name) where T : Delegate =>
        Compiled.Value.GetMethods().Single(m => m.Name == name).CreateDelegate<T>();

    public static LatticeNetwork Lattice(string name) => (LatticeNetwork)Compiled.Value.GetProperty(name + "Lattice")!.GetValue(null)!;

    public static SigmoidNetwork Unrolled(string name, params int[] extents) =>
        (SigmoidNetwork)Compiled.Value.GetMethod(name + "Network")!.Invoke(null, extents.Cast<object>().ToArray())!;
}
