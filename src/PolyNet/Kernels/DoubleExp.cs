using System.Runtime.CompilerServices;

namespace PolyNet.Kernels;

/// <summary>e^x on vectors of <see cref="double"/>, written once for every width (docs/design.md §9).</summary>
internal static class DoubleExp
{
    /// <summary>Below this |x| the degree-6 Taylor polynomial of e^x is within 0.3 ulp.</summary>
    public const double NearZeroLimit = 0.015;

    private const double Log2E = 1.4426950408889634;
    private const double Ln2High = 0.693145751953125;
    private const double Ln2Low = 1.4286068203094173e-06;
    private const double RoundingMagic = 6755399441055744.0;   // 1.5·2^52: adding it rounds to an integer

    /// <summary>
    /// x = k·ln 2 + r (Cody–Waite split of ln 2), a degree-13 Taylor polynomial in |r| ≤ ln 2 / 2, times 2^k built
    /// from the exponent bits. x is clamped to [−708, 709] first, so finite input never overflows; NaN stays NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLane Exp<TVector, TLane>(TLane x)
        where TVector : IVectorExp<TVector, TLane>
    {
        TLane clamped = TVector.ClampNative(x, -708.0, 709.0);
        TLane shifted = TVector.Fma(clamped, TVector.Broadcast(Log2E), TVector.Broadcast(RoundingMagic));
        TLane k = TVector.Minus(shifted, TVector.Broadcast(RoundingMagic));
        TLane r = TVector.Minus(TVector.Minus(clamped, TVector.Times(k, TVector.Broadcast(Ln2High))), TVector.Times(k, TVector.Broadcast(Ln2Low)));
        TLane p = TVector.Broadcast(1.6059043836821613e-10);
        p = TVector.Fma(p, r, TVector.Broadcast(2.08767569878681e-09));
        p = TVector.Fma(p, r, TVector.Broadcast(2.505210838544172e-08));
        p = TVector.Fma(p, r, TVector.Broadcast(2.755731922398589e-07));
        p = TVector.Fma(p, r, TVector.Broadcast(2.7557319223985893e-06));
        p = TVector.Fma(p, r, TVector.Broadcast(2.48015873015873e-05));
        p = TVector.Fma(p, r, TVector.Broadcast(0.0001984126984126984));
        p = TVector.Fma(p, r, TVector.Broadcast(0.001388888888888889));
        p = TVector.Fma(p, r, TVector.Broadcast(0.008333333333333333));
        p = TVector.Fma(p, r, TVector.Broadcast(0.041666666666666664));
        p = TVector.Fma(p, r, TVector.Broadcast(0.16666666666666666));
        p = TVector.Fma(p, r, TVector.Broadcast(0.5));
        p = TVector.Fma(p, r, TVector.Broadcast(1.0));
        p = TVector.Fma(p, r, TVector.Broadcast(1.0));
        return TVector.KeepNaN(x, TVector.Times(p, TVector.PowerOfTwo(shifted)));
    }

    /// <summary>The degree-6 Taylor polynomial of e^x: exact to rounding for |x| ≤ <see cref="NearZeroLimit"/>, no range check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLane NearZero<TVector, TLane>(TLane x)
        where TVector : IVectorExp<TVector, TLane>
    {
        TLane p = TVector.Fma(TVector.Broadcast(0.001388888888888889), x, TVector.Broadcast(0.008333333333333333));
        p = TVector.Fma(p, x, TVector.Broadcast(0.041666666666666664));
        p = TVector.Fma(p, x, TVector.Broadcast(0.16666666666666666));
        p = TVector.Fma(p, x, TVector.Broadcast(0.5));
        p = TVector.Fma(p, x, TVector.Broadcast(1.0));
        return TVector.Fma(p, x, TVector.Broadcast(1.0));
    }
}
