using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
#if !NET9_0_OR_GREATER
using System.Runtime.Intrinsics.X86;
#endif

namespace PolyNet.Kernels;

/// <summary><c>Vector256&lt;double&gt;</c> lanes: 4 numbers at a time (see <see cref="ILanes{TSelf, TLane, TScalar}"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Double256 : ILanes<Double256, Vector256<double>, double>, IVectorExp<Double256, Vector256<double>>
{
    /// <inheritdoc/>
    public static int Count => Vector256<double>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Constant(double value) => Vector256.Create((double)value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Load(ref double source, nuint index) => Vector256.LoadUnsafe(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LoadBits(ref bool source, nuint index) => VectorLoads.Double256(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LoadSpins(ref sbyte source, nuint index) => VectorLoads.Double256(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> LoadSpins(ref int source, nuint index) => VectorLoads.Double256(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<double> value, ref double destination, nuint index) => Vector256.StoreUnsafe(value, ref destination, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Add(Vector256<double> left, Vector256<double> right) => left + right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Subtract(Vector256<double> left, Vector256<double> right) => left - right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Multiply(Vector256<double> left, Vector256<double> right) => left * right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Divide(Vector256<double> left, Vector256<double> right) => left / right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Negate(Vector256<double> value) => -value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> FusedMultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c)
    {
#if NET9_0_OR_GREATER
        // Without hardware FMA the fused form is emulated per element, ~50x slower than a multiply and an add.
        return HardwareFma.IsSupported ? Vector256.FusedMultiplyAdd(a, b, c) : (a * b) + c;
#else
        return Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;
#endif
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Abs(Vector256<double> value) => Vector256.Abs(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> SelectGreater(Vector256<double> left, Vector256<double> right, Vector256<double> ifGreater, Vector256<double> otherwise) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(left, right), ifGreater, otherwise);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreInt32(Vector256<double> value, ref int destination, nuint index)
    {
        var whole = Vector256.ConvertToInt64(value);
        Vector128.Narrow(whole.GetLower(), whole.GetUpper()).StoreUnsafe(ref destination, index);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Step(Vector256<double> t, double threshold, Vector256<double> below, double above) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(t, Vector256.Create(threshold)), Vector256.Create(above), below);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> CopySign(Vector256<double> magnitude, Vector256<double> sign) => Vector256.ConditionalSelect(Vector256.Create((double)(-0.0)), sign, magnitude);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(Vector256<double> value, double bound) => Vector256.LessThanOrEqualAll(Vector256.Abs(value), Vector256.Create((double)bound));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x) => DoubleExp.Exp<Double256, Vector256<double>>(x);


    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> GateExp(Vector256<double> x) => DoubleExp.NearZero<Double256, Vector256<double>>(x);

    /// <inheritdoc/>
    public static double SumToDouble(Vector256<double> value) => Vector256.Sum(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddInDouble(ref Vector256<double> low, ref Vector256<double> high, Vector256<double> value, double coefficient) =>
        low = FusedMultiplyAdd(value, Vector256.Create(coefficient), low);

    /// <inheritdoc/>
    public static double SumInDouble(Vector256<double> low, Vector256<double> high) => Vector256.Sum(low);

    /// <inheritdoc/>
    public static Vector256<double> SumInDouble(double constant, ReadOnlySpan<Vector256<double>> values, ReadOnlySpan<double> coefficients)
    {
        Vector256<double> sum = Vector256.Create(constant);
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i] * Vector256.Create(coefficients[i]);
        }

        return sum;
    }

    static Vector256<double> IVectorExp<Double256, Vector256<double>>.Broadcast(double value) => Vector256.Create((double)value);

    static Vector256<double> IVectorExp<Double256, Vector256<double>>.Plus(Vector256<double> left, Vector256<double> right) => left + right;

    static Vector256<double> IVectorExp<Double256, Vector256<double>>.Minus(Vector256<double> left, Vector256<double> right) => left - right;

    static Vector256<double> IVectorExp<Double256, Vector256<double>>.Times(Vector256<double> left, Vector256<double> right) => left * right;

    static Vector256<double> IVectorExp<Double256, Vector256<double>>.Fma(Vector256<double> a, Vector256<double> b, Vector256<double> c) => FusedMultiplyAdd(a, b, c);

    static Vector256<double> IVectorExp<Double256, Vector256<double>>.ClampNative(Vector256<double> value, double low, double high) => ClampNative(value, low, high);

    static Vector256<double> IVectorExp<Double256, Vector256<double>>.PowerOfTwo(Vector256<double> shifted) =>
        Vector256.ShiftLeft(shifted.AsInt64() - Vector256.Create(6755399441055744.0).AsInt64() + Vector256.Create(1023L), 52).AsDouble();

    static Vector256<double> IVectorExp<Double256, Vector256<double>>.KeepNaN(Vector256<double> x, Vector256<double> result) => KeepNaN(x, result);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> KeepNaN(Vector256<double> x, Vector256<double> result) => Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);

    // .NET 9 made Min/Max IEEE-exact (NaN, ±0), several instructions each; the native forms are one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> ClampNative(Vector256<double> value, double low, double high)
    {
#if NET9_0_OR_GREATER
        return Vector256.MinNative(Vector256.MaxNative(value, Vector256.Create((double)low)), Vector256.Create((double)high));
#else
        return Vector256.Min(Vector256.Max(value, Vector256.Create((double)low)), Vector256.Create((double)high));
#endif
    }
}

/// <summary><c>Vector256&lt;float&gt;</c> lanes: 8 numbers at a time (see <see cref="ILanes{TSelf, TLane, TScalar}"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Single256 : ILanes<Single256, Vector256<float>, float>, IVectorExp<Single256, Vector256<float>>
{
    /// <inheritdoc/>
    public static int Count => Vector256<float>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Constant(double value) => Vector256.Create((float)value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Load(ref float source, nuint index) => Vector256.LoadUnsafe(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LoadBits(ref bool source, nuint index) => VectorLoads.Single256(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LoadSpins(ref sbyte source, nuint index) => VectorLoads.Single256(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> LoadSpins(ref int source, nuint index) => VectorLoads.Single256(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<float> value, ref float destination, nuint index) => Vector256.StoreUnsafe(value, ref destination, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Add(Vector256<float> left, Vector256<float> right) => left + right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Subtract(Vector256<float> left, Vector256<float> right) => left - right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Multiply(Vector256<float> left, Vector256<float> right) => left * right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Divide(Vector256<float> left, Vector256<float> right) => left / right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Negate(Vector256<float> value) => -value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> FusedMultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c)
    {
#if NET9_0_OR_GREATER
        // Without hardware FMA the fused form is emulated per element, ~50x slower than a multiply and an add.
        return HardwareFma.IsSupported ? Vector256.FusedMultiplyAdd(a, b, c) : (a * b) + c;
#else
        return Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;
#endif
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Abs(Vector256<float> value) => Vector256.Abs(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> SelectGreater(Vector256<float> left, Vector256<float> right, Vector256<float> ifGreater, Vector256<float> otherwise) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(left, right), ifGreater, otherwise);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreInt32(Vector256<float> value, ref int destination, nuint index)
        => Vector256.ConvertToInt32(value).StoreUnsafe(ref destination, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Step(Vector256<float> t, double threshold, Vector256<float> below, double above) =>
        Vector256.ConditionalSelect(Vector256.GreaterThan(t, Vector256.Create((float)threshold)), Vector256.Create((float)above), below);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> CopySign(Vector256<float> magnitude, Vector256<float> sign) => Vector256.ConditionalSelect(Vector256.Create((float)(-0.0)), sign, magnitude);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(Vector256<float> value, double bound) => Vector256.LessThanOrEqualAll(Vector256.Abs(value), Vector256.Create((float)bound));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x) => SingleExp.Exp<Single256, Vector256<float>>(x);


    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> GateExp(Vector256<float> x) => SingleExp.NearZero<Single256, Vector256<float>>(x);

    /// <inheritdoc/>
    public static double SumToDouble(Vector256<float> value) => Vector256.Sum(Vector256.WidenLower(value) + Vector256.WidenUpper(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddInDouble(ref Vector256<float> low, ref Vector256<float> high, Vector256<float> value, double coefficient)
    {
        var c = Vector256.Create(coefficient);
        low = Double256.FusedMultiplyAdd(Vector256.WidenLower(value), c, low.AsDouble()).AsSingle();
        high = Double256.FusedMultiplyAdd(Vector256.WidenUpper(value), c, high.AsDouble()).AsSingle();
    }

    /// <inheritdoc/>
    public static double SumInDouble(Vector256<float> low, Vector256<float> high) => Vector256.Sum(low.AsDouble() + high.AsDouble());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> SumInDouble(
        double constant, Vector256<float> v0, double c0, Vector256<float> v1, double c1, Vector256<float> v2, double c2, Vector256<float> v3, double c3,
        Vector256<float> v4, double c4, Vector256<float> v5, double c5, Vector256<float> v6, double c6, Vector256<float> v7, double c7)
    {
        Vector256<double> lower = Vector256.Create(constant), upper = lower;
        Add(ref lower, ref upper, v0, c0);
        Add(ref lower, ref upper, v1, c1);
        Add(ref lower, ref upper, v2, c2);
        Add(ref lower, ref upper, v3, c3);
        Add(ref lower, ref upper, v4, c4);
        Add(ref lower, ref upper, v5, c5);
        Add(ref lower, ref upper, v6, c6);
        Add(ref lower, ref upper, v7, c7);
        return Vector256.Narrow(lower, upper);

        static void Add(ref Vector256<double> lower, ref Vector256<double> upper, Vector256<float> value, double c)
        {
            var coefficient = Vector256.Create(c);
            lower += Vector256.WidenLower(value) * coefficient;
            upper += Vector256.WidenUpper(value) * coefficient;
        }
    }

    /// <inheritdoc/>
    public static Vector256<float> SumInDouble(double constant, ReadOnlySpan<Vector256<float>> values, ReadOnlySpan<double> coefficients)
    {
        Vector256<double> lower = Vector256.Create(constant), upper = lower;
        for (int i = 0; i < values.Length; i++)
        {
            var coefficient = Vector256.Create(coefficients[i]);
            lower += Vector256.WidenLower(values[i]) * coefficient;
            upper += Vector256.WidenUpper(values[i]) * coefficient;
        }

        return Vector256.Narrow(lower, upper);
    }

    static Vector256<float> IVectorExp<Single256, Vector256<float>>.Broadcast(double value) => Vector256.Create((float)value);

    static Vector256<float> IVectorExp<Single256, Vector256<float>>.Plus(Vector256<float> left, Vector256<float> right) => left + right;

    static Vector256<float> IVectorExp<Single256, Vector256<float>>.Minus(Vector256<float> left, Vector256<float> right) => left - right;

    static Vector256<float> IVectorExp<Single256, Vector256<float>>.Times(Vector256<float> left, Vector256<float> right) => left * right;

    static Vector256<float> IVectorExp<Single256, Vector256<float>>.Fma(Vector256<float> a, Vector256<float> b, Vector256<float> c) => FusedMultiplyAdd(a, b, c);

    static Vector256<float> IVectorExp<Single256, Vector256<float>>.ClampNative(Vector256<float> value, double low, double high) => ClampNative(value, low, high);

    static Vector256<float> IVectorExp<Single256, Vector256<float>>.PowerOfTwo(Vector256<float> shifted) =>
        Vector256.ShiftLeft(shifted.AsInt32() - Vector256.Create(12582912.0f).AsInt32() + Vector256.Create(127), 23).AsSingle();

    static Vector256<float> IVectorExp<Single256, Vector256<float>>.KeepNaN(Vector256<float> x, Vector256<float> result) => KeepNaN(x, result);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> KeepNaN(Vector256<float> x, Vector256<float> result) => Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x);

    // .NET 9 made Min/Max IEEE-exact (NaN, ±0), several instructions each; the native forms are one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> ClampNative(Vector256<float> value, double low, double high)
    {
#if NET9_0_OR_GREATER
        return Vector256.MinNative(Vector256.MaxNative(value, Vector256.Create((float)low)), Vector256.Create((float)high));
#else
        return Vector256.Min(Vector256.Max(value, Vector256.Create((float)low)), Vector256.Create((float)high));
#endif
    }
}
