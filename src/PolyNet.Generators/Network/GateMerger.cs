using System;
using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Network;

/// <summary>
/// Puts several networks over the same inputs into one gate list, computing each distinct gate once: a gate equal to
/// an earlier one (same kind, weights, scale and operands, once the operands are renumbered) is that gate. Each network
/// keeps its own output map, renumbered; every value it reads is computed exactly as in the network it came from, so
/// each network's error bound still holds. Flat gates share pair neurons inside their own network only (their pair
/// numbers are offset per network).
/// </summary>
internal sealed class GateMerger
{
    private readonly List<Gate> _gates = new();
    private readonly Dictionary<Gate, int> _index = new();
    private int _pairOffset;

    public IReadOnlyList<Gate> Gates => _gates;

    /// <summary>Adds <paramref name="network"/>'s gates; returns its output terms over the merged gates.</summary>
    public List<OutputTerm> Add(NetworkModel network)
    {
        var map = new int[network.Gates.Length];
        ValueRef Remap(ValueRef value) => value.IsGate ? ValueRef.Gate(map[value.Index]) : value;
        int pairs = 0;
        for (int k = 0; k < network.Gates.Length; k++)
        {
            Gate gate = network.Gates[k] switch
            {
                MultiplyGate multiply => multiply with { Left = Remap(multiply.Left), Right = Remap(multiply.Right) },
                SquareGate square => square with { Operand = Remap(square.Operand) },
                BitProductGate bit => bit with { Inputs = bit.Inputs.Select(i => i with { Value = Remap(i.Value) }).ToEquatableArray() },
                FlatGate flat => flat with
                {
                    WeightedOperands = flat.WeightedOperands.Select(o => o with { Value = Remap(o.Value) }).ToEquatableArray(),
                    Pairs = flat.Pairs.Select(p => p with { Id = p.Id + _pairOffset }).ToEquatableArray(),
                },
                var other => throw new ArgumentException($"no merge rule for {other.GetType().Name}", nameof(network)),
            };
            if (gate is FlatGate merged)
            {
                pairs = Math.Max(pairs, merged.Pairs.Select(p => p.Id - _pairOffset + 1).DefaultIfEmpty(0).Max());
            }

            if (!_index.TryGetValue(gate, out int index))
            {
                index = _gates.Count;
                _gates.Add(gate);
                _index.Add(gate, index);
            }

            map[k] = index;
        }

        _pairOffset += pairs;
        return network.OutputTerms.Select(t => t with { Value = Remap(t.Value) }).ToList();
    }
}
