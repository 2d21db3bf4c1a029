using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
#if !NET9_0_OR_GREATER
using System.Runtime.Intrinsics.X86;
#endif

namespace PolyNet.Kernels;

/// <summary><c>Vector128&lt;double&gt;</c> lanes: 2 numbers at a time (see <see cref="ILanes{TSelf, TLane, TScalar}"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Double128 : ILanes<Double128, Vector128<double>, double>, IVectorExp<Double128, Vector128<double>>
{
    /// <inheritdoc/>
    public static int Count => Vector128<double>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Constant(double value) => Vector128.Create((double)value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Load(ref double source, nuint index) => Vector128.LoadUnsafe(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> LoadBits(ref bool source, nuint index) => VectorLoads.Double128(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> LoadSpins(ref sbyte source, nuint index) => VectorLoads.Double128(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> LoadSpins(ref int source, nuint index) => VectorLoads.Double128(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<double> value, ref double destination, nuint index) => Vector128.StoreUnsafe(value, ref destination, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Add(Vector128<double> left, Vector128<double> right) => left + right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Subtract(Vector128<double> left, Vector128<double> right) => left - right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Multiply(Vector128<double> left, Vector128<double> right) => left * right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Divide(Vector128<double> left, Vector128<double> right) => left / right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Negate(Vector128<double> value) => -value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> FusedMultiplyAdd(Vector128<double> a, Vector128<double> b, Vector128<double> c)
    {
#if NET9_0_OR_GREATER
        // Without hardware FMA the fused form is emulated per element, ~50x slower than a multiply and an add.
        return HardwareFma.IsSupported ? Vector128.FusedMultiplyAdd(a, b, c) : (a * b) + c;
#else
        return Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;
#endif
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Abs(Vector128<double> value) => Vector128.Abs(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> SelectGreater(Vector128<double> left, Vector128<double> right, Vector128<double> ifGreater, Vector128<double> otherwise) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(left, right), ifGreater, otherwise);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreInt32(Vector128<double> value, ref int destination, nuint index)
    {
        for (int k = 0; k < Vector128<double>.Count; k++)
        {
            Unsafe.Add(ref destination, index + (nuint)k) = (int)value.GetElement(k);
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Step(Vector128<double> t, double threshold, Vector128<double> below, double above) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(t, Vector128.Create(threshold)), Vector128.Create(above), below);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> CopySign(Vector128<double> magnitude, Vector128<double> sign) => Vector128.ConditionalSelect(Vector128.Create((double)(-0.0)), sign, magnitude);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(Vector128<double> value, double bound) => Vector128.LessThanOrEqualAll(Vector128.Abs(value), Vector128.Create((double)bound));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Exp(Vector128<double> x) => DoubleExp.Exp<Double128, Vector128<double>>(x);


    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> GateExp(Vector128<double> x) => DoubleExp.NearZero<Double128, Vector128<double>>(x);

    /// <inheritdoc/>
    public static double SumToDouble(Vector128<double> value) => Vector128.Sum(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddInDouble(ref Vector128<double> low, ref Vector128<double> high, Vector128<double> value, double coefficient) =>
        low = FusedMultiplyAdd(value, Vector128.Create(coefficient), low);

    /// <inheritdoc/>
    public static double SumInDouble(Vector128<double> low, Vector128<double> high) => Vector128.Sum(low);

    /// <inheritdoc/>
    public static Vector128<double> SumInDouble(double constant, ReadOnlySpan<Vector128<double>> values, ReadOnlySpan<double> coefficients)
    {
        Vector128<double> sum = Vector128.Create(constant);
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i] * Vector128.Create(coefficients[i]);
        }

        return sum;
    }

    static Vector128<double> IVectorExp<Double128, Vector128<double>>.Broadcast(double value) => Vector128.Create((double)value);

    static Vector128<double> IVectorExp<Double128, Vector128<double>>.Plus(Vector128<double> left, Vector128<double> right) => left + right;

    static Vector128<double> IVectorExp<Double128, Vector128<double>>.Minus(Vector128<double> left, Vector128<double> right) => left - right;

    static Vector128<double> IVectorExp<Double128, Vector128<double>>.Times(Vector128<double> left, Vector128<double> right) => left * right;

    static Vector128<double> IVectorExp<Double128, Vector128<double>>.Fma(Vector128<double> a, Vector128<double> b, Vector128<double> c) => FusedMultiplyAdd(a, b, c);

    static Vector128<double> IVectorExp<Double128, Vector128<double>>.ClampNative(Vector128<double> value, double low, double high) => ClampNative(value, low, high);

    static Vector128<double> IVectorExp<Double128, Vector128<double>>.PowerOfTwo(Vector128<double> shifted) =>
        Vector128.ShiftLeft(shifted.AsInt64() - Vector128.Create(6755399441055744.0).AsInt64() + Vector128.Create(1023L), 52).AsDouble();

    static Vector128<double> IVectorExp<Double128, Vector128<double>>.KeepNaN(Vector128<double> x, Vector128<double> result) => KeepNaN(x, result);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> KeepNaN(Vector128<double> x, Vector128<double> result) => Vector128.ConditionalSelect(Vector128.Equals(x, x), result, x);

    // .NET 9 made Min/Max IEEE-exact (NaN, ±0), several instructions each; the native forms are one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> ClampNative(Vector128<double> value, double low, double high)
    {
#if NET9_0_OR_GREATER
        return Vector128.MinNative(Vector128.MaxNative(value, Vector128.Create((double)low)), Vector128.Create((double)high));
#else
        return Vector128.Min(Vector128.Max(value, Vector128.Create((double)low)), Vector128.Create((double)high));
#endif
    }
}

/// <summary><c>Vector128&lt;float&gt;</c> lanes: 4 numbers at a time (see <see cref="ILanes{TSelf, TLane, TScalar}"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Single128 : ILanes<Single128, Vector128<float>, float>, IVectorExp<Single128, Vector128<float>>
{
    /// <inheritdoc/>
    public static int Count => Vector128<float>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Constant(double value) => Vector128.Create((float)value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Load(ref float source, nuint index) => Vector128.LoadUnsafe(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> LoadBits(ref bool source, nuint index) => VectorLoads.Single128(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> LoadSpins(ref sbyte source, nuint index) => VectorLoads.Single128(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> LoadSpins(ref int source, nuint index) => VectorLoads.Single128(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<float> value, ref float destination, nuint index) => Vector128.StoreUnsafe(value, ref destination, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Add(Vector128<float> left, Vector128<float> right) => left + right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Subtract(Vector128<float> left, Vector128<float> right) => left - right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Multiply(Vector128<float> left, Vector128<float> right) => left * right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Divide(Vector128<float> left, Vector128<float> right) => left / right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Negate(Vector128<float> value) => -value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> FusedMultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c)
    {
#if NET9_0_OR_GREATER
        // Without hardware FMA the fused form is emulated per element, ~50x slower than a multiply and an add.
        return HardwareFma.IsSupported ? Vector128.FusedMultiplyAdd(a, b, c) : (a * b) + c;
#else
        return Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;
#endif
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Abs(Vector128<float> value) => Vector128.Abs(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> SelectGreater(Vector128<float> left, Vector128<float> right, Vector128<float> ifGreater, Vector128<float> otherwise) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(left, right), ifGreater, otherwise);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreInt32(Vector128<float> value, ref int destination, nuint index)
        => Vector128.ConvertToInt32(value).StoreUnsafe(ref destination, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Step(Vector128<float> t, double threshold, Vector128<float> below, double above) =>
        Vector128.ConditionalSelect(Vector128.GreaterThan(t, Vector128.Create((float)threshold)), Vector128.Create((float)above), below);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> CopySign(Vector128<float> magnitude, Vector128<float> sign) => Vector128.ConditionalSelect(Vector128.Create((float)(-0.0)), sign, magnitude);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(Vector128<float> value, double bound) => Vector128.LessThanOrEqualAll(Vector128.Abs(value), Vector128.Create((float)bound));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Exp(Vector128<float> x) => SingleExp.Exp<Single128, Vector128<float>>(x);


    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> GateExp(Vector128<float> x) => SingleExp.NearZero<Single128, Vector128<float>>(x);

    /// <inheritdoc/>
    public static double SumToDouble(Vector128<float> value) => Vector128.Sum(Vector128.WidenLower(value) + Vector128.WidenUpper(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddInDouble(ref Vector128<float> low, ref Vector128<float> high, Vector128<float> value, double coefficient)
    {
        var c = Vector128.Create(coefficient);
        low = Double128.FusedMultiplyAdd(Vector128.WidenLower(value), c, low.AsDouble()).AsSingle();
        high = Double128.FusedMultiplyAdd(Vector128.WidenUpper(value), c, high.AsDouble()).AsSingle();
    }

    /// <inheritdoc/>
    public static double SumInDouble(Vector128<float> low, Vector128<float> high) => Vector128.Sum(low.AsDouble() + high.AsDouble());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> SumInDouble(
        double constant, Vector128<float> v0, double c0, Vector128<float> v1, double c1, Vector128<float> v2, double c2, Vector128<float> v3, double c3,
        Vector128<float> v4, double c4, Vector128<float> v5, double c5, Vector128<float> v6, double c6, Vector128<float> v7, double c7)
    {
        Vector128<double> lower = Vector128.Create(constant), upper = lower;
        Add(ref lower, ref upper, v0, c0);
        Add(ref lower, ref upper, v1, c1);
        Add(ref lower, ref upper, v2, c2);
        Add(ref lower, ref upper, v3, c3);
        Add(ref lower, ref upper, v4, c4);
        Add(ref lower, ref upper, v5, c5);
        Add(ref lower, ref upper, v6, c6);
        Add(ref lower, ref upper, v7, c7);
        return Vector128.Narrow(lower, upper);

        static void Add(ref Vector128<double> lower, ref Vector128<double> upper, Vector128<float> value, double c)
        {
            var coefficient = Vector128.Create(c);
            lower += Vector128.WidenLower(value) * coefficient;
            upper += Vector128.WidenUpper(value) * coefficient;
        }
    }

    /// <inheritdoc/>
    public static Vector128<float> SumInDouble(double constant, ReadOnlySpan<Vector128<float>> values, ReadOnlySpan<double> coefficients)
    {
        Vector128<double> lower = Vector128.Create(constant), upper = lower;
        for (int i = 0; i < values.Length; i++)
        {
            var coefficient = Vector128.Create(coefficients[i]);
            lower += Vector128.WidenLower(values[i]) * coefficient;
            upper += Vector128.WidenUpper(values[i]) * coefficient;
        }

        return Vector128.Narrow(lower, upper);
    }

    static Vector128<float> IVectorExp<Single128, Vector128<float>>.Broadcast(double value) => Vector128.Create((float)value);

    static Vector128<float> IVectorExp<Single128, Vector128<float>>.Plus(Vector128<float> left, Vector128<float> right) => left + right;

    static Vector128<float> IVectorExp<Single128, Vector128<float>>.Minus(Vector128<float> left, Vector128<float> right) => left - right;

    static Vector128<float> IVectorExp<Single128, Vector128<float>>.Times(Vector128<float> left, Vector128<float> right) => left * right;

    static Vector128<float> IVectorExp<Single128, Vector128<float>>.Fma(Vector128<float> a, Vector128<float> b, Vector128<float> c) => FusedMultiplyAdd(a, b, c);

    static Vector128<float> IVectorExp<Single128, Vector128<float>>.ClampNative(Vector128<float> value, double low, double high) => ClampNative(value, low, high);

    static Vector128<float> IVectorExp<Single128, Vector128<float>>.PowerOfTwo(Vector128<float> shifted) =>
        Vector128.ShiftLeft(shifted.AsInt32() - Vector128.Create(12582912.0f).AsInt32() + Vector128.Create(127), 23).AsSingle();

    static Vector128<float> IVectorExp<Single128, Vector128<float>>.KeepNaN(Vector128<float> x, Vector128<float> result) => KeepNaN(x, result);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> KeepNaN(Vector128<float> x, Vector128<float> result) => Vector128.ConditionalSelect(Vector128.Equals(x, x), result, x);

    // .NET 9 made Min/Max IEEE-exact (NaN, ±0), several instructions each; the native forms are one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> ClampNative(Vector128<float> value, double low, double high)
    {
#if NET9_0_OR_GREATER
        return Vector128.MinNative(Vector128.MaxNative(value, Vector128.Create((float)low)), Vector128.Create((float)high));
#else
        return Vector128.Min(Vector128.Max(value, Vector128.Create((float)low)), Vector128.Create((float)high));
#endif
    }
}
