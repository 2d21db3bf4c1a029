using System;
using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Tests.CompileAndRun;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Classifier;

/// <summary>
/// Generated classifiers against the exact posterior (exact rational energies, then the softmax), the reference
/// description, batch = scalar, shared neurons, and numerically extreme energies.
/// </summary>
public sealed class ClassifierTests
{
    private const string Sunny = "0.5*(t - 1)^2 + 2*(h - 0.2)^2";
    private const string Rainy = "0.5*(t + 0.5)^2 + (h - 0.8)^2 + 0.3*t*h";

    private static readonly Lazy<Type> Compiled = new(() => GeneratorHarness.BuildAndLoad($$"""
        using System;
        using PolyNet;

        public static partial class Classifiers
        {
            [Category("sunny", "{{Sunny}}", Prior = 0.6)]
            [Category("rainy", "{{Rainy}}", Prior = 0.4)]
            public static partial int Weather(double t, double h, Span<double> probabilities);

            [Category("sunny", "{{Sunny}}", Prior = 0.6)]
            [Category("rainy", "{{Rainy}}", Prior = 0.4)]
            [Classifier(InputBound = 1.5)]
            public static partial void WeatherF(float t, float h, Span<float> probabilities);

            [Category("a", "x*y + x")]
            [Category("b", "x*y - y", Prior = 3)]
            public static partial int Shared(double x, double y, Span<double> p);

            [Category("up", "-s1*s2 - 0.5*s1 + 0.25*b*s2")]
            [Category("down", "-s1*s2 + 0.5*s1 - b")]
            [Category("mixed", "s1*s2*b - 0.1*x*s1", Prior = 2)]
            public static partial int Spins([Spin] int s1, [Spin] sbyte s2, bool b, double x, Span<double> p);

            [Category("big", "1e300*x")]
            [Category("small", "-1e300*x")]
            [Category("same", "1e300*x")]
            public static partial int Extreme(double x, Span<double> p);
        }
        """).GetType("Classifiers")!);

    private delegate int Two(double t, double h, Span<double> probabilities);

    private delegate void TwoF(float t, float h, Span<float> probabilities);

    private delegate void Batch(ReadOnlySpan<double> t, ReadOnlySpan<double> h, Span<double> probabilities, Span<int> categories);

    private delegate void BatchF(ReadOnlySpan<float> t, ReadOnlySpan<float> h, Span<float> probabilities, Span<int> categories);

    private delegate void LogTwo(double t, double h, Span<double> logProbabilities);

    private delegate void LogBatch(ReadOnlySpan<double> t, ReadOnlySpan<double> h, Span<double> logProbabilities);

    private delegate int SpinClassifier(int s1, sbyte s2, bool b, double x, Span<double> p);

    private delegate int OneInput(double x, Span<double> p);

    private static T Method<T>(string name, int parameters, Type? returns = null) where T : Delegate =>
        Compiled.Value.GetMethods().Single(m => m.Name == name && m.GetParameters().Length == parameters && (returns is null || m.ReturnType == returns)).CreateDelegate<T>();

    private static BoltzmannClassifier Network(string name) => (BoltzmannClassifier)Compiled.Value.GetProperty(name + "Network")!.GetValue(null)!;

    /// <summary>The posterior from exact rational energies, softmax in double.</summary>
    private static double[] ExactPosterior(IReadOnlyList<ExactPolynomial> energies, IReadOnlyList<double> priors, IReadOnlyList<double> point)
    {
        var logits = energies.Select((e, y) => Math.Log(priors[y] / priors.Sum()) - e.Evaluate(point).ToDouble()).ToArray();
        double top = logits.Max();
        var weights = logits.Select(z => Math.Exp(z - top)).ToArray();
        return weights.Select(w => w / weights.Sum()).ToArray();
    }

