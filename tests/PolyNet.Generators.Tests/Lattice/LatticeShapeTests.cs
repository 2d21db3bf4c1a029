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
    [InlineData(3, 3, 2)]
    [InlineData(2, 3, 20)]
    public void An_open_3d_bit_lattice_drops_the_terms_that_read_outside(int a, int b, int c)
    {
        var energy = LatticeSources.Method<BitLattice>("BitsOpen");
        var delta = LatticeSources.Method<BitDelta>("BitsOpenDelta");
        double bound = LatticeSources.Lattice("BitsOpen").MaxError(a * b * c);
        var random = new Random(a + b + c);
        for (int trial = 0; trial < 60; trial++)
        {
            var t = Enumerable.Range(0, a * b * c).Select(_ => random.Next(2) == 1).ToArray();
            double T(int i, int j, int k) => i < a && j < b && k < c && t[(((i * b) + j) * c) + k] ? 1 : 0;
            double exact = 0;
            for (int i = 0; i < a; i++)
            {
                for (int j = 0; j < b; j++)
                {
                    for (int k = 0; k < c; k++)
                    {
                        exact += (T(i, j, k) * T(i + 1, j, k)) - (0.5 * T(i, j, k) * T(i, j + 1, k) * T(i, j, k + 1)) + (0.25 * T(i, j, k));
                    }
                }
            }

            double value = energy(t, a, b, c);
            Assert.True(Math.Abs(value - exact) <= bound, $"trial {trial}: {value} vs {exact}");
            int site = random.Next(t.Length);
            double change = delta(t, a, b, c, site);
            t[site] = !t[site];
            Assert.True(Math.Abs(change - (energy(t, a, b, c) - value)) <= 1e-9 * t.Length);
        }
    }

    private delegate double BitDelta(ReadOnlySpan<bool> t, int a, int b, int c, int site);

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

/// <summary>Lattice templates built the other ways the compiler builds networks: flat (a depth limit) and mixed kinds.</summary>
public sealed class LatticeTemplateKindTests
{
    private delegate double Flat(ReadOnlySpan<double> a, int n);

    private delegate double Mixed(ReadOnlySpan<double> x, ReadOnlySpan<sbyte> s, ReadOnlySpan<bool> b, int n);

    private static readonly Lazy<Type> Compiled = new(() => GeneratorHarness.BuildAndLoad("""
        using System;
        using PolyNet;

        public static partial class Kinds
        {
            [Hamiltonian("sum(i < n: a[i]*a[i+1]*a[i+2] - 0.5*a[i]^2*a[i+1])", MaxHiddenLayers = 1)]
            public static partial double Flat(ReadOnlySpan<double> a, int n);

            [Hamiltonian("sum(i < n: x[i]*s[i]*s[i+1] + 0.5*x[i]*b[i] - x[i]*x[i+1]*s[i] + b[i]*b[i+1])", InputBound = 2, Boundary = LatticeBoundary.Open)]
            public static partial double Mixed(ReadOnlySpan<double> x, [Spin] ReadOnlySpan<sbyte> s, ReadOnlySpan<bool> b, int n);
        }
        """).GetType("Kinds")!);

    private static LatticeNetwork Lattice(string name) => (LatticeNetwork)Compiled.Value.GetProperty(name + "Lattice")!.GetValue(null)!;

    private static SigmoidNetwork Unrolled(string name, int n) => (SigmoidNetwork)Compiled.Value.GetMethod(name + "Network")!.Invoke(null, [n])!;

    [Fact]
    public void A_flat_template_has_one_hidden_layer_and_matches_exact_arithmetic()
    {
        var energy = Compiled.Value.GetMethod("Flat")!.CreateDelegate<Flat>();
        var lattice = Lattice("Flat");
        Assert.Equal(1, lattice.HiddenLayers);
        const int N = 21;
        string A(int i) => $"a{((i % N) + N) % N}";
        var exact = new ExactPolynomial(
            string.Join(" + ", Enumerable.Range(0, N).Select(i => $"{A(i)}*{A(i + 1)}*{A(i + 2)} - 0.5*{A(i)}^2*{A(i + 1)}")),
            Enumerable.Range(0, N).Select(i => $"a{i}").ToList());
        var random = new Random(8);
        for (int trial = 0; trial < 30; trial++)
        {
            var a = Enumerable.Range(0, N).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
            double value = energy(a, N);
            Assert.True(ExactPolynomial.Distance(value, exact.Evaluate(a)) <= lattice.MaxError(N), $"trial {trial}");
            Assert.True(Math.Abs(value - Unrolled("Flat", N).Evaluate(a)) <= 2 * lattice.MaxError(N));
        }
    }

    [Fact]
    public void A_template_mixing_numbers_spins_and_bits_matches_exact_arithmetic()
    {
        var energy = Compiled.Value.GetMethod("Mixed")!.CreateDelegate<Mixed>();
        const int N = 19;
        string X(int i) => i < N ? $"x{i}" : "0";
        string S(int i) => i < N ? $"s{i}" : "0";
        string B(int i) => i < N ? $"b{i}" : "0";
        var variables = Enumerable.Range(0, N).Select(i => $"x{i}").Concat(Enumerable.Range(0, N).Select(i => $"s{i}")).Concat(Enumerable.Range(0, N).Select(i => $"b{i}")).ToList();
        var exact = new ExactPolynomial(
            string.Join(" + ", Enumerable.Range(0, N).Select(i => $"{X(i)}*{S(i)}*{S(i + 1)} + 0.5*{X(i)}*{B(i)} - {X(i)}*{X(i + 1)}*{S(i)} + {B(i)}*{B(i + 1)}")),
            variables);
        double bound = Lattice("Mixed").MaxError(N);
        var random = new Random(9);
        for (int trial = 0; trial < 40; trial++)
        {
            var x = Enumerable.Range(0, N).Select(_ => (random.NextDouble() * 4) - 2).ToArray();
            var s = Enumerable.Range(0, N).Select(_ => (sbyte)((random.Next(2) * 2) - 1)).ToArray();
            var b = Enumerable.Range(0, N).Select(_ => random.Next(2) == 1).ToArray();
            var point = x.Concat(s.Select(v => (double)v)).Concat(b.Select(v => v ? 1.0 : 0.0)).ToArray();
            double value = energy(x, s, b, N);
            Assert.True(ExactPolynomial.Distance(value, exact.Evaluate(point)) <= bound, $"trial {trial}: {value} vs {exact.Evaluate(point).ToDouble()}");
            Assert.True(Math.Abs(value - Unrolled("Mixed", N).Evaluate(point)) <= 2 * bound);
        }
    }
}
