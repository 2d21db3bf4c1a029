using System;

namespace PolyNet;

/// <summary>
/// The Taylor series of σ around a neuron's resting preactivation a: σ(a + s) − σ(a) = Σₖ cₖ·sᵏ with
/// cₖ = σ⁽ᵏ⁾(a)/k!, split into its odd and even parts in s. The two neurons of a ± pair see s and −s: their odd parts
/// are exact negatives of each other and cancel exactly in a compensated sum, leaving the even parts, which carry the
/// pair's value (σ''(a)·s² and up) to full precision (docs/design.md §8).
/// </summary>
internal static class SigmoidSeries
{
    /// <summary>
    /// Terms kept. The series converges within |s| &lt; √(a² + π²) (σ's poles lie at ±iπ), so its terms shrink at
    /// least like (<see cref="Radius"/>/π)ᵏ = 0.04ᵏ: after 14 terms the rest is below 10⁻¹⁹ of the first.
    /// </summary>
    public const int Terms = 14;

    /// <summary>The largest |s| the series is used for.</summary>
    public const double Radius = 0.125;

    /// <summary>Writes cₖ = σ⁽ᵏ⁾(a)/k! for k = 1 … <see cref="Terms"/> into <paramref name="coefficients"/>.</summary>
    public static void Coefficients(double a, Span<double> coefficients)
    {
        // σ⁽ᵏ⁾ is a polynomial Pₖ in y = σ: P₁ = y − y², Pₖ₊₁ = Pₖ'(y)·(y − y²). Evaluated at a ≤ 0, where y ≤ ½ keeps
        // 1 − y exact enough; σ⁽ᵏ⁾(a) = (−1)^(k+1)·σ⁽ᵏ⁾(−a) gives the other side.
        double negative = -Math.Abs(a);
        double y = Math.Exp(negative) / (1 + Math.Exp(negative));
        Span<double> polynomial = stackalloc double[Terms + 3];
        Span<double> next = stackalloc double[Terms + 3];
        polynomial.Clear();
        polynomial[1] = 1;
        polynomial[2] = -1;
        double factorial = 1;
        for (int k = 1; k <= Terms; k++)
        {
            factorial *= k;
            double value = 0;
            for (int j = k + 1; j >= 0; j--)
            {
                value = (value * y) + polynomial[j];
            }

            coefficients[k - 1] = (a > 0 && k % 2 == 0 ? -value : value) / factorial;

            // Pₖ₊₁(y) = Pₖ'(y)·y − Pₖ'(y)·y²: degree k + 2.
            next.Clear();
            for (int j = 1; j <= k + 1; j++)
            {
                double derivative = j * polynomial[j];
                next[j] += derivative;
                next[j + 1] -= derivative;
            }

            next.CopyTo(polynomial);
        }
    }

    /// <summary>σ(a + s) − σ(a) for |s| ≤ <see cref="Radius"/> as its odd and even parts in s (Horner in s²).</summary>
    public static (double Odd, double Even) Split(ReadOnlySpan<double> coefficients, double s)
    {
        double square = s * s, odd = 0, even = 0;
        for (int k = Terms; k >= 1; k--)
        {
            if (k % 2 == 1)
            {
                odd = (odd * square) + coefficients[k - 1];
            }
            else
            {
                even = (even * square) + coefficients[k - 1];
            }
        }

        return (odd * s, even * square);
    }

    /// <summary>
    /// σ'(a + s) for |s| ≤ <see cref="Radius"/> as three parts whose sum it is: the constant σ'(a) = c₁, the part odd in s
    /// (Σ k·cₖ·s^(k−1), k even) and the part even in s (k odd, k ≥ 3). Two neurons of a ± pair share the constant and see
    /// exactly opposite odd parts and equal even parts, so a compensated sum cancels what the pair cancels exactly.
    /// </summary>
    public static (double Constant, double Odd, double Even) DerivativeSplit(ReadOnlySpan<double> coefficients, double s)
    {
        double square = s * s, odd = 0, even = 0;
        for (int k = Terms; k >= 2; k--)
        {
            if (k % 2 == 0)
            {
                odd = (odd * square) + (k * coefficients[k - 1]);
            }
            else
            {
                even = (even * square) + (k * coefficients[k - 1]);
            }
        }

        return (coefficients[0], odd * s, even * square);
    }
}
