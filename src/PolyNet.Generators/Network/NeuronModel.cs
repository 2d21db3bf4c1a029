using System.Collections.Immutable;

namespace PolyNet.Generators.Network;

/// <summary>
/// A neuron in the flat description: σ(Bias + Σ weight·value), values indexed inputs first, then neurons.
/// </summary>
internal sealed record NeuronModel(int Layer, double Bias, ImmutableArray<SynapseModel> Synapses);

/// <summary>A non-zero weight from value <paramref name="Source"/> (inputs first, then neurons).</summary>
internal readonly record struct SynapseModel(int Source, double Weight);
