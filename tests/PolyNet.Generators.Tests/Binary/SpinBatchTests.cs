using System;
using System.Linq;
using PolyNet.Generators.Tests.CompileAndRun;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Binary;

/// <summary>Spin validation, batch overloads over bool/int/sbyte spans, and mixed bit × continuous monomials.</summary>
public sealed class SpinBatchTests
{
    private const string MixedExpression = "x*s1*s2 + 0.5*y*a + x*y*s1 - 0.3*x^2*b + a*b*s2 + 0.7*x - s1";

    private static readonly string Source = $$"""
        using PolyNet;
        public static partial class Spins
        {
            [Hamiltonian("-s1*s2 - s2*s3 + 0.5*s1 + a*s3 - 0.25*a")]
            public static partial double Energy([Spin] int s1, [Spin] int s2, [Spin] int s3, bool a);

            [Hamiltonian("-s1*s2 - s2*s3 + 0.5*s1 + a*s3 - 0.25*a")]
            public static partial float EnergyF([Spin] sbyte s1, [Spin] sbyte s2, [Spin] sbyte s3, bool a);

            [Hamiltonian("{{MixedExpression}}", InputBound = 2)]
            public static partial double Mixed(double x, double y, bool a, bool b, [Spin] int s1, [Spin] sbyte s2);

            [Hamiltonian("{{MixedExpression}}", InputBound = 2)]
            public static partial float MixedF(float x, float y, bool a, bool b, [Spin] int s1, [Spin] sbyte s2);
        }
        """;

    private static readonly Lazy<Type> Compiled = new(() => GeneratorHarness.BuildAndLoad(Source).GetType("Spins")!);

    private delegate void EnergyBatch(ReadOnlySpan<int> s1, ReadOnlySpan<int> s2, ReadOnlySpan<int> s3, ReadOnlySpan<bool> a, Span<double> destination);

    private delegate void EnergyFBatch(ReadOnlySpan<sbyte> s1, ReadOnlySpan<sbyte> s2, ReadOnlySpan<sbyte> s3, ReadOnlySpan<bool> a, Span<float> destination);

    private delegate void MixedBatch(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<bool> a, ReadOnlySpan<bool> b, ReadOnlySpan<int> s1, ReadOnlySpan<sbyte> s2, Span<double> destination);

    private delegate void MixedFBatch(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<bool> a, ReadOnlySpan<bool> b, ReadOnlySpan<int> s1, ReadOnlySpan<sbyte> s2, Span<float> destination);

    private static T Batch<T>(string name) where T : Delegate =>
        Compiled.Value.GetMethods().Single(m => m.Name == name && m.ReturnType == typeof(void)).CreateDelegate<T>();

    private static Func<int, int, int, bool, double> Energy => Compiled.Value.GetMethods().Single(m => m.Name == "Energy" && m.ReturnType == typeof(double)).CreateDelegate<Func<int, int, int, bool, double>>();

    private static Func<sbyte, sbyte, sbyte, bool, float> EnergyF => Compiled.Value.GetMethods().Single(m => m.Name == "EnergyF" && m.ReturnType == typeof(float)).CreateDelegate<Func<sbyte, sbyte, sbyte, bool, float>>();

    private static Func<double, double, bool, bool, int, sbyte, double> Mixed => Compiled.Value.GetMethods().Single(m => m.Name == "Mixed" && m.ReturnType == typeof(double)).CreateDelegate<Func<double, double, bool, bool, int, sbyte, double>>();

    private static Func<float, float, bool, bool, int, sbyte, float> MixedF => Compiled.Value.GetMethods().Single(m => m.Name == "MixedF" && m.ReturnType == typeof(float)).CreateDelegate<Func<float, float, bool, bool, int, sbyte, float>>();

    private static SigmoidNetwork Network(string name) => (SigmoidNetwork)Compiled.Value.GetProperty(name + "Network")!.GetValue(null)!;

