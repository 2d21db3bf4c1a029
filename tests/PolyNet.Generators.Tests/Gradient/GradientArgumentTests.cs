using System;
using System.Linq;
using System.Reflection;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Gradient;

/// <summary>
/// The generated gradient methods' signatures and argument checks: a gradient span too short, batch lengths that differ,
/// destinations that overlap each other or an input at another offset, invalid spins, CheckBounds; every check runs
/// before anything is written (the destinations are filled with a sentinel and checked after the throw).
/// </summary>
public sealed class GradientArgumentTests
{
    private const double Sentinel = -7.25;

    private delegate double Scalar3(double x, double y, double z, Span<double> gradient);

    private delegate float Scalar3F(float x, float y, float z, Span<float> gradient);

    private delegate void Batch3(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<double> energy, Span<double> dx, Span<double> dy, Span<double> dz);

    private delegate double MixedScalar(double x, double y, int s, bool b, Span<double> gradient);

    private delegate void MixedBatch(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<int> s, ReadOnlySpan<bool> b, Span<double> energy, Span<double> dx, Span<double> dy);

    private delegate double Checked(double x, double y, Span<double> gradient);

    private delegate void CheckedBatch(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<double> energy, Span<double> dx, Span<double> dy);

    private static readonly Lazy<Type> CheckedType = new(() => GeneratorHarness.BuildAndLoad("""
        using PolyNet;
        public static partial class Contract
        {
            [Hamiltonian("x*y", CheckBounds = true, Gradient = true)]
            public static partial double Energy(double x, double y);

            // Parameters named like the destinations (and like the gate program's own span), on the gate-program path.
            [Hamiltonian("(gradient + energy + adjoints)^8", Gradient = true)]
            public static partial double Named(double gradient, double energy, double adjoints);
        }
        """).GetType("Contract")!);

    private static Scalar3 Readme => Method<Scalar3>(GradientSources.Type, "ReadmeDGradient", 4);

    private static Batch3 ReadmeBatch => Method<Batch3>(GradientSources.Type, "ReadmeDGradient", 7);

    [Fact]
    public void The_signatures_name_the_gradient_the_energy_and_one_d_span_per_continuous_input()
    {
        static string[] Names(MethodInfo method) => method.GetParameters().Select(p => p.Name!).ToArray();
        var type = GradientSources.Type;
        Assert.Equal(new[] { "x", "y", "z", "gradient" }, Names(Find(type, "ReadmeDGradient", 4)));
        Assert.Equal(typeof(double), Find(type, "ReadmeDGradient", 4).ReturnType);
        Assert.Equal(new[] { "x", "y", "z", "energy", "dx", "dy", "dz" }, Names(Find(type, "ReadmeDGradient", 7)));
        Assert.Equal(typeof(float), Find(type, "ReadmeFGradient", 4).ReturnType);
        Assert.Equal(typeof(Span<float>), Find(type, "ReadmeFGradient", 4).GetParameters()[3].ParameterType);
        Assert.Equal(new[] { "x", "y", "s", "b", "energy", "dx", "dy" }, Names(Find(type, "MixedDGradient", 7)));
        Assert.Equal(new[] { "a", "b", "c", "d", "e", "f", "g", "h", "gradient" }, Names(Find(type, "Product8DGradient", 9)));
    }

