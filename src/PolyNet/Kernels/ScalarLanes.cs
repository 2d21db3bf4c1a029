using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace PolyNet.Kernels;

/// <summary>
/// One <see cref="double"/> at a time: the generated scalar method, the tail of a batch and every vector lane with an
/// input outside its bound. Exact for every input: a gate's pair sum is even in its preactivation p, so it is computed
/// from e = e^(−|p|) ≤ 1 and cannot overflow; a saturated pair is carried as its distance from saturation
/// (docs/design.md §9).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ScalarDouble : ILanes<ScalarDouble, double, double>
{
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
    public static double Abs(double value) => Math.Abs(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double CopySign(double magnitude, double sign) => Math.CopySign(magnitude, sign);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double SelectGreater(double left, double right, double ifGreater, double otherwise) => left > right ? ifGreater : otherwise;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreInt32(double value, ref int destination, nuint index) => Unsafe.Add(ref destination, index) = (int)value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Step(double t, double threshold, double below, double above) => t > threshold ? above : below;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(double value, double bound) => Math.Abs(value) <= bound;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Exp(double x) => Math.Exp(x);

    /// <summary>σ(t), inlined: a scalar exponential is a library call, so there is no polynomial to keep out of the caller.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sigmoid(double t) => 1 / (1 + Math.Exp(-t));

    /// <summary>
    /// The multiplication gate, exact for every input: like <see cref="ILanes{TSelf, TLane, TScalar}.MultiplyGate"/>, but
    /// each pair is kept either as f = (e − 1)²/((e + E)(1 + E·e)) or, once it is past half-way to saturation, as
    /// 1/E − h with h = e(1 + E)²/(E(e + E)(1 + E·e)) (f + h = 1/E exactly), so that two saturated pairs cancel to
    /// their true tiny difference instead of to the rounding of two values near 1/E (docs/design.md §9).
    /// </summary>
    public static double MultiplyGate(double u, double v, double wu, double wv, double scale)
    {
        double a = u * (double)wu, c = v * (double)wv;
        double ep = Math.Exp(-Math.Abs(a + c)), eq = Math.Exp(-Math.Abs(a - c));
        double e = (double)ILanes<ScalarDouble, double, double>.GateExpNegBias;
        double dp = (ep + e) * (1 + (e * ep)), dq = (eq + e) * (1 + (e * eq));
        return PairDifference(ep, eq, dp, dq) * (double)(scale * ILanes<ScalarDouble, double, double>.GatePairConstant);
    }

    /// <summary>
    /// The multiplication gate and its partial derivatives, exact for every input: the value as <see cref="MultiplyGate"/>
    /// computes it; each pair's derivative is odd in its preactivation s, so it is computed from e = e^(−|s|) ≤ 1 as
    /// E(E² − 1)·e(1 − e)(1 + e)/d² with the sign of s, and tends to 0 in saturation instead of overflowing.
    /// </summary>
    public static double MultiplyGateGradient(double u, double v, double wu, double wv, double scale, out double du, out double dv)
    {
        double a = u * (double)wu, c = v * (double)wv;
        double ep = Math.Exp(-Math.Abs(a + c)), eq = Math.Exp(-Math.Abs(a - c));
        double e = (double)ILanes<ScalarDouble, double, double>.GateExpNegBias;
        double dp = (ep + e) * (1 + (e * ep)), dq = (eq + e) * (1 + (e * eq));
        double gp = Math.CopySign(PairDerivative(ep, dp), a + c), gq = Math.CopySign(PairDerivative(eq, dq), a - c);
        du = (gp - gq) * (double)(scale * wu * ILanes<ScalarDouble, double, double>.GatePairDerivativeConstant);
        dv = (gp + gq) * (double)(scale * wv * ILanes<ScalarDouble, double, double>.GatePairDerivativeConstant);
        return PairDifference(ep, eq, dp, dq) * (double)(scale * ILanes<ScalarDouble, double, double>.GatePairConstant);
    }

    /// <summary>
    /// f(p) − f(q) for two gate pairs, each kept either as f = (e − 1)²/d or, once it is past half-way to saturation, as
    /// 1/E − h with h = e(1 + E)²/(E·d) (f + h = 1/E exactly), so that two saturated pairs cancel to their true tiny
    /// difference instead of to the rounding of two values near 1/E (docs/design.md §9).
    /// </summary>
    private static double PairDifference(double ep, double eq, double dp, double dq)
    {
        double e = (double)ILanes<ScalarDouble, double, double>.GateExpNegBias, inverse = 1 / e;
        double fp = (ep - 1) * (ep - 1) / dp, fq = (eq - 1) * (eq - 1) / dq;
        double hp = ep * ((1 + e) * (1 + e) / e) / dp, hq = eq * ((1 + e) * (1 + e) / e) / dq;
        return (fp <= hp, fq <= hq) switch
        {
            (true, true) => fp - fq,
            (false, false) => hq - hp,
            (true, false) => fp - inverse + hq,
            _ => inverse - hp - fq,
        };
    }

    /// <summary>e(1 − e)(1 + e)/d² for e = e^(−|s|) ≤ 1: a gate pair's derivative over E(E² − 1), for s ≥ 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double PairDerivative(double ep, double denominator) => ep * (1 - ep) * (1 + ep) / denominator / denominator;

    /// <summary>The squaring gate, exact for every input: its pair sum is even in p, so it is computed from e = e^(−|p|) ≤ 1.</summary>
    public static double SquareGate(double u, double w, double scale)
    {
        double ep = Math.Exp(-Math.Abs(u * (double)w));
        double e = (double)ILanes<ScalarDouble, double, double>.GateExpNegBias;
        return (ep - 1) * (ep - 1) / ((ep + e) * (1 + (e * ep))) * (double)(scale * ILanes<ScalarDouble, double, double>.GatePairConstant);
    }

    /// <summary>The squaring gate and its derivative, exact for every input (the derivative is odd in p = w·u).</summary>
    public static double SquareGateGradient(double u, double w, double scale, out double du)
    {
        double p = u * (double)w;
        double ep = Math.Exp(-Math.Abs(p));
        double e = (double)ILanes<ScalarDouble, double, double>.GateExpNegBias;
        double denominator = (ep + e) * (1 + (e * ep));
        du = Math.CopySign(PairDerivative(ep, denominator), p) * (double)(scale * w * ILanes<ScalarDouble, double, double>.GatePairDerivativeConstant);
        return (ep - 1) * (ep - 1) / denominator * (double)(scale * ILanes<ScalarDouble, double, double>.GatePairConstant);
    }

    /// <summary>
    /// One ± pair of a flat product, exact for every input: as <see cref="ILanes{TSelf, TLane, TScalar}.FlatPair"/>, but
    /// with m = e^(−|p|) − 1 from a series where it is small, so that the pair keeps its relative precision for small p
    /// (a flat product's pairs cancel to ~λ^degree, which would magnify the rounding of e − 1).
    /// </summary>
    public static double FlatPair(double p, double expNegBias, bool even)
    {
        double m = PolyNet.ExpMinusOne.Of(-Math.Abs(p)), ep = 1 + m;
        double denominator = (ep + expNegBias) * (1 + (expNegBias * ep));
        return even
            ? m * m / denominator * (expNegBias * (expNegBias - 1) / (1 + expNegBias))
            : Math.CopySign(-m * (2 + m) / denominator * expNegBias, p);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FlatPairNearZero(double p, double expNegBias, bool even) => FlatPair(p, expNegBias, even);

    /// <summary>
    /// <see cref="FlatPair"/> and the pair's derivative with respect to p, exact for every input: the even pair's
    /// derivative E(E² − 1)·e(1 − e²)/d² is odd in p and the odd pair's E·e·((e + E)² + (1 + E·e)²)/d² even, both from
    /// e = e^(−|p|) with 1 − e² = −m(2 + m), m = e − 1 from the series.
    /// </summary>
    public static double FlatPairGradient(double p, double expNegBias, bool even, out double derivative)
    {
        double m = PolyNet.ExpMinusOne.Of(-Math.Abs(p)), ep = 1 + m;
        double left = ep + expNegBias, right = 1 + (expNegBias * ep);
        double denominator = left * right;
        if (even)
        {
            derivative = Math.CopySign(-m * (2 + m) * ep / denominator / denominator, p) * (expNegBias * ((expNegBias * expNegBias) - 1));
            return m * m / denominator * (expNegBias * (expNegBias - 1) / (1 + expNegBias));
        }

        derivative = ep * ((left * left) + (right * right)) / denominator / denominator * expNegBias;
        return Math.CopySign(-m * (2 + m) / denominator * expNegBias, p);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FlatPairNearZeroGradient(double p, double expNegBias, bool even, out double derivative) =>
        FlatPairGradient(p, expNegBias, even, out derivative);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double GateExp(double x) => Math.Exp(x);

    /// <inheritdoc/>
    public static double SumToDouble(double value) => value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddInDouble(ref double low, ref double high, double value, double coefficient) => low += value * coefficient;

    /// <inheritdoc/>
    public static double SumInDouble(double low, double high) => low;

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
/// One <see cref="float"/> at a time; see <see cref="ScalarDouble"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct ScalarSingle : ILanes<ScalarSingle, float, float>
{
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
    public static float Abs(float value) => Math.Abs(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float CopySign(float magnitude, float sign) => MathF.CopySign(magnitude, sign);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SelectGreater(float left, float right, float ifGreater, float otherwise) => left > right ? ifGreater : otherwise;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreInt32(float value, ref int destination, nuint index) => Unsafe.Add(ref destination, index) = (int)value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Step(float t, double threshold, float below, double above) => t > (float)threshold ? (float)above : below;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AllWithin(float value, double bound) => Math.Abs(value) <= (float)bound;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Exp(float x) => MathF.Exp(x);

    /// <summary>σ(t), inlined: a scalar exponential is a library call, so there is no polynomial to keep out of the caller.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Sigmoid(float t) => 1 / (1 + MathF.Exp(-t));

    /// <summary>
    /// The multiplication gate, exact for every input: like <see cref="ILanes{TSelf, TLane, TScalar}.MultiplyGate"/>, but
    /// each pair is kept either as f = (e − 1)²/((e + E)(1 + E·e)) or, once it is past half-way to saturation, as
    /// 1/E − h with h = e(1 + E)²/(E(e + E)(1 + E·e)) (f + h = 1/E exactly), so that two saturated pairs cancel to
    /// their true tiny difference instead of to the rounding of two values near 1/E (docs/design.md §9).
    /// </summary>
    public static float MultiplyGate(float u, float v, double wu, double wv, double scale)
    {
        float a = u * (float)wu, c = v * (float)wv;
        float ep = MathF.Exp(-MathF.Abs(a + c)), eq = MathF.Exp(-MathF.Abs(a - c));
        float e = (float)ILanes<ScalarSingle, float, float>.GateExpNegBias;
        float dp = (ep + e) * (1 + (e * ep)), dq = (eq + e) * (1 + (e * eq));
        return PairDifference(ep, eq, dp, dq) * (float)(scale * ILanes<ScalarSingle, float, float>.GatePairConstant);
    }

    /// <summary>
    /// The multiplication gate and its partial derivatives, exact for every input: the value as <see cref="MultiplyGate"/>
    /// computes it; each pair's derivative is odd in its preactivation s, so it is computed from e = e^(−|s|) ≤ 1 as
    /// E(E² − 1)·e(1 − e)(1 + e)/d² with the sign of s, and tends to 0 in saturation instead of overflowing.
    /// </summary>
    public static float MultiplyGateGradient(float u, float v, double wu, double wv, double scale, out float du, out float dv)
    {
        float a = u * (float)wu, c = v * (float)wv;
        float ep = MathF.Exp(-MathF.Abs(a + c)), eq = MathF.Exp(-MathF.Abs(a - c));
        float e = (float)ILanes<ScalarSingle, float, float>.GateExpNegBias;
        float dp = (ep + e) * (1 + (e * ep)), dq = (eq + e) * (1 + (e * eq));
        float gp = MathF.CopySign(PairDerivative(ep, dp), a + c), gq = MathF.CopySign(PairDerivative(eq, dq), a - c);
        du = (gp - gq) * (float)(scale * wu * ILanes<ScalarSingle, float, float>.GatePairDerivativeConstant);
        dv = (gp + gq) * (float)(scale * wv * ILanes<ScalarSingle, float, float>.GatePairDerivativeConstant);
        return PairDifference(ep, eq, dp, dq) * (float)(scale * ILanes<ScalarSingle, float, float>.GatePairConstant);
    }

    /// <summary>
    /// f(p) − f(q) for two gate pairs, each kept either as f = (e − 1)²/d or, once it is past half-way to saturation, as
    /// 1/E − h with h = e(1 + E)²/(E·d) (f + h = 1/E exactly), so that two saturated pairs cancel to their true tiny
    /// difference instead of to the rounding of two values near 1/E (docs/design.md §9).
    /// </summary>
    private static float PairDifference(float ep, float eq, float dp, float dq)
    {
        float e = (float)ILanes<ScalarSingle, float, float>.GateExpNegBias, inverse = 1 / e;
        float fp = (ep - 1) * (ep - 1) / dp, fq = (eq - 1) * (eq - 1) / dq;
        float hp = ep * ((1 + e) * (1 + e) / e) / dp, hq = eq * ((1 + e) * (1 + e) / e) / dq;
        return (fp <= hp, fq <= hq) switch
        {
            (true, true) => fp - fq,
            (false, false) => hq - hp,
            (true, false) => fp - inverse + hq,
            _ => inverse - hp - fq,
        };
    }

    /// <summary>e(1 − e)(1 + e)/d² for e = e^(−|s|) ≤ 1: a gate pair's derivative over E(E² − 1), for s ≥ 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float PairDerivative(float ep, float denominator) => ep * (1 - ep) * (1 + ep) / denominator / denominator;

    /// <summary>The squaring gate, exact for every input: its pair sum is even in p, so it is computed from e = e^(−|p|) ≤ 1.</summary>
    public static float SquareGate(float u, double w, double scale)
    {
        float ep = MathF.Exp(-MathF.Abs(u * (float)w));
        float e = (float)ILanes<ScalarSingle, float, float>.GateExpNegBias;
        return (ep - 1) * (ep - 1) / ((ep + e) * (1 + (e * ep))) * (float)(scale * ILanes<ScalarSingle, float, float>.GatePairConstant);
    }

    /// <summary>The squaring gate and its derivative, exact for every input (the derivative is odd in p = w·u).</summary>
    public static float SquareGateGradient(float u, double w, double scale, out float du)
    {
        float p = u * (float)w;
        float ep = MathF.Exp(-MathF.Abs(p));
        float e = (float)ILanes<ScalarSingle, float, float>.GateExpNegBias;
        float denominator = (ep + e) * (1 + (e * ep));
        du = MathF.CopySign(PairDerivative(ep, denominator), p) * (float)(scale * w * ILanes<ScalarSingle, float, float>.GatePairDerivativeConstant);
        return (ep - 1) * (ep - 1) / denominator * (float)(scale * ILanes<ScalarSingle, float, float>.GatePairConstant);
    }

    /// <summary>
    /// One ± pair of a flat product, exact for every input: the even sum is even in p and the odd difference odd, so
    /// both are computed from e = e^(−|p|) ≤ 1 and nothing can overflow however large p is (docs/design.md §9).
    /// </summary>
    public static float FlatPair(float p, double expNegBias, bool even)
    {
        float ep = MathF.Exp(-MathF.Abs(p)), e = (float)expNegBias;
        float denominator = (ep + e) * (1 + (e * ep));
        if (even)
        {
            float mp = ep - 1;
            return mp * mp / denominator * (float)(expNegBias * (expNegBias - 1) / (1 + expNegBias));
        }

        return MathF.CopySign((1 - (ep * ep)) / denominator * e, p);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float FlatPairNearZero(float p, double expNegBias, bool even) => FlatPair(p, expNegBias, even);

    /// <summary>
    /// <see cref="FlatPair"/> and the pair's derivative with respect to p, exact for every input: the even pair's
    /// derivative is odd in p and the odd pair's even, both from e = e^(−|p|) ≤ 1.
    /// </summary>
    public static float FlatPairGradient(float p, double expNegBias, bool even, out float derivative)
    {
        float ep = MathF.Exp(-MathF.Abs(p)), e = (float)expNegBias;
        float left = ep + e, right = 1 + (e * ep);
        float denominator = left * right;
        if (even)
        {
            float mp = ep - 1;
            derivative = MathF.CopySign(-mp * (1 + ep) * ep / denominator / denominator, p) * (float)(expNegBias * ((expNegBias * expNegBias) - 1));
            return mp * mp / denominator * (float)(expNegBias * (expNegBias - 1) / (1 + expNegBias));
        }

        derivative = ep * ((left * left) + (right * right)) / denominator / denominator * e;
        return MathF.CopySign((1 - (ep * ep)) / denominator * e, p);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float FlatPairNearZeroGradient(float p, double expNegBias, bool even, out float derivative) =>
        FlatPairGradient(p, expNegBias, even, out derivative);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float GateExp(float x) => MathF.Exp(x);

    /// <inheritdoc/>
    public static double SumToDouble(float value) => value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddInDouble(ref float low, ref float high, float value, double coefficient)
    {
        double sum = SumInDouble(low, high) + (value * coefficient);
        long bits = BitConverter.DoubleToInt64Bits(sum);
        low = BitConverter.Int32BitsToSingle((int)bits);
        high = BitConverter.Int32BitsToSingle((int)(bits >> 32));
    }

    /// <inheritdoc/>
    public static double SumInDouble(float low, float high) =>
        BitConverter.Int64BitsToDouble(((long)BitConverter.SingleToInt32Bits(high) << 32) | (uint)BitConverter.SingleToInt32Bits(low));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float SumInDouble(
        double constant, float v0, double c0, float v1, double c1, float v2, double c2, float v3, double c3,
        float v4, double c4, float v5, double c5, float v6, double c6, float v7, double c7)
    {
        double sum = constant;
        sum += c0 * v0;
        sum += c1 * v1;
        sum += c2 * v2;
        sum += c3 * v3;
        sum += c4 * v4;
        sum += c5 * v5;
        sum += c6 * v6;
        sum += c7 * v7;
        return (float)sum;
    }

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
