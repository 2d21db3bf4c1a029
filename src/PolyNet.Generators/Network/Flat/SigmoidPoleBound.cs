using System;

namespace PolyNet.Generators.Network.Flat;

/// <summary>
/// Rigorous bounds on high derivatives of σ from its poles, where the polynomial-in-σ bounds of
/// <see cref="Sigmoid"/> lose to cancellation: σ has simple poles of residue 1 at iπ(2k+1), so
/// σ⁽ᵐ⁾(t) = Σₖ (−1)ᵐ m! / (t − iπ(2k+1))^(m+1) for m ≥ 2, and |σ⁽ᵐ⁾(t)| ≤ 2·m!·Σ_{k≥0} (t² + π²(2k+1)²)^(−(m+1)/2).
/// The bound falls with |t|, so on an interval it is largest at the point nearest 0.
/// </summary>
internal static class SigmoidPoleBound
{
    public static double MaxAbsDerivative(int order, double from, double to)
    {
        if (order < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(order), "the pole series converges absolutely from the second derivative on");
        }

        double nearest = from <= 0 && to >= 0 ? 0 : Math.Min(Math.Abs(from), Math.Abs(to));
        double factorial = 1;
        for (int i = 2; i <= order; i++)
        {
            factorial *= i;
        }

        double sum = 0;
        const int Terms = 200;
        for (int k = 0; k < Terms; k++)
        {
            double pole = Math.PI * ((2 * k) + 1);
            sum += Math.Pow((nearest * nearest) + (pole * pole), -(order + 1) / 2.0);
        }

        // Tail k ≥ Terms: Σ (π(2k+1))^(−(m+1)) ≤ ∫ from Terms − ½ of (2πx)^(−(m+1)) dx; plus a margin for rounding.
        double tail = Math.Pow(2 * Math.PI, -(order + 1)) * Math.Pow(Terms - 0.5, -order) / order;
        return 2 * factorial * (sum + tail) * (1 + 1e-12);
    }
}
