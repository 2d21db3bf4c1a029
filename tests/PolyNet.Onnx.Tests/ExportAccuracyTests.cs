using System;
using System.Collections.Generic;
using System.Linq;
using Xunit.Abstractions;

namespace PolyNet.Onnx.Tests;

/// <summary>
/// Every exported model runs in ONNX Runtime within its own MaxError of the exact polynomial at random points and
/// corners inside the bounds, and that bound is not vacuous: within 10× of the worst error a search finds.
/// </summary>
public class ExportAccuracyTests(ITestOutputHelper output)
{
    public static TheoryData<string> Networks => new() { "Readme", "ReadmeF", "Oscillator", "OscillatorF", "Triple", "TripleD", "Product8", "Mixed" };

    internal static SigmoidNetwork Network(string name) => name switch
    {
        "Readme" => Hamiltonians.ReadmeNetwork,
        "ReadmeF" => Hamiltonians.ReadmeFNetwork,
        "Oscillator" => Hamiltonians.OscillatorNetwork,
        "OscillatorF" => Hamiltonians.OscillatorFNetwork,
        "Triple" => Hamiltonians.TripleNetwork,
        "TripleD" => Hamiltonians.TripleDNetwork,
        "Product8" => Hamiltonians.Product8Network,
        "Mixed" => Hamiltonians.MixedNetwork,
        _ => throw new ArgumentException(name, nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Networks))]
    public void The_model_stays_within_its_own_bound_and_the_bound_is_within_ten_times_the_worst_found(string name)
    {
        var network = Network(name);
        using var runner = new OnnxRunner(network);
        var (worst, _) = Search(runner, 11);
        output.WriteLine($"{name}: export MaxError {runner.Result.MaxError:G3} (generated {network.MaxError:G3}), worst found {worst:G3}, ratio {runner.Result.MaxError / worst:F1}, λ {runner.Result.MultiplyScale}/{runner.Result.SquareScale}");
        Assert.True(worst <= runner.Result.MaxError, $"worst {worst:G3} > MaxError {runner.Result.MaxError:G3}");
        Assert.True(runner.Result.MaxError <= 10 * worst, $"MaxError {runner.Result.MaxError:G3} is more than 10× the worst found, {worst:G3}");
    }

    /// <summary>The worst |model − polynomial| over random points, every corner, then a batched hill climb from the worst.</summary>
    internal static (double Worst, double[] Point) Search(OnnxRunner runner, int seed)
    {
        var network = runner.Network;
        var random = new Random(seed);
        int n = network.Inputs.Count;
        double Draw(int v) => network.InputKinds[v] switch
        {
            InputKind.Spin => random.Next(2) * 2 - 1,
            InputKind.Bit => random.Next(2),
            _ => ((random.NextDouble() * 2) - 1) * network.InputBounds[v],
        };

        double Exact(double[] p) => network.EvaluatePolynomial(runner.IsDouble ? p : p.Select(x => (double)(float)x).ToArray());
        var points = new List<double[]>();
        for (int i = 0; i < 20000; i++)
        {
            points.Add(Enumerable.Range(0, n).Select(Draw).ToArray());
        }

        for (int corner = 0; corner < (1 << Math.Min(n, 12)); corner++)
        {
            points.Add(Enumerable.Range(0, n).Select(v => network.InputKinds[v] == InputKind.Bit
                ? ((corner >> v) & 1)
                : (((corner >> v) & 1) == 1 ? 1.0 : -1.0) * (network.InputKinds[v] == InputKind.Continuous ? network.InputBounds[v] : 1)).ToArray());
        }

        double worst = 0;
        double[] best = points[0];
        void Consider(List<double[]> batch)
        {
            var values = runner.Run(batch);
            for (int i = 0; i < batch.Count; i++)
            {
                double error = Math.Abs(values[i] - Exact(batch[i]));
                if (error > worst)
                {
                    worst = error;
                    best = batch[i];
                }
            }
        }

        Consider(points);
        double step = 0.05;
        for (int round = 0; round < 20; round++, step *= 0.7)
        {
            var batch = new List<double[]>();
            for (int i = 0; i < 500; i++)
            {
                var p = (double[])best.Clone();
                for (int v = 0; v < n; v++)
                {
                    if (network.InputKinds[v] == InputKind.Continuous)
                    {
                        double bound = network.InputBounds[v];
                        p[v] = Math.Clamp(p[v] + (((random.NextDouble() * 2) - 1) * step * bound), -bound, bound);
                    }
                }

                batch.Add(p);
            }

            Consider(batch);
        }

        return (worst, best);
    }
}