    [Fact]
    public void The_contract_example_matches_the_exact_posterior_within_1e_9_and_MaxError()
    {
        var classify = Method<Two>("Weather", 3, typeof(int));
        var classifier = Network("Weather");
        var energies = new[] { new ExactPolynomial(Sunny, ["t", "h"]), new ExactPolynomial(Rainy, ["t", "h"]) };
        Assert.Equal(new[] { "sunny", "rainy" }, classifier.Categories);
        Assert.Equal(0.6, classifier.Priors[0], 15);
        Assert.InRange(classifier.MaxError, 1e-15, 1e-9);
        var random = new Random(1);
        Span<double> p = stackalloc double[2];
        Span<double> reference = stackalloc double[2];
        for (int trial = 0; trial < 500; trial++)
        {
            double t = (random.NextDouble() * 2) - 1, h = (random.NextDouble() * 2) - 1;
            int category = classify(t, h, p);
            var exact = ExactPosterior(energies, [0.6, 0.4], [t, h]);
            for (int y = 0; y < 2; y++)
            {
                Assert.True(Math.Abs(p[y] - exact[y]) <= Math.Min(1e-9, classifier.MaxError), $"trial {trial}, {y}: {p[y]} vs {exact[y]}");
            }

            Assert.Equal(exact[0] >= exact[1] ? 0 : 1, category);
            Assert.Equal(1.0, p[0] + p[1], 15);
            Assert.Equal(category, classifier.Evaluate([t, h], reference));
            Assert.True(Math.Abs(reference[0] - p[0]) <= 1e-12);
        }
    }

