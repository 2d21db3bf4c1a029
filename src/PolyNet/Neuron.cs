using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace PolyNet;

/// <summary>
/// A logistic-sigmoid neuron of a <see cref="SigmoidNetwork"/>: value = σ(<see cref="Bias"/> + Σ weight · source).
/// <see cref="Layer"/> is its hidden layer (1-based); synapses may skip layers and read any earlier value. Immutable.
/// </summary>
public sealed class Neuron
{
    internal Neuron(int layer, double bias, ReadOnlyCollection<Synapse> synapses)
    {
        Layer = layer;
        Bias = bias;
        Synapses = synapses;
    }

    /// <summary>The hidden layer this neuron belongs to, starting at 1.</summary>
    public int Layer { get; }

    /// <summary>The bias added to the weighted sum before the sigmoid.</summary>
    public double Bias { get; }

    /// <summary>The non-zero incoming weights, sources ascending (read-only).</summary>
    public IReadOnlyList<Synapse> Synapses { get; }
}
