using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace PolyNet.Generators.Network;

/// <summary>
/// Constant + Σ weight·value over the flat value vector (inputs, then neurons). Used to write every gate
/// input and the output in terms of neurons, which is what the network description stores.
/// </summary>
internal sealed class LinearForm
{
    private readonly SortedDictionary<int, double> _weights = new();

    public double Constant { get; private set; }

    public static LinearForm OfValue(int source)
    {
        var form = new LinearForm();
        form._weights[source] = 1.0;
        return form;
    }

    /// <summary>Adds <paramref name="scale"/> × <paramref name="other"/> to this form.</summary>
    public LinearForm AddScaled(LinearForm other, double scale)
    {
        Constant += scale * other.Constant;
        foreach (var pair in other._weights)
        {
            AddWeight(pair.Key, scale * pair.Value);
        }

        return this;
    }

    public LinearForm AddWeight(int source, double weight)
    {
        _weights[source] = _weights.TryGetValue(source, out double existing) ? existing + weight : weight;
        return this;
    }

    public LinearForm AddConstant(double constant)
    {
        Constant += constant;
        return this;
    }

    public ImmutableArray<SynapseModel> Synapses() =>
        _weights.Where(pair => pair.Value != 0).Select(pair => new SynapseModel(pair.Key, pair.Value)).ToImmutableArray();
}