    [Fact]
    public void Float_classifiers_are_within_1e_4_and_their_bound()
    {
        var classify = Method<TwoF>("WeatherF", 3);
        var classifier = Network("WeatherF");
        var energies = new[] { new ExactPolynomial(Sunny, ["t", "h"]), new ExactPolynomial(Rainy, ["t", "h"]) };
        var random = new Random(2);
        Span<float> p = stackalloc float[2];
        for (int trial = 0; trial < 500; trial++)
        {
            float t = (float)((random.NextDouble() * 3) - 1.5), h = (float)((random.NextDouble() * 3) - 1.5);
            classify(t, h, p);
            var exact = ExactPosterior(energies, [0.6, 0.4], [t, h]);
            for (int y = 0; y < 2; y++)
            {
                Assert.True(Math.Abs(p[y] - exact[y]) <= Math.Min(1e-4, classifier.MaxError), $"trial {trial}: {p[y]} vs {exact[y]}, bound {classifier.MaxError}");
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(33)]
    [InlineData(100)]
    public void The_batch_equals_the_scalar_method_and_checks_lengths_before_writing(int rows)
    {
        var classify = Method<Two>("Weather", 3, typeof(int));
        var batch = Method<Batch>("Weather", 4);
        var batchF = Method<BatchF>("WeatherF", 4);
        var random = new Random(rows);
        var t = Enumerable.Range(0, rows).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        var h = Enumerable.Range(0, rows).Select(i => i % 9 == 4 ? 5.0 : (random.NextDouble() * 2) - 1).ToArray();
        var probabilities = new double[rows * 2];
        var categories = new int[rows];
        batch(t, h, probabilities, categories);
        Span<double> p = stackalloc double[2];
        for (int i = 0; i < rows; i++)
        {
            Assert.Equal(classify(t[i], h[i], p), categories[i]);
            Assert.True(Math.Abs(p[0] - probabilities[2 * i]) <= 1e-14 && Math.Abs(p[1] - probabilities[(2 * i) + 1]) <= 1e-14, $"row {i}: {p[0]} vs {probabilities[2 * i]}");
        }

        var floats = new float[rows * 2];
        batchF(t.Select(v => (float)v).ToArray(), h.Select(v => (float)v).ToArray(), floats, categories);
        var scalarF = Method<TwoF>("WeatherF", 3);
        Span<float> q = stackalloc float[2];
        for (int i = 0; i < rows; i++)
        {
            scalarF((float)t[i], (float)h[i], q);
            Assert.True(Math.Abs(q[0] - floats[2 * i]) <= 1e-6, $"row {i}: {q[0]} vs {floats[2 * i]}");
        }

        var sentinel = Enumerable.Repeat(-7.0, rows * 2 + 2).ToArray();
        Assert.Equal("probabilities", Assert.Throws<ArgumentException>(() => batch(t, h, sentinel, categories)).ParamName);
        Assert.All(sentinel, v => Assert.Equal(-7.0, v));
        if (rows > 0)
        {
            Assert.Equal("h", Assert.Throws<ArgumentException>(() => batch(t, h.AsSpan(1).ToArray(), probabilities, categories)).ParamName);
        }
    }

    [Fact]
    public void Log_probabilities_are_the_logarithms_scalar_and_batch()
    {
        var classify = Method<Two>("Weather", 3, typeof(int));
        var methods = Compiled.Value.GetMethods().Where(m => m.Name == "WeatherLogProbabilities").ToList();
        var log = methods.Single(m => m.GetParameters()[0].ParameterType == typeof(double)).CreateDelegate<LogTwo>();
        var logBatch = methods.Single(m => m.GetParameters()[0].ParameterType == typeof(ReadOnlySpan<double>)).CreateDelegate<LogBatch>();
        Span<double> p = stackalloc double[2];
        Span<double> lp = stackalloc double[2];
        var random = new Random(4);
        var t = Enumerable.Range(0, 20).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        var h = Enumerable.Range(0, 20).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        var rows = new double[40];
        logBatch(t, h, rows);
        for (int i = 0; i < 20; i++)
        {
            classify(t[i], h[i], p);
            log(t[i], h[i], lp);
            Assert.Equal(Math.Log(p[0]), lp[0], 12);
            Assert.Equal(Math.Log(p[1]), lp[1], 12);
            Assert.Equal(lp[0], rows[2 * i]);
            Assert.Equal(lp[1], rows[(2 * i) + 1]);
        }

        Assert.Equal("logProbabilities", Assert.Throws<ArgumentException>(() => logBatch(t, h, new double[39])).ParamName);
    }

    [Fact]
    public void A_monomial_in_several_categories_is_computed_once()
    {
        var shared = Network("Shared");
        Assert.Equal(4, shared.NeuronCount);
        Assert.Equal(8, shared.UnsharedNeuronCount);
        Assert.Equal(4, shared.Hamiltonians[0].NeuronCount);
        var weather = Network("Weather");
        Assert.Equal(8, weather.NeuronCount);
        Assert.Equal(12, weather.UnsharedNeuronCount);
    }

    [Fact]
    public void A_classifier_over_spins_bits_and_a_number_matches_the_exact_posterior_on_every_configuration()
    {
        var classify = Method<SpinClassifier>("Spins", 5);
        var classifier = Network("Spins");
        string[] inputs = ["s1", "s2", "b", "x"];
        var energies = new[]
        {
            new ExactPolynomial("-s1*s2 - 0.5*s1 + 0.25*b*s2", inputs),
            new ExactPolynomial("-s1*s2 + 0.5*s1 - b", inputs),
            new ExactPolynomial("s1*s2*b - 0.1*x*s1", inputs),
        };
        Span<double> p = stackalloc double[3];
        foreach (int s1 in new[] { -1, 1 })
        {
            foreach (int s2 in new[] { -1, 1 })
            {
                foreach (bool b in new[] { false, true })
                {
                    foreach (double x in new[] { -1, -0.3, 0, 0.7, 1 })
                    {
                        classify(s1, (sbyte)s2, b, x, p);
                        var exact = ExactPosterior(energies, [1, 1, 2], [s1, s2, b ? 1 : 0, x]);
                        for (int y = 0; y < 3; y++)
                        {
                            Assert.True(Math.Abs(p[y] - exact[y]) <= Math.Min(1e-9, classifier.MaxError), $"{s1} {s2} {b} {x}: {p[y]} vs {exact[y]}");
                        }
                    }
                }
            }
        }

        Assert.Equal("s2", Assert.Throws<ArgumentOutOfRangeException>(() => classify(1, 0, true, 0, new double[3])).ParamName);
    }

    [Fact]
    public void Energies_of_1e300_give_finite_probabilities_and_equal_energies_equal_ones()
    {
        var classify = Method<OneInput>("Extreme", 2);
        Span<double> p = stackalloc double[3];
        Assert.Equal(1, classify(1, p));
        Assert.Equal(1.0, p[1]);
        Assert.Equal(0.0, p[0]);
        Assert.Equal(p[0], p[2]);
        Assert.Equal(0, classify(-1, p));
        Assert.Equal(0.5, p[0]);
        Assert.Equal(0.5, p[2]);
        Assert.Equal(0.0, p[1]);
        classify(0, p);
        Assert.All(p.ToArray(), v => Assert.Equal(1.0 / 3, v, 15));
        Assert.Equal("p", Assert.Throws<ArgumentException>(() => classify(0, new double[2])).ParamName);
    }
}
