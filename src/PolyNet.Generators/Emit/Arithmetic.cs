using PolyNet.Generators.Network;

namespace PolyNet.Generators.Emit;

/// <summary>
/// How the forward pass spells numbers and e^x in one flavour of arithmetic: scalar double/float or a
/// Vector128/256/512 of them. The gate formulas are written once and read the same in every flavour
/// (C# vector types overload + − * /).
/// </summary>
internal sealed class Arithmetic
{
    private readonly string? _vector;

    private Arithmetic(NumericPrecision precision, string? vector)
    {
        Precision = precision;
        _vector = vector;
    }

    public NumericPrecision Precision { get; }

    public string Element => Precision == NumericPrecision.Double ? "double" : "float";

    /// <summary>The C# type of one value: "double" or "global::System.Runtime.Intrinsics.Vector256&lt;double&gt;".</summary>
    public string Type => _vector is null ? Element : $"{VectorClass}<{Element}>";

    /// <summary>"global::System.Runtime.Intrinsics.Vector512", or null for scalar arithmetic.</summary>
    public string? VectorClass => _vector is null ? null : "global::System.Runtime.Intrinsics." + _vector;

    public static Arithmetic Scalar(NumericPrecision precision) => new(precision, null);

    public static Arithmetic Vector(NumericPrecision precision, int bits) => new(precision, "Vector" + Literals.Int(bits));

    public string Constant(double value)
    {
        string literal = Literals.Number(value, Precision);
        return _vector is null ? literal : $"{VectorClass}.Create({literal})";
    }

    public string Exp(string argument) => _vector is not null
        ? $"global::PolyNet.Kernels.VectorMath.ExpNearZero({argument})"
        : Precision == NumericPrecision.Double ? $"global::System.Math.Exp({argument})" : $"global::System.MathF.Exp({argument})";

    /// <summary>e^x over the whole range (bit-product neurons reach |x| ≈ β·k); saturates to 0 or a huge finite value.</summary>
    public string ExpFullRange(string argument) => _vector is not null
        ? $"global::PolyNet.Kernels.VectorMath.Exp({argument})"
        : Exp(argument);

    /// <summary>A vector of bool, sbyte or int elements at <paramref name="reference"/>[index] widened to this arithmetic's lanes.</summary>
    public string WidenedLoad(string reference, string index) =>
        $"global::PolyNet.Kernels.VectorLoads.{(Precision == NumericPrecision.Double ? "Double" : "Single")}{_vector!.Substring("Vector".Length)}(ref {reference}, {index})";
}
