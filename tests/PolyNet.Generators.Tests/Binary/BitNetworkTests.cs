using System.Threading;
using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.Intrinsics;
using PolyNet.Generators.Emit;
using PolyNet.Generators.Network;
using PolyNet.Generators.Parse;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Spec;
using PolyNet.Generators.Tests.CompileAndRun;
using PolyNet.Generators.Tests.Infrastructure;
using PolyNet.Kernels;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Binary;

/// <summary>The Roslyn-free stages for bits and spins: reduction, spin-to-bit rewriting, β, and the network's own error.</summary>
public sealed class BitNetworkTests(ITestOutputHelper output)
{
    private static readonly VariableKind[] Spins3 = [VariableKind.Spin, VariableKind.Spin, VariableKind.Spin];

    [Fact]
    public void Reduction_uses_y_squared_equals_y_and_s_squared_equals_one()
    {
        var kinds = new[] { VariableKind.Bit, VariableKind.Spin, VariableKind.Continuous };
        var reduced = MultilinearReduction.Reduce(Expand("a^3*s^2*x^2 + a^2*s^3 + s^2", ["a", "s", "x"]), kinds);
        Assert.Equal("1 + a*s + a*x^2", reduced.ToCanonicalString());
    }

    [Fact]
    public void Spins_become_bits_by_s_equals_2y_minus_1_except_in_gated_terms()
    {
        var bits = MultilinearReduction.SpinsToBits(Expand("s1*s2", ["s1", "s2", "s3"]), Spins3);
        Assert.Equal("1 - 2*s1 - 2*s2 + 4*s1*s2", bits.ToCanonicalString());
        var kinds = new[] { VariableKind.Spin, VariableKind.Spin, VariableKind.Continuous };
        Assert.Equal("s1*s2*x", MultilinearReduction.SpinsToBits(Expand("x*s1*s2", ["s1", "s2", "x"]), kinds).ToCanonicalString());
        Assert.Equal(8, MultilinearReduction.BitFormTermCount(Expand("s1*s2*s3", ["s1", "s2", "s3"]), Spins3, 100));
    }

