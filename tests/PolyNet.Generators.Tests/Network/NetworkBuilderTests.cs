using System.Threading;
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PolyNet.Generators.Network;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Network;

/// <summary>Neuron counts, depths and sharing of the compiled networks (docs/design.md §5).</summary>
public sealed class NetworkBuilderTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("x*y", 4, 1)]
    [InlineData("x*y + 3*x*y*z", 8, 2)]
    [InlineData("x^2", 2, 1)]
    [InlineData("x^4", 4, 2)]
    [InlineData("x^3", 6, 2)]
    [InlineData("x^5", 8, 3)]
    [InlineData("x^2*y^2", 6, 2)]
    [InlineData("x*y + y*z + x*z", 12, 1)]
    [InlineData("1 - 2*x + y/4", 0, 0)]
    [InlineData("0", 0, 0)]
    public void Neuron_counts_and_depths(string expression, int neurons, int hiddenLayers)
    {
        var network = Compile(expression, "x", "y", "z");
        Assert.Equal(neurons, network.NeuronCount);
        Assert.Equal(hiddenLayers, network.HiddenLayers);
    }

    [Theory]
    [InlineData(2, 4, 1)]
    [InlineData(3, 8, 2)]
    [InlineData(4, 12, 2)]
    [InlineData(8, 28, 3)]
    [InlineData(16, 60, 4)]
    [InlineData(32, 124, 5)]
    public void Product_of_n_variables_needs_4n_minus_4_neurons_in_log2_n_layers(int n, int neurons, int hiddenLayers)
    {
        var names = Enumerable.Range(0, n).Select(i => $"x{i}").ToArray();
        var network = Compile(string.Join("*", names), names);
        output.WriteLine($"n = {n}: {network.NeuronCount} neurons in {network.HiddenLayers} hidden layers, max error {network.MaxError:E2}");
        Assert.Equal(neurons, network.NeuronCount);
        Assert.Equal(hiddenLayers, network.HiddenLayers);
    }

    [Fact]
    public void Shared_subproducts_are_built_once()
    {
        // x*y*z and x*y*w both reuse x*y: 3 gates, not 4.
        var network = Compile("x*y + x*y*z + x*y*w", "x", "y", "z", "w");
        Assert.Equal(3, network.Gates.Length);
        Assert.Equal(new[] { "x*y", "x*y*z", "x*y*w" }, network.Gates.Select(g => g.Label).ToArray());
    }

    [Fact]
    public void Each_gate_is_scaled_by_the_bounds_of_its_own_inputs()
    {
        var network = Compile("x*y*z", new[] { 2.0, 3.0, 5.0 }, "x", "y", "z");
        var first = Assert.IsType<MultiplyGate>(network.Gates[0]);
        var second = Assert.IsType<MultiplyGate>(network.Gates[1]);
        Assert.Equal(6.0, first.Bound);
        Assert.Equal(30.0, second.Bound);
        Assert.Equal(first.LeftWeight * 2, second.LeftWeight * (6 + first.Error), 12);
        Assert.True(second.Error > first.Error);
    }

    [Fact]
    public void The_neuron_limit_refuses_before_building()
    {
        // 10,000 random products of 32 of 64 variables share little and need far more than 100,000 neurons.
        // (The 10,000-character expression limit keeps parsed input below this; the builder guards on its own.)
        var names = Enumerable.Range(0, 64).Select(i => $"v{i}").ToArray();
        var random = new Random(7);
        var terms = Enumerable.Range(0, 10_000).Select(_ =>
        {
            var exponents = new int[names.Length];
            foreach (int v in Enumerable.Range(0, names.Length).OrderBy(_ => random.Next()).Take(32))
            {
                exponents[v] = 1;
            }

            return new NetworkTerm(Monomial.FromExponents(exponents), 1.0);
        }).ToList();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var built = NetworkBuilder.Build(names, names.Select(_ => 1.0).ToList(), terms, OperatingPoint.For(NumericPrecision.Double), 0, null, CancellationToken.None);
        output.WriteLine($"refused in {started.ElapsedMilliseconds} ms: {built.LimitMessage}");
        Assert.Null(built.Network);
        Assert.Contains("100,000 hidden neurons", built.LimitMessage);
    }

    [Fact]
    public void Flat_description_matches_gate_structure()
    {
        var network = Compile("x*y + 3*x*y*z + x^2", "x", "y", "z");
        Assert.Equal(4 + 4 + 2, network.NeuronCount);   // x*y, (x*y)*z, x²
        var gates = network.Gates;
        for (int k = 0; k < gates.Length; k++)
        {
            foreach (var operand in gates[k].Operands)
            {
                Assert.True(operand.IsGate ? operand.Index < k && gates[operand.Index].Layer < gates[k].Layer : operand.Index < 3, "gates read inputs and earlier gates of lower layers");
            }
        }
    }

    internal static NetworkModel Compile(string expression, params string[] variables) =>
        Compile(expression, variables.Select(_ => 1.0).ToArray(), variables);

    internal static NetworkModel Compile(string expression, IReadOnlyList<double> bounds, params string[] variables)
    {
        var compiled = HamiltonianCompiler.Compile(expression, variables, bounds, NumericPrecision.Double);
        Assert.True(compiled.Succeeded, string.Join("; ", compiled.Errors.Select(e => e.Message)));
        return compiled.Network!;
    }
}
