using System;
using System.Linq;
using PolyNet.Kernels;

namespace PolyNet.Generators.Tests.Runtime;

/// <summary>The classifier softmax: stable at huge energies, exact ties, sums to 1, NaN and length handling.</summary>
public sealed class ClassifierSoftmaxTests
{
    private const double Sentinel = 42.0;

    private static readonly double LogHalf = Math.Log(0.5);

    [Fact]
    public void Huge_opposite_energies_give_zero_and_one_without_nan()
    {
        var probabilities = new double[2];
        int best = Softmax.Probabilities([1e300, -1e300], [LogHalf, LogHalf], probabilities);
        Assert.Equal(1, best);
        Assert.Equal([0.0, 1.0], probabilities);

        var logs = new double[2];
        Softmax.LogProbabilities([1e300, -1e300], [LogHalf, LogHalf], logs);
        Assert.True(double.IsFinite(logs[0]), $"log p0 = {logs[0]}");
        Assert.Equal(-2e300, logs[0], 1e285);
        Assert.Equal(0.0, logs[1]);

        best = Softmax.Probabilities([-1e300, 1e300, -1e300], [0, 0, 0], probabilities = new double[3]);
        Assert.Equal(0, best);
        Assert.Equal([0.5, 0.0, 0.5], probabilities);
    }

    [Fact]
    public void Equal_energies_and_priors_give_exactly_equal_probabilities()
    {
        for (int count = 2; count <= 12; count++)
        {
            foreach (double energy in new[] { 0.0, -3.5, 1e300, -1e300, 7e-20 })
            {
                var energies = Enumerable.Repeat(energy, count).ToArray();
                var logPriors = Enumerable.Repeat(-Math.Log(count), count).ToArray();
                var probabilities = new double[count];
                Assert.Equal(0, Softmax.Probabilities(energies, logPriors, probabilities));
                Assert.All(probabilities, p => Assert.Equal(probabilities[0], p));
                Assert.Equal(1.0 / count, probabilities[0], 1e-16);

                var logs = new double[count];
                Softmax.LogProbabilities(energies, logPriors, logs);
                Assert.All(logs, l => Assert.Equal(logs[0], l));
                Assert.Equal(-Math.Log(count), logs[0], 1e-15);

                // Float energies: ±1e300 becomes ±∞, whose equal ties are covered by Infinite_energies_give_their_limits.
                var floats = new float[count];
                float single = Math.Abs(energy) < float.MaxValue ? (float)energy : Math.Sign(energy) * float.MaxValue;
                Assert.Equal(0, Softmax.Probabilities(Enumerable.Repeat(single, count).ToArray(), logPriors, floats));
                Assert.All(floats, p => Assert.Equal(floats[0], p));
            }
        }
    }

    [Fact]
    public void Probabilities_sum_to_one_within_four_ulps_and_match_the_naive_softmax()
    {
        var random = new Random(20240611);
        double ulp = Math.ScaleB(1.0, -52);
        for (int trial = 0; trial < 20_000; trial++)
        {
            int count = random.Next(2, 21);
            double scale = Math.Pow(10, (6 * random.NextDouble()) - 3);
            var energies = Enumerable.Range(0, count).Select(_ => scale * ((2 * random.NextDouble()) - 1)).ToArray();
            var weights = Enumerable.Range(0, count).Select(_ => 0.01 + random.NextDouble()).ToArray();
            var logPriors = weights.Select(w => Math.Log(w / weights.Sum())).ToArray();
            var probabilities = new double[count];
            int best = Softmax.Probabilities(energies, logPriors, probabilities);

            var sum = default(NeumaierSum);
            foreach (double p in probabilities)
            {
                Assert.InRange(p, 0.0, 1.0);
                sum.Add(p);
            }

            Assert.True(Math.Abs(sum.Value - 1) <= 4 * ulp, $"trial {trial}: sum - 1 = {sum.Value - 1:R}");

            var z = energies.Select((e, y) => logPriors[y] - e).ToArray();
            Assert.Equal(Array.IndexOf(z, z.Max()), best);
            double max = z.Max();
            double total = z.Sum(v => Math.Exp(v - max));
            var logs = new double[count];
            Softmax.LogProbabilities(energies, logPriors, logs);
            for (int y = 0; y < count; y++)
            {
                double expected = Math.Exp(z[y] - max) / total;
                Assert.True(Math.Abs(probabilities[y] - expected) <= 1e-14 * Math.Max(expected, 1e-300), $"trial {trial}, y {y}: {probabilities[y]:R} vs {expected:R}");
                double expectedLog = z[y] - max - Math.Log(total);
                Assert.True(Math.Abs(logs[y] - expectedLog) <= 1e-13 * Math.Max(1, Math.Abs(expectedLog)), $"trial {trial}, y {y}: log {logs[y]:R} vs {expectedLog:R}");
            }
        }
    }

