using System.Collections.Immutable;
using System.Linq;

namespace PolyNet.Generators.Network;

/// <summary>
/// Moves the gate network that <see cref="NetworkBuilder"/> built over gate variables (<see cref="BinaryLayout"/>)
/// into the real network: its inputs become the real inputs or the bit-product neurons, its neurons and gates follow
/// the bit products, and when a gate reads a bit product every gate moves one layer deeper.
/// </summary>
internal sealed class GateNetworkRemap
{
    private readonly BinaryLayout _layout;
    private readonly int _gateVariables;
    private readonly int _bitProducts;
    private readonly int _layerShift;

    public GateNetworkRemap(BinaryLayout layout, int bitProducts)
    {
        _layout = layout;
        _gateVariables = layout.GateVariableNames.Count;
        _bitProducts = bitProducts;
        _layerShift = layout.GateVariableSources.Any(s => s.Product >= 0) ? 1 : 0;
    }

    /// <summary>A value index of the gate network (gate variables, then its neurons) in the real network.</summary>
    public int Source(int source)
    {
        if (source >= _gateVariables)
        {
            return _layout.VariableCount + _bitProducts + (source - _gateVariables);
        }

        var (input, product) = _layout.GateVariableSources[source];
        return input >= 0 ? input : _layout.VariableCount + product;
    }

    public int GateIndex(int gate) => _bitProducts + gate;

    public NeuronModel Neuron(NeuronModel neuron)
    {
        // At all-zero input a bit product rests at σ(bias), not 0: the neurons reading it rest that much further along.
        double rest = neuron.RestPreactivation;
        foreach (var synapse in neuron.Synapses)
        {
            if (synapse.Source < _gateVariables && _layout.GateVariableSources[synapse.Source].Product is int product and >= 0)
            {
                rest += synapse.Weight * Sigmoid.Value(_layout.Products[product].Neuron.Bias);
            }
        }

        return new NeuronModel(
            neuron.Layer + _layerShift,
            neuron.Bias,
            neuron.Synapses.Select(s => new SynapseModel(Source(s.Source), s.Weight)).ToImmutableArray(),
            rest);
    }

    public GateModel Gate(GateModel gate) => gate with
    {
        Left = Value(gate.Left),
        Right = Value(gate.Right),
        Layer = gate.Layer + _layerShift,
        FirstNeuron = gate.FirstNeuron + _bitProducts,
    };

    private ValueRef Value(ValueRef value)
    {
        if (value.IsGate)
        {
            return ValueRef.Gate(GateIndex(value.Index));
        }

        var (input, product) = _layout.GateVariableSources[value.Index];
        return input >= 0 ? ValueRef.Input(input) : ValueRef.Gate(product);
    }
}
