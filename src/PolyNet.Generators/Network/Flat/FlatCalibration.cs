using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Network.Flat;

/// <summary>
/// The operating point of every flat product of degree d in one precision: a bias b with σ⁽ᵈ⁺²⁾(b) = 0 and
/// σ⁽ᵈ⁾(b) ≠ 0, and the scale λ, chosen to minimise <see cref="ErrorBound"/> for a product of d distinct
/// inputs. One point per degree (not per monomial) so that identical neurons of different monomials really
/// are identical and can be shared.
/// </summary>
/// <remarks>
/// Truncation: the neurons' signed sum is the mixed central difference ∏ᵢ(δ_{λx̃ᵢ})^{rᵢ} σ(b), which equals
/// ∏(2λx̃ᵢ)^{rᵢ}·E[σ⁽ᵈ⁾(b + S)] with S a sum of d independent uniforms on [−λ|x̃ᵢ|, λ|x̃ᵢ|]. Taylor in S (odd
/// moments vanish): relative error ≤ (|σ⁽ᵈ⁺²⁾(b)|·dλ²/6 + M_{d+4}·λ⁴(d/5 + d(d−1)/3)/24) / |σ⁽ᵈ⁾(b)|, with
/// M_{d+4} the rigorous max of |σ⁽ᵈ⁺⁴⁾| on [b − dλ, b + dλ] (<see cref="SigmoidPoleBound"/>). The root b kills
/// the λ² term, as the deep gate's bias does for d = 2.
/// Rounding of the generated code, which sums each ± neuron pair in closed form around σ(b) (the resting
/// values cancel exactly between pairs): the exponential's 1-ulp error and the rounding of the preactivation
/// move p by δp = 2.02u + (m + 3)u·|p|, times the pair's sensitivity (even d: 2|p|·max|σ''|, odd d: 2·max|σ'|);
/// 12u relative for the closed form; γ_N for the sum of N pairs; (d + 8 + |σ⁽ᵈ⁺¹⁾(b)/σ⁽ᵈ⁾(b)|)·u for the
/// rounded weights, bias and scale. All over 2ᵈλᵈ|σ⁽ᵈ⁾(b)|: truncation grows like λ⁴, rounding like u/λ^(d−1)
/// (even d) or u/λᵈ (odd d).
/// </remarks>
internal sealed class FlatCalibration
{
    private static readonly ConcurrentDictionary<(int, NumericPrecision), FlatCalibration> Cache = new();

    private FlatCalibration(int degree, NumericPrecision precision, double bias, double lambda)
    {
        Degree = degree;
        Precision = precision;
        Bias = bias;
        ExpNegBias = Math.Exp(-bias);
        Lambda = lambda;
        DerivativeAtBias = Sigmoid.Derivative(degree, bias);
    }

    public int Degree { get; }

    public NumericPrecision Precision { get; }

    /// <summary>b: σ⁽ᵈ⁺²⁾(b) = 0.</summary>
    public double Bias { get; }

    /// <summary>E = e^(−b): σ(b ± p) = 1/(1 + E·e^(∓p)).</summary>
    public double ExpNegBias { get; }

    public double Lambda { get; }

    /// <summary>σ⁽ᵈ⁾(b): the flat product is the signed neuron sum over 2ᵈλᵈσ⁽ᵈ⁾(b).</summary>
    public double DerivativeAtBias { get; }

    // max |σ'|, |σ''|, |σ'''| on [b − p, b + p] for p = spread·λ (with a margin): pairs of one spread share them.
    private readonly ConcurrentDictionary<int, (double First, double Second, double Third)> _slopes = new();

    private (double First, double Second, double Third) Slopes(int spread)
    {
        double p = Lambda * spread * (1 + (4 * Precision.UnitRoundoff()));
        return (Sigmoid.MaxAbsDerivative(1, Bias - p, Bias + p), Sigmoid.MaxAbsDerivative(2, Bias - p, Bias + p), Sigmoid.MaxAbsDerivative(3, Bias - p, Bias + p));
    }

    public static FlatCalibration For(int degree, NumericPrecision precision) =>
        Cache.GetOrAdd((degree, precision), key => Calibrate(key.Item1, key.Item2));

