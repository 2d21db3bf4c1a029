using PolyNet.Generators.Polynomials;

namespace PolyNet.Generators.Network;

/// <summary>One term of the polynomial handed to the network stage: Coefficient × Monomial, the coefficient rounded to double.</summary>
internal sealed record NetworkTerm(Monomial Monomial, double Coefficient)
{
    public int Degree => Monomial.TotalDegree;
}
