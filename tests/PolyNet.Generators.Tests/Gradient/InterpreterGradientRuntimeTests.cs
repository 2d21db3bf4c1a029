using System;
using System.Linq;
using PolyNet.Generators.Tests.Runtime;
using PolyNet.Kernels;

namespace PolyNet.Generators.Tests.Gradient;

/// <summary>
/// SigmoidNetwork.EvaluateGradient (the reference backward pass) on hand-written definitions: its argument checks, NaN
/// and infinite inputs, bits and spins; and the validation of MaxGradientError in sigmoid and lattice definitions.
/// </summary>
public sealed class InterpreterGradientRuntimeTests
{
    private const double Sentinel = -7.25;

    [Fact]
    public void The_backward_pass_returns_Evaluate_s_value_and_the_derivatives()
    {
        var network = new SigmoidNetwork(SnapshotExpansionTests.Readme);
        double[] point = [0.5, -0.25, 0.75];
        var gradient = new double[3];
        double value = network.EvaluateGradient(point, gradient);
        Assert.Equal(network.Evaluate(point), value);

        // x*y + 3*x*y*z: ∂x = y + 3yz, ∂y = x + 3xz, ∂z = 3xy; within the generated network's MaxGradientError (3.72e-12).
        Assert.Equal(-0.25 - 0.5625, gradient[0], 11);
        Assert.Equal(0.5 + 1.125, gradient[1], 11);
        Assert.Equal(-0.375, gradient[2], 11);
    }

