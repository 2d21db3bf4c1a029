using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolyNet.Generators.Tests.CompileAndRun;
using PolyNet.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Gradient;

/// <summary>
/// <c>&lt;Method&gt;Gradient</c> of lattice Hamiltonians (an open FPUT α-chain with two fields, a periodic 2-D φ⁴ field in
/// double and float, an open chain mixing spins and a continuous field): every entry against the exact derivative of
/// the polynomial written out site by site (within LatticeNetwork.MaxGradientError), against central differences of
/// the generated Energy and against the unrolled network's backward pass; the returned energy is Energy's.
/// </summary>
public sealed class LatticeGradientTests(ITestOutputHelper output)
{
    private const string FputExpression = "sum(i < n: 0.5*p[i]^2 + 0.5*(q[i+1] - q[i])^2 + (0.25/3)*(q[i+1] - q[i])^3)";

    private const string Phi4Expression = "sum(i < rows, j < columns: 0.5*(phi[i+1,j] - phi[i,j])^2 + 0.5*(phi[i,j+1] - phi[i,j])^2 + 0.5*phi[i,j]^2 + 0.25*phi[i,j]^4)";

    private const string SpinChainExpression = "sum(i < n: s[i]*s[i+1]*x[i] - 0.5*x[i]*x[i+1]*s[i] + 0.25*x[i]^2 + 0.1*s[i]*x[i-1])";

    private static readonly Lazy<Type> Compiled = new(() => GeneratorHarness.BuildAndLoad($$"""
        using System;
        using PolyNet;

        public static partial class LatticeGradients
        {
            [Hamiltonian("{{FputExpression}}", Boundary = LatticeBoundary.Open, InputBound = 2, Gradient = true)]
            public static partial double Fput(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int n);

            [Hamiltonian("{{Phi4Expression}}", InputBound = 2, Gradient = true)]
            public static partial double Phi4(ReadOnlySpan<double> phi, int rows, int columns);

            [Hamiltonian("{{Phi4Expression}}", InputBound = 2, Gradient = true)]
            public static partial float Phi4F(ReadOnlySpan<float> phi, int rows, int columns);

            [Hamiltonian("{{SpinChainExpression}}", Boundary = LatticeBoundary.Open, Gradient = true)]
            public static partial double SpinChain([Spin] ReadOnlySpan<sbyte> s, ReadOnlySpan<double> x, int n);
        }
        """).GetType("LatticeGradients")!);

    private delegate double Fput(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int n);

    private delegate double FputGradient(ReadOnlySpan<double> p, ReadOnlySpan<double> q, int n, Span<double> gradient);

    private delegate double Phi4(ReadOnlySpan<double> phi, int rows, int columns);

    private delegate double Phi4Gradient(ReadOnlySpan<double> phi, int rows, int columns, Span<double> gradient);

    private delegate float Phi4F(ReadOnlySpan<float> phi, int rows, int columns);

    private delegate float Phi4FGradient(ReadOnlySpan<float> phi, int rows, int columns, Span<float> gradient);

    private delegate double SpinChain(ReadOnlySpan<sbyte> s, ReadOnlySpan<double> x, int n);

    private delegate double SpinChainGradient(ReadOnlySpan<sbyte> s, ReadOnlySpan<double> x, int n, Span<double> gradient);

    /// <summary>
    /// One lattice method behind a common face: the inputs are every field's values, one field after the other (as
    /// ExactPolynomial's variables), the gradient one entry per site of each continuous field.
    /// </summary>
    private sealed record Shape(
        string Name,
        int[] Extents,
        int Fields,
        bool[] Continuous,
        double Bound,
        bool IsDouble,
        Func<double[], double> Energy,
        Func<double[], double[], double> Gradient,
        ExactPolynomial Exact)
    {
        public int Sites => Extents.Aggregate(1, (a, b) => a * b);

        /// <summary>The polynomial's variable of each gradient entry.</summary>
        public int[] Differentiated => Enumerable.Range(0, Fields).Where(f => Continuous[f]).SelectMany(f => Enumerable.Range(f * Sites, Sites)).ToArray();

        public LatticeNetwork Lattice => (LatticeNetwork)Compiled.Value.GetProperty(Name + "Lattice")!.GetValue(null)!;

        public SigmoidNetwork Unrolled => (SigmoidNetwork)Compiled.Value.GetMethod(Name + "Network")!.Invoke(null, Extents.Cast<object>().ToArray())!;

        public double[] RandomInputs(Random random) => Enumerable.Range(0, Fields).SelectMany(f => Enumerable.Range(0, Sites).Select(_ =>
        {
            double value = Continuous[f] ? Bound * ((2 * random.NextDouble()) - 1) : (2 * random.Next(2)) - 1;
            return IsDouble ? value : (float)value;
        })).ToArray();
    }

