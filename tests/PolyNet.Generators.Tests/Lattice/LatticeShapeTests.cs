using System;
using System.Linq;
using PolyNet.Generators.Tests.CompileAndRun;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Lattice;

/// <summary>Lattices wide enough for the vector sweep in every dimension count, float, checked arguments and containing types.</summary>
public sealed class LatticeShapeTests
{
    private delegate double BitLattice(ReadOnlySpan<bool> t, int a, int b, int c);

    private delegate double Grid(ReadOnlySpan<double> u, int rows, int columns);

    private delegate double GridDelta(ReadOnlySpan<double> u, int rows, int columns, int site, double newValue);

    private delegate float SingleChain(ReadOnlySpan<float> phi, int n);

    private delegate double CheckedChain(ReadOnlySpan<double> phi, ReadOnlySpan<int> s, int n);

    private delegate double CheckedDeltaPhi(ReadOnlySpan<double> phi, ReadOnlySpan<int> s, int n, int site, double newValue);

    private delegate double CheckedDeltaS(ReadOnlySpan<double> phi, ReadOnlySpan<int> s, int n, int site);

    private delegate double SpinLattice(ReadOnlySpan<sbyte> s, int rows, int columns);

    private delegate double SpinDelta(ReadOnlySpan<sbyte> s, int rows, int columns, int site);

    [Theory]
    [InlineData(2, 3, 20)]
    [InlineData(3, 1, 37)]
    [InlineData(1, 4, 9)]
    public void A_3d_bit_lattice_with_a_long_innermost_extent_matches_the_unrolled_network(int a, int b, int c)
    {
        var energy = LatticeSources.Method<BitLattice>("Bits");
        var unrolled = LatticeSources.Unrolled("Bits", a, b, c);
        double bound = LatticeSources.Lattice("Bits").MaxError(a * b * c);
        var random = new Random(a * 1000 + b * 100 + c);
        for (int trial = 0; trial < 50; trial++)
        {
            var t = Enumerable.Range(0, a * b * c).Select(_ => random.Next(2) == 1).ToArray();
            var inputs = t.Select(v => v ? 1.0 : 0.0).ToArray();
            double value = energy(t, a, b, c);
            Assert.True(Math.Abs(value - unrolled.EvaluatePolynomial(inputs)) <= bound, $"trial {trial}: {value} vs {unrolled.EvaluatePolynomial(inputs)}");
            Assert.True(Math.Abs(value - unrolled.Evaluate(inputs)) <= 2 * bound);
        }
    }

    [Theory]
    [InlineData(4, 11)]
    [InlineData(3, 24)]
    [InlineData(1, 17)]
    public void An_open_2d_field_matches_exact_rational_arithmetic(int rows, int columns)
    {
        var energy = LatticeSources.Method<Grid>("Field2D");
        var delta = LatticeSources.Method<GridDelta>("Field2DDelta");
        string U(int i, int j) => i < 0 || i >= rows || j < 0 || j >= columns ? "0" : $"u{i}_{j}";
        var terms = from i in Enumerable.Range(0, rows)
                    from j in Enumerable.Range(0, columns)
                    select $"({U(i + 1, j)} - {U(i, j)})^2 + ({U(i, j + 1)} - {U(i, j - 1)})^2 + 0.1*{U(i, j)}^4";
        var variables = (from i in Enumerable.Range(0, rows) from j in Enumerable.Range(0, columns) select $"u{i}_{j}").ToList();
        var exact = new ExactPolynomial(string.Join(" + ", terms), variables);
        double bound = LatticeSources.Lattice("Field2D").MaxError(rows * columns);
        var random = new Random(rows * 100 + columns);
        for (int trial = 0; trial < 40; trial++)
        {
            var u = Enumerable.Range(0, rows * columns).Select(_ => (random.NextDouble() * 3) - 1.5).ToArray();
            double value = energy(u, rows, columns);
            Assert.True(ExactPolynomial.Distance(value, exact.Evaluate(u)) <= bound, $"trial {trial}: {value} vs {exact.Evaluate(u).ToDouble()}");
            int site = random.Next(u.Length);
            double change = delta(u, rows, columns, site, 0.75);
            u[site] = 0.75;
            Assert.True(Math.Abs(change - (energy(u, rows, columns) - value)) <= 1e-9 * u.Length);
        }
    }

