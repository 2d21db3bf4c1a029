using System;
using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Network;

/// <summary>
/// The values a bit-product neuron can take: its inputs are bits (0 or 1) and spins (−1 or +1) only, so its
/// preactivation Bias + Σ w·x takes a handful of values, and σ of each is a constant. The generated code then picks the
/// neuron's value with a few comparisons instead of an exponential and a division (docs/design.md §6, "Picking σ from its possible values"): the same σ,
/// correctly rounded, at every input the neuron can receive.
/// </summary>
/// <param name="Thresholds">Midpoints between consecutive preactivations, ascending (one fewer than the values).</param>
/// <param name="Values">σ of each preactivation, ascending.</param>
internal sealed record BitProductLevels(IReadOnlyList<double> Thresholds, IReadOnlyList<double> Values)
{
    /// <summary>Above this many inputs the combinations are not enumerated.</summary>
    public const int MaxInputs = 12;

    /// <summary>Above this many distinct preactivations the neuron keeps its exponential.</summary>
    public const int MaxLevels = 8;

    /// <summary>The levels of <paramref name="gate"/>, or null when there are too many to pick from cheaply.</summary>
    public static BitProductLevels? For(BitProductGate gate, Func<int, VariableKind> kindOfInput)
    {
        if (gate.Inputs.Count > MaxInputs || gate.Inputs.Any(i => i.Value.IsGate || kindOfInput(i.Value.Index) == VariableKind.Continuous))
        {
            return null;
        }

        var preactivations = new SortedSet<double>();
        for (int combination = 0; combination < 1 << gate.Inputs.Count; combination++)
        {
            double t = gate.Bias;
            for (int i = 0; i < gate.Inputs.Count; i++)
            {
                bool high = ((combination >> i) & 1) == 1;
                double value = kindOfInput(gate.Inputs[i].Value.Index) == VariableKind.Spin ? (high ? 1 : -1) : (high ? 1 : 0);
                t += gate.Inputs[i].Weight * value;
            }

            preactivations.Add(t);
            if (preactivations.Count > MaxLevels)
            {
                return null;
            }
        }

        var sorted = preactivations.ToList();
        var thresholds = new List<double>();
        for (int j = 1; j < sorted.Count; j++)
        {
            thresholds.Add((sorted[j - 1] + sorted[j]) / 2);
        }

        return new BitProductLevels(thresholds, sorted.Select(Logistic).ToList());
    }

    /// <summary>σ(t) without cancellation on either side.</summary>
    private static double Logistic(double t) => t >= 0 ? 1 / (1 + Math.Exp(-t)) : Math.Exp(t) / (1 + Math.Exp(t));
}
