using System.Runtime.CompilerServices;

namespace PolyNet.Kernels;

/// <summary>e^x on vectors of <see cref="float"/>, written once for every width (docs/design.md §9).</summary>
internal static class SingleExp
{
    /// <summary>Below this |x| the degree-7 Taylor polynomial of e^x is within 0.2 ulp.</summary>
    public const double NearZeroLimit = 0.36;

    private const double Log2E = 1.44269504f;
    private const double Ln2High = 0.693359375f;
    private const double Ln2Low = -2.12194440e-4f;
    private const double RoundingMagic = 12582912.0f;   // 1.5·2^23

    /// <summary>As <see cref="DoubleExp.Exp{TVector, TLane}"/> with a degree-7 polynomial; x clamped to [−87, 88].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLane Exp<TVector, TLane>(TLane x)
        where TVector : IVectorExp<TVector, TLane>
    {
        TLane clamped = TVector.ClampNative(x, -87.0, 88.0);
        TLane shifted = TVector.Fma(clamped, TVector.Broadcast(Log2E), TVector.Broadcast(RoundingMagic));
        TLane k = TVector.Minus(shifted, TVector.Broadcast(RoundingMagic));
        TLane r = TVector.Minus(TVector.Minus(clamped, TVector.Times(k, TVector.Broadcast(Ln2High))), TVector.Times(k, TVector.Broadcast(Ln2Low)));
        TLane p = TVector.Broadcast(0.0001984126984126984f);
        p = TVector.Fma(p, r, TVector.Broadcast(0.001388888888888889f));
        p = TVector.Fma(p, r, TVector.Broadcast(0.008333333333333333f));
        p = TVector.Fma(p, r, TVector.Broadcast(0.041666666666666664f));
        p = TVector.Fma(p, r, TVector.Broadcast(0.16666666666666666f));
        p = TVector.Fma(p, r, TVector.Broadcast(0.5f));
        p = TVector.Fma(p, r, TVector.Broadcast(1.0f));
        p = TVector.Fma(p, r, TVector.Broadcast(1.0f));
        return TVector.KeepNaN(x, TVector.Times(p, TVector.PowerOfTwo(shifted)));
    }

    /// <summary>The degree-7 Taylor polynomial of e^x: exact to rounding for |x| ≤ <see cref="NearZeroLimit"/>, no range check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLane NearZero<TVector, TLane>(TLane x)
        where TVector : IVectorExp<TVector, TLane>
    {
        TLane p = TVector.Fma(TVector.Broadcast(0.0001984126984126984f), x, TVector.Broadcast(0.001388888888888889f));
        p = TVector.Fma(p, x, TVector.Broadcast(0.008333333333333333f));
        p = TVector.Fma(p, x, TVector.Broadcast(0.041666666666666664f));
        p = TVector.Fma(p, x, TVector.Broadcast(0.16666666666666666f));
        p = TVector.Fma(p, x, TVector.Broadcast(0.5f));
        p = TVector.Fma(p, x, TVector.Broadcast(1.0f));
        return TVector.Fma(p, x, TVector.Broadcast(1.0f));
    }
}
