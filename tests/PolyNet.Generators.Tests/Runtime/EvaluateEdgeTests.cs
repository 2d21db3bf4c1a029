using System;
using System.Linq;

namespace PolyNet.Generators.Tests.Runtime;

/// <summary>The reference interpreter at NaN, infinite and huge inputs.</summary>
public sealed class EvaluateEdgeTests
{
    public static TheoryData<string> Continuous => new() { "Readme", "Anharmonic", "FloatTriple", "Flat", "Lattice", "Affine", "Mixed" };

    [Theory]
    [MemberData(nameof(Continuous))]
    public void A_nan_input_gives_nan(string name)
    {
        var network = new SigmoidNetwork(SnapshotExpansionTests.Case(name).Definition);
        for (int i = 0; i < network.Inputs.Count; i++)
        {
            var inputs = new double[network.Inputs.Count];
            inputs[i] = double.NaN;
            Assert.True(double.IsNaN(network.Evaluate(inputs)), $"{name}, NaN {network.Inputs[i]}");
        }
    }

    [Fact]
    public void An_infinite_input_gives_the_network_s_limit()
    {
        // Today's interpreter returned NaN here: the compensated sum's FMA error term is NaN for an infinite product.
        var readme = new SigmoidNetwork(SnapshotExpansionTests.Readme);
        foreach (double sign in new[] { 1.0, -1.0 })
        {
            foreach (var (y, z) in new[] { (0.5, 0.25), (-0.75, 1.0), (0.0, 0.0) })
            {
                double limit = readme.Evaluate([sign * double.PositiveInfinity, y, z]);
                Assert.True(double.IsFinite(limit), $"x = {sign}∞: {limit}");

                // Every neuron reading x has saturated already at 1e300, exactly as at ∞.
                Assert.Equal(readme.Evaluate([sign * 1e300, y, z]), limit);
                Assert.Equal(readme.Evaluate([y, sign * double.PositiveInfinity, z]), readme.Evaluate([y, sign * 1e300, z]));
            }
        }

        // A linear term carries the infinity to the output: −y + x*y.
        var lattice = new SigmoidNetwork(SnapshotExpansionTests.Lattice);
        Assert.Equal(double.NegativeInfinity, lattice.Evaluate([0.5, double.PositiveInfinity]));
        Assert.Equal(double.PositiveInfinity, lattice.Evaluate([-0.5, double.NegativeInfinity]));
        var affine = new SigmoidNetwork(SnapshotExpansionTests.Affine);
        Assert.Equal(double.PositiveInfinity, affine.Evaluate([double.NegativeInfinity, double.PositiveInfinity]));
    }

    [Fact]
    public void Infinite_contributions_of_opposite_signs_in_one_preactivation_give_nan()
    {
        // x*y's q = λx − λy at x = y = ∞, and its p at x = ∞, y = −∞: no limit exists.
        var readme = new SigmoidNetwork(SnapshotExpansionTests.Readme);
        Assert.True(double.IsNaN(readme.Evaluate([double.PositiveInfinity, double.PositiveInfinity, 0])));
        Assert.True(double.IsNaN(readme.Evaluate([double.PositiveInfinity, double.NegativeInfinity, 0])));
        var affine = new SigmoidNetwork(SnapshotExpansionTests.Affine);
        Assert.True(double.IsNaN(affine.Evaluate([double.PositiveInfinity, double.PositiveInfinity])));
    }

    [Theory]
    [MemberData(nameof(Continuous))]
    public void Every_finite_input_gives_a_finite_result(string name)
    {
        var network = new SigmoidNetwork(SnapshotExpansionTests.Case(name).Definition);
        var random = new Random(7);
        foreach (double factor in new[] { 10, 1e3, 1e6, 1e150 })
        {
            for (int trial = 0; trial < 300; trial++)
            {
                var inputs = TestNetworks.RandomInputs(network, random, factor);
                double value = network.Evaluate(inputs);
                Assert.True(double.IsFinite(value), $"{name} at ({string.Join(", ", inputs)}): {value}");
            }
        }

        // Near ±double.MaxValue, where products with the weights overflow. The affine network's output itself
        // (1 − 2x + y/4) leaves the range of double there, so it is left out.
        if (name != "Affine")
        {
            foreach (double extreme in new[] { double.MaxValue, double.MaxValue / 3, 1e306 })
            {
                foreach (var signs in new[] { (1, 1), (1, -1), (-1, 1), (-1, -1) })
                {
                    var inputs = Enumerable.Range(0, network.Inputs.Count).Select(i => network.InputKinds[i] != InputKind.Continuous ? 1
                        : (i % 2 == 0 ? signs.Item1 : signs.Item2) * extreme).ToArray();
                    double value = network.Evaluate(inputs);
                    Assert.True(double.IsFinite(value), $"{name} at ({string.Join(", ", inputs)}): {value}");
                }
            }
        }
    }

