using System;
using System.Linq;

namespace PolyNet.Onnx.Tests;

/// <summary>
/// Bit products with many inputs are bounded from their extreme preactivations (2ⁿ assignments would not finish): that
/// bound must never be below the exact largest miss over every assignment.
/// </summary>
public class BitProductBoundTests
{
    [Fact]
    public void The_bound_from_the_extreme_levels_is_never_below_the_largest_miss_over_every_assignment()
    {
        var random = new Random(4);
        for (int trial = 0; trial < 2000; trial++)
        {
            int n = random.Next(1, 11);
            var spins = Enumerable.Range(0, n).Select(_ => random.Next(2) == 0).ToArray();
            double scale = random.Next(2) == 0 ? 40 : 3;
            var inputs = Enumerable.Range(0, n).Select(i => (i, (random.NextDouble() * 2 - (trial % 3 == 0 ? 1 : 0)) * scale)).ToArray();
            var neuron = new ExportNeuron((random.NextDouble() - 0.5) * scale * n, inputs);
            double rounding = random.NextDouble() * 1e-12;
            double exact = ExportPlan.MissByAssignments(neuron, i => spins[i], rounding);
            double levels = ExportPlan.MissByLevels(neuron, i => spins[i], rounding);
            Assert.True(levels >= exact * (1 - 1e-12), $"trial {trial}: {levels:R} < {exact:R}");
        }
    }
}
