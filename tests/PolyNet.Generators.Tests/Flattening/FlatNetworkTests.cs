using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using PolyNet.Generators.Tests.CompileAndRun;
using PolyNet.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Flattening;

/// <summary>
/// Depth-limited networks generated, compiled with warnings as errors, loaded and run: against exact rational
/// arithmetic (measured ≤ MaxError, on random points and every corner) and against the neuron-by-neuron
/// interpreter of their own weights; sizes equal to the cost model's.
/// </summary>
public sealed class FlatNetworkTests(ITestOutputHelper output)
{
    private const int RandomPoints = 400;

    /// <summary>(expression, variables, MaxHiddenLayers): products of n = 2..8 at every depth up to deep, powers, sums.</summary>
    internal static readonly (string Expression, string[] Variables, int Layers)[] Cases = BuildCases();

    private static readonly Lazy<Assembly> Compiled = new(() =>
    {
        var run = GeneratorHarness.Run(Source());
        return GeneratorHarness.CompileAndLoad(run.Output);
    });

    [Fact]
    public void Double_flat_networks_stay_within_MaxError_and_follow_their_interpreter()
    {
        var rows = Cases.Select((c, i) => Measure(c, i, isDouble: true)).ToList();
        Report(rows);
        Assert.All(rows, row =>
        {
            Assert.True(row.Worst <= row.Network.MaxError, $"{row.Name}: measured {row.Worst:E3} > MaxError {row.Network.MaxError:E3}");
            Assert.True(row.Network.MaxError < 1e-2 * row.Scale, $"{row.Name}: MaxError {row.Network.MaxError:E3} is vacuous");
            Assert.True(row.Parity <= row.Network.MaxError, $"{row.Name}: |generated − interpreter| {row.Parity:E3} > MaxError");

            // Far outside the bounds the network is far from the polynomial, and the code still follows the network.
            Assert.True(row.FarParity < row.FarDistance / 100, $"{row.Name}: at 8× the bounds, generated is {row.FarParity:E3} from the interpreter and {row.FarDistance:E3} from the polynomial");
        });
    }

    [Fact]
    public void Float_flat_networks_stay_within_MaxError()
    {
        var rows = Cases.Select((c, i) => Measure(c, i, isDouble: false)).ToList();
        Report(rows);
        Assert.All(rows, row => Assert.True(row.Worst <= row.Network.MaxError, $"{row.Name}: measured {row.Worst:E3} > MaxError {row.Network.MaxError:E3}"));
    }

    [Fact]
    public void Neurons_and_layers_equal_the_cost_model()
    {
        for (int i = 0; i < Cases.Length; i++)
        {
            var (expression, variables, layers) = Cases[i];
            var network = Network(i, isDouble: true);
            var monomials = FlatCostTests.Monomials(expression, variables);
            var cost = HamiltonianCost.At(variables.Length, monomials, layers)!;
            Assert.True(network.NeuronCount <= (int)cost.Neurons, $"{expression} at k = {layers}: {network.NeuronCount} neurons > cost model {cost.Neurons}");
            if (monomials.Count == 1)
            {
                Assert.Equal((int)cost.Neurons, network.NeuronCount);
            }

            Assert.Equal(cost.HiddenLayers, network.HiddenLayers);
            Assert.True(network.HiddenLayers <= layers);
        }
    }

    [Fact]
    public void Batch_overload_agrees_with_the_scalar_method()
    {
        var type = Compiled.Value.GetType("Flat")!;
        for (int i = 0; i < Cases.Length; i++)
        {
            int dimension = Cases[i].Variables.Length;
            var scalar = type.GetMethods().Single(m => m.Name == "D" + i && m.ReturnType == typeof(double));
            var batch = type.GetMethods().Single(m => m.Name == "D" + i && m.ReturnType == typeof(void));
            var random = new Random(i);
            const int Count = 37;
            var columns = Enumerable.Range(0, dimension).Select(_ => Enumerable.Range(0, Count).Select(_ => (2 * random.NextDouble()) - 1).ToArray()).ToArray();
            var destination = new double[Count];
            InvokeBatch(batch, columns, destination);
            double maxError = Network(i, isDouble: true).MaxError;
            for (int k = 0; k < Count; k++)
            {
                double expected = (double)scalar.Invoke(null, columns.Select(c => (object)c[k]).ToArray())!;
                Assert.True(Math.Abs(destination[k] - expected) <= maxError, $"{Cases[i].Expression}: batch {destination[k]} vs scalar {expected}");
            }
        }
    }

