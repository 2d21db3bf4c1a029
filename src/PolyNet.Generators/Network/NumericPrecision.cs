namespace PolyNet.Generators.Network;

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

    /// <summary>Rounds a weight to the precision the generated code stores it in.</summary>
    public static double Round(this NumericPrecision precision, double value) =>
        precision == NumericPrecision.Double ? value : (float)value;
}