    /// <summary>Bound on |flat product − ∏xᵢ^rᵢ| / ∏Sᵢ^rᵢ for |xᵢ| ≤ Sᵢ, for the product with these exponents.</summary>
    public double ErrorBound(IReadOnlyList<int> exponents) => Bound(Degree, Precision, Bias, Lambda, exponents.Count(r => r > 0), FlatSpread.AbsCoefficientsBySpread(exponents));

    /// <summary>
    /// Bound on |∂product/∂xⱼ − ∂(∏xᵢ^rᵢ)/∂xⱼ| per unit of ∏Sᵢ^rᵢ/Sⱼ, for operand <paramref name="operand"/> of a flat
    /// product with these pairs (docs/design.md §14.3).
    /// </summary>
    /// <remarks>
    /// Truncation: ∂Δ/∂x̃ⱼ = 2λrⱼ·∏(2λx̃ᵢ)^(rᵢ − [i = j])·𝔼[σ⁽ᵈ⁾(b + Z)], Z the sum of d − 1 uniforms and one ±λx̃ⱼ with equal
    /// probability, so the relative error is (|σ⁽ᵈ⁺²⁾(b)|·𝔼Z²/2 + M_(d+4)·𝔼Z⁴/24)/|σ⁽ᵈ⁾(b)| with 𝔼Z² ≤ (d + 2)λ²/3 and
    /// 𝔼Z⁴ ≤ λ⁴((d − 1)/5 + (d − 1)(d − 2)/3 + 2(d − 1) + 1). Rounding: each pair's derivative f' moves by its slope times
    /// the preactivation's shift plus 15u relative; the sum over pairs adds γ_N; all over 2ᵈλ^(d−1)|σ⁽ᵈ⁾(b)|.
    /// </remarks>
    public double DerivativeErrorBound(IReadOnlyList<int> exponents, IReadOnlyList<FlatPair> pairs, int operand)
    {
        int d = Degree;
        double b = Bias, lambda = Lambda, u = Precision.UnitRoundoff();
        double nth = Math.Abs(DerivativeAtBias);
        double residual = Math.Abs(Sigmoid.Derivative(d + 2, b)) + (1e-12 * SigmoidPoleBound.MaxAbsDerivative(d + 2, b, b));
        double reach = d * lambda * (1 + (4 * u));
        double fourth = SigmoidPoleBound.MaxAbsDerivative(d + 4, b - reach, b + reach);
        double moment4 = ((d - 1) / 5.0) + ((d - 1) * (d - 2) / 3.0) + (2 * (d - 1)) + 1;
        double relative = ((residual * (d + 2) * lambda * lambda / 6) + (fourth * Math.Pow(lambda, 4) * moment4 / 24)) / nth;
        double truncation = exponents[operand] * relative;

        // Pairs of equal spread Σ|mᵢ| share their bound on |p|: weigh them by spread, then bound each spread once.
        var weights = new double[d + 1];
        double count = 0;
        foreach (var pair in pairs)
        {
            double weight = Math.Abs(pair.Coefficient * pair.Multipliers[operand]);
            if (weight != 0)
            {
                weights[Math.Min(d, pair.Multipliers.Sum(Math.Abs))] += weight;
                count++;
            }
        }

        bool even = d % 2 == 0;
        int operands = exponents.Count(r => r > 0);
        double rounding = 0, sizes = 0;
        for (int spread = 1; spread <= d; spread++)
        {
            if (weights[spread] == 0)
            {
                continue;
            }

            var (first, second, third) = _slopes.GetOrAdd(spread, Slopes);
            double p = lambda * spread * (1 + (4 * u));
            double size = even ? 2 * p * second : 2 * first;
            double slope = even ? 2 * second : 2 * p * third;
            double shift = (2.02 * u) + ((operands + 3) * u * p);
            rounding += weights[spread] * ((slope * shift) + (15 * u * size));
            sizes += weights[spread] * size;
        }

        double gamma = (count + 1) * u / (1 - ((count + 1) * u));
        double divisor = Math.Pow(2 * lambda, d) / lambda * nth;
        double constants = (d + 8 + Math.Abs(Sigmoid.Derivative(d + 1, b) / nth)) * u * exponents[operand] * (1 + relative);
        return truncation + ((rounding + (gamma * sizes)) / divisor) + constants;
    }

