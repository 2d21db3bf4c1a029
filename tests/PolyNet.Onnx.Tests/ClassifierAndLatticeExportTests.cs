using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Xunit.Abstractions;

namespace PolyNet.Onnx.Tests;

/// <summary>A classifier ends in a Softmax over its categories; a lattice exports at a given size.</summary>
public class ClassifierAndLatticeExportTests(ITestOutputHelper output)
{
    [Fact]
    public void The_classifier_s_probabilities_stay_within_the_export_s_bound_of_the_exact_posterior()
    {
        var classifier = Models.WeatherNetwork;
        using var stream = new MemoryStream();
        var result = classifier.ExportOnnx(stream);
        using var session = new InferenceSession(stream.ToArray());
        var random = new Random(5);

        // Random points, every corner, then a batched hill climb from the worst: |p_model − p_exact| over every category.
        var points = Enumerable.Range(0, 20000).Select(_ => new[] { (random.NextDouble() * 2) - 1, (random.NextDouble() * 2) - 1 }).ToList();
        points.AddRange(new[] { new[] { -1.0, -1.0 }, new[] { -1.0, 1.0 }, new[] { 1.0, -1.0 }, new[] { 1.0, 1.0 } });
        double worst = 0;
        double[] best = points[0];
        void Consider(List<double[]> batch)
        {
            int n = batch.Count;
            using var results = session.Run(
            [
                NamedOnnxValue.CreateFromTensor("t", new DenseTensor<double>(batch.Select(p => p[0]).ToArray(), [n, 1])),
                NamedOnnxValue.CreateFromTensor("h", new DenseTensor<double>(batch.Select(p => p[1]).ToArray(), [n, 1])),
            ]);
            var probabilities = results.Single(r => r.Name == "probabilities").AsTensor<double>();
            Assert.Equal(new[] { n, 3 }, probabilities.Dimensions.ToArray());
            Span<double> exact = stackalloc double[3];
            for (int i = 0; i < n; i++)
            {
                classifier.EvaluateExact(batch[i], exact);
                for (int y = 0; y < 3; y++)
                {
                    double error = Math.Abs(probabilities[i, y] - exact[y]);
                    if (error > worst)
                    {
                        worst = error;
                        best = batch[i];
                    }
                }
            }
        }

        Consider(points);
        double step = 0.05;
        for (int round = 0; round < 20; round++, step *= 0.7)
        {
            var around = best;
            Consider(Enumerable.Range(0, 500).Select(_ => around.Select(v => Math.Clamp(v + (((random.NextDouble() * 2) - 1) * step), -1, 1)).ToArray()).ToList());
        }

        output.WriteLine($"classifier: export MaxError {result.MaxError:G3} (generated {classifier.MaxError:G3}), worst {worst:G3}");
        Assert.True(worst <= result.MaxError, $"{worst:G3} > {result.MaxError:G3}");
        Assert.True(result.MaxError <= 10 * worst, $"{result.MaxError:G3} > 10 × {worst:G3}");
        Assert.Equal("sunny,rainy,windy", session.ModelMetadata.CustomMetadataMap["polynet.categories"]);
    }

    [Fact]
    public void A_lattice_exports_at_a_given_size_and_its_energy_stays_within_the_bound()
    {
        var lattice = Models.Phi4Lattice;
        using var stream = new MemoryStream();
        var result = lattice.ExportOnnx(stream, [3, 4]);
        using var session = new InferenceSession(stream.ToArray());
        var network = lattice.Unroll(3, 4);
        Assert.Equal(network.Inputs, session.InputMetadata.Keys.ToArray());

        // The lattice's model is its unrolled network's: search that one for the worst error.
        using var runner = new OnnxRunner(network);
        Assert.Equal(result.MaxError, runner.Result.MaxError);
        var (worst, _) = ExportAccuracyTests.Search(runner, 8);
        output.WriteLine($"lattice 3x4: export MaxError {result.MaxError:G3} (generated {network.MaxError:G3}), worst {worst:G3}, ratio {result.MaxError / worst:F1}");
        Assert.True(worst <= result.MaxError, $"{worst:G3} > {result.MaxError:G3}");
        Assert.True(result.MaxError <= 10 * worst, $"{result.MaxError:G3} > 10 × {worst:G3}");
    }
}
