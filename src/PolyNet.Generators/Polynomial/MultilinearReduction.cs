using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Polynomials;

/// <summary>
/// Rewrites a polynomial for the values its variables actually take (docs/design.md §6): a bit satisfies y² = y and a
/// spin s² = 1, so every monomial becomes multilinear in its bits and spins; spins then convert to bits by
/// s = 2y − 1 (expanded and collected), which is the form the one-neuron bit products compute.
/// </summary>
internal static class MultilinearReduction
{
    /// <summary>y^r → y (r ≥ 1) for bits, s^r → s^(r mod 2) for spins; like terms collected. Spins stay spins.</summary>
    public static Polynomial Reduce(Polynomial polynomial, IReadOnlyList<VariableKind> kinds) =>
        Polynomial.FromTerms(polynomial.Variables, polynomial.Terms.Select(term => (Reduce(term.Monomial, kinds), term.Coefficient)));

    /// <summary>
    /// The number of terms <see cref="SpinsToBits"/> produces before collecting: 2^(spins in the monomial) per term,
    /// capped at <paramref name="limit"/> + 1 so a huge spin product is refused without being expanded.
    /// </summary>
    public static long BitFormTermCount(Polynomial reduced, IReadOnlyList<VariableKind> kinds, long limit)
    {
        long count = 0;
        foreach (var (monomial, _) in reduced.Terms)
        {
            int spins = HasContinuousFactor(monomial, kinds) ? 0 : Enumerable.Range(0, kinds.Count).Count(v => kinds[v] == VariableKind.Spin && monomial[v] > 0);
            count += spins >= 62 ? limit + 1 : 1L << spins;
            if (count > limit)
            {
                return limit + 1;
            }
        }

        return count;
    }

    /// <summary>
    /// Substitutes s = 2y − 1 for the spins of every term without a continuous factor: those terms become bit
    /// products, where a spin's index stands for its bit y = (s + 1)/2. Terms with a continuous factor keep their
    /// spins (index = s itself): a multiplication gate takes s ∈ [−1, 1] exactly, while rewriting would multiply the
    /// term into 2^k gated terms.
    /// </summary>
    public static Polynomial SpinsToBits(Polynomial reduced, IReadOnlyList<VariableKind> kinds)
    {
        var terms = new List<(Monomial, Rational)>();
        foreach (var (monomial, coefficient) in reduced.Terms)
        {
            var spins = HasContinuousFactor(monomial, kinds)
                ? new List<int>()
                : Enumerable.Range(0, kinds.Count).Where(v => kinds[v] == VariableKind.Spin && monomial[v] > 0).ToList();

            // ∏ (2y − 1) over the spins: each subset T of them contributes 2^|T|·(−1)^(k−|T|)·∏_{T} y.
            for (int subset = 0; subset < 1 << spins.Count; subset++)
            {
                var exponents = Enumerable.Range(0, kinds.Count).Select(v => monomial[v]).ToArray();
                Rational factor = coefficient;
                for (int s = 0; s < spins.Count; s++)
                {
                    bool chosen = (subset & (1 << s)) != 0;
                    exponents[spins[s]] = chosen ? 1 : 0;
                    factor *= chosen ? 2 : -1;
                }

                terms.Add((Monomial.FromExponents(exponents), factor));
            }
        }

        return Polynomial.FromTerms(reduced.Variables, terms);
    }

    /// <summary>True when the monomial has a continuous variable: it goes through the multiplication gates.</summary>
    public static bool HasContinuousFactor(Monomial monomial, IReadOnlyList<VariableKind> kinds) =>
        Enumerable.Range(0, kinds.Count).Any(v => kinds[v] == VariableKind.Continuous && monomial[v] > 0);

    private static Monomial Reduce(Monomial monomial, IReadOnlyList<VariableKind> kinds)
    {
        var exponents = new int[monomial.VariableCount];
        for (int v = 0; v < exponents.Length; v++)
        {
            int e = monomial[v];
            exponents[v] = kinds[v] switch
            {
                VariableKind.Bit => e > 0 ? 1 : 0,
                VariableKind.Spin => e % 2,
                _ => e,
            };
        }

        return Monomial.FromExponents(exponents);
    }
}