    private static double Bound(int d, NumericPrecision precision, double b, double lambda, int operands, double[] spread)
    {
        double u = precision.UnitRoundoff();
        double nth = Math.Abs(Sigmoid.Derivative(d, b));
        double residual = Math.Abs(Sigmoid.Derivative(d + 2, b)) + (1e-12 * SigmoidPoleBound.MaxAbsDerivative(d + 2, b, b));
        double reach = d * lambda * (1 + (4 * u));
        double fourth = SigmoidPoleBound.MaxAbsDerivative(d + 4, b - reach, b + reach);
        double truncation = ((residual * d * lambda * lambda / 6) + (fourth * Math.Pow(lambda, 4) * ((d / 5.0) + (d * (d - 1) / 3.0)) / 24)) / nth;

        bool even = d % 2 == 0;
        double rounding = 0, deviations = 0, pairs = 1;
        for (int s = 1; s < spread.Length; s++)
        {
            if (spread[s] == 0)
            {
                continue;
            }

            double weight = spread[s] / 2;
            double p = lambda * s * (1 + (4 * u));
            double first = Sigmoid.MaxAbsDerivative(1, b - p, b + p);
            double second = Sigmoid.MaxAbsDerivative(2, b - p, b + p);
            double deviation = even ? p * p * second : 2 * p * first;
            double sensitivity = even ? 2 * p * second : 2 * first;
            double shift = (2.02 * u) + ((operands + 3) * u * p);
            rounding += weight * ((sensitivity * shift) + (12 * u * deviation));
            deviations += weight * deviation;
            pairs += weight;
        }

        double gamma = pairs * u / (1 - (pairs * u));
        double divisor = Math.Pow(2 * lambda, d) * nth;
        double constants = (d + 8 + Math.Abs(Sigmoid.Derivative(d + 1, b) / nth)) * u * (1 + truncation);
        return truncation + ((rounding + (gamma * deviations)) / divisor) + constants;
    }

    private static FlatCalibration Calibrate(int degree, NumericPrecision precision)
    {
        var distinct = Enumerable.Repeat(1, degree).ToArray();
        double[] spread = FlatSpread.AbsCoefficientsBySpread(distinct);
        FlatCalibration? best = null;
        double bestBound = double.PositiveInfinity;
        foreach (double bias in UsableRoots(degree))
        {
            // Rounding falls like u/λ^(d−1), truncation rises like λ⁴: search λ in [1e-4, 1].
            double lambda = ScaleSearch.Minimise(l => Bound(degree, precision, bias, l, degree, spread), 1e-4, 1.0, 60);
            double bound = Bound(degree, precision, bias, lambda, degree, spread);
            if (bound < bestBound)
            {
                bestBound = bound;
                best = new FlatCalibration(degree, precision, bias, lambda);
            }
        }

        return best!;
    }

    /// <summary>Roots of σ⁽ᵈ⁺²⁾ in [−12, 12] where σ⁽ᵈ⁾ is far from 0 (at least 5% of its largest value at a root).</summary>
    private static List<double> UsableRoots(int degree)
    {
        var roots = new List<double>();
        const double From = -12, Step = 0.01;
        double previous = Sigmoid.Derivative(degree + 2, From);
        for (int i = 1; i <= 2400; i++)
        {
            double t = From + (i * Step);
            double value = Sigmoid.Derivative(degree + 2, t);
            if (Math.Sign(value) != Math.Sign(previous))
            {
                roots.Add(Bisect(degree + 2, t - Step, t));
            }

            previous = value;
        }

        double largest = roots.Count == 0 ? 0 : roots.Max(r => Math.Abs(Sigmoid.Derivative(degree, r)));
        return roots.Where(r => Math.Abs(Sigmoid.Derivative(degree, r)) >= 0.05 * largest).ToList();
    }

    private static double Bisect(int order, double low, double high)
    {
        double lowValue = Sigmoid.Derivative(order, low);
        for (int i = 0; i < 200 && high - low > 1e-15 * Math.Max(1, Math.Abs(low)); i++)
        {
            double middle = (low + high) / 2;
            double value = Sigmoid.Derivative(order, middle);
            if (Math.Sign(value) == Math.Sign(lowValue))
            {
                low = middle;
                lowValue = value;
            }
            else
            {
                high = middle;
            }
        }

        return (low + high) / 2;
    }
}
