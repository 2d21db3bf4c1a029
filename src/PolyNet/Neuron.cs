using System.Collections.Generic;

namespace PolyNet;

/// <summary>
/// A logistic-sigmoid neuron: value = σ(<see cref="Bias"/> + Σ weight · source). <see cref="Layer"/> is its
/// hidden layer (1-based); synapses may skip layers and read any earlier value.
/// </summary>
public sealed class Neuron
{
    internal Neuron(int layer, double bias, IReadOnlyList<Synapse> synapses)
    {
        Layer = layer;
        Bias = bias;
        Synapses = synapses;
    }

    /// <summary>The hidden layer this neuron belongs to, starting at 1.</summary>
    public int Layer { get; }

    /// <summary>The bias added to the weighted sum before the sigmoid.</summary>
    public double Bias { get; }

    /// <summary>The non-zero incoming weights.</summary>
    public IReadOnlyList<Synapse> Synapses { get; }
}