    [Fact]
    public void Product_of_two_flat_monomials_shares_identical_neurons()
    {
        // x^4 and x^2*y^2 (degree 4, same b and λ) both have the neurons σ(b ± 2λx/X).
        int index = Array.FindIndex(Cases, c => c.Expression == "x^4 + x^2*y^2");
        var network = Network(index, isDouble: true);
        Assert.Equal(4 + 8 - 2, network.NeuronCount);
    }

    /// <summary>Calls a batch overload (span parameters cannot be passed through reflection's object[] directly).</summary>
    private static void InvokeBatch(MethodInfo batch, double[][] columns, double[] destination)
    {
        var spans = columns.Select(c => new ReadOnlyMemory<double>(c)).ToArray();
        switch (columns.Length)
        {
            case 2:
                batch.CreateDelegate<Batch2>()(spans[0].Span, spans[1].Span, destination);
                break;
            case 3:
                batch.CreateDelegate<Batch3>()(spans[0].Span, spans[1].Span, spans[2].Span, destination);
                break;
            case 4:
                batch.CreateDelegate<Batch4>()(spans[0].Span, spans[1].Span, spans[2].Span, spans[3].Span, destination);
                break;
            case 5:
                batch.CreateDelegate<Batch5>()(spans[0].Span, spans[1].Span, spans[2].Span, spans[3].Span, spans[4].Span, destination);
                break;
            case 6:
                batch.CreateDelegate<Batch6>()(spans[0].Span, spans[1].Span, spans[2].Span, spans[3].Span, spans[4].Span, spans[5].Span, destination);
                break;
            case 7:
                batch.CreateDelegate<Batch7>()(spans[0].Span, spans[1].Span, spans[2].Span, spans[3].Span, spans[4].Span, spans[5].Span, spans[6].Span, destination);
                break;
            default:
                batch.CreateDelegate<Batch8>()(spans[0].Span, spans[1].Span, spans[2].Span, spans[3].Span, spans[4].Span, spans[5].Span, spans[6].Span, spans[7].Span, destination);
                break;
        }
    }

    private delegate void Batch2(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> destination);

    private delegate void Batch3(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, Span<double> destination);

    private delegate void Batch4(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, ReadOnlySpan<double> d, Span<double> destination);

    private delegate void Batch5(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, ReadOnlySpan<double> d, ReadOnlySpan<double> e, Span<double> destination);

    private delegate void Batch6(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, ReadOnlySpan<double> d, ReadOnlySpan<double> e, ReadOnlySpan<double> f, Span<double> destination);

    private delegate void Batch7(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, ReadOnlySpan<double> d, ReadOnlySpan<double> e, ReadOnlySpan<double> f, ReadOnlySpan<double> g, Span<double> destination);

    private delegate void Batch8(ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> c, ReadOnlySpan<double> d, ReadOnlySpan<double> e, ReadOnlySpan<double> f, ReadOnlySpan<double> g, ReadOnlySpan<double> h, Span<double> destination);

    internal static string Source()
    {
        var text = new System.Text.StringBuilder("using PolyNet;\n\npublic static partial class Flat\n{\n");
        for (int i = 0; i < Cases.Length; i++)
        {
            var (expression, variables, layers) = Cases[i];
            foreach (string type in new[] { "double", "float" })
            {
                string name = (type == "double" ? "D" : "F") + i;
                text.Append($"    [Hamiltonian(\"{expression}\", MaxHiddenLayers = {layers})]\n");
                text.Append($"    public static partial {type} {name}({string.Join(", ", variables.Select(v => $"{type} {v}"))});\n");
            }
        }

        return text.Append("}\n").ToString();
    }

