using System;

namespace PolyNet.Onnx;

/// <summary>The working precision of an export, and how its bounds are printed.</summary>
internal static class ExportArithmetic
{
    /// <summary>u = 2⁻⁵³ (float64) or 2⁻²⁴ (float32): the largest relative error of one rounding.</summary>
    public static double UnitRoundoff(bool isDouble) => isDouble ? 1.1102230246251565e-16 : 5.9604644775390625e-8;

    /// <summary>A positive bound rounded up to three significant digits: stable text, still a bound.</summary>
    public static double RoundUp(double value)
    {
        if (!(value > 0) || double.IsInfinity(value))
        {
            return value;
        }

        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)) - 2);
        return Math.Ceiling(value / magnitude * (1 + 1e-12)) * magnitude;
    }
}