    [Theory]
    [InlineData(2, 1, 1, "s1")]
    [InlineData(1, 0, 1, "s2")]
    [InlineData(-1, 1, -3, "s3")]
    public void A_scalar_spin_that_is_not_plus_or_minus_one_is_refused(int s1, int s2, int s3, string expected)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Energy(s1, s2, s3, true));
        Assert.Equal(expected, error.ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => EnergyF((sbyte)s1, (sbyte)s2, (sbyte)s3, false));
    }

    [Fact]
    public void A_batch_spin_that_is_not_plus_or_minus_one_is_refused_before_anything_is_written()
    {
        const int Length = 50;
        var ones = Enumerable.Repeat(1, Length).ToArray();
        var bad = Enumerable.Repeat(-1, Length).ToArray();
        bad[37] = 0;
        var destination = Enumerable.Repeat(-7.0, Length).ToArray();
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Batch<EnergyBatch>("Energy")(ones, bad, ones, new bool[Length], destination));
        Assert.Equal("s2", error.ParamName);
        Assert.Contains("'s2'[37] is 0", error.Message, StringComparison.Ordinal);
        Assert.All(destination, v => Assert.Equal(-7.0, v));

        var bytes = Enumerable.Repeat((sbyte)1, Length).ToArray();
        var badBytes = (sbyte[])bytes.Clone();
        badBytes[Length - 1] = 5;
        var floats = Enumerable.Repeat(-7f, Length).ToArray();
        var floatError = Assert.Throws<ArgumentOutOfRangeException>(() => Batch<EnergyFBatch>("EnergyF")(bytes, bytes, badBytes, new bool[Length], floats));
        Assert.Equal("s3", floatError.ParamName);
        Assert.Contains($"'s3'[{Length - 1}] is 5", floatError.Message, StringComparison.Ordinal);
        Assert.All(floats, v => Assert.Equal(-7f, v));
    }

    [Fact]
    public void Batch_equals_scalar_for_every_length_and_unaligned_slices()
    {
        var random = new Random(5);
        int Spin() => random.Next(2) == 0 ? -1 : 1;
        for (int length = 0; length <= 70; length++)
        {
            foreach (int offset in new[] { 0, 1, 3 })
            {
                int[][] s = Enumerable.Range(0, 3).Select(_ => Enumerable.Range(0, length + offset).Select(_ => Spin()).ToArray()).ToArray();
                bool[] a = Enumerable.Range(0, length + offset).Select(_ => random.Next(2) == 1).ToArray();
                double[] x = Enumerable.Range(0, length + offset).Select(_ => 4 * random.NextDouble() - 2).ToArray();
                double[] y = Enumerable.Range(0, length + offset).Select(_ => 4 * random.NextDouble() - 2).ToArray();
                var doubles = new double[length];
                var floats = new float[length];
                var mixed = new double[length];
                var mixedF = new float[length];
                sbyte[][] b = s.Select(column => column.Select(v => (sbyte)v).ToArray()).ToArray();
                float[] xf = x.Select(v => (float)v).ToArray(), yf = y.Select(v => (float)v).ToArray();
                Batch<EnergyBatch>("Energy")(s[0].AsSpan(offset), s[1].AsSpan(offset), s[2].AsSpan(offset), a.AsSpan(offset), doubles);
                Batch<EnergyFBatch>("EnergyF")(b[0].AsSpan(offset), b[1].AsSpan(offset), b[2].AsSpan(offset), a.AsSpan(offset), floats);
                Batch<MixedBatch>("Mixed")(x.AsSpan(offset), y.AsSpan(offset), a.AsSpan(offset), a.AsSpan(0, length), s[0].AsSpan(offset), b[1].AsSpan(offset), mixed);
                Batch<MixedFBatch>("MixedF")(xf.AsSpan(offset), yf.AsSpan(offset), a.AsSpan(offset), a.AsSpan(0, length), s[0].AsSpan(offset), b[1].AsSpan(offset), mixedF);
                for (int i = 0; i < length; i++)
                {
                    int j = i + offset;
                    Assert.Equal(Energy(s[0][j], s[1][j], s[2][j], a[j]), doubles[i], 1e-14);
                    Assert.Equal(EnergyF(b[0][j], b[1][j], b[2][j], a[j]), floats[i], 1e-6);
                    Assert.Equal(Mixed(x[j], y[j], a[j], a[i], s[0][j], b[1][j]), mixed[i], 1e-12);
                    Assert.Equal(MixedF(xf[j], yf[j], a[j], a[i], s[0][j], b[1][j]), mixedF[i], 2e-5);
                }
            }
        }
    }

    [Fact]
    public void Mixed_monomials_stay_within_MaxError_at_random_points()
    {
        var exact = new ExactPolynomial(MixedExpression, ["x", "y", "a", "b", "s1", "s2"]);
        var network = Network("Mixed");
        var networkF = Network("MixedF");
        var random = new Random(17);
        double worst = 0, worstF = 0, worstParity = 0;
        for (int n = 0; n < 400; n++)
        {
            double x = 4 * random.NextDouble() - 2, y = 4 * random.NextDouble() - 2;
            bool a = random.Next(2) == 1, b = random.Next(2) == 1;
            int s1 = random.Next(2) == 0 ? -1 : 1;
            sbyte s2 = (sbyte)(random.Next(2) == 0 ? -1 : 1);
            double[] point = [x, y, a ? 1 : 0, b ? 1 : 0, s1, s2];
            double value = Mixed(x, y, a, b, s1, s2);
            worst = Math.Max(worst, ExactPolynomial.Distance(value, exact.Evaluate(point)));
            worstParity = Math.Max(worstParity, Math.Abs(network.Evaluate(point) - value));
            double[] pointF = [(float)x, (float)y, a ? 1 : 0, b ? 1 : 0, s1, s2];
            worstF = Math.Max(worstF, ExactPolynomial.Distance(MixedF((float)x, (float)y, a, b, s1, s2), exact.Evaluate(pointF)));
        }

        Assert.True(worst <= network.MaxError, $"double: {worst:E3} > MaxError {network.MaxError:E3}");
        Assert.True(worstF <= networkF.MaxError, $"float: {worstF:E3} > MaxError {networkF.MaxError:E3}");
        double scale = exact.Scale([2, 2, 1, 1, 1, 1]);
        Assert.True(worstParity <= 2e-12 * scale, $"|interpreter − generated| = {worstParity:E3} > 2e-12·S");
        Assert.True(network.MaxError <= 1e-9, $"MaxError {network.MaxError:E3}");

        // a·b·y(s2) (and its pair) are bit-product neurons; the gated terms read spins and single bools directly,
        // so x·y·s1 needs two gate layers and nothing waits for a bit neuron.
        Assert.Equal(2, network.HiddenLayers);
        Assert.Equal(2, network.Neurons.Count(n => n.Synapses.All(s => s.Source is >= 2 and < 6)));
        Assert.Equal([InputKind.Continuous, InputKind.Continuous, InputKind.Bit, InputKind.Bit, InputKind.Spin, InputKind.Spin], network.InputKinds);
    }

    [Fact]
    public void The_destination_may_alias_a_continuous_input_only()
    {
        var x = new double[] { 0.5, -1, 1.5, 2 };
        var expected = new double[4];
        var ones = new[] { 1, 1, -1, 1 };
        var twos = new sbyte[] { 1, -1, 1, 1 };
        var bits = new[] { true, false, true, true };
        Batch<MixedBatch>("Mixed")(x, x, bits, bits, ones, twos, expected);
        Batch<MixedBatch>("Mixed")(x, x, bits, bits, ones, twos, x);
        Assert.Equal(expected, x);
    }
}
