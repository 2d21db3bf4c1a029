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
        int n = 5000;
        var t = Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        var h = Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
        using var results = session.Run(
        [
            NamedOnnxValue.CreateFromTensor("t", new DenseTensor<double>(t, [n, 1])),
            NamedOnnxValue.CreateFromTensor("h", new DenseTensor<double>(h, [n, 1])),
        ]);
        var probabilities = results.Single(r => r.Name == "probabilities").AsTensor<double>();
        Assert.Equal(new[] { n, 3 }, probabilities.Dimensions.ToArray());
        double worst = 0;
        Span<double> exact = stackalloc double[3];
        for (int i = 0; i < n; i++)
        {
            classifier.EvaluateExact([t[i], h[i]], exact);
            for (int y = 0; y < 3; y++)
            {
                worst = Math.Max(worst, Math.Abs(probabilities[i, y] - exact[y]));
            }
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
