using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace PolyNet.Kernels;

/// <summary>
/// One <see cref="double"/> at a time: the generated scalar method, the tail of a batch and every vector lane with an
/// input outside its bound. Exact for every input: a gate's exponent is clamped at ±100, where its ± pairs have long
/// saturated (they change by less than e^(−97) relative) and the closed form cannot overflow (docs/design.md §9).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ScalarDouble : ILanes<ScalarDouble, double, double>
{
    /// <summary>|exponent| beyond which a deep gate's pair is saturated in double.</summary>
    public const double GateExpLimit = 100;

    /// <inheritdoc/>
    public static int Count => 1;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Constant(double value) => value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Load(ref double source, nuint index) => Unsafe.Add(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LoadBits(ref bool source, nuint index) => Unsafe.Add(ref source, index) ? 1.0 : 0.0;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LoadSpins(ref sbyte source, nuint index) => Unsafe.Add(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LoadSpins(ref int source, nuint index) => Unsafe.Add(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(double value, ref double destination, nuint index) => Unsafe.Add(ref destination, index) = value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Add(double left, double right) => left + right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Subtract(double left, double right) => left - right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Multiply(double left, double right) => left * right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Divide(double left, double right) => left / right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Negate(double value) => -value;

    // Not fused: a software FMA (no hardware support) would cost more than the whole gate.
    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FusedMultiplyAdd(double a, double b, double c) => (a * b) + c;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Clamp(double value, double limit) => Math.Clamp(value, -limit, limit);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(double value, double bound) => Math.Abs(value) <= bound;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Exp(double x) => Math.Exp(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double GateExp(double x) => Math.Exp(Math.Clamp(x, -GateExpLimit, GateExpLimit));

    /// <inheritdoc/>
    public static double SumInDouble(double constant, ReadOnlySpan<double> values, ReadOnlySpan<double> coefficients)
    {
        double sum = constant;
        for (int i = 0; i < values.Length; i++)
        {
            sum += coefficients[i] * values[i];
        }

        return sum;
    }
}

/// <summary>
/// One <see cref="float"/> at a time; see <see cref="ScalarDouble"/>. A gate's exponent is clamped at ±20, the largest
/// limit at which its closed form stays below float's range (docs/design.md §9).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ScalarSingle : ILanes<ScalarSingle, float, float>
{
    /// <summary>|exponent| beyond which a deep gate's pair is saturated in float.</summary>
    public const float GateExpLimit = 20;

    /// <inheritdoc/>
    public static int Count => 1;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Constant(double value) => (float)value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Load(ref float source, nuint index) => Unsafe.Add(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float LoadBits(ref bool source, nuint index) => Unsafe.Add(ref source, index) ? 1f : 0f;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float LoadSpins(ref sbyte source, nuint index) => Unsafe.Add(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float LoadSpins(ref int source, nuint index) => Unsafe.Add(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(float value, ref float destination, nuint index) => Unsafe.Add(ref destination, index) = value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Add(float left, float right) => left + right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Subtract(float left, float right) => left - right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Multiply(float left, float right) => left * right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Divide(float left, float right) => left / right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Negate(float value) => -value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float FusedMultiplyAdd(float a, float b, float c) => (a * b) + c;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Clamp(float value, double limit) => Math.Clamp(value, -(float)limit, (float)limit);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(float value, double bound) => Math.Abs(value) <= (float)bound;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Exp(float x) => MathF.Exp(x);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float GateExp(float x) => MathF.Exp(Math.Clamp(x, -GateExpLimit, GateExpLimit));

    /// <inheritdoc/>
    public static float SumInDouble(double constant, ReadOnlySpan<float> values, ReadOnlySpan<double> coefficients)
    {
        double sum = constant;
        for (int i = 0; i < values.Length; i++)
        {
            sum += coefficients[i] * values[i];
        }

        return (float)sum;
    }
}
