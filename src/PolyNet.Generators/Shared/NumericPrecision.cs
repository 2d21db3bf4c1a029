namespace PolyNet.Generators.Shared;

/// <summary>The arithmetic the generated forward pass runs in. Gate scales and error bounds depend on it.</summary>
internal enum NumericPrecision
{
    Double,
    Single,
}

internal static class NumericPrecisionExtensions
{
    /// <summary>Unit roundoff u = 2^-p: the largest relative error of one correctly rounded operation.</summary>
    public static double UnitRoundoff(this NumericPrecision precision) =>
        precision == NumericPrecision.Double ? 1.1102230246251565e-16 : 5.9604644775390625e-8;

    /// <summary>
    /// Bound on the rounding of an output sum of <paramref name="terms"/> terms (γₙ with n = terms + 2) and of its
    /// coefficients (one u each), for terms whose absolute values add up to <paramref name="magnitude"/>.
    /// </summary>
    public static double OutputSumRounding(this NumericPrecision precision, int terms, double magnitude)
    {
        double u = precision.UnitRoundoff();
        int operations = terms + 2;
        return ((operations * u / (1 - (operations * u))) + u) * magnitude;
    }

    /// <summary>Rounds a weight to the precision the generated code stores it in.</summary>
    public static double Round(this NumericPrecision precision, double value) =>
        precision == NumericPrecision.Double ? value : (float)value;
}
