using System;
using System.Collections.Generic;

namespace PolyNet.Generators.Network.Flat;

/// <summary>
/// How the neurons of a flat product x₁^r₁⋯ spread out: for each S = Σ|rᵢ − 2jᵢ| (the preactivation's
/// distance from the bias in units of λ, at the corners of the input box), the total |coefficient|
/// Σ ∏ C(rᵢ, jᵢ) of the neurons with that S. A product of per-variable polynomials, so no enumeration.
/// </summary>
internal static class FlatSpread
{
    public static double[] AbsCoefficientsBySpread(IReadOnlyList<int> exponents)
    {
        int degree = 0;
        foreach (int r in exponents)
        {
            degree += r;
        }

        var total = new double[degree + 1];
        total[0] = 1;
        int reach = 0;
        foreach (int r in exponents)
        {
            var next = new double[degree + 1];
            for (int s = 0; s <= reach; s++)
            {
                if (total[s] == 0)
                {
                    continue;
                }

                double binomial = 1;
                for (int j = 0; j <= r; j++)
                {
                    next[s + Math.Abs(r - (2 * j))] += total[s] * binomial;
                    binomial = binomial * (r - j) / (j + 1);
                }
            }

            reach += r;
            total = next;
        }

        return total;
    }
}
