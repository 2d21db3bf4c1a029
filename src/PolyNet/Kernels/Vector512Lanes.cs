using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
#if !NET9_0_OR_GREATER
using System.Runtime.Intrinsics.X86;
#endif

namespace PolyNet.Kernels;

/// <summary><c>Vector512&lt;double&gt;</c> lanes: 8 numbers at a time (see <see cref="ILanes{TSelf, TLane, TScalar}"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Double512 : ILanes<Double512, Vector512<double>, double>, IVectorExp<Double512, Vector512<double>>
{
    /// <inheritdoc/>
    public static int Count => Vector512<double>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Constant(double value) => Vector512.Create((double)value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Load(ref double source, nuint index) => Vector512.LoadUnsafe(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> LoadBits(ref bool source, nuint index) => VectorLoads.Double512(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> LoadSpins(ref sbyte source, nuint index) => VectorLoads.Double512(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> LoadSpins(ref int source, nuint index) => VectorLoads.Double512(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<double> value, ref double destination, nuint index) => Vector512.StoreUnsafe(value, ref destination, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Add(Vector512<double> left, Vector512<double> right) => left + right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Subtract(Vector512<double> left, Vector512<double> right) => left - right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Multiply(Vector512<double> left, Vector512<double> right) => left * right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Divide(Vector512<double> left, Vector512<double> right) => left / right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Negate(Vector512<double> value) => -value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> FusedMultiplyAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c)
    {
#if NET9_0_OR_GREATER
        // Without hardware FMA the fused form is emulated per element, ~50x slower than a multiply and an add.
        return HardwareFma.IsSupported ? Vector512.FusedMultiplyAdd(a, b, c) : (a * b) + c;
#else
        return Avx512F.FusedMultiplyAdd(a, b, c);
#endif
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Abs(Vector512<double> value) => Vector512.Abs(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> SelectGreater(Vector512<double> left, Vector512<double> right, Vector512<double> ifGreater, Vector512<double> otherwise) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(left, right), ifGreater, otherwise);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreRows(ReadOnlySpan<Vector512<double>> columns, ref double destination, nuint index)
    {
        if (RowInterleave.CanPermute(columns.Length))
        {
            RowInterleave.Store(columns, ref destination, index);
            return;
        }

        RowStores.Scalar<Vector512<double>, double>(columns, ref destination, index, Vector512<double>.Count);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreInt32(Vector512<double> value, ref int destination, nuint index)
    {
        var whole = Vector512.ConvertToInt64(value);
        Vector256.Narrow(whole.GetLower(), whole.GetUpper()).StoreUnsafe(ref destination, index);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Step(Vector512<double> t, double threshold, Vector512<double> below, double above) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(t, Vector512.Create(threshold)), Vector512.Create(above), below);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> CopySign(Vector512<double> magnitude, Vector512<double> sign) => Vector512.ConditionalSelect(Vector512.Create((double)(-0.0)), sign, magnitude);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(Vector512<double> value, double bound) => Vector512.LessThanOrEqualAll(Vector512.Abs(value), Vector512.Create((double)bound));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x) => DoubleExp.Exp<Double512, Vector512<double>>(x);


    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> GateExp(Vector512<double> x) => DoubleExp.NearZero<Double512, Vector512<double>>(x);

    /// <inheritdoc/>
    public static double SumToDouble(Vector512<double> value) => Vector512.Sum(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddInDouble(ref Vector512<double> low, ref Vector512<double> high, Vector512<double> value, double coefficient) =>
        low = FusedMultiplyAdd(value, Vector512.Create(coefficient), low);

    /// <inheritdoc/>
    public static double SumInDouble(Vector512<double> low, Vector512<double> high) => Vector512.Sum(low);

    /// <inheritdoc/>
    public static Vector512<double> SumInDouble(double constant, ReadOnlySpan<Vector512<double>> values, ReadOnlySpan<double> coefficients)
    {
        Vector512<double> sum = Vector512.Create(constant);
        for (int i = 0; i < values.Length; i++)
        {
            sum += values[i] * Vector512.Create(coefficients[i]);
        }

        return sum;
    }

    static Vector512<double> IVectorExp<Double512, Vector512<double>>.Broadcast(double value) => Vector512.Create((double)value);

    static Vector512<double> IVectorExp<Double512, Vector512<double>>.Plus(Vector512<double> left, Vector512<double> right) => left + right;

    static Vector512<double> IVectorExp<Double512, Vector512<double>>.Minus(Vector512<double> left, Vector512<double> right) => left - right;

    static Vector512<double> IVectorExp<Double512, Vector512<double>>.Times(Vector512<double> left, Vector512<double> right) => left * right;

    static Vector512<double> IVectorExp<Double512, Vector512<double>>.Fma(Vector512<double> a, Vector512<double> b, Vector512<double> c) => FusedMultiplyAdd(a, b, c);

    static Vector512<double> IVectorExp<Double512, Vector512<double>>.ClampNative(Vector512<double> value, double low, double high) => ClampNative(value, low, high);

    static Vector512<double> IVectorExp<Double512, Vector512<double>>.PowerOfTwo(Vector512<double> shifted) =>
        Vector512.ShiftLeft(shifted.AsInt64() - Vector512.Create(6755399441055744.0).AsInt64() + Vector512.Create(1023L), 52).AsDouble();

    static Vector512<double> IVectorExp<Double512, Vector512<double>>.KeepNaN(Vector512<double> x, Vector512<double> result) => KeepNaN(x, result);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> KeepNaN(Vector512<double> x, Vector512<double> result) => Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);

    // .NET 9 made Min/Max IEEE-exact (NaN, ±0), several instructions each; the native forms are one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> ClampNative(Vector512<double> value, double low, double high)
    {
#if NET9_0_OR_GREATER
        return Vector512.MinNative(Vector512.MaxNative(value, Vector512.Create((double)low)), Vector512.Create((double)high));
#else
        return Vector512.Min(Vector512.Max(value, Vector512.Create((double)low)), Vector512.Create((double)high));
#endif
    }
}

/// <summary><c>Vector512&lt;float&gt;</c> lanes: 16 numbers at a time (see <see cref="ILanes{TSelf, TLane, TScalar}"/>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct Single512 : ILanes<Single512, Vector512<float>, float>, IVectorExp<Single512, Vector512<float>>
{
    /// <inheritdoc/>
    public static int Count => Vector512<float>.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Constant(double value) => Vector512.Create((float)value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Load(ref float source, nuint index) => Vector512.LoadUnsafe(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> LoadBits(ref bool source, nuint index) => VectorLoads.Single512(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> LoadSpins(ref sbyte source, nuint index) => VectorLoads.Single512(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> LoadSpins(ref int source, nuint index) => VectorLoads.Single512(ref source, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<float> value, ref float destination, nuint index) => Vector512.StoreUnsafe(value, ref destination, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Add(Vector512<float> left, Vector512<float> right) => left + right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Subtract(Vector512<float> left, Vector512<float> right) => left - right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Multiply(Vector512<float> left, Vector512<float> right) => left * right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Divide(Vector512<float> left, Vector512<float> right) => left / right;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Negate(Vector512<float> value) => -value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> FusedMultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c)
    {
#if NET9_0_OR_GREATER
        // Without hardware FMA the fused form is emulated per element, ~50x slower than a multiply and an add.
        return HardwareFma.IsSupported ? Vector512.FusedMultiplyAdd(a, b, c) : (a * b) + c;
#else
        return Avx512F.FusedMultiplyAdd(a, b, c);
#endif
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Abs(Vector512<float> value) => Vector512.Abs(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> SelectGreater(Vector512<float> left, Vector512<float> right, Vector512<float> ifGreater, Vector512<float> otherwise) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(left, right), ifGreater, otherwise);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreRows(ReadOnlySpan<Vector512<float>> columns, ref float destination, nuint index)
    {
        if (RowInterleave.CanPermute(columns.Length))
        {
            RowInterleave.Store(columns, ref destination, index);
            return;
        }

        RowStores.Scalar<Vector512<float>, float>(columns, ref destination, index, Vector512<float>.Count);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreInt32(Vector512<float> value, ref int destination, nuint index)
        => Vector512.ConvertToInt32(value).StoreUnsafe(ref destination, index);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Step(Vector512<float> t, double threshold, Vector512<float> below, double above) =>
        Vector512.ConditionalSelect(Vector512.GreaterThan(t, Vector512.Create((float)threshold)), Vector512.Create((float)above), below);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> CopySign(Vector512<float> magnitude, Vector512<float> sign) => Vector512.ConditionalSelect(Vector512.Create((float)(-0.0)), sign, magnitude);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(Vector512<float> value, double bound) => Vector512.LessThanOrEqualAll(Vector512.Abs(value), Vector512.Create((float)bound));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x) => SingleExp.Exp<Single512, Vector512<float>>(x);


    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> GateExp(Vector512<float> x) => SingleExp.NearZero<Single512, Vector512<float>>(x);

    /// <inheritdoc/>
    public static double SumToDouble(Vector512<float> value) => Vector512.Sum(Vector512.WidenLower(value) + Vector512.WidenUpper(value));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddInDouble(ref Vector512<float> low, ref Vector512<float> high, Vector512<float> value, double coefficient)
    {
        var c = Vector512.Create(coefficient);
        low = Double512.FusedMultiplyAdd(Vector512.WidenLower(value), c, low.AsDouble()).AsSingle();
        high = Double512.FusedMultiplyAdd(Vector512.WidenUpper(value), c, high.AsDouble()).AsSingle();
    }

    /// <inheritdoc/>
    public static double SumInDouble(Vector512<float> low, Vector512<float> high) => Vector512.Sum(low.AsDouble() + high.AsDouble());

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> SumInDouble(
        double constant, Vector512<float> v0, double c0, Vector512<float> v1, double c1, Vector512<float> v2, double c2, Vector512<float> v3, double c3,
        Vector512<float> v4, double c4, Vector512<float> v5, double c5, Vector512<float> v6, double c6, Vector512<float> v7, double c7)
    {
        Vector512<double> lower = Vector512.Create(constant), upper = lower;
        Add(ref lower, ref upper, v0, c0);
        Add(ref lower, ref upper, v1, c1);
        Add(ref lower, ref upper, v2, c2);
        Add(ref lower, ref upper, v3, c3);
        Add(ref lower, ref upper, v4, c4);
        Add(ref lower, ref upper, v5, c5);
        Add(ref lower, ref upper, v6, c6);
        Add(ref lower, ref upper, v7, c7);
        return Vector512.Narrow(lower, upper);

        static void Add(ref Vector512<double> lower, ref Vector512<double> upper, Vector512<float> value, double c)
        {
            var coefficient = Vector512.Create(c);
            lower += Vector512.WidenLower(value) * coefficient;
            upper += Vector512.WidenUpper(value) * coefficient;
        }
    }

    /// <inheritdoc/>
    public static Vector512<float> SumInDouble(double constant, ReadOnlySpan<Vector512<float>> values, ReadOnlySpan<double> coefficients)
    {
        Vector512<double> lower = Vector512.Create(constant), upper = lower;
        for (int i = 0; i < values.Length; i++)
        {
            var coefficient = Vector512.Create(coefficients[i]);
            lower += Vector512.WidenLower(values[i]) * coefficient;
            upper += Vector512.WidenUpper(values[i]) * coefficient;
        }

        return Vector512.Narrow(lower, upper);
    }

    static Vector512<float> IVectorExp<Single512, Vector512<float>>.Broadcast(double value) => Vector512.Create((float)value);

    static Vector512<float> IVectorExp<Single512, Vector512<float>>.Plus(Vector512<float> left, Vector512<float> right) => left + right;

    static Vector512<float> IVectorExp<Single512, Vector512<float>>.Minus(Vector512<float> left, Vector512<float> right) => left - right;

    static Vector512<float> IVectorExp<Single512, Vector512<float>>.Times(Vector512<float> left, Vector512<float> right) => left * right;

    static Vector512<float> IVectorExp<Single512, Vector512<float>>.Fma(Vector512<float> a, Vector512<float> b, Vector512<float> c) => FusedMultiplyAdd(a, b, c);

    static Vector512<float> IVectorExp<Single512, Vector512<float>>.ClampNative(Vector512<float> value, double low, double high) => ClampNative(value, low, high);

    static Vector512<float> IVectorExp<Single512, Vector512<float>>.PowerOfTwo(Vector512<float> shifted) =>
        Vector512.ShiftLeft(shifted.AsInt32() - Vector512.Create(12582912.0f).AsInt32() + Vector512.Create(127), 23).AsSingle();

    static Vector512<float> IVectorExp<Single512, Vector512<float>>.KeepNaN(Vector512<float> x, Vector512<float> result) => KeepNaN(x, result);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> KeepNaN(Vector512<float> x, Vector512<float> result) => Vector512.ConditionalSelect(Vector512.Equals(x, x), result, x);

    // .NET 9 made Min/Max IEEE-exact (NaN, ±0), several instructions each; the native forms are one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> ClampNative(Vector512<float> value, double low, double high)
    {
#if NET9_0_OR_GREATER
        return Vector512.MinNative(Vector512.MaxNative(value, Vector512.Create((float)low)), Vector512.Create((float)high));
#else
        return Vector512.Min(Vector512.Max(value, Vector512.Create((float)low)), Vector512.Create((float)high));
#endif
    }
}