    private static (string, string[], int)[] BuildCases()
    {
        string[] names = ["a", "b", "c", "d", "e", "f", "g", "h"];
        var cases = new List<(string, string[], int)>();
        for (int n = 2; n <= 8; n++)
        {
            var variables = names.Take(n).ToArray();
            int deep = HamiltonianCost.DeepDepth(n);
            for (int k = 1; k <= deep; k++)
            {
                cases.Add((string.Join("*", variables), variables, k));
            }
        }

        cases.Add(("x^3*y^2", ["x", "y"], 1));
        cases.Add(("x^4 + x^2*y^2", ["x", "y"], 1));
        cases.Add(("1 + 2*x - x*y*z + 0.5*x^2*y*z*w - y*z*w*v*u", ["x", "y", "z", "w", "v", "u"], 2));
        cases.Add(("x*y*z + x*y*w", ["x", "y", "z", "w"], 1));
        return cases.ToArray();
    }

    private SigmoidNetwork Network(int index, bool isDouble) =>
        (SigmoidNetwork)Compiled.Value.GetType("Flat")!.GetProperty((isDouble ? "D" : "F") + index + "Network")!.GetValue(null)!;

    private Row Measure((string Expression, string[] Variables, int Layers) @case, int index, bool isDouble)
    {
        var type = Compiled.Value.GetType("Flat")!;
        string name = (isDouble ? "D" : "F") + index;
        var method = type.GetMethods().Single(m => m.Name == name && m.ReturnType != typeof(void));
        var network = Network(index, isDouble);
        var exact = new ExactPolynomial(@case.Expression, @case.Variables);
        var bounds = Enumerable.Repeat(1.0, @case.Variables.Length).ToArray();
        double worst = 0, parity = 0;
        var random = new Random(index);
        foreach (var point in Points(@case.Variables.Length, random))
        {
            double[] input = isDouble ? point : point.Select(v => (double)(float)v).ToArray();
            object[] arguments = isDouble ? input.Cast<object>().ToArray() : input.Select(v => (object)(float)v).ToArray();
            double value = isDouble ? (double)method.Invoke(null, arguments)! : (float)method.Invoke(null, arguments)!;
            worst = Math.Max(worst, ExactPolynomial.Distance(value, exact.Evaluate(input)));
            parity = Math.Max(parity, Math.Abs(value - network.Evaluate(input)));
        }

        double farParity = 0, farDistance = 0;
        foreach (var point in Points(@case.Variables.Length, random).Take(50))
        {
            double[] input = point.Select(v => (double)(float)(8 * v)).ToArray();
            object[] arguments = isDouble ? input.Cast<object>().ToArray() : input.Select(v => (object)(float)v).ToArray();
            double value = isDouble ? (double)method.Invoke(null, arguments)! : (float)method.Invoke(null, arguments)!;
            farParity = Math.Max(farParity, Math.Abs(value - network.Evaluate(input)) / Math.Max(1, Math.Abs(value)));
            farDistance = Math.Max(farDistance, ExactPolynomial.Distance(value, exact.Evaluate(input)) / Math.Max(1, Math.Abs(value)));
        }

        return new Row($"{@case.Expression} (k = {@case.Layers}, {(isDouble ? "double" : "float")})", @case, network, exact.Scale(bounds), worst, parity, farParity, farDistance);
    }

    private static IEnumerable<double[]> Points(int dimension, Random random)
    {
        for (int i = 0; i < RandomPoints; i++)
        {
            yield return Enumerable.Range(0, dimension).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
        }

        for (int corner = 0; corner < 1 << dimension; corner++)
        {
            yield return Enumerable.Range(0, dimension).Select(v => ((corner >> v) & 1) == 0 ? 1.0 : -1.0).ToArray();
        }
    }

    private void Report(IEnumerable<Row> rows)
    {
        output.WriteLine("| Hamiltonian | neurons | layers | MaxError | measured | |generated − interpreter| |");
        foreach (var r in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Network.NeuronCount} | {r.Network.HiddenLayers} | {r.Network.MaxError:E2} | {r.Worst:E2} | {r.Parity:E2} |"));
        }
    }

    private sealed record Row(string Name, (string Expression, string[] Variables, int Layers) Case, SigmoidNetwork Network, double Scale, double Worst, double Parity, double FarParity, double FarDistance);
}