    [Fact]
    public void A_gradient_span_too_short_or_the_wrong_number_of_inputs_is_refused_before_writing()
    {
        var network = new SigmoidNetwork(SnapshotExpansionTests.Readme);
        var gradient = new[] { Sentinel, Sentinel };
        var error = Assert.Throws<ArgumentException>(() => network.EvaluateGradient([0.5, 0.5, 0.5], gradient));
        Assert.Equal("gradient", error.ParamName);
        Assert.All(gradient, g => Assert.Equal(Sentinel, g));

        var three = new[] { Sentinel, Sentinel, Sentinel };
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => network.EvaluateGradient([0.5, 0.5], three)).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => network.EvaluateGradient([0.5, 0.5, 0.5, 0.5], three)).ParamName);
        Assert.All(three, g => Assert.Equal(Sentinel, g));

        // A longer span: only the front is written.
        var longer = Enumerable.Repeat(Sentinel, 5).ToArray();
        network.EvaluateGradient([0.5, 0.5, 0.5], longer);
        Assert.Equal(Sentinel, longer[3]);
        Assert.Equal(Sentinel, longer[4]);
    }

    [Fact]
    public void Bits_and_spins_have_no_entry()
    {
        // −s1·s2 − s2·s3 − 0.5·s1 + a·s3 over spins and a bit: nothing to differentiate, an empty span is enough.
        var spins = new SigmoidNetwork(SnapshotExpansionTests.Spin);
        double[] point = [1, -1, 1, 1];
        Assert.Equal(spins.Evaluate(point), spins.EvaluateGradient(point, Span<double>.Empty));

        // The mixed network's gradient has one entry per continuous input only.
        var mixed = new SigmoidNetwork(SnapshotExpansionTests.Mixed);
        int continuous = mixed.InputKinds.Count(k => k == InputKind.Continuous);
        Assert.InRange(continuous, 1, mixed.Inputs.Count - 1);
        var inputs = mixed.InputKinds.Select(k => k == InputKind.Continuous ? 0.25 : 1.0).ToArray();
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => mixed.EvaluateGradient(inputs, new double[continuous - 1])).ParamName);
        var gradient = new double[continuous];
        Assert.Equal(mixed.Evaluate(inputs), mixed.EvaluateGradient(inputs, gradient));
    }

    [Theory]
    [InlineData("Readme")]
    [InlineData("Anharmonic")]
    [InlineData("FloatTriple")]
    [InlineData("Flat")]
    [InlineData("Mixed")]
    public void A_nan_input_gives_nan_everywhere_and_an_infinite_one_a_finite_gradient(string name)
    {
        var network = new SigmoidNetwork(SnapshotExpansionTests.Case(name).Definition);
        int continuous = network.InputKinds.Count(k => k == InputKind.Continuous);
        for (int v = 0; v < network.Inputs.Count; v++)
        {
            if (network.InputKinds[v] != InputKind.Continuous)
            {
                continue;
            }

            var inputs = network.InputKinds.Select(k => k == InputKind.Continuous ? 0.5 : 1.0).ToArray();
            inputs[v] = double.NaN;
            var gradient = Enumerable.Repeat(Sentinel, continuous).ToArray();
            Assert.True(double.IsNaN(network.EvaluateGradient(inputs, gradient)));
            Assert.All(gradient, g => Assert.True(double.IsNaN(g), $"{name}, {network.Inputs[v]} = NaN: ({string.Join(", ", gradient)})"));

            foreach (double infinity in new[] { double.PositiveInfinity, double.NegativeInfinity })
            {
                inputs[v] = infinity;
                network.EvaluateGradient(inputs, gradient);
                Assert.All(gradient, g => Assert.True(double.IsFinite(g), $"{name}, {network.Inputs[v]} = {infinity}: ({string.Join(", ", gradient)})"));
            }
        }
    }

    [Fact]
    public void MaxGradientError_is_unknown_by_default_carried_when_given_and_refused_when_negative()
    {
        Assert.True(double.IsNaN(new SigmoidNetwork(SnapshotExpansionTests.Readme).MaxGradientError));
        Assert.True(double.IsNaN(new SigmoidNetwork(Readme(double.NaN)).MaxGradientError));
        Assert.Equal(3.72e-12, new SigmoidNetwork(Readme(3.72e-12)).MaxGradientError);
        Assert.Equal(0, new SigmoidNetwork(Readme(0)).MaxGradientError);
        foreach (double invalid in new[] { -1e-12, -1, double.NegativeInfinity })
        {
            var definition = Readme(invalid);
            foreach (var create in new Action[] { () => _ = new SigmoidNetwork(definition), () => GateProgram.Create(definition) })
            {
                var error = Assert.Throws<ArgumentException>(create);
                Assert.Equal("definition", error.ParamName);
                Assert.Contains("MaxGradientError", error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void A_lattice_definition_s_MaxGradientError_is_refused_when_negative_and_NaN_means_unknown()
    {
        Assert.True(double.IsNaN(new LatticeNetwork(LatticeTemplates.ContinuousChain()).MaxGradientError));
        Assert.Equal(2e-12, new LatticeNetwork(Chain(2e-12)).MaxGradientError);

        // +∞ means no bound, as for a network's MaxError and a network definition's MaxGradientError.
        Assert.Equal(double.PositiveInfinity, new LatticeNetwork(Chain(double.PositiveInfinity)).MaxGradientError);
        foreach (double invalid in new[] { -1.0, double.NegativeInfinity })
        {
            var error = Assert.Throws<ArgumentException>(() => new LatticeNetwork(Chain(invalid)));
            Assert.Contains("MaxGradientError", error.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>The README network's definition with <paramref name="maxGradientError"/>.</summary>
    private static SigmoidNetworkDefinition Readme(double maxGradientError)
    {
        var d = SnapshotExpansionTests.Readme;
        return new SigmoidNetworkDefinition
        {
            Expression = d.Expression,
            Polynomial = d.Polynomial,
            Precision = d.Precision,
            Inputs = d.Inputs,
            InputBounds = d.InputBounds,
            InputBound = d.InputBound,
            Terms = d.Terms,
            Gates = d.Gates,
            Output = d.Output,
            MaxError = d.MaxError,
            MaxGradientError = maxGradientError,
        };
    }

    /// <summary>The continuous chain template with <paramref name="maxGradientError"/>.</summary>
    private static LatticeNetworkDefinition Chain(double maxGradientError)
    {
        var d = LatticeTemplates.ContinuousChain();
        return new LatticeNetworkDefinition
        {
            Expression = d.Expression,
            Site = d.Site,
            Parameters = d.Parameters,
            ParameterKinds = d.ParameterKinds,
            ParameterBounds = d.ParameterBounds,
            Fields = d.Fields,
            Extents = d.Extents,
            Reads = d.Reads,
            Boundary = d.Boundary,
            SiteBound = d.SiteBound,
            SummationRounding = d.SummationRounding,
            MaxGradientError = maxGradientError,
        };
    }
}
