using System;

namespace PolyNet.Onnx;

/// <summary>
/// A deep gate evaluated the way ONNX engines evaluate it: each sigmoid on its own, then summed with the public weights
/// (docs/design.md §15). The scale λ is chosen for that evaluation and the bound on |gate − u·v|/(U·V) (or |gate − u²|/U²)
/// counts its rounding: u/λ² instead of the closed form's u/λ.
/// </summary>
internal sealed class SeparateSigmoidGate
{
    /// <summary>The gate bias b with σ''''(b) = 0, as in the generated code.</summary>
    public const double Bias = -2.2924316695611777;

    /// <summary>σ(b), the resting value of every gate neuron.</summary>
    public static readonly double RestValue = 1 / (1 + Math.Exp(-Bias));

    /// <summary>σ''(b) = √6/36.</summary>
    public static readonly double SecondDerivative = Math.Sqrt(6) / 36;

    /// <summary>
    /// The largest error of the engine's σ near the gate bias, in units of u: ONNX Runtime 1.31 measured 1.50u in double and
    /// 1.39u in float (PolyNet.Onnx.Tests checks that it stays below this on every run).
    /// </summary>
    public const double SigmoidUlps = 2;

    private SeparateSigmoidGate(bool isDouble, bool square, double lambda)
    {
        IsDouble = isDouble;
        IsSquare = square;
        Lambda = lambda;
        NormalizedError = Bound(isDouble, square, lambda);
    }

    public bool IsDouble { get; }

    public bool IsSquare { get; }

    /// <summary>λ: a multiplication's neurons read λ·(u/U ± v/V), a square's 2λ·u/U.</summary>
    public double Lambda { get; }

    /// <summary>The bound per unit of U·V (U² for a square).</summary>
    public double NormalizedError { get; }

    private static readonly SeparateSigmoidGate[] Optimal =
    [
        Calibrate(true, false), Calibrate(true, true), Calibrate(false, false), Calibrate(false, true),
    ];

    public static SeparateSigmoidGate For(bool isDouble, bool square) => Optimal[(isDouble ? 0 : 2) + (square ? 1 : 0)];

    /// <summary>
    /// Truncation as in docs/design.md §2 (σ''''(b) = 0 up to the rounding of b, M₆ on [b − 2λ, b + 2λ]); rounding of the
    /// separate evaluation: each neuron's σ off by <see cref="SigmoidUlps"/>·u plus σ'·δz for its preactivation's rounding
    /// δz ≤ (|b| + 3·2λ)·u, the sum of the n neurons' weighted values γₙ·Σ|h|, all times the output scale 1/(4λ²σ''(b)) per
    /// unit; 5u for the rounded weights, bias and scale (a square also rounds its constant −2σ(b)·scale, 0.6u more of it).
    /// </summary>
    public static double Bound(bool isDouble, bool square, double lambda)
    {
        double u = ExportArithmetic.UnitRoundoff(isDouble);
        double reach = 2 * lambda;
        double sixth = MaxAbsSixthDerivative(Bias - reach, Bias + reach);
        double fourth = Math.Abs(Derivative(4, Bias));
        double perUnit = 1 / (4 * lambda * lambda * SecondDerivative);
        double neurons = square ? 2 : 4;
        double restMax = 1 / (1 + Math.Exp(-(Bias + reach)));
        double slope = 1.0 / 12 * 1.01;
        double preactivation = (Math.Abs(Bias) + (3 * reach)) * u;
        double gamma = neurons * u / (1 - (neurons * u));
        double rounding = perUnit * ((neurons * ((SigmoidUlps * u) + (slope * preactivation))) + (gamma * neurons * restMax) + (square ? 0.6 * u : 0));
        double truncation = square
            ? perUnit * ((fourth * Math.Pow(reach, 4) / 12) + (2 * sixth * Math.Pow(reach, 6) / 720))
            : perUnit * ((fourth * 16 * Math.Pow(lambda, 4) / 12) + (2 * sixth * 64 * Math.Pow(lambda, 6) / 720));
        return truncation + rounding + (5 * u);
    }

    private static SeparateSigmoidGate Calibrate(bool isDouble, bool square)
    {
        // Golden-section search in log λ over [1e-4, 0.5]: truncation rises like λ⁴, this rounding falls like u/λ².
        double low = Math.Log(1e-4), high = Math.Log(0.5);
        double ratio = (Math.Sqrt(5) - 1) / 2;
        for (int i = 0; i < 80; i++)
        {
            double a = high - (ratio * (high - low)), b = low + (ratio * (high - low));
            if (Bound(isDouble, square, Math.Exp(a)) < Bound(isDouble, square, Math.Exp(b)))
            {
                high = b;
            }
            else
            {
                low = a;
            }
        }

        // Three significant digits: weights that read well and do not change between runtimes.
        double lambda = Math.Exp((low + high) / 2);
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(lambda)) - 2);
        return new SeparateSigmoidGate(isDouble, square, Math.Round(lambda / magnitude) * magnitude);
    }

    /// <summary>σ⁽ᵏ⁾(t) from the Taylor coefficients of σ around t (k ≤ 14).</summary>
    internal static double Derivative(int order, double t)
    {
        Span<double> coefficients = stackalloc double[SigmoidSeries.Terms];
        SigmoidSeries.Coefficients(t, coefficients);
        double factorial = 1;
        for (int k = 2; k <= order; k++)
        {
            factorial *= k;
        }

        return coefficients[order - 1] * factorial;
    }

    /// <summary>max |σ⁽⁶⁾| on [from, to]: 65 points plus half a step times 2.11 ≥ max |σ⁽⁷⁾| (docs/design.md §1).</summary>
    private static double MaxAbsSixthDerivative(double from, double to)
    {
        const int order = 6;
        double largest = 0, step = (to - from) / 64;
        for (int i = 0; i <= 64; i++)
        {
            largest = Math.Max(largest, Math.Abs(Derivative(order, from + (i * step))));
        }

        return largest + (step / 2 * 2.11);
    }
}
