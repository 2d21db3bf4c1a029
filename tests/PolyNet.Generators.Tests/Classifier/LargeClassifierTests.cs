using System;
using System.Linq;
using PolyNet.Generators.Tests.CompileAndRun;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Classifier;

/// <summary>A classifier large enough that its shared gates are evaluated in chunks: exact posteriors, batch = scalar.</summary>
public sealed class LargeClassifierTests
{
    private static readonly string[] Inputs = ["a", "b", "c", "d", "e", "f"];

    /// <summary>A full quadratic form per category: 6 squares and 15 products, shared by all three (21 gates).</summary>
    private static string Quadratic(int seed)
    {
        var random = new Random(seed);
        var terms = new System.Collections.Generic.List<string>();
        for (int i = 0; i < Inputs.Length; i++)
        {
            for (int j = i; j < Inputs.Length; j++)
            {
                double c = Math.Round((random.NextDouble() * 2) - 1, 3);
                terms.Add($"{c.ToString(System.Globalization.CultureInfo.InvariantCulture)}*{Inputs[i]}*{Inputs[j]}");
            }

            terms.Add($"{Math.Round(random.NextDouble() - 0.5, 3).ToString(System.Globalization.CultureInfo.InvariantCulture)}*{Inputs[i]}");
        }

        return string.Join(" + ", terms).Replace("+ -", "- ", StringComparison.Ordinal);
    }

    private static readonly string[] Hamiltonians = [Quadratic(1), Quadratic(2), Quadratic(3)];

    private static readonly Lazy<Type> Compiled = new(() => GeneratorHarness.BuildAndLoad($$"""
        using System;
        using PolyNet;

        public static partial class Large
        {
            [Category("x", "{{Hamiltonians[0]}}")]
            [Category("y", "{{Hamiltonians[1]}}", Prior = 2)]
            [Category("z", "{{Hamiltonians[2]}}", Prior = 3)]
            public static partial int Classify(double a, double b, double c, double d, double e, double f, Span<double> p);

            [Category("x", "{{Hamiltonians[0]}}")]
            [Category("y", "{{Hamiltonians[1]}}", Prior = 2)]
            [Category("z", "{{Hamiltonians[2]}}", Prior = 3)]
            public static partial int ClassifyF(float a, float b, float c, float d, float e, float f, Span<float> p);
        }
        """).GetType("Large")!);

    private delegate int Scalar(double a, double b, double c, double d, double e, double f, Span<double> p);

    private delegate void Batch(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, ReadOnlySpan<double> d, ReadOnlySpan<double> e, ReadOnlySpan<double> f, Span<double> p, Span<int> categories);

    private delegate int ScalarF(float a, float b, float c, float d, float e, float f, Span<float> p);

    [Fact]
    public void A_chunked_classifier_matches_the_exact_posterior_and_its_batch_matches_its_scalar_method()
    {
        var type = Compiled.Value;
        var classifier = (BoltzmannClassifier)type.GetProperty("ClassifyNetwork")!.GetValue(null)!;
        Assert.Equal(21 * 4 - 6 * 2, classifier.NeuronCount);
        Assert.Equal(3 * classifier.NeuronCount, classifier.UnsharedNeuronCount);
        var scalar = type.GetMethods().Single(m => m.Name == "Classify" && m.ReturnType == typeof(int)).CreateDelegate<Scalar>();
        var batch = type.GetMethods().Single(m => m.Name == "Classify" && m.ReturnType == typeof(void)).CreateDelegate<Batch>();
        var scalarF = type.GetMethods().Single(m => m.Name == "ClassifyF" && m.ReturnType == typeof(int)).CreateDelegate<ScalarF>();
        var floatBound = ((BoltzmannClassifier)type.GetProperty("ClassifyFNetwork")!.GetValue(null)!).MaxError;
        var exact = Hamiltonians.Select(h => new ExactPolynomial(h, Inputs)).ToArray();
        double[] priors = [1, 2, 3];
        const int Rows = 37;
        var random = new Random(5);
        var columns = Enumerable.Range(0, 6).Select(_ => Enumerable.Range(0, Rows).Select(_ => (random.NextDouble() * 2) - 1).ToArray()).ToArray();
        var probabilities = new double[Rows * 3];
        var categories = new int[Rows];
        batch(columns[0], columns[1], columns[2], columns[3], columns[4], columns[5], probabilities, categories);
        Span<double> p = stackalloc double[3];
        Span<float> q = stackalloc float[3];
        for (int row = 0; row < Rows; row++)
        {
            var x = columns.Select(c => c[row]).ToArray();
            var logits = exact.Select((h, y) => Math.Log(priors[y] / 6) - h.Evaluate(x).ToDouble()).ToArray();
            var weights = logits.Select(z => Math.Exp(z - logits.Max())).ToArray();
            int category = scalar(x[0], x[1], x[2], x[3], x[4], x[5], p);
            scalarF((float)x[0], (float)x[1], (float)x[2], (float)x[3], (float)x[4], (float)x[5], q);
            Assert.Equal(category, categories[row]);
            for (int y = 0; y < 3; y++)
            {
                double reference = weights[y] / weights.Sum();
                Assert.True(Math.Abs(p[y] - reference) <= Math.Min(1e-9, classifier.MaxError), $"row {row}, {y}: {p[y]} vs {reference}");
                Assert.True(Math.Abs(probabilities[(row * 3) + y] - p[y]) <= 1e-12, $"row {row}, {y}: batch {probabilities[(row * 3) + y]} vs {p[y]}");
                Assert.True(Math.Abs(q[y] - reference) <= Math.Min(1e-4, floatBound), $"float row {row}, {y}: {q[y]} vs {reference}");
            }
        }
    }
}