    [Fact]
    public void Huge_inputs_saturate_the_gates_without_cancellation()
    {
        // x*y at x = y = 1e6: p saturates (σ(b+p) = 1, σ(b−p) = 0), q = 0: g0 = scale·(1 − 2σ(b)); x*y*z then has both
        // p and q far above 0, so it is 0; the output is g0 + 3·0.
        var readme = new SigmoidNetwork(SnapshotExpansionTests.Readme);
        double saturated = 2877464.652028168 * (1 - (2 / (1 + Math.Exp(2.2924316695611777))));
        Assert.Equal(saturated, readme.Evaluate([1e6, 1e6, 1e6]), saturated * 1e-15);
        Assert.Equal(saturated, readme.Evaluate([double.MaxValue, double.MaxValue, double.MaxValue]), saturated * 1e-15);

        // −y + x*y with y = −MaxValue: the linear term dominates and stays in range.
        var lattice = new SigmoidNetwork(SnapshotExpansionTests.Lattice);
        Assert.Equal(double.MaxValue, lattice.Evaluate([double.MaxValue, -double.MaxValue]));

        // The output of 1 − 2x + y/4 exceeds double at x = −MaxValue: +∞ is the correctly rounded value, not NaN.
        var affine = new SigmoidNetwork(SnapshotExpansionTests.Affine);
        Assert.Equal(double.PositiveInfinity, affine.Evaluate([-double.MaxValue, 0]));
        Assert.Equal(-2 * -1e300, affine.Evaluate([-1e300, 0]), 1e285);
    }

    [Fact]
    public void A_weighted_sum_that_overflows_is_rescaled()
    {
        // σ(−1 + 4x + 4y): at x = −y = MaxValue the products overflow to ±∞ (a plain sum gives NaN) but cancel exactly.
        var definition = new SigmoidNetworkDefinition
        {
            Inputs = ["x", "y"],
            InputBounds = [1.0, 1.0],
            Gates = "%0 = bit -1 x 4 y 4",
            Output = "0.5 %0 2",
        };
        var network = new SigmoidNetwork(definition);
        double atMinusOne = 0.5 + (2 / (1 + Math.Exp(1)));
        Assert.Equal(atMinusOne, network.Evaluate([double.MaxValue, -double.MaxValue]), 1e-15);
        Assert.Equal(atMinusOne, network.Evaluate([-double.MaxValue, double.MaxValue]), 1e-15);

        // Beyond the range of double: the preactivation is +∞ or −∞ and the neuron saturates.
        Assert.Equal(2.5, network.Evaluate([double.MaxValue, -double.MaxValue / 2]), 1e-15);
        Assert.Equal(0.5, network.Evaluate([-double.MaxValue, double.MaxValue / 2]), 1e-15);

        // The same with bit inputs far outside {0, 1} in a bit product feeding a mul gate.
        var mixed = new SigmoidNetwork(SnapshotExpansionTests.Mixed);
        Assert.True(double.IsFinite(mixed.Evaluate([0.5, 0.5, double.MaxValue, -double.MaxValue, double.MaxValue])));
    }

    [Fact]
    public void Evaluate_and_EvaluatePolynomial_check_the_input_count()
    {
        var network = new SigmoidNetwork(SnapshotExpansionTests.Readme);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => network.Evaluate([1.0])).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => network.EvaluatePolynomial([1.0, 2.0, 3.0, 4.0])).ParamName);
    }

    [Fact]
    public void EvaluatePolynomial_reads_the_terms()
    {
        var readme = new SigmoidNetwork(SnapshotExpansionTests.Readme);
        Assert.Equal((0.5 * -2) + (3 * 0.5 * -2 * 0.25), readme.EvaluatePolynomial([0.5, -2, 0.25]));
        var anharmonic = new SigmoidNetwork(SnapshotExpansionTests.Anharmonic);
        Assert.Equal((0.5 * 9) + 8, anharmonic.EvaluatePolynomial([2, 3]));
        var zero = new SigmoidNetwork(new SigmoidNetworkDefinition { Inputs = ["x"], InputBounds = [1.0], Terms = "", Output = "0" });
        Assert.Equal(0, zero.EvaluatePolynomial([5]));
        Assert.Equal(0, zero.Evaluate([5]));
        Assert.Equal(0, zero.HiddenLayers);
    }
}
