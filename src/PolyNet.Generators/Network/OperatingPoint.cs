using PolyNet.Generators.Planning;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Network;

/// <summary>
/// Where a network's gates work for one precision: the scale λ of the multiplication and squaring gates and the gain β
/// of the bit products. <see cref="For"/> is the calibrated optimum; <see cref="AtScale"/> and <see cref="WithGain"/>
/// move a gate off it, which makes the network's own error (network ≠ polynomial) large enough to see.
/// </summary>
internal sealed class OperatingPoint
{
    private static readonly OperatingPoint DoublePoint = new(NumericPrecision.Double, GateCalibration.For(ProductStep.Multiply, NumericPrecision.Double), GateCalibration.For(ProductStep.Square, NumericPrecision.Double), BitProductCalibration.DoubleBeta);
    private static readonly OperatingPoint SinglePoint = new(NumericPrecision.Single, GateCalibration.For(ProductStep.Multiply, NumericPrecision.Single), GateCalibration.For(ProductStep.Square, NumericPrecision.Single), BitProductCalibration.SingleBeta);

    private OperatingPoint(NumericPrecision precision, GateCalibration multiply, GateCalibration square, double beta)
    {
        Precision = precision;
        Multiply = multiply;
        Square = square;
        Beta = beta;
    }

    public NumericPrecision Precision { get; }

    public GateCalibration Multiply { get; }

    public GateCalibration Square { get; }

    /// <summary>β of the bit products σ(β(Σy − k + ½)).</summary>
    public double Beta { get; }

    public static OperatingPoint For(NumericPrecision precision) => precision == NumericPrecision.Double ? DoublePoint : SinglePoint;

    /// <summary>Both deep gates at scale λ instead of their optimum.</summary>
    public static OperatingPoint AtScale(NumericPrecision precision, double lambda) =>
        new(precision, GateCalibration.AtScale(ProductStep.Multiply, precision, lambda), GateCalibration.AtScale(ProductStep.Square, precision, lambda), For(precision).Beta);

    /// <summary>The bit products at gain β instead of <see cref="BitProductCalibration"/>'s.</summary>
    public OperatingPoint WithGain(double beta) => new(Precision, Multiply, Square, beta);

    public GateCalibration Gate(ProductStep step) => step == ProductStep.Square ? Square : Multiply;
}
