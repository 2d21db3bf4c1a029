using System.Collections.Immutable;

namespace PolyNet.Generators.Network;

/// <summary>
/// A neuron in the flat description: σ(Bias + Σ weight·value), values indexed inputs first, then neurons.
/// </summary>
/// <param name="RestPreactivation">Its preactivation when every input is 0, exactly: every gate outputs 0
/// there, so it is the gate bias b, whatever constants the stored bias had to absorb.</param>
internal sealed record NeuronModel(int Layer, double Bias, ImmutableArray<SynapseModel> Synapses, double RestPreactivation);

/// <summary>A non-zero weight from value <paramref name="Source"/> (inputs first, then neurons).</summary>
internal readonly record struct SynapseModel(int Source, double Weight);
