using System;
using PolyNet.Generators.Planning;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Network;

/// <summary>
/// The operating point of a gate for one precision: the scale λ (in normalised units, |ũ|, |ṽ| ≤ 1) and the
/// resulting bound on |gate − u·v| / (U·V).
/// </summary>
/// <remarks>
/// Error model, for the bias b with σ''''(b) = 0 and C = 1/(4λ²σ''(b)), per unit of U·V:
/// <list type="bullet">
/// <item>truncation: C·(|σ''''(b)|·16λ⁴/12 + 2·M₆·64λ⁶/720), M₆ = max |σ⁽⁶⁾| on [b − 2λ, b + 2λ]
/// (Taylor remainder of the even part; the odd orders cancel exactly in each ± pair);</item>
/// <item>rounding of the generated code, which sums each ± pair in closed form, K·(e − 1)²/((e + E)(1 + E·e)):
/// e − 1 is exact but carries the exponential's 1-ulp error, which a pair turns into 2.25u/λ, plus 20u for
/// the remaining operations, the rounding of the weights and of the arguments (two pairs per 4-neuron gate,
/// one per square gate).</item>
/// </list>
/// Truncation grows like λ⁴ and this rounding like u/λ, so λ is the minimiser of the bound, found once per
/// precision and gate kind. (A neuron-by-neuron evaluation rounds like u/λ² and would want a larger λ; neither
/// the generated code nor <c>SigmoidNetwork.Evaluate</c> evaluates that way.)
/// </remarks>
internal sealed class GateCalibration
{
    private static readonly GateCalibration DoubleMultiply = Calibrate(ProductStep.Multiply, NumericPrecision.Double);
    private static readonly GateCalibration DoubleSquare = Calibrate(ProductStep.Square, NumericPrecision.Double);
    private static readonly GateCalibration SingleMultiply = Calibrate(ProductStep.Multiply, NumericPrecision.Single);
    private static readonly GateCalibration SingleSquare = Calibrate(ProductStep.Square, NumericPrecision.Single);

    private GateCalibration(double lambda, double normalizedError)
    {
        Lambda = lambda;
        NormalizedError = normalizedError;
    }

    public double Lambda { get; }

    /// <summary>Upper bound on |gate output − u·v| / (U·V) for |u| ≤ U, |v| ≤ V.</summary>
    public double NormalizedError { get; }

    public static GateCalibration For(ProductStep kind, NumericPrecision precision) => (kind, precision) switch
    {
        (ProductStep.Multiply, NumericPrecision.Double) => DoubleMultiply,
        (ProductStep.Square, NumericPrecision.Double) => DoubleSquare,
        (ProductStep.Multiply, _) => SingleMultiply,
        _ => SingleSquare,
    };

    /// <summary>The error bound at scale λ; public for tests and the flattening analysis.</summary>
    public static double ErrorBound(ProductStep kind, NumericPrecision precision, double lambda)
    {
        double b = Sigmoid.GateBias;
        double second = Math.Abs(Sigmoid.Derivative(2, b));
        double fourth = Math.Abs(Sigmoid.Derivative(4, b));
        double m6 = Sigmoid.MaxAbsDerivative(6, b - (2 * lambda), b + (2 * lambda));
        double scale = 1.0 / (4 * lambda * lambda * second);
        double lambda4 = Math.Pow(lambda, 4);
        double truncation = scale * ((fourth * 16 * lambda4 / 12) + (2 * m6 * 64 * lambda4 * lambda * lambda / 720));
        double u = precision.UnitRoundoff();
        double pairs = kind == ProductStep.Multiply ? 2 : 1;
        return truncation + (pairs * ((2.25 * u / lambda) + (20 * u)));
    }

    /// <summary>
    /// Bound on the error of the gate's computed partial derivatives, per unit of the other operand's scale: for a
    /// multiplication |∂g/∂u − v|/V and |∂g/∂v − u|/U, for a square |∂g/∂u − 2u|/U, at scale λ (docs/design.md §14.2).
    /// </summary>
    /// <remarks>
    /// Truncation: a pair's derivative S'(x) = σ'(b+x) − σ'(b−x) = 2σ''(b)x + σ⁗(b)x³/3 + R(x), |R(x)| ≤ 2M₆|x|⁵/120; a
    /// multiplication's ∂ĝ/∂ũ = Cλ(S'(p) − S'(q)) with |p³ ∓ q³| ≤ 8λ³ and |p|⁵ + |q|⁵ ≤ 32λ⁵; a square's 2λC·S'(2λũ).
    /// Rounding: the exponential's error δe ≤ (2.02 + 6λ)u·e moves S' by at most 2·max|σ''|·δe/e, 16u relative for the
    /// closed form, and 6u of the derivative's size for the final products and the rounded weights.
    /// </remarks>
    public static double DerivativeErrorBound(ProductStep kind, NumericPrecision precision, double lambda)
    {
        double b = Sigmoid.GateBias;
        double second = Math.Abs(Sigmoid.Derivative(2, b));
        double fourth = Math.Abs(Sigmoid.Derivative(4, b));
        double m6 = Sigmoid.MaxAbsDerivative(6, b - (2 * lambda), b + (2 * lambda));
        double maxSecond = Sigmoid.MaxAbsDerivative(2, b - (2 * lambda), b + (2 * lambda));
        double c = 1.0 / (4 * lambda * lambda * second);
        double u = precision.UnitRoundoff();
        double reach = 2 * lambda;
        double perPair = (2 * maxSecond * ((2.02 + (6 * lambda)) * u)) + (16 * u * 2 * maxSecond * reach);
        if (kind == ProductStep.Multiply)
        {
            double truncation = c * lambda * ((fourth * 8 * Math.Pow(lambda, 3) / 3) + (2 * m6 * 32 * Math.Pow(lambda, 5) / 120));
            return truncation + (c * lambda * 2 * perPair) + (6 * u);
        }

        double squareTruncation = 2 * lambda * c * ((fourth * Math.Pow(reach, 3) / 3) + (2 * m6 * Math.Pow(reach, 5) / 120));
        return squareTruncation + (2 * lambda * c * perPair) + (12 * u);
    }

    /// <summary>A gate at a chosen scale (see <see cref="OperatingPoint.AtScale"/>).</summary>
    public static GateCalibration AtScale(ProductStep kind, NumericPrecision precision, double lambda) =>
        new(lambda, ErrorBound(kind, precision, lambda));

    private static GateCalibration Calibrate(ProductStep kind, NumericPrecision precision)
    {
        double Bound(double lambda) => ErrorBound(kind, precision, lambda);

        // The bound is unimodal in log λ (u/λ falling, λ⁴ rising): search [1e-5, 0.5].
        double lambda = ScaleSearch.Minimise(Bound, 1e-5, 0.5, 80);
        return new GateCalibration(lambda, ErrorBound(kind, precision, lambda));
    }
}
