using System;
using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Network;

/// <summary>
/// Moves the gate network that <see cref="NetworkBuilder"/> built over gate variables (<see cref="BinaryLayout"/>) into
/// the real network: its inputs become the real inputs or the bit-product gates, its gates follow the bit products, and
/// each gate's layer is one more than the deepest value it reads (a bit product is in layer 1).
/// </summary>
internal sealed class GateNetworkRemap
{
    private readonly BinaryLayout _layout;
    private readonly int _bitProducts;
    private readonly List<int> _layers = new();

    public GateNetworkRemap(BinaryLayout layout, int bitProducts)
    {
        _layout = layout;
        _bitProducts = bitProducts;
        _layers.AddRange(Enumerable.Repeat(1, bitProducts));
    }

    /// <summary>A value of the gate network in the real network.</summary>
    public ValueRef Value(ValueRef value)
    {
        if (value.IsGate)
        {
            return ValueRef.Gate(_bitProducts + value.Index);
        }

        var (input, product) = _layout.GateVariableSources[value.Index];
        return input >= 0 ? ValueRef.Input(input) : ValueRef.Gate(product);
    }

    /// <summary>The next gate of the gate network, in order, in the real network.</summary>
    public Gate Gate(Gate gate)
    {
        Gate moved = gate switch
        {
            MultiplyGate multiply => multiply with { Left = Value(multiply.Left), Right = Value(multiply.Right) },
            SquareGate square => square with { Operand = Value(square.Operand) },
            FlatGate flat => flat with { WeightedOperands = flat.WeightedOperands.Select(o => o with { Value = Value(o.Value) }).ToEquatableArray() },
            _ => throw new ArgumentException($"a gate network has no {gate.GetType().Name}", nameof(gate)),
        };
        int layer = 1 + moved.Operands.Select(v => v.IsGate ? _layers[v.Index] : 0).DefaultIfEmpty(0).Max();
        _layers.Add(layer);
        return moved with { Layer = layer };
    }
}