    [Fact]
    public void The_float_overloads_round_the_double_results()
    {
        var random = new Random(7);
        for (int trial = 0; trial < 2_000; trial++)
        {
            int count = random.Next(2, 9);
            var energies = Enumerable.Range(0, count).Select(_ => (float)(20 * ((2 * random.NextDouble()) - 1))).ToArray();
            var logPriors = Enumerable.Repeat(-Math.Log(count), count).ToArray();
            var doubles = new double[count];
            var floats = new float[count];
            int best = Softmax.Probabilities(energies.Select(e => (double)e).ToArray(), logPriors, doubles);
            Assert.Equal(best, Softmax.Probabilities(energies, logPriors, floats));
            Assert.Equal(doubles.Select(p => (float)p).ToArray(), floats);
            Assert.True(Math.Abs(floats.Sum(p => (double)p) - 1) <= count * Math.ScaleB(1.0, -24), $"trial {trial}");

            var logDoubles = new double[count];
            var logFloats = new float[count];
            Softmax.LogProbabilities(energies.Select(e => (double)e).ToArray(), logPriors, logDoubles);
            Softmax.LogProbabilities(energies, logPriors, logFloats);
            Assert.Equal(logDoubles.Select(l => (float)l).ToArray(), logFloats);
        }

        var huge = new float[2];
        Assert.Equal(1, Softmax.Probabilities([float.MaxValue, -float.MaxValue], [LogHalf, LogHalf], huge));
        Assert.Equal([0f, 1f], huge);
    }

    [Fact]
    public void The_argmax_is_the_first_on_ties()
    {
        var probabilities = new double[3];
        Assert.Equal(1, Softmax.Probabilities([1.0, 0.0, 0.0], [0, 0, 0], probabilities));
        Assert.Equal(probabilities[1], probabilities[2]);
        Assert.Equal(2, Softmax.Probabilities([0.0, 0.0, 0.0], [-2, -1, -0.5], probabilities));
        Assert.Equal(0, Softmax.ArgMax([3.0, 3.0, 1.0]));
        Assert.Equal(2, Softmax.ArgMax([double.NegativeInfinity, 0.0, 1.0, 1.0]));
        Assert.Equal(0, Softmax.ArgMax([double.NegativeInfinity, double.NegativeInfinity]));
        Assert.Equal(-1, Softmax.ArgMax([]));
        Assert.Equal(-1, Softmax.ArgMax([1.0, double.NaN]));
    }

