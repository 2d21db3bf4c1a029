using System.Collections.Immutable;

namespace PolyNet.Generators.Network;

/// <summary>One monomial of the polynomial handed to the network stage: coefficient × ∏ xᵢ^eᵢ.</summary>
internal sealed record NetworkTerm(ImmutableArray<int> Exponents, double Coefficient)
{
    public int Degree
    {
        get
        {
            int degree = 0;
            foreach (int e in Exponents)
            {
                degree += e;
            }

            return degree;
        }
    }
}
