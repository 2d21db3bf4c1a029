using PolyNet.Generators.Polynomials;

namespace PolyNet.Generators.Network.Flat;

/// <summary>A value the flat layers read or produce: an input or a product, with its propagated bound and error.</summary>
/// <param name="Monomial">The monomial it computes (for labels).</param>
/// <param name="Layer">0 for an input; the hidden layer of its neurons otherwise.</param>
internal sealed record FlatValue(ValueRef Ref, double Bound, double Error, int Layer, Monomial Monomial)
{
    /// <summary>The largest value it can take as computed: what a consumer normalises by.</summary>
    public double Scale => Bound + Error;
}
