using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace PolyNet.Kernels;

/// <summary>
/// The deep gates as the scalar lanes compute them, once for <see cref="double"/> and <see cref="float"/>: exact for
/// every input, because a pair sum is even in its preactivation p and so is computed from e = e^(−|p|) ≤ 1, which
/// cannot overflow (docs/design.md §9).
/// </summary>
internal static class SaturatingGates
{
    private const double E = ILanes<ScalarDouble, double, double>.GateExpNegBias;
    private const double K = ILanes<ScalarDouble, double, double>.GatePairConstant;

    /// <summary>
    /// The multiplication gate: like <see cref="ILanes{TSelf, TLane, TScalar}.MultiplyGate"/>, but each pair is kept
    /// either as f = (e − 1)²/((e + E)(1 + E·e)) or, once it is past half-way to saturation, as 1/E − h with
    /// h = e(1 + E)²/(E(e + E)(1 + E·e)) (f + h = 1/E exactly), so that two saturated pairs cancel to their true tiny
    /// difference instead of to the rounding of two values near 1/E.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Multiply<T>(T u, T v, double wu, double wv, double scale)
        where T : IBinaryFloatingPointIeee754<T>
    {
        T a = u * T.CreateTruncating(wu), c = v * T.CreateTruncating(wv);
        T ep = T.Exp(-T.Abs(a + c)), eq = T.Exp(-T.Abs(a - c));
        T one = T.One, e = T.CreateTruncating(E), inverse = one / e;
        T dp = (ep + e) * (one + (e * ep)), dq = (eq + e) * (one + (e * eq));
        T fp = (ep - one) * (ep - one) / dp, fq = (eq - one) * (eq - one) / dq;
        T hp = ep * ((one + e) * (one + e) / e) / dp, hq = eq * ((one + e) * (one + e) / e) / dq;
        T difference = (fp <= hp, fq <= hq) switch
        {
            (true, true) => fp - fq,
            (false, false) => hq - hp,
            (true, false) => fp - inverse + hq,
            _ => inverse - hp - fq,
        };
        return difference * T.CreateTruncating(scale * K);
    }

    /// <summary>The squaring gate: its pair sum is even in p, so it is computed from e = e^(−|p|) ≤ 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Square<T>(T u, double w, double scale)
        where T : IBinaryFloatingPointIeee754<T>
    {
        T ep = T.Exp(-T.Abs(u * T.CreateTruncating(w)));
        T one = T.One, e = T.CreateTruncating(E);
        return (ep - one) * (ep - one) / ((ep + e) * (one + (e * ep))) * T.CreateTruncating(scale * K);
    }
}