    [Fact]
    public void A_product_of_14_spins_is_refused_before_it_is_rewritten_as_16384_bit_terms()
    {
        var spins = Enumerable.Range(1, 14).Select(i => $"s{i}").ToImmutableArray();
        var input = new HamiltonianInput(string.Join("*", spins), spins, Enumerable.Repeat(1.0, 14).ToImmutableArray(), Enumerable.Repeat(VariableKind.Spin, 14).ToImmutableArray(), NumericPrecision.Double);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var compiled = HamiltonianCompiler.Compile(input);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1));
        var error = Assert.Single(compiled.Errors);
        Assert.Equal(ExpressionErrorKind.LimitExceeded, error.Kind);
        Assert.Equal("rewriting the spins as bits (s = 2y − 1) gives more than 10,000 terms, the limit; use fewer spins per monomial", error.Message);

        // 13 spins (8,192 bit terms) still compile: one neuron per non-linear subset.
        var thirteen = input with { Expression = string.Join("*", spins.Take(13)) };
        Assert.Equal((1 << 13) - 14, HamiltonianCompiler.Compile(thirteen).Network!.NeuronCount);
    }

    [Fact]
    public void Beta_makes_the_neuron_exact_to_rounding_in_each_precision()
    {
        Assert.Equal(80, BitProductCalibration.Beta(NumericPrecision.Double));
        Assert.Equal(40, BitProductCalibration.Beta(NumericPrecision.Single));
        Assert.InRange(BitProductCalibration.NeuronError(NumericPrecision.Double, 80), 4e-18, 5e-18);
        Assert.InRange(BitProductCalibration.NeuronError(NumericPrecision.Single, 40), 2e-9, 2.1e-9);

        // The paper's β = 23 leaves e^(−11.5) ≈ 1e-5, not 1e-10.
        Assert.InRange(BitProductCalibration.NeuronError(NumericPrecision.Double, 23), 1e-5, 1.1e-5);
    }

    [Fact]
    public void Pure_spin_networks_have_one_hidden_layer_and_one_neuron_per_bit_monomial()
    {
        var network = Build("s1*s2*s3 - s1*s2", ["s1", "s2", "s3"], Spins3, NumericPrecision.Double);

        // s1 s2 s3 = 8 y1y2y3 − 4(y1y2 + y1y3 + y2y3) + …: four non-linear bit monomials, y1y2 shared.
        Assert.Equal(4, network.NeuronCount);
        Assert.Equal(1, network.HiddenLayers);
        var gates = network.Gates.Cast<BitProductGate>().ToList();
        Assert.All(gates, g => Assert.All(g.Inputs, i => Assert.Equal(40, i.Weight)));
        Assert.All(gates, g => Assert.Equal(g.Inputs.Count == 3 ? -80 : -40, g.Bias));   // β(½ − k + k/2)
    }

    /// <summary>
    /// With a deliberately small β = 8 each neuron is off by σ(−4) ≈ 0.018: the generated code must then agree with
    /// the interpreter of its weights, not with the exact energy.
    /// </summary>
    [Fact]
    public void Emitted_code_evaluates_the_bit_network_not_the_polynomial()
    {
        string[] variables = ["s1", "s2", "s3"];
        const string Expression = "-s1*s2 - s2*s3 + 2*s1*s2*s3";
        string source = $$"""
            using PolyNet;
            public static partial class Coarse
            {
                [Hamiltonian("{{Expression}}")]
                public static partial double Energy([Spin] int s1, [Spin] int s2, [Spin] int s3);
            }
            """;
        var type = GeneratorHarness.BuildAtOperatingPoint(source, precision => OperatingPoint.For(precision).WithGain(8)).GetType("Coarse")!;
        var energy = type.GetMethods().Single(m => m.Name == "Energy" && m.ReturnType != typeof(void));
        var description = (SigmoidNetwork)type.GetProperty("EnergyNetwork")!.GetValue(null)!;
        var exact = new ExactPolynomial(Expression, variables);

        double worstParity = 0, worstApproximation = 0;
        for (int index = 0; index < 8; index++)
        {
            double[] spins = Enumerable.Range(0, 3).Select(v => ((index >> v) & 1) == 1 ? 1.0 : -1.0).ToArray();
            double value = (double)energy.Invoke(null, spins.Select(s => (object)(int)s).ToArray())!;
            double interpreted = description.Evaluate(spins);
            worstParity = Math.Max(worstParity, Math.Abs(value - interpreted));
            output.WriteLine($"{string.Join(",", spins)}: generated {value:R}, interpreter {interpreted:R}, exact {exact.Evaluate(spins).ToDouble():R}");
            worstApproximation = Math.Max(worstApproximation, ExactPolynomial.Distance(value, exact.Evaluate(spins)));
            Assert.True(ExactPolynomial.Distance(value, exact.Evaluate(spins)) <= description.MaxError);
        }

        output.WriteLine($"β = 8: |generated − interpreter| ≤ {worstParity:E2}, |network − energy| up to {worstApproximation:E2}, MaxError {description.MaxError:E2}");
        Assert.True(worstApproximation > 1e-3, "the coarse network must differ visibly from the energy");
        Assert.True(worstParity < 1e-13, "the generated code must follow the network, not the polynomial");
        Assert.True(description.MaxError < 10 * worstApproximation, "MaxError must be tight");
    }

    private static NetworkModel Build(string expression, string[] variables, VariableKind[] kinds, NumericPrecision precision) =>
        BinaryNetworkBuilder.Build(variables, Enumerable.Repeat(1.0, variables.Length).ToArray(), kinds, MultilinearReduction.Reduce(Expand(expression, variables), kinds), OperatingPoint.For(precision), CancellationToken.None).Network!;

    private static Polynomial Expand(string expression, string[] variables) =>
        PolynomialExpander.Expand(ExpressionParser.Parse(expression).Root!, variables).Polynomial!;
}
