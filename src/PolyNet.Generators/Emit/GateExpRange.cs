using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Emit;

/// <summary>
/// The |x| up to which the vector lanes' short exponential (<c>GateExp</c>) is exact to rounding: the runtime's
/// <c>DoubleExp.NearZeroLimit</c> and <c>SingleExp.NearZeroLimit</c>, which a test holds equal to these. A flat pair
/// whose preactivation stays within it for in-bound inputs is emitted with the short exponential.
/// </summary>
internal static class GateExpRange
{
    public const double Double = 0.015;

    public const double Single = 0.36;

    public static double For(NumericPrecision precision) => precision == NumericPrecision.Double ? Double : Single;
}