    [Fact]
    public void A_float_chain_is_within_its_float_bound()
    {
        const int N = 50;
        var energy = LatticeSources.Method<SingleChain>("Phi4Single");
        string P(int i) => i >= N ? "0" : $"p{i}";
        var exact = new ExactPolynomial(
            string.Join(" + ", Enumerable.Range(0, N).Select(i => $"0.5*({P(i + 1)} - {P(i)})^2 + 0.5*{P(i)}^2 + 0.25*{P(i)}^4")),
            Enumerable.Range(0, N).Select(i => $"p{i}").ToList());
        double bound = LatticeSources.Lattice("Phi4Single").MaxError(N);
        Assert.InRange(bound, 1e-9, 1e-1);
        var random = new Random(3);
        for (int trial = 0; trial < 40; trial++)
        {
            var phi = Enumerable.Range(0, N).Select(_ => (float)((random.NextDouble() * 4) - 2)).ToArray();
            float value = energy(phi, N);
            Assert.True(ExactPolynomial.Distance(value, exact.Evaluate(phi.Select(v => (double)v).ToArray())) <= bound, $"trial {trial}");
        }
    }

    [Fact]
    public void Bad_arguments_throw_naming_the_argument_before_anything_is_computed()
    {
        var ising = LatticeSources.Method<SpinLattice>("Ising");
        var isingDelta = LatticeSources.Method<SpinDelta>("IsingDelta");
        var spins = Enumerable.Repeat((sbyte)1, 12).ToArray();
        Assert.Equal("s", Assert.Throws<ArgumentException>(() => ising(spins, 3, 5)).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentOutOfRangeException>(() => ising(spins, -3, -4)).ParamName);
        Assert.Equal("site", Assert.Throws<ArgumentOutOfRangeException>(() => isingDelta(spins, 3, 4, 12)).ParamName);
        Assert.Equal("site", Assert.Throws<ArgumentOutOfRangeException>(() => isingDelta(spins, 3, 4, -1)).ParamName);
        spins[7] = 0;
        Assert.Equal("s", Assert.Throws<ArgumentOutOfRangeException>(() => ising(spins, 3, 4)).ParamName);
        Assert.Equal("s", Assert.Throws<ArgumentOutOfRangeException>(() => isingDelta(spins, 3, 4, 7)).ParamName);
        Assert.Equal("s", Assert.Throws<ArgumentOutOfRangeException>(() => isingDelta(spins, 3, 4, 6)).ParamName);

        var check = LatticeSources.Method<CheckedChain>("Checked");
        var phi = new double[] { 0.5, 1, 2.5, 0 };
        var s = new[] { 1, -1, 1, 1 };
        Assert.Equal("phi", Assert.Throws<ArgumentOutOfRangeException>(() => check(phi, s, 4)).ParamName);
        Assert.Equal("s", Assert.Throws<ArgumentException>(() => check(phi, s.Take(3).ToArray(), 4)).ParamName);
        Assert.Equal("newValue", Assert.Throws<ArgumentOutOfRangeException>(() => LatticeSources.Method<CheckedDeltaPhi>("CheckedDeltaPhi")(new double[4], s, 4, 1, 3.0)).ParamName);
        phi[2] = -2;
        Assert.Equal((0.5 * 1) + (1 * -2) + (0.5 * 1) + (1 * -1) + (-2 * 1), check(phi, s, 4), 9);
        Assert.Equal(check(phi, new[] { 1, 1, 1, 1 }, 4) - check(phi, s, 4), LatticeSources.Method<CheckedDeltaS>("CheckedDeltaS")(phi, s, 4, 1), 9);
    }

    [Fact]
    public void A_lattice_method_compiles_without_warnings_in_a_nested_generic_type_in_a_file_scoped_namespace()
    {
        var assembly = GeneratorHarness.BuildAndLoad("""
            #nullable enable
            using System;
            using PolyNet;

            namespace Samples.Lattices;

            public partial class Outer<T> where T : class
            {
                internal static partial class Inner
                {
                    [Hamiltonian("sum(i < n, j < m: a[i,j]*a[i,j+1] - b[i,j]*a[i+1,j]) - 1")]
                    internal static partial double Energy(ReadOnlySpan<bool> a, [Spin] ReadOnlySpan<sbyte> b, int n, int m);
                }
            }
            """);
        var inner = assembly.GetType("Samples.Lattices.Outer`1+Inner")!.MakeGenericType(typeof(string));
        var lattice = (LatticeNetwork)inner.GetProperty("EnergyLattice", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.GetValue(null)!;
        Assert.Equal(new[] { "a", "b" }, lattice.Fields);
        Assert.Contains(inner.GetMethods(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static), m => m.Name == "EnergyDeltaA");
        Assert.Contains(inner.GetMethods(System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static), m => m.Name == "EnergyDeltaB");
    }
}
