// One kernel per vector width and element type: keep the six in step (same reduction, same polynomial).
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PolyNet.Kernels;

/// <summary>
/// Register-resident e^x for the generated batch forward passes (net8.0 has no Vector512.Exp).
/// </summary>
/// <remarks>
/// <see cref="Exp(Vector512{double})"/>: range reduction x = k·ln 2 + r with a Cody–Waite split of ln 2, a
/// Taylor polynomial in r (degree 13 for double, 7 for float, |r| ≤ ln 2 / 2) and an exact scaling by 2^k built
/// from the exponent bits; inputs are clamped to the finite range, so finite input never gives NaN.
/// <see cref="ExpNearZero(Vector512{double})"/>: the gates' arguments are tiny by construction (|p| ≤ 2λ for
/// inputs inside their bounds), so when every lane is within <c>NearZeroLimit</c> a short Taylor polynomial is
/// exact to rounding; otherwise it falls back to <c>Exp</c>. Measured accuracy of both: 1 ulp (VectorMathTests).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VectorMath
{
    /// <summary>Below this |x| the degree-6 Taylor polynomial of e^x is within 0.3 ulp in double.</summary>
    public const double NearZeroLimit = 0.015;

    /// <summary>Below this |x| the degree-7 Taylor polynomial of e^x is within 0.2 ulp in float.</summary>
    public const float NearZeroLimitSingle = 0.36f;

    private const double Log2E = 1.4426950408889634;
    private const double Ln2High = 0.693145751953125;
    private const double Ln2Low = 1.4286068203094173e-06;
    private const double DoubleRoundingMagic = 6755399441055744.0;   // 1.5·2^52: adding it rounds to an integer
    private const double DoubleMin = -708.0;
    private const double DoubleMax = 709.0;
    private const float Log2EF = 1.44269504f;
    private const float Ln2HighF = 0.693359375f;
    private const float Ln2LowF = -2.12194440e-4f;
    private const float SingleRoundingMagic = 12582912.0f;           // 1.5·2^23
    private const float SingleMin = -87.0f;
    private const float SingleMax = 88.0f;

#if NET9_0_OR_GREATER
    // A JIT-time constant, so only one branch of every MultiplyAdd survives.
    private static bool HasHardwareFma => System.Runtime.Intrinsics.X86.Fma.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported;
#endif


    /// <summary>e^x for each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Exp(Vector128<double> x)
    {
        x = Clamp(x, Vector128.Create(DoubleMin), Vector128.Create(DoubleMax));
        Vector128<double> shifted = MultiplyAdd(x, Vector128.Create(Log2E), Vector128.Create(DoubleRoundingMagic));
        Vector128<double> k = shifted - Vector128.Create(DoubleRoundingMagic);
        Vector128<double> r = (x - (k * Vector128.Create(Ln2High))) - (k * Vector128.Create(Ln2Low));
        Vector128<double> p = Vector128.Create(1.6059043836821613e-10);
        p = MultiplyAdd(p, r, Vector128.Create(2.08767569878681e-09));
        p = MultiplyAdd(p, r, Vector128.Create(2.505210838544172e-08));
        p = MultiplyAdd(p, r, Vector128.Create(2.755731922398589e-07));
        p = MultiplyAdd(p, r, Vector128.Create(2.7557319223985893e-06));
        p = MultiplyAdd(p, r, Vector128.Create(2.48015873015873e-05));
        p = MultiplyAdd(p, r, Vector128.Create(0.0001984126984126984));
        p = MultiplyAdd(p, r, Vector128.Create(0.001388888888888889));
        p = MultiplyAdd(p, r, Vector128.Create(0.008333333333333333));
        p = MultiplyAdd(p, r, Vector128.Create(0.041666666666666664));
        p = MultiplyAdd(p, r, Vector128.Create(0.16666666666666666));
        p = MultiplyAdd(p, r, Vector128.Create(0.5));
        p = MultiplyAdd(p, r, Vector128.Create(1.0));
        p = MultiplyAdd(p, r, Vector128.Create(1.0));
        Vector128<long> exponent = Vector128.ShiftLeft(shifted.AsInt64() - Vector128.Create(DoubleRoundingMagic).AsInt64() + Vector128.Create(1023L), 52);
        return p * exponent.AsDouble();
    }

    /// <summary>e^x for each lane, fastest when every |x| is below the near-zero limit (the gates' case).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> ExpNearZero(Vector128<double> x)
    {
        if (!Vector128.LessThanOrEqualAll(Vector128.Abs(x), Vector128.Create(NearZeroLimit)))
        {
            return Exp(x);
        }

        Vector128<double> p = Vector128.Create(0.001388888888888889);
        p = MultiplyAdd(p, x, Vector128.Create(0.008333333333333333));
        p = MultiplyAdd(p, x, Vector128.Create(0.041666666666666664));
        p = MultiplyAdd(p, x, Vector128.Create(0.16666666666666666));
        p = MultiplyAdd(p, x, Vector128.Create(0.5));
        p = MultiplyAdd(p, x, Vector128.Create(1.0));
        p = MultiplyAdd(p, x, Vector128.Create(1.0));
        return p;
    }

    // .NET 9 made Min/Max IEEE-exact (NaN, ±0), several instructions each; the native forms are one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> Clamp(Vector128<double> x, Vector128<double> min, Vector128<double> max)
    {
#if NET9_0_OR_GREATER
        return Vector128.MinNative(Vector128.MaxNative(x, min), max);
#else
        return Vector128.Min(Vector128.Max(x, min), max);
#endif
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> MultiplyAdd(Vector128<double> a, Vector128<double> b, Vector128<double> c)
    {
#if NET9_0_OR_GREATER
        // Without hardware FMA the fused form is emulated per element, ~50x slower than a multiply and an add.
        return HasHardwareFma ? Vector128.FusedMultiplyAdd(a, b, c) : (a * b) + c;
#else
        return (a * b) + c;
#endif
    }

    /// <summary>e^x for each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Exp(Vector128<float> x)
    {
        x = Clamp(x, Vector128.Create(SingleMin), Vector128.Create(SingleMax));
        Vector128<float> shifted = MultiplyAdd(x, Vector128.Create(Log2EF), Vector128.Create(SingleRoundingMagic));
        Vector128<float> k = shifted - Vector128.Create(SingleRoundingMagic);
        Vector128<float> r = (x - (k * Vector128.Create(Ln2HighF))) - (k * Vector128.Create(Ln2LowF));
        Vector128<float> p = Vector128.Create(0.0001984126984126984f);
        p = MultiplyAdd(p, r, Vector128.Create(0.001388888888888889f));
        p = MultiplyAdd(p, r, Vector128.Create(0.008333333333333333f));
        p = MultiplyAdd(p, r, Vector128.Create(0.041666666666666664f));
        p = MultiplyAdd(p, r, Vector128.Create(0.16666666666666666f));
        p = MultiplyAdd(p, r, Vector128.Create(0.5f));
        p = MultiplyAdd(p, r, Vector128.Create(1.0f));
        p = MultiplyAdd(p, r, Vector128.Create(1.0f));
        Vector128<int> exponent = Vector128.ShiftLeft(shifted.AsInt32() - Vector128.Create(SingleRoundingMagic).AsInt32() + Vector128.Create(127), 23);
        return p * exponent.AsSingle();
    }

    /// <summary>e^x for each lane, fastest when every |x| is below the near-zero limit (the gates' case).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> ExpNearZero(Vector128<float> x)
    {
        if (!Vector128.LessThanOrEqualAll(Vector128.Abs(x), Vector128.Create(NearZeroLimitSingle)))
        {
            return Exp(x);
        }

        Vector128<float> p = Vector128.Create(0.0001984126984126984f);
        p = MultiplyAdd(p, x, Vector128.Create(0.001388888888888889f));
        p = MultiplyAdd(p, x, Vector128.Create(0.008333333333333333f));
        p = MultiplyAdd(p, x, Vector128.Create(0.041666666666666664f));
        p = MultiplyAdd(p, x, Vector128.Create(0.16666666666666666f));
        p = MultiplyAdd(p, x, Vector128.Create(0.5f));
        p = MultiplyAdd(p, x, Vector128.Create(1.0f));
        p = MultiplyAdd(p, x, Vector128.Create(1.0f));
        return p;
    }

    // .NET 9 made Min/Max IEEE-exact (NaN, ±0), several instructions each; the native forms are one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Clamp(Vector128<float> x, Vector128<float> min, Vector128<float> max)
    {
#if NET9_0_OR_GREATER
        return Vector128.MinNative(Vector128.MaxNative(x, min), max);
#else
        return Vector128.Min(Vector128.Max(x, min), max);
#endif
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> MultiplyAdd(Vector128<float> a, Vector128<float> b, Vector128<float> c)
    {
#if NET9_0_OR_GREATER
        // Without hardware FMA the fused form is emulated per element, ~50x slower than a multiply and an add.
        return HasHardwareFma ? Vector128.FusedMultiplyAdd(a, b, c) : (a * b) + c;
#else
        return (a * b) + c;
#endif
    }

    /// <summary>e^x for each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Exp(Vector256<double> x)
    {
        x = Clamp(x, Vector256.Create(DoubleMin), Vector256.Create(DoubleMax));
        Vector256<double> shifted = MultiplyAdd(x, Vector256.Create(Log2E), Vector256.Create(DoubleRoundingMagic));
        Vector256<double> k = shifted - Vector256.Create(DoubleRoundingMagic);
        Vector256<double> r = (x - (k * Vector256.Create(Ln2High))) - (k * Vector256.Create(Ln2Low));
        Vector256<double> p = Vector256.Create(1.6059043836821613e-10);
        p = MultiplyAdd(p, r, Vector256.Create(2.08767569878681e-09));
        p = MultiplyAdd(p, r, Vector256.Create(2.505210838544172e-08));
        p = MultiplyAdd(p, r, Vector256.Create(2.755731922398589e-07));
        p = MultiplyAdd(p, r, Vector256.Create(2.7557319223985893e-06));
        p = MultiplyAdd(p, r, Vector256.Create(2.48015873015873e-05));
        p = MultiplyAdd(p, r, Vector256.Create(0.0001984126984126984));
        p = MultiplyAdd(p, r, Vector256.Create(0.001388888888888889));
        p = MultiplyAdd(p, r, Vector256.Create(0.008333333333333333));
        p = MultiplyAdd(p, r, Vector256.Create(0.041666666666666664));
        p = MultiplyAdd(p, r, Vector256.Create(0.16666666666666666));
        p = MultiplyAdd(p, r, Vector256.Create(0.5));
        p = MultiplyAdd(p, r, Vector256.Create(1.0));
        p = MultiplyAdd(p, r, Vector256.Create(1.0));
        Vector256<long> exponent = Vector256.ShiftLeft(shifted.AsInt64() - Vector256.Create(DoubleRoundingMagic).AsInt64() + Vector256.Create(1023L), 52);
        return p * exponent.AsDouble();
    }

    /// <summary>e^x for each lane, fastest when every |x| is below the near-zero limit (the gates' case).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ExpNearZero(Vector256<double> x)
    {
        if (!Vector256.LessThanOrEqualAll(Vector256.Abs(x), Vector256.Create(NearZeroLimit)))
        {
            return Exp(x);
        }

        Vector256<double> p = Vector256.Create(0.001388888888888889);
        p = MultiplyAdd(p, x, Vector256.Create(0.008333333333333333));
        p = MultiplyAdd(p, x, Vector256.Create(0.041666666666666664));
        p = MultiplyAdd(p, x, Vector256.Create(0.16666666666666666));
        p = MultiplyAdd(p, x, Vector256.Create(0.5));
        p = MultiplyAdd(p, x, Vector256.Create(1.0));
        p = MultiplyAdd(p, x, Vector256.Create(1.0));
        return p;
    }

    // .NET 9 made Min/Max IEEE-exact (NaN, ±0), several instructions each; the native forms are one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Clamp(Vector256<double> x, Vector256<double> min, Vector256<double> max)
    {
#if NET9_0_OR_GREATER
        return Vector256.MinNative(Vector256.MaxNative(x, min), max);
#else
        return Vector256.Min(Vector256.Max(x, min), max);
#endif
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> MultiplyAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c)
    {
#if NET9_0_OR_GREATER
        // Without hardware FMA the fused form is emulated per element, ~50x slower than a multiply and an add.
        return HasHardwareFma ? Vector256.FusedMultiplyAdd(a, b, c) : (a * b) + c;
#else
        return (a * b) + c;
#endif
    }

    /// <summary>e^x for each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        x = Clamp(x, Vector256.Create(SingleMin), Vector256.Create(SingleMax));
        Vector256<float> shifted = MultiplyAdd(x, Vector256.Create(Log2EF), Vector256.Create(SingleRoundingMagic));
        Vector256<float> k = shifted - Vector256.Create(SingleRoundingMagic);
        Vector256<float> r = (x - (k * Vector256.Create(Ln2HighF))) - (k * Vector256.Create(Ln2LowF));
        Vector256<float> p = Vector256.Create(0.0001984126984126984f);
        p = MultiplyAdd(p, r, Vector256.Create(0.001388888888888889f));
        p = MultiplyAdd(p, r, Vector256.Create(0.008333333333333333f));
        p = MultiplyAdd(p, r, Vector256.Create(0.041666666666666664f));
        p = MultiplyAdd(p, r, Vector256.Create(0.16666666666666666f));
        p = MultiplyAdd(p, r, Vector256.Create(0.5f));
        p = MultiplyAdd(p, r, Vector256.Create(1.0f));
        p = MultiplyAdd(p, r, Vector256.Create(1.0f));
        Vector256<int> exponent = Vector256.ShiftLeft(shifted.AsInt32() - Vector256.Create(SingleRoundingMagic).AsInt32() + Vector256.Create(127), 23);
        return p * exponent.AsSingle();
    }

    /// <summary>e^x for each lane, fastest when every |x| is below the near-zero limit (the gates' case).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> ExpNearZero(Vector256<float> x)
    {
        if (!Vector256.LessThanOrEqualAll(Vector256.Abs(x), Vector256.Create(NearZeroLimitSingle)))
        {
            return Exp(x);
        }

        Vector256<float> p = Vector256.Create(0.0001984126984126984f);
        p = MultiplyAdd(p, x, Vector256.Create(0.001388888888888889f));
        p = MultiplyAdd(p, x, Vector256.Create(0.008333333333333333f));
        p = MultiplyAdd(p, x, Vector256.Create(0.041666666666666664f));
        p = MultiplyAdd(p, x, Vector256.Create(0.16666666666666666f));
        p = MultiplyAdd(p, x, Vector256.Create(0.5f));
        p = MultiplyAdd(p, x, Vector256.Create(1.0f));
        p = MultiplyAdd(p, x, Vector256.Create(1.0f));
        return p;
    }

    // .NET 9 made Min/Max IEEE-exact (NaN, ±0), several instructions each; the native forms are one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Clamp(Vector256<float> x, Vector256<float> min, Vector256<float> max)
    {
#if NET9_0_OR_GREATER
        return Vector256.MinNative(Vector256.MaxNative(x, min), max);
#else
        return Vector256.Min(Vector256.Max(x, min), max);
#endif
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> MultiplyAdd(Vector256<float> a, Vector256<float> b, Vector256<float> c)
    {
#if NET9_0_OR_GREATER
        // Without hardware FMA the fused form is emulated per element, ~50x slower than a multiply and an add.
        return HasHardwareFma ? Vector256.FusedMultiplyAdd(a, b, c) : (a * b) + c;
#else
        return (a * b) + c;
#endif
    }

    /// <summary>e^x for each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Exp(Vector512<double> x)
    {
        x = Clamp(x, Vector512.Create(DoubleMin), Vector512.Create(DoubleMax));
        Vector512<double> shifted = MultiplyAdd(x, Vector512.Create(Log2E), Vector512.Create(DoubleRoundingMagic));
        Vector512<double> k = shifted - Vector512.Create(DoubleRoundingMagic);
        Vector512<double> r = (x - (k * Vector512.Create(Ln2High))) - (k * Vector512.Create(Ln2Low));
        Vector512<double> p = Vector512.Create(1.6059043836821613e-10);
        p = MultiplyAdd(p, r, Vector512.Create(2.08767569878681e-09));
        p = MultiplyAdd(p, r, Vector512.Create(2.505210838544172e-08));
        p = MultiplyAdd(p, r, Vector512.Create(2.755731922398589e-07));
        p = MultiplyAdd(p, r, Vector512.Create(2.7557319223985893e-06));
        p = MultiplyAdd(p, r, Vector512.Create(2.48015873015873e-05));
        p = MultiplyAdd(p, r, Vector512.Create(0.0001984126984126984));
        p = MultiplyAdd(p, r, Vector512.Create(0.001388888888888889));
        p = MultiplyAdd(p, r, Vector512.Create(0.008333333333333333));
        p = MultiplyAdd(p, r, Vector512.Create(0.041666666666666664));
        p = MultiplyAdd(p, r, Vector512.Create(0.16666666666666666));
        p = MultiplyAdd(p, r, Vector512.Create(0.5));
        p = MultiplyAdd(p, r, Vector512.Create(1.0));
        p = MultiplyAdd(p, r, Vector512.Create(1.0));
        Vector512<long> exponent = Vector512.ShiftLeft(shifted.AsInt64() - Vector512.Create(DoubleRoundingMagic).AsInt64() + Vector512.Create(1023L), 52);
        return p * exponent.AsDouble();
    }

    /// <summary>e^x for each lane, fastest when every |x| is below the near-zero limit (the gates' case).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> ExpNearZero(Vector512<double> x)
    {
        if (!Vector512.LessThanOrEqualAll(Vector512.Abs(x), Vector512.Create(NearZeroLimit)))
        {
            return Exp(x);
        }

        Vector512<double> p = Vector512.Create(0.001388888888888889);
        p = MultiplyAdd(p, x, Vector512.Create(0.008333333333333333));
        p = MultiplyAdd(p, x, Vector512.Create(0.041666666666666664));
        p = MultiplyAdd(p, x, Vector512.Create(0.16666666666666666));
        p = MultiplyAdd(p, x, Vector512.Create(0.5));
        p = MultiplyAdd(p, x, Vector512.Create(1.0));
        p = MultiplyAdd(p, x, Vector512.Create(1.0));
        return p;
    }

    // .NET 9 made Min/Max IEEE-exact (NaN, ±0), several instructions each; the native forms are one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Clamp(Vector512<double> x, Vector512<double> min, Vector512<double> max)
    {
#if NET9_0_OR_GREATER
        return Vector512.MinNative(Vector512.MaxNative(x, min), max);
#else
        return Vector512.Min(Vector512.Max(x, min), max);
#endif
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> MultiplyAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c)
    {
#if NET9_0_OR_GREATER
        // Without hardware FMA the fused form is emulated per element, ~50x slower than a multiply and an add.
        return HasHardwareFma ? Vector512.FusedMultiplyAdd(a, b, c) : (a * b) + c;
#else
        return (a * b) + c;
#endif
    }

    /// <summary>e^x for each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Exp(Vector512<float> x)
    {
        x = Clamp(x, Vector512.Create(SingleMin), Vector512.Create(SingleMax));
        Vector512<float> shifted = MultiplyAdd(x, Vector512.Create(Log2EF), Vector512.Create(SingleRoundingMagic));
        Vector512<float> k = shifted - Vector512.Create(SingleRoundingMagic);
        Vector512<float> r = (x - (k * Vector512.Create(Ln2HighF))) - (k * Vector512.Create(Ln2LowF));
        Vector512<float> p = Vector512.Create(0.0001984126984126984f);
        p = MultiplyAdd(p, r, Vector512.Create(0.001388888888888889f));
        p = MultiplyAdd(p, r, Vector512.Create(0.008333333333333333f));
        p = MultiplyAdd(p, r, Vector512.Create(0.041666666666666664f));
        p = MultiplyAdd(p, r, Vector512.Create(0.16666666666666666f));
        p = MultiplyAdd(p, r, Vector512.Create(0.5f));
        p = MultiplyAdd(p, r, Vector512.Create(1.0f));
        p = MultiplyAdd(p, r, Vector512.Create(1.0f));
        Vector512<int> exponent = Vector512.ShiftLeft(shifted.AsInt32() - Vector512.Create(SingleRoundingMagic).AsInt32() + Vector512.Create(127), 23);
        return p * exponent.AsSingle();
    }

    /// <summary>e^x for each lane, fastest when every |x| is below the near-zero limit (the gates' case).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> ExpNearZero(Vector512<float> x)
    {
        if (!Vector512.LessThanOrEqualAll(Vector512.Abs(x), Vector512.Create(NearZeroLimitSingle)))
        {
            return Exp(x);
        }

        Vector512<float> p = Vector512.Create(0.0001984126984126984f);
        p = MultiplyAdd(p, x, Vector512.Create(0.001388888888888889f));
        p = MultiplyAdd(p, x, Vector512.Create(0.008333333333333333f));
        p = MultiplyAdd(p, x, Vector512.Create(0.041666666666666664f));
        p = MultiplyAdd(p, x, Vector512.Create(0.16666666666666666f));
        p = MultiplyAdd(p, x, Vector512.Create(0.5f));
        p = MultiplyAdd(p, x, Vector512.Create(1.0f));
        p = MultiplyAdd(p, x, Vector512.Create(1.0f));
        return p;
    }

    // .NET 9 made Min/Max IEEE-exact (NaN, ±0), several instructions each; the native forms are one.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Clamp(Vector512<float> x, Vector512<float> min, Vector512<float> max)
    {
#if NET9_0_OR_GREATER
        return Vector512.MinNative(Vector512.MaxNative(x, min), max);
#else
        return Vector512.Min(Vector512.Max(x, min), max);
#endif
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> MultiplyAdd(Vector512<float> a, Vector512<float> b, Vector512<float> c)
    {
#if NET9_0_OR_GREATER
        // Without hardware FMA the fused form is emulated per element, ~50x slower than a multiply and an add.
        return HasHardwareFma ? Vector512.FusedMultiplyAdd(a, b, c) : (a * b) + c;
#else
        return (a * b) + c;
#endif
    }
}
