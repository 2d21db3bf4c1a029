using System;
using System.Linq;

namespace PolyNet.Generators.Network;

/// <summary>
/// The logistic sigmoid σ(t) = 1/(1+e^(−t)) and its derivatives. Every derivative is a polynomial in σ
/// (σ' = σ(1−σ)), which gives exact values and cheap global bounds without symbolic algebra.
/// </summary>
internal static class Sigmoid
{
    /// <summary>
    /// The gate bias: σ''''(b) = 0 with σ(b) = (3 − √6)/6, so the λ² error term of every gate vanishes and
    /// the error falls to O(λ⁴) (docs/design.md §2). The negative root keeps σ(b) ≈ 0.092 small, which keeps
    /// the absolute rounding error of each neuron small.
    /// </summary>
    public const double GateBias = -2.2924316695611777;

    /// <summary>e^(−b) for the gate bias, = 5 + 2√6: lets σ(b ± s) share one exponential of s.</summary>
    public const double ExpNegGateBias = 9.898979485566356;

    /// <summary>
    /// K = E(E − 1)/(1 + E): σ(b + p) + σ(b − p) − 2σ(b) = K·(e − 1)²/((e + E)(1 + E·e)) with e = e^(−p), the
    /// exact sum of a ± neuron pair around its resting value, free of the cancellation of the plain sum.
    /// </summary>
    public static readonly double PairConstant = PairConstantFor(ExpNegGateBias);

    /// <summary>K for a pair around any bias b, given E = e^(−b) (flat products use other biases).</summary>
    public static double PairConstantFor(double expNegBias) => expNegBias * (expNegBias - 1) / (1 + expNegBias);

    public static double Value(double t) => 1.0 / (1.0 + Math.Exp(-t));

    /// <summary>The k-th derivative σ⁽ᵏ⁾(t).</summary>
    public static double Derivative(int order, double t) => EvaluatePolynomial(DerivativeInSigma(order), Value(t));

    /// <summary>
    /// A global bound on |σ⁽ᵏ⁾| over the real line: σ⁽ᵏ⁾ = P_k(σ) with σ ∈ [0, 1], so the maximum of |P_k| on
    /// [0, 1], taken on a fine grid, plus the grid's half step times the sum of |P_k'| coefficients.
    /// </summary>
    public static double GlobalDerivativeBound(int order) =>
        order < GlobalBounds.Length ? GlobalBounds[order] : ComputeGlobalDerivativeBound(order);

    private static readonly double[] GlobalBounds = Enumerable.Range(0, 10).Select(ComputeGlobalDerivativeBound).ToArray();

    private static double ComputeGlobalDerivativeBound(int order)
    {
        double[] p = DerivativeInSigma(order);
        const int Steps = 1 << 18;
        double max = 0;
        for (int i = 0; i <= Steps; i++)
        {
            max = Math.Max(max, Math.Abs(EvaluatePolynomial(p, (double)i / Steps)));
        }

        double slope = 0;
        for (int power = 1; power < p.Length; power++)
        {
            slope += power * Math.Abs(p[power]);
        }

        return max + (0.5 / Steps * slope);
    }

    /// <summary>
    /// A rigorous bound on max |σ⁽ᵏ⁾(t)| for t in [from, to]: the maximum over a grid plus half a step
    /// times the global bound of the next derivative.
    /// </summary>
    public static double MaxAbsDerivative(int order, double from, double to)
    {
        const int Steps = 64;
        double step = (to - from) / Steps;
        double max = 0;
        for (int i = 0; i <= Steps; i++)
        {
            max = Math.Max(max, Math.Abs(Derivative(order, from + (i * step))));
        }

        return max + (0.5 * step * GlobalDerivativeBound(order + 1));
    }

    /// <summary>Coefficients (lowest power first) of P_k with σ⁽ᵏ⁾ = P_k(σ); P_0 = s, P_(k+1) = P_k'(s)·(s − s²).</summary>
    private static double[] DerivativeInSigma(int order)
    {
        double[] p = [0.0, 1.0];
        for (int k = 0; k < order; k++)
        {
            var next = new double[p.Length + 1];
            for (int power = 1; power < p.Length; power++)
            {
                double derivative = power * p[power];
                next[power] += derivative;
                next[power + 1] -= derivative;
            }

            p = next;
        }

        return p;
    }

    private static double EvaluatePolynomial(double[] coefficients, double s)
    {
        double result = 0;
        for (int i = coefficients.Length - 1; i >= 0; i--)
        {
            result = (result * s) + coefficients[i];
        }

        return result;
    }
}