    public static TheoryData<string> Shapes => new() { "Fput", "Phi4", "Phi4F", "SpinChain" };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Every_entry_is_within_MaxGradientError_of_the_exact_derivative(string name)
    {
        var shape = Get(name);
        double bound = shape.Lattice.MaxGradientError;
        Assert.True(double.IsFinite(bound) && bound > 0, $"{name}: MaxGradientError {bound}");
        var random = new Random(name.Length);
        double worst = 0;
        for (int trial = 0; trial < 40; trial++)
        {
            var inputs = shape.RandomInputs(random);
            if (trial < 2)
            {
                // Every continuous value at +bound, then at alternating ±bound: corners of the box.
                for (int k = 0; k < inputs.Length; k++)
                {
                    inputs[k] = shape.Continuous[k / shape.Sites] ? (trial == 0 || k % 2 == 0 ? shape.Bound : -shape.Bound) : inputs[k];
                }
            }

            var gradient = new double[shape.Differentiated.Length];
            shape.Gradient(inputs, gradient);
            for (int e = 0; e < gradient.Length; e++)
            {
                double error = ExactPolynomial.Distance(gradient[e], shape.Exact.Derivative(inputs, shape.Differentiated[e]));
                worst = Math.Max(worst, error);
                Assert.True(error <= bound, $"{name}, trial {trial}, entry {e}: {gradient[e]:R} vs exact {shape.Exact.Derivative(inputs, shape.Differentiated[e]).ToDouble():R}, error {error:E3} > MaxGradientError {bound:E3}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: worst entry error {worst:E2}, MaxGradientError {bound:E2}, bound/worst {bound / worst:F1}"));
    }

    [Theory]
    [InlineData("Fput")]
    [InlineData("Phi4")]
    [InlineData("SpinChain")]
    public void Central_differences_of_Energy_agree_with_every_entry(string name)
    {
        var shape = Get(name);
        var random = new Random(2 * name.Length);
        double scale = Enumerable.Range(0, shape.Exact.VariableCount).Max(v => shape.Exact.DerivativeScale(Enumerable.Repeat(shape.Bound, shape.Exact.VariableCount).ToArray(), v));
        double worst = 0;
        for (int trial = 0; trial < 5; trial++)
        {
            var inputs = shape.RandomInputs(random);
            var gradient = new double[shape.Differentiated.Length];
            shape.Gradient(inputs, gradient);
            for (int e = 0; e < gradient.Length; e++)
            {
                // h = 1e-4·bound: truncation h²/6·|E'''| and Energy's rounding / h both below 1e-8 of the scale.
                int k = shape.Differentiated[e];
                double h = 1e-4 * shape.Bound;
                var plus = (double[])inputs.Clone();
                var minus = (double[])inputs.Clone();
                plus[k] += h;
                minus[k] -= h;
                double difference = (shape.Energy(plus) - shape.Energy(minus)) / (plus[k] - minus[k]);
                worst = Math.Max(worst, Math.Abs(difference - gradient[e]) / scale);
                Assert.True(Math.Abs(difference - gradient[e]) <= 1e-6 * scale, $"{name}, trial {trial}, entry {e}: central difference {difference:R}, gradient {gradient[e]:R}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: worst |central difference − gradient| / scale {worst:E2} (scale {scale:G3})"));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void The_returned_energy_is_Energy_s_and_the_entries_are_the_unrolled_network_s(string name)
    {
        var shape = Get(name);
        var unrolled = shape.Unrolled;
        Assert.Equal(shape.Fields * shape.Sites, unrolled.Inputs.Count);
        var random = new Random(3 * name.Length);
        double worst = 0;
        for (int trial = 0; trial < 20; trial++)
        {
            var inputs = shape.RandomInputs(random);
            var gradient = new double[shape.Differentiated.Length];
            double energy = shape.Gradient(inputs, gradient);
            double reference = shape.Energy(inputs);
            Assert.True(Math.Abs(energy - reference) <= 1e-12 * Math.Max(1, Math.Abs(reference)), $"{name}, trial {trial}: Gradient returned {energy:R}, Energy {reference:R}");

            // The unrolled network's inputs are the fields' values in the same order; its backward pass runs in double,
            // so the float lattice meets its own weights up to float rounding: each entry sums the derivatives of the
            // sites that read it (5 for φ⁴), each rounded to float after cancelling digits (measured ≤ 4.3e-6 relative;
            // MaxGradientError allows 2.4e-4).
            var interpreted = new double[gradient.Length];
            unrolled.EvaluateGradient(inputs, interpreted);
            double tolerance = shape.IsDouble ? 1e-10 : 3e-5;
            for (int e = 0; e < gradient.Length; e++)
            {
                double difference = Math.Abs(gradient[e] - interpreted[e]) / Math.Max(1, Math.Abs(interpreted[e]));
                worst = Math.Max(worst, difference);
                Assert.True(difference <= tolerance, $"{name}, trial {trial}, entry {e}: generated {gradient[e]:R}, unrolled network {interpreted[e]:R}");
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: worst |generated − unrolled interpreter| / max(1, |∂|) {worst:E2}"));
    }

    [Fact]
    public void A_gradient_span_too_short_or_a_field_of_the_wrong_length_is_refused_before_writing()
    {
        var fput = Method<FputGradient>("FputGradient");
        double[] p = new double[6], q = new double[6];
        var gradient = Enumerable.Repeat(-7.25, 11).ToArray();
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => fput(p, q, 6, gradient)).ParamName);
        Assert.All(gradient, g => Assert.Equal(-7.25, g));
        Assert.Equal("q", Assert.Throws<ArgumentException>(() => fput(p, new double[5], 6, new double[12])).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => fput(p, q, -1, new double[12]));

        // A longer span: the entries past 2·sites stay as they were.
        gradient = Enumerable.Repeat(-7.25, 14).ToArray();
        fput(p, q, 6, gradient);
        Assert.All(gradient.Take(12), g => Assert.Equal(0, g));
        Assert.Equal(-7.25, gradient[12]);

        var phi4 = Method<Phi4FGradient>("Phi4FGradient");
        var single = Enumerable.Repeat(-7.25f, 11).ToArray();
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => phi4(new float[12], 3, 4, single)).ParamName);
        Assert.All(single, g => Assert.Equal(-7.25f, g));

        // The empty lattice: no entry, the constant (here 0).
        Assert.Equal(0, fput(ReadOnlySpan<double>.Empty, ReadOnlySpan<double>.Empty, 0, Span<double>.Empty));
    }

    [Fact]
    public void An_invalid_spin_is_refused_before_the_gradient_is_written()
    {
        var chain = Method<SpinChainGradient>("SpinChainGradient");
        var spins = Enumerable.Repeat((sbyte)1, 9).ToArray();
        spins[6] = 0;
        var gradient = Enumerable.Repeat(-7.25, 9).ToArray();
        Assert.Equal("s", Assert.Throws<ArgumentOutOfRangeException>(() => chain(spins, new double[9], 9, gradient)).ParamName);
        Assert.All(gradient, g => Assert.Equal(-7.25, g));
    }

    private static Shape Get(string name) => name switch
    {
        "Fput" => FputShape(8),
        "Phi4" => Phi4Shape(4, 5, isDouble: true),
        "Phi4F" => Phi4Shape(3, 4, isDouble: false),
        "SpinChain" => SpinChainShape(9),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static Shape FputShape(int n)
    {
        var energy = Method<Fput>("Fput");
        var gradient = Method<FputGradient>("FputGradient");
        string P(int i) => $"p{i}";
        string Q(int i) => i < 0 || i >= n ? "0" : $"q{i}";
        string text = string.Join(" + ", Enumerable.Range(0, n).Select(i => $"0.5*{P(i)}^2 + 0.5*({Q(i + 1)} - {Q(i)})^2 + (0.25/3)*({Q(i + 1)} - {Q(i)})^3"));
        var variables = Enumerable.Range(0, n).Select(P).Concat(Enumerable.Range(0, n).Select(i => $"q{i}")).ToList();
        return new Shape("Fput", [n], 2, [true, true], 2, true,
            v => energy(v.AsSpan(0, n), v.AsSpan(n, n), n),
            (v, g) => gradient(v.AsSpan(0, n), v.AsSpan(n, n), n, g),
            new ExactPolynomial(text, variables));
    }

    private static Shape Phi4Shape(int rows, int columns, bool isDouble)
    {
        string U(int i, int j) => $"u{((i % rows) + rows) % rows}_{((j % columns) + columns) % columns}";
        var terms = new List<string>();
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                terms.Add($"0.5*({U(i + 1, j)} - {U(i, j)})^2 + 0.5*({U(i, j + 1)} - {U(i, j)})^2 + 0.5*{U(i, j)}^2 + 0.25*{U(i, j)}^4");
            }
        }

        var variables = Enumerable.Range(0, rows * columns).Select(k => U(k / columns, k % columns)).ToList();
        var exact = new ExactPolynomial(string.Join(" + ", terms), variables);
        if (isDouble)
        {
            var energy = Method<Phi4>("Phi4");
            var gradient = Method<Phi4Gradient>("Phi4Gradient");
            return new Shape("Phi4", [rows, columns], 1, [true], 2, true, v => energy(v, rows, columns), (v, g) => gradient(v, rows, columns, g), exact);
        }

        var single = Method<Phi4F>("Phi4F");
        var singleGradient = Method<Phi4FGradient>("Phi4FGradient");
        return new Shape("Phi4F", [rows, columns], 1, [true], 2, false,
            v => single(v.Select(x => (float)x).ToArray(), rows, columns),
            (v, g) =>
            {
                var s = new float[g.Length];
                double e = singleGradient(v.Select(x => (float)x).ToArray(), rows, columns, s);
                for (int k = 0; k < g.Length; k++)
                {
                    g[k] = s[k];
                }

                return e;
            },
            exact);
    }

