using System.Collections.Immutable;

namespace PolyNet.Generators.Network.Flat;

/// <summary>A value the flat layers read or produce: an input or a product, with its propagated bound and error.</summary>
/// <param name="Form">The value as constant + Σ weight·(input or neuron), what downstream neurons' weights are built from.</param>
/// <param name="Monomial">The monomial it computes, one exponent per variable (for labels).</param>
/// <param name="Layer">0 for an input; the hidden layer of its neurons otherwise.</param>
internal sealed record FlatValue(ValueRef Ref, LinearForm Form, double Bound, double Error, int Layer, ImmutableArray<int> Monomial)
{
    /// <summary>The largest value it can take as computed: what a consumer normalises by.</summary>
    public double Scale => Bound + Error;
}
