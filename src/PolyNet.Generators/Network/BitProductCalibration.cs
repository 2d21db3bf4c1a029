using System;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Network;

/// <summary>
/// The gain β of the one-neuron bit product σ(β(Σy − k + ½)) (docs/design.md §6) for one precision, and the bound on
/// |neuron − exact bit product| it gives.
/// </summary>
/// <remarks>
/// Over bits the argument is an integer multiple of β shifted by β/2, so |argument| ≥ β/2 and the truncation error
/// is at most σ(−β/2) ≈ e^(−β/2) (the paper's "β > D ln 10" drops the factor 2). β is chosen so that
/// e^(−β/2) is below the unit roundoff u: then the computed 1/(1 + e^(−t)) is exactly 1 when the product is 1
/// (1 + e rounds to 1) and at most e^(−β/2)(1 + 8u) when it is 0, so the neuron is exact to far below the rounding of
/// the output sum. β = 80 for double (e^(−40) = 4.2e-18 &lt; u = 1.1e-16) and β = 40 for float
/// (e^(−20) = 2.1e-9 &lt; u = 6.0e-8). Both are exact in either precision, and so is every argument Σ w·x + bias.
/// </remarks>
internal static class BitProductCalibration
{
    public const double DoubleBeta = 80;

    public const double SingleBeta = 40;

    public static double Beta(NumericPrecision precision) => precision == NumericPrecision.Double ? DoubleBeta : SingleBeta;

    /// <summary>An upper bound on |computed neuron − exact bit product| at gain <paramref name="beta"/>.</summary>
    public static double NeuronError(NumericPrecision precision, double beta)
    {
        double u = precision.UnitRoundoff();
        double tail = Sigmoid.Value(-beta / 2);

        // Saturated (e^(−β/2) below u): a 1 is computed exactly and a 0 as the tail with relative error ≤ 8u.
        // Otherwise the computed sigmoid carries up to 6u of rounding (a 2-ulp exponential, one add, one divide).
        return Math.Exp(-beta / 2) * (1 + (4 * u)) < u ? tail * (1 + (8 * u)) : tail + (6 * u);
    }
}
