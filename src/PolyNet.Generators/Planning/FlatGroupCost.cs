using System.Collections.Generic;
using System.Numerics;

namespace PolyNet.Generators.Planning;

/// <summary>Neurons of one flat product (one hidden layer) of a monomial x₁^r₁⋯xₙ^rₙ (docs/design.md §7.1).</summary>
internal static class FlatGroupCost
{
    /// <summary>
    /// ∏(rᵢ + 1) (Rolnick–Tegmark Thm II.1): one neuron per (j₁, …, jₙ), jᵢ ∈ 0..rᵢ, sign vectors with equal sums
    /// merged. When every rᵢ is even one of them, jᵢ = rᵢ/2, has preactivation b whatever the input: a constant
    /// that moves into the output bias, as the square gate's does (so x² costs 2, like the deep square gate).
    /// A single factor of exponent 1 costs nothing: the value itself.
    /// </summary>
    public static BigInteger Neurons(IEnumerable<int> exponents)
    {
        BigInteger product = BigInteger.One;
        bool allEven = true;
        int degree = 0;
        foreach (int r in exponents)
        {
            product *= r + 1;
            allEven &= r % 2 == 0;
            degree += r;
        }

        if (degree <= 1)
        {
            return BigInteger.Zero;
        }

        return allEven ? product - 1 : product;
    }
}