    private static Shape SpinChainShape(int n)
    {
        var energy = Method<SpinChain>("SpinChain");
        var gradient = Method<SpinChainGradient>("SpinChainGradient");

        // Open: a monomial that reads outside the chain is dropped, as if the read were 0 (outside spins average to 0).
        string S(int i) => i < 0 || i >= n ? "0" : $"s{i}";
        string X(int i) => i < 0 || i >= n ? "0" : $"x{i}";
        string text = string.Join(" + ", Enumerable.Range(0, n).Select(i => $"{S(i)}*{S(i + 1)}*{X(i)} - 0.5*{X(i)}*{X(i + 1)}*{S(i)} + 0.25*{X(i)}^2 + 0.1*{S(i)}*{X(i - 1)}"));
        var variables = Enumerable.Range(0, n).Select(i => $"s{i}").Concat(Enumerable.Range(0, n).Select(i => $"x{i}")).ToList();
        sbyte[] Spins(double[] v) => v.Take(n).Select(x => (sbyte)x).ToArray();
        return new Shape("SpinChain", [n], 2, [false, true], 1, true,
            v => energy(Spins(v), v.AsSpan(n, n), n),
            (v, g) => gradient(Spins(v), v.AsSpan(n, n), n, g),
            new ExactPolynomial(text, variables));
    }

    private static T Method<T>(string name) where T : Delegate =>
        Compiled.Value.GetMethods().Single(m => m.Name == name && m.GetParameters().Length == typeof(T).GetMethod("Invoke")!.GetParameters().Length).CreateDelegate<T>();
}