    [Fact]
    public void A_gradient_span_too_short_is_refused_naming_gradient_before_anything_is_written()
    {
        var gradient = new[] { Sentinel, Sentinel };
        var error = Assert.Throws<ArgumentException>(() => Readme(0.5, 0.25, -0.5, gradient));
        Assert.Equal("gradient", error.ParamName);
        Assert.All(gradient, g => Assert.Equal(Sentinel, g));

        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => Readme(0.5, 0.25, -0.5, Span<double>.Empty)).ParamName);
        var single = new[] { (float)Sentinel, (float)Sentinel };
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => Method<Scalar3F>(GradientSources.Type, "ReadmeFGradient", 4)(0.5f, 0.25f, -0.5f, single)).ParamName);
        Assert.All(single, g => Assert.Equal((float)Sentinel, g));

        // The mixed method needs one element per continuous input (x, y), not per parameter.
        var mixed = Method<MixedScalar>(GradientSources.Type, "MixedDGradient", 5);
        var one = new[] { Sentinel };
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => mixed(0.5, 0.25, 1, true, one)).ParamName);
        Assert.Equal(Sentinel, one[0]);
        var two = new double[2];
        mixed(0.5, 0.25, 1, true, two);
    }

    [Fact]
    public void A_longer_gradient_span_is_written_only_at_the_front()
    {
        var gradient = Enumerable.Repeat(Sentinel, 5).ToArray();
        double value = Readme(0.5, 0.25, -0.5, gradient);

        // x*y + 3*x*y*z at (0.5, 0.25, −0.5): ∂x = y + 3yz, ∂y = x + 3xz, ∂z = 3xy.
        Assert.Equal(0.125 - 0.1875, value, 1e-10);
        Assert.Equal(0.25 - 0.375, gradient[0], 1e-10);
        Assert.Equal(0.5 - 0.75, gradient[1], 1e-10);
        Assert.Equal(0.375, gradient[2], 1e-10);
        Assert.Equal(Sentinel, gradient[3]);
        Assert.Equal(Sentinel, gradient[4]);
    }

    [Theory]
    [InlineData(4, 5, 5, 5, 5, 5, 5, "x")]
    [InlineData(5, 4, 5, 5, 5, 5, 5, "y")]
    [InlineData(5, 5, 6, 5, 5, 5, 5, "z")]
    [InlineData(5, 5, 5, 4, 5, 5, 5, "energy")]
    [InlineData(5, 5, 5, 5, 4, 5, 5, "dx")]
    [InlineData(5, 5, 5, 5, 5, 6, 5, "dy")]
    [InlineData(5, 5, 5, 5, 5, 5, 0, "dz")]
    public void A_batch_length_mismatch_names_the_span_and_writes_nothing(int x, int y, int z, int energy, int dx, int dy, int dz, string expected)
    {
        double[] e = Filled(energy), a = Filled(dx), b = Filled(dy), c = Filled(dz);
        var error = Assert.Throws<ArgumentException>(() => ReadmeBatch(new double[x], new double[y], new double[z], e, a, b, c));
        Assert.Equal(expected, error.ParamName);
        Assert.All(e.Concat(a).Concat(b).Concat(c), v => Assert.Equal(Sentinel, v));
    }

    [Fact]
    public void Overlapping_destinations_are_refused_before_writing()
    {
        var x = new[] { 0.5, -0.25, 0.75 };
        var buffer = Filled(12);

        // dx and dy in one buffer, apart by one element; the very same span twice; energy and dz sharing memory.
        var error = Assert.Throws<ArgumentException>(() => ReadmeBatch(x, x, x, Filled(3), buffer.AsSpan(0, 3), buffer.AsSpan(1, 3), Filled(3)));
        Assert.Equal("dy", error.ParamName);
        Assert.Contains("overlaps", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ReadmeBatch(x, x, x, Filled(3), buffer.AsSpan(0, 3), Filled(3), buffer.AsSpan(0, 3)));
        Assert.Equal("dz", Assert.Throws<ArgumentException>(() => ReadmeBatch(x, x, x, buffer.AsSpan(4, 3), Filled(3), Filled(3), buffer.AsSpan(6, 3))).ParamName);
        Assert.All(buffer, v => Assert.Equal(Sentinel, v));
    }

    [Fact]
    public void An_input_overlapping_a_destination_at_another_offset_is_refused_and_the_same_span_computes_in_place()
    {
        var random = new Random(9);
        double[] Column() => Enumerable.Range(0, 37).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
        double[] x = Column(), y = Column(), z = Column();
        var buffer = x.Concat([0.0]).ToArray();
        var before = (double[])buffer.Clone();
        var error = Assert.Throws<ArgumentException>(() => ReadmeBatch(buffer.AsSpan(1, 37), y, z, Filled(37), buffer.AsSpan(0, 37), Filled(37), Filled(37)));
        Assert.Equal("x", error.ParamName);
        Assert.Equal(before, buffer);

        double[] energy = new double[37], dx = new double[37], dy = new double[37], dz = new double[37];
        ReadmeBatch(x, y, z, energy, dx, dy, dz);

        // ∂/∂x written over x itself, the energy over z.
        double[] xInPlace = (double[])x.Clone(), zInPlace = (double[])z.Clone(), dyInPlace = new double[37], dzInPlace = new double[37];
        ReadmeBatch(xInPlace, y, zInPlace, zInPlace, xInPlace, dyInPlace, dzInPlace);
        Assert.Equal(energy, zInPlace);
        Assert.Equal(dx, xInPlace);
        Assert.Equal(dy, dyInPlace);
        Assert.Equal(dz, dzInPlace);
    }

    [Fact]
    public void An_invalid_spin_is_refused_by_the_scalar_and_the_batch_before_writing()
    {
        var scalar = Method<MixedScalar>(GradientSources.Type, "MixedDGradient", 5);
        var gradient = Filled(2);
        Assert.Equal("s", Assert.Throws<ArgumentOutOfRangeException>(() => scalar(0.5, 0.25, 0, true, gradient)).ParamName);
        Assert.All(gradient, g => Assert.Equal(Sentinel, g));

        var batch = Method<MixedBatch>(GradientSources.Type, "MixedDGradient", 7);
        var spins = Enumerable.Repeat(1, 70).ToArray();
        spins[66] = 2;
        double[] energy = Filled(70), dx = Filled(70), dy = Filled(70);
        Assert.Equal("s", Assert.Throws<ArgumentOutOfRangeException>(() => batch(new double[70], new double[70], spins, new bool[70], energy, dx, dy)).ParamName);
        Assert.All(energy.Concat(dx).Concat(dy), v => Assert.Equal(Sentinel, v));
    }

    [Fact]
    public void CheckBounds_makes_the_gradient_throw_for_an_input_outside_its_bound_before_writing()
    {
        var scalar = Method<Checked>(CheckedType.Value, "EnergyGradient", 3);
        var gradient = Filled(2);
        Assert.Equal("y", Assert.Throws<ArgumentOutOfRangeException>(() => scalar(0.5, 1.5, gradient)).ParamName);
        Assert.All(gradient, g => Assert.Equal(Sentinel, g));
        Assert.Equal(0.5, scalar(1, 0.5, gradient), 1e-10);
        Assert.Equal(0.5, gradient[0], 1e-10);
        Assert.Equal(1, gradient[1], 1e-10);

        var batch = Method<CheckedBatch>(CheckedType.Value, "EnergyGradient", 5);
        var x = Enumerable.Repeat(0.5, 67).ToArray();
        x[64] = -1.0000001;
        double[] energy = Filled(67), dx = Filled(67), dy = Filled(67);
        Assert.Equal("x", Assert.Throws<ArgumentOutOfRangeException>(() => batch(x, new double[67], energy, dx, dy)).ParamName);
        Assert.All(energy.Concat(dx).Concat(dy), v => Assert.Equal(Sentinel, v));
    }

    [Fact]
    public void Parameters_named_like_the_destinations_push_them_to_other_names()
    {
        var scalar = Find(CheckedType.Value, "NamedGradient", 4);
        Assert.Equal(new[] { "gradient", "energy", "adjoints", "gradientSpan" }, scalar.GetParameters().Select(p => p.Name!).ToArray());
        var batch = Find(CheckedType.Value, "NamedGradient", 7);
        Assert.Equal(new[] { "gradient", "energy", "adjoints", "energySpan", "dgradient", "denergy", "dadjoints" }, batch.GetParameters().Select(p => p.Name!).ToArray());

        // (g + e + a)^8 at (0.25, −0.5, 0.5): every derivative is 8·(0.25)^7.
        var gradient = new double[3];
        double value = scalar.CreateDelegate<Scalar3>()(0.25, -0.5, 0.5, gradient);
        Assert.Equal(Math.Pow(0.25, 8), value, 1e-9);
        Assert.All(gradient, g => Assert.Equal(8 * Math.Pow(0.25, 7), g, 1e-9));
        Assert.Equal("gradientSpan", Assert.Throws<ArgumentException>(() => scalar.CreateDelegate<Scalar3>()(0, 0, 0, new double[2])).ParamName);
    }

    private static double[] Filled(int length) => Enumerable.Repeat(Sentinel, length).ToArray();

    private static MethodInfo Find(Type type, string name, int parameters) =>
        type.GetMethods().Single(m => m.Name == name && m.GetParameters().Length == parameters && m.GetParameters()[0].ParameterType != typeof(double[]));

    private static T Method<T>(Type type, string name, int parameters) where T : Delegate => Find(type, name, parameters).CreateDelegate<T>();
}
