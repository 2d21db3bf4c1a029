using System;
using System.Numerics;

namespace PolyNet.Generators.Polynomials;

/// <summary>
/// Upper bounds on the expansion of a subexpression, computed from the tree alone so that oversized input is
/// refused before anything is multiplied out: the range of total degrees its terms can have, the distinct variables
/// that occur in it, and the number of terms.
/// </summary>
/// <remarks>
/// The bounds are counted before cancellation: like terms that would cancel (<c>x - x</c>) still count, so an
/// expression can be refused even though its expansion is small. The term bound is the smaller of the algebraic
/// bound (1 per leaf, sums add, products multiply, powers exponentiate) and the number of monomials that exist in the
/// occurring variables within the degree range. All values saturate at 1e300 instead of overflowing.
/// </remarks>
internal readonly struct SizeEstimate
{
    /// <summary>Bounds at or above this mean "too many to count".</summary>
    public const double Saturation = 1e300;

    // Bit set of the occurring variable indexes; never mutated after construction.
    private readonly ulong[] _variables;

    private SizeEstimate(double minDegree, double maxDegree, ulong[] variables, double terms)
    {
        MinDegree = minDegree;
        MaxDegree = maxDegree;
        _variables = variables;
        DistinctVariables = CountBits(variables);
        Terms = Math.Min(terms, MonomialCount(DistinctVariables, minDegree, maxDegree));
    }

    /// <summary>No term of the expansion has a lower total degree.</summary>
    public double MinDegree { get; }

    /// <summary>No term of the expansion has a higher total degree.</summary>
    public double MaxDegree { get; }

    /// <summary>How many different variables occur in the subexpression.</summary>
    public int DistinctVariables { get; }

    /// <summary>The expansion has at most this many terms.</summary>
    public double Terms { get; }

    public static SizeEstimate Constant(int variableCount) => new(0, 0, new ulong[Words(variableCount)], 1);

    public static SizeEstimate Variable(int variableCount, int variableIndex)
    {
        var variables = new ulong[Words(variableCount)];
        variables[variableIndex >> 6] |= 1UL << (variableIndex & 63);
        return new SizeEstimate(1, 1, variables, 1);
    }

    public static SizeEstimate Sum(SizeEstimate left, SizeEstimate right) =>
        new(
            Math.Min(left.MinDegree, right.MinDegree),
            Math.Max(left.MaxDegree, right.MaxDegree),
            Union(left._variables, right._variables),
            Saturate(left.Terms + right.Terms));

    public static SizeEstimate Product(SizeEstimate left, SizeEstimate right) =>
        new(
            Saturate(left.MinDegree + right.MinDegree),
            Saturate(left.MaxDegree + right.MaxDegree),
            Union(left._variables, right._variables),
            Saturate(left.Terms * right.Terms));

    public static SizeEstimate Power(SizeEstimate value, int exponent)
    {
        if (exponent <= 0)
        {
            return Constant(value._variables.Length * 64);
        }

        return new(
            Saturate(value.MinDegree * exponent),
            Saturate(value.MaxDegree * exponent),
            value._variables,
            Saturate(Math.Pow(value.Terms, exponent)));
    }

    /// <summary>
    /// The number of monomials in <paramref name="variables"/> variables with total degree in
    /// [<paramref name="minDegree"/>, <paramref name="maxDegree"/>]: C(n+max, n) − C(n+min−1, n).
    /// </summary>
    public static double MonomialCount(int variables, double minDegree, double maxDegree)
    {
        if (variables == 0)
        {
            return 1;
        }

        double upTo = CountUpTo(variables, maxDegree);
        if (minDegree < 1 || upTo >= Saturation)
        {
            return upTo;
        }

        return upTo - CountUpTo(variables, minDegree - 1);
    }

    // C(n + d, n): monomials in n variables of total degree at most d, computed exactly and saturated.
    private static double CountUpTo(int n, double degree)
    {
        if (degree >= int.MaxValue)
        {
            return Saturation;
        }

        int d = (int)degree;
        int steps = Math.Min(n, d);
        long top = (long)n + d - steps;
        BigInteger count = BigInteger.One;
        var limit = new BigInteger(Saturation);
        for (int i = 1; i <= steps; i++)
        {
            // count = C(top + i, i) after each step, so the division is exact.
            count = count * (top + i) / i;
            if (count >= limit)
            {
                return Saturation;
            }
        }

        return (double)count;
    }

    private static double Saturate(double value) => double.IsNaN(value) || value > Saturation ? Saturation : value;

    private static int Words(int variableCount) => (variableCount + 63) >> 6;

    private static ulong[] Union(ulong[] left, ulong[] right)
    {
        var union = new ulong[Math.Max(left.Length, right.Length)];
        for (int i = 0; i < union.Length; i++)
        {
            union[i] = (i < left.Length ? left[i] : 0UL) | (i < right.Length ? right[i] : 0UL);
        }

        return union;
    }

    private static int CountBits(ulong[] words)
    {
        int count = 0;
        foreach (ulong word in words)
        {
            for (ulong w = word; w != 0; w &= w - 1)
            {
                count++;
            }
        }

        return count;
    }
}
