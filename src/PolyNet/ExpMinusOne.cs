using System;

namespace PolyNet;

/// <summary>e^x − 1 without the cancellation of subtracting 1 from e^x near x = 0.</summary>
internal static class ExpMinusOne
{
    /// <summary>
    /// e^x − 1: a 14-term Taylor series below |x| = 0.2 (truncation under 0.2¹⁵/15! ≈ 2.5·10⁻²³, relative), e^x − 1
    /// elsewhere; NaN gives NaN.
    /// </summary>
    public static double Of(double x)
    {
        if (Math.Abs(x) >= 0.2)
        {
            return Math.Exp(x) - 1;
        }

        double term = x, sum = x;
        for (int k = 2; k <= 14; k++)
        {
            term *= x / k;
            sum += term;
        }

        return sum;
    }
}