    [Fact]
    public void A_nan_energy_or_log_prior_makes_every_result_nan_and_the_argmax_minus_one()
    {
        var probabilities = new double[3];
        Assert.Equal(-1, Softmax.Probabilities([0.0, double.NaN, -5.0], [0, 0, 0], probabilities));
        Assert.All(probabilities, p => Assert.True(double.IsNaN(p)));
        Assert.Equal(-1, Softmax.Probabilities([0.0, 1.0, -5.0], [0, double.NaN, 0], probabilities));
        Assert.All(probabilities, p => Assert.True(double.IsNaN(p)));

        var floats = new float[2];
        Assert.Equal(-1, Softmax.Probabilities([float.NaN, 0f], [0, 0], floats));
        Assert.All(floats, p => Assert.True(float.IsNaN(p)));

        var logs = new double[2];
        Softmax.LogProbabilities([double.NaN, 0.0], [0, 0], logs);
        Assert.All(logs, l => Assert.True(double.IsNaN(l)));
        var logFloats = new float[2];
        Softmax.LogProbabilities([0f, float.NaN], [0, 0], logFloats);
        Assert.All(logFloats, l => Assert.True(float.IsNaN(l)));
    }

    [Fact]
    public void Infinite_energies_give_their_limits()
    {
        var probabilities = new double[3];
        Assert.Equal(1, Softmax.Probabilities([0.0, double.NegativeInfinity, double.NegativeInfinity], [0, -5, 0], probabilities));
        Assert.Equal([0.0, 0.5, 0.5], probabilities);

        Assert.Equal(0, Softmax.Probabilities([0.0, double.PositiveInfinity, 1.0], [0, 0, 0], probabilities));
        Assert.Equal(0.0, probabilities[1]);
        Assert.Equal(1.0, probabilities.Sum(), 1e-15);
        var logs = new double[3];
        Softmax.LogProbabilities([0.0, double.PositiveInfinity, 1.0], [0, 0, 0], logs);
        Assert.Equal(double.NegativeInfinity, logs[1]);
        Assert.True(double.IsFinite(logs[0]) && double.IsFinite(logs[2]));

        Assert.Equal(-1, Softmax.Probabilities([double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity], [0, 0, 0], probabilities));
        Assert.All(probabilities, p => Assert.True(double.IsNaN(p)));
    }

    [Fact]
    public void A_length_mismatch_throws_naming_the_destination_before_writing()
    {
        foreach (var (energies, logPriors, destination) in new[] { (2, 3, 3), (3, 2, 3), (3, 3, 2), (0, 0, 1) })
        {
            var e = new double[energies];
            var l = new double[logPriors];
            var d = Enumerable.Repeat(Sentinel, destination).ToArray();
            var thrown = Assert.Throws<ArgumentException>(() => Softmax.Probabilities(e, l, d));
            Assert.Equal("probabilities", thrown.ParamName);
            Assert.All(d, v => Assert.Equal(Sentinel, v));

            thrown = Assert.Throws<ArgumentException>(() => Softmax.LogProbabilities(e, l, d));
            Assert.Equal("logProbabilities", thrown.ParamName);
            Assert.All(d, v => Assert.Equal(Sentinel, v));

            var ef = new float[energies];
            var df = Enumerable.Repeat((float)Sentinel, destination).ToArray();
            thrown = Assert.Throws<ArgumentException>(() => Softmax.Probabilities(ef, l, df));
            Assert.Equal("probabilities", thrown.ParamName);
            Assert.All(df, v => Assert.Equal((float)Sentinel, v));

            thrown = Assert.Throws<ArgumentException>(() => Softmax.LogProbabilities(ef, l, df));
            Assert.Equal("logProbabilities", thrown.ParamName);
            Assert.All(df, v => Assert.Equal((float)Sentinel, v));
        }
    }

    [Fact]
    public void Many_categories_use_heap_scratch()
    {
        int count = 1000;
        var energies = Enumerable.Range(0, count).Select(i => (float)(i % 7)).ToArray();
        var logPriors = Enumerable.Repeat(-Math.Log(count), count).ToArray();
        var probabilities = new float[count];
        Assert.Equal(0, Softmax.Probabilities(energies, logPriors, probabilities));
        Assert.Equal(1.0, probabilities.Sum(p => (double)p), 1e-5);
        var logs = new float[count];
        Softmax.LogProbabilities(energies, logPriors, logs);
        Assert.Equal(Math.Log(probabilities[3]), logs[3], 1e-5);
    }
}
