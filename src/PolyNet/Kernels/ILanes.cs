using System.Runtime.InteropServices;
using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace PolyNet.Kernels;

/// <summary>
/// The arithmetic a generated forward pass runs on: <typeparamref name="TLane"/> is one number (<see cref="double"/>,
/// <see cref="float"/>) or a vector of them (<c>Vector128/256/512</c>). The network is written once, generic over this
/// interface, and the JIT compiles one copy per lane type that a machine actually uses.
/// </summary>
/// <remarks>
/// Implementations supply the primitives (arithmetic, loads, e^x); the gate formulas are written here once
/// (docs/design.md §2–§4). Constants are passed as <see cref="double"/> and rounded to the lane's precision by
/// <see cref="Constant"/>; after inlining they are folded at JIT time.
/// <para>The scalar lanes (<see cref="ScalarDouble"/>, <see cref="ScalarSingle"/>) are exact for every input: a gate
/// far outside the bounds saturates instead of overflowing. The vector lanes compute a gate's exponentials with a short
/// Taylor polynomial that is exact only for the small preactivations of inputs inside their bounds
/// (docs/design.md §9): generated code checks the inputs of each vector first and evaluates the lanes of a vector that
/// has an input outside its bound with the scalar lanes instead.</para>
/// </remarks>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
/// <typeparam name="TLane">One value: a number or a vector of numbers.</typeparam>
/// <typeparam name="TScalar">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ILanes<TSelf, TLane, TScalar>
    where TSelf : ILanes<TSelf, TLane, TScalar>
    where TLane : unmanaged
    where TScalar : unmanaged
{
    /// <summary>e^(−b) for the gate bias b = −2.2924316695611777 (σ''''(b) = 0): 5 + 2√6.</summary>
    const double GateExpNegBias = 9.898979485566356;

    /// <summary>K = E(E − 1)/(1 + E): a ± pair sums to K·(e − 1)²/((e + E)(1 + E·e)) around 2σ(b), e = e^(−p).</summary>
    const double GatePairConstant = GateExpNegBias * (GateExpNegBias - 1) / (1 + GateExpNegBias);

    /// <summary>How many numbers one lane holds.</summary>
    static abstract int Count { get; }

    /// <summary>Every element equal to <paramref name="value"/>, rounded to the lane's precision.</summary>
    static abstract TLane Constant(double value);

    /// <summary>The elements at <c>source[index]</c> on.</summary>
    static abstract TLane Load(ref TScalar source, nuint index);

    /// <summary>Bits (0 or 1) at <c>source[index]</c> on.</summary>
    static abstract TLane LoadBits(ref bool source, nuint index);

    /// <summary>Spins (±1) at <c>source[index]</c> on.</summary>
    static abstract TLane LoadSpins(ref sbyte source, nuint index);

    /// <summary>Spins (±1) at <c>source[index]</c> on.</summary>
    static abstract TLane LoadSpins(ref int source, nuint index);

    /// <summary>Writes the elements to <c>destination[index]</c> on.</summary>
    static abstract void Store(TLane value, ref TScalar destination, nuint index);

    /// <summary>left + right, element by element.</summary>
    static abstract TLane Add(TLane left, TLane right);

    /// <summary>left − right, element by element.</summary>
    static abstract TLane Subtract(TLane left, TLane right);

    /// <summary>left · right, element by element.</summary>
    static abstract TLane Multiply(TLane left, TLane right);

    /// <summary>left / right, element by element.</summary>
    static abstract TLane Divide(TLane left, TLane right);

    /// <summary>−value, element by element.</summary>
    static abstract TLane Negate(TLane value);

    /// <summary>a·b + c, fused where the hardware fuses (never emulated).</summary>
    static abstract TLane FusedMultiplyAdd(TLane a, TLane b, TLane c);

    /// <summary>|value|, element by element.</summary>
    static abstract TLane Abs(TLane value);

    /// <summary>Each element of <paramref name="magnitude"/> with the sign of the same element of <paramref name="sign"/>.</summary>
    static abstract TLane CopySign(TLane magnitude, TLane sign);

    /// <summary>
    /// <paramref name="above"/> where <paramref name="t"/> &gt; <paramref name="threshold"/>, else <paramref name="below"/>
    /// (NaN gives <paramref name="below"/>): one step of a bit-product neuron whose preactivation takes a few known values
    /// (docs/design.md §6, "Picking σ from its possible values").
    /// </summary>
    static abstract TLane Step(TLane t, double threshold, TLane below, double above);

    /// <summary>
    /// <paramref name="ifGreater"/> in the lanes where <paramref name="left"/> &gt; <paramref name="right"/>, else
    /// <paramref name="otherwise"/>: the lane-wise maximum and arg-maximum of a classifier's logits.
    /// </summary>
    static abstract TLane SelectGreater(TLane left, TLane right, TLane ifGreater, TLane otherwise);

    /// <summary>
    /// <paramref name="columns"/>[y] lane k to <c>destination[index + k·K + y]</c>, K = columns.Length: a block of
    /// <see cref="Count"/> rows of a row-major table, written row by row (a classifier's probabilities).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual void StoreRows(ReadOnlySpan<TLane> columns, ref TScalar destination, nuint index)
    {
        RowStores.Scalar<TLane, TScalar>(columns, ref destination, index, TSelf.Count);
    }

    /// <summary>Each lane, a small whole number, converted to <see cref="int"/> and stored at <c>destination[index + k]</c>.</summary>
    static abstract void StoreInt32(TLane value, ref int destination, nuint index);

    /// <summary>True when every element satisfies |x| ≤ bound (false for NaN).</summary>
    static abstract bool AllWithin(TLane value, double bound);

    /// <summary>e^x over the whole range: 0 far below, a large finite value far above, NaN for NaN.</summary>
    static abstract TLane Exp(TLane x);

    /// <summary>
    /// e^x for a deep gate's preactivation. Scalar lanes: exact for every x (clamped where the pair saturates).
    /// Vector lanes: a Taylor polynomial, exact to rounding only for |x| ≤ 0.015 (double) or 0.36 (float), which holds
    /// for every gate when the inputs lie inside their bounds.
    /// </summary>
    static abstract TLane GateExp(TLane x);

    /// <summary>The sum of the lanes, each widened to double and added in double (a lattice's accumulated site energies).</summary>
    static abstract double SumToDouble(TLane value);

    /// <summary>
    /// Adds <paramref name="coefficient"/>·<paramref name="value"/>, lane by lane in double, to a double accumulator kept
    /// in the bits of two lane values (<c>default</c> is 0): lanes of double use <paramref name="low"/> only; a vector of
    /// float holds its lower half's doubles in <paramref name="low"/> and its upper half's in <paramref name="high"/>, a
    /// scalar float a double's two halves. A float lattice over bits and spins sums its sites' output terms this way,
    /// without rounding each site to float.
    /// </summary>
    static abstract void AddInDouble(ref TLane low, ref TLane high, TLane value, double coefficient);

    /// <summary>The sum of every double lane of an <see cref="AddInDouble"/> accumulator.</summary>
    static abstract double SumInDouble(TLane low, TLane high);

    /// <summary>
    /// <paramref name="constant"/> + Σ coefficientᵢ·valuesᵢ accumulated in double and rounded to the lane's precision once
    /// (the output of float networks over bits and spins, docs/design.md §6).
    /// </summary>
    static abstract TLane SumInDouble(double constant, ReadOnlySpan<TLane> values, ReadOnlySpan<double> coefficients);

    /// <summary>
    /// <see cref="SumInDouble(double, ReadOnlySpan{TLane}, ReadOnlySpan{double})"/> for at most eight terms, passed one by
    /// one (unused ones as <c>default</c> with coefficient 0, which adds an exact 0): the same sums in the same order,
    /// without a span of values, so that a forward pass using it has no <c>stackalloc</c> and can be inlined. This default
    /// is for lanes whose own arithmetic is double.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TLane SumInDouble(
        double constant, TLane v0, double c0, TLane v1, double c1, TLane v2, double c2, TLane v3, double c3,
        TLane v4, double c4, TLane v5, double c5, TLane v6, double c6, TLane v7, double c7)
    {
        TLane sum = TSelf.Constant(constant);
        sum = TSelf.Add(sum, TSelf.Multiply(v0, TSelf.Constant(c0)));
        sum = TSelf.Add(sum, TSelf.Multiply(v1, TSelf.Constant(c1)));
        sum = TSelf.Add(sum, TSelf.Multiply(v2, TSelf.Constant(c2)));
        sum = TSelf.Add(sum, TSelf.Multiply(v3, TSelf.Constant(c3)));
        sum = TSelf.Add(sum, TSelf.Multiply(v4, TSelf.Constant(c4)));
        sum = TSelf.Add(sum, TSelf.Multiply(v5, TSelf.Constant(c5)));
        sum = TSelf.Add(sum, TSelf.Multiply(v6, TSelf.Constant(c6)));
        return TSelf.Add(sum, TSelf.Multiply(v7, TSelf.Constant(c7)));
    }

    /// <summary>a·c + b (not fused, so every lane type rounds alike): one term of an output sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TLane MultiplyAdd(TLane a, double c, TLane b) => TSelf.Add(TSelf.Multiply(a, TSelf.Constant(c)), b);

    /// <summary>
    /// The multiplication gate u·v: scale·(σ(b+p) + σ(b−p) − σ(b+q) − σ(b−q)) with p = wu·u + wv·v, q = wu·u − wv·v,
    /// each ± pair summed in closed form from one exponential (docs/design.md §2, §4).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TLane MultiplyGate(TLane u, TLane v, double wu, double wv, double scale)
    {
        GatePairs(u, v, wu, wv, out _, out _, out _, out _, out TLane dp, out TLane dq, out TLane numerator);
        return TSelf.Multiply(TSelf.Divide(numerator, TSelf.Multiply(dp, dq)), TSelf.Constant(scale * GatePairConstant));
    }

    /// <summary>
    /// The two pairs of a multiplication gate from their exponentials e = e^(−p), e^(−q): m = e − 1, d = (e + E)(1 + E·e),
    /// and the numerator m_p²·d_q − m_q²·d_p of their difference over d_p·d_q (docs/design.md §4).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void GatePairs(
        TLane u, TLane v, double wu, double wv, out TLane ep, out TLane eq, out TLane mp, out TLane mq, out TLane dp, out TLane dq, out TLane numerator)
    {
        TLane a = TSelf.Multiply(u, TSelf.Constant(wu)), c = TSelf.Multiply(v, TSelf.Constant(wv));
        ep = TSelf.GateExp(TSelf.Subtract(TSelf.Negate(a), c));
        eq = TSelf.GateExp(TSelf.Subtract(c, a));
        TLane one = TSelf.Constant(1), e = TSelf.Constant(GateExpNegBias);
        mp = TSelf.Subtract(ep, one);
        mq = TSelf.Subtract(eq, one);
        dp = TSelf.Multiply(TSelf.Add(ep, e), TSelf.FusedMultiplyAdd(ep, e, one));
        dq = TSelf.Multiply(TSelf.Add(eq, e), TSelf.FusedMultiplyAdd(eq, e, one));
        numerator = TSelf.Subtract(TSelf.Multiply(TSelf.Multiply(mp, mp), dq), TSelf.Multiply(TSelf.Multiply(mq, mq), dp));
    }

    /// <summary>
    /// E(E² − 1) for the gate bias: a ± pair's derivative is σ'(b+p) − σ'(b−p) = E(E² − 1)·e(1 − e²)/((e + E)(1 + E·e))²,
    /// e = e^(−p) (docs/design.md §14).
    /// </summary>
    const double GatePairDerivativeConstant = GateExpNegBias * ((GateExpNegBias * GateExpNegBias) - 1);

    /// <summary>
    /// <see cref="MultiplyGate"/> and its partial derivatives ∂g/∂u (<paramref name="du"/>) and ∂g/∂v (<paramref name="dv"/>),
    /// from the same two exponentials: each pair's derivative σ'(b+p) − σ'(b−p) = E(E² − 1)·e(1 − e²)/d² with
    /// d = (e + E)(1 + E·e) and 1 − e² = −(e − 1)(e + 1), so the exact e − 1 carries it without cancellation
    /// (docs/design.md §14). The value is computed exactly as <see cref="MultiplyGate"/> computes it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TLane MultiplyGateGradient(TLane u, TLane v, double wu, double wv, double scale, out TLane du, out TLane dv)
    {
        GatePairs(u, v, wu, wv, out TLane ep, out TLane eq, out TLane mp, out TLane mq, out TLane dp, out TLane dq, out TLane numerator);
        TLane one = TSelf.Constant(1);
        TLane product = TSelf.Multiply(dp, dq);
        TLane value = TSelf.Multiply(TSelf.Divide(numerator, product), TSelf.Constant(scale * GatePairConstant));

        // 1/dp = dq/(dp·dq) and 1/dq = dp/(dp·dq): one more division for both derivatives.
        TLane inverse = TSelf.Divide(one, product);
        TLane ip = TSelf.Multiply(dq, inverse), iq = TSelf.Multiply(dp, inverse);

        // gp = e·(e − 1)·(e + 1)/d² = −(σ'(b+p) − σ'(b−p))/(E(E² − 1)).
        TLane gp = TSelf.Multiply(TSelf.Multiply(TSelf.Multiply(ep, mp), TSelf.Add(ep, one)), TSelf.Multiply(ip, ip));
        TLane gq = TSelf.Multiply(TSelf.Multiply(TSelf.Multiply(eq, mq), TSelf.Add(eq, one)), TSelf.Multiply(iq, iq));
        du = TSelf.Multiply(TSelf.Subtract(gq, gp), TSelf.Constant(scale * wu * GatePairDerivativeConstant));
        dv = TSelf.Multiply(TSelf.Add(gp, gq), TSelf.Constant(-scale * wv * GatePairDerivativeConstant));
        return value;
    }

    /// <summary><see cref="SquareGate"/> and its derivative ∂g/∂u (<paramref name="du"/>), from the same exponential.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TLane SquareGateGradient(TLane u, double w, double scale, out TLane du)
    {
        TLane ep = TSelf.GateExp(TSelf.Multiply(u, TSelf.Constant(-w)));
        TLane one = TSelf.Constant(1), e = TSelf.Constant(GateExpNegBias);
        TLane mp = TSelf.Subtract(ep, one);
        TLane denominator = TSelf.Multiply(TSelf.Add(ep, e), TSelf.FusedMultiplyAdd(ep, e, one));
        TLane value = TSelf.Multiply(TSelf.Divide(TSelf.Multiply(mp, mp), denominator), TSelf.Constant(scale * GatePairConstant));
        TLane inverse = TSelf.Divide(one, denominator);
        TLane gp = TSelf.Multiply(TSelf.Multiply(TSelf.Multiply(ep, mp), TSelf.Add(ep, one)), TSelf.Multiply(inverse, inverse));
        du = TSelf.Multiply(gp, TSelf.Constant(-scale * w * GatePairDerivativeConstant));
        return value;
    }

    /// <summary>The squaring gate u²: scale·(σ(b+p) + σ(b−p) − 2σ(b)) with p = w·u (docs/design.md §3).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TLane SquareGate(TLane u, double w, double scale)
    {
        TLane ep = TSelf.GateExp(TSelf.Multiply(u, TSelf.Constant(-w)));
        TLane one = TSelf.Constant(1), e = TSelf.Constant(GateExpNegBias);
        TLane mp = TSelf.Subtract(ep, one);
        TLane denominator = TSelf.Multiply(TSelf.Add(ep, e), TSelf.FusedMultiplyAdd(ep, e, one));
        return TSelf.Multiply(TSelf.Divide(TSelf.Multiply(mp, mp), denominator), TSelf.Constant(scale * GatePairConstant));
    }

    /// <summary>
    /// σ(t) = 1/(1 + e^(−t)) over the whole range: one bit-product neuron (docs/design.md §6). Not inlined, with the
    /// full-range exponential inlined in it: a network of many bit products would otherwise spend the JIT's inline
    /// budget on copies of that polynomial and leave even one-instruction wrappers as calls.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    static virtual TLane Sigmoid(TLane t)
    {
        TLane one = TSelf.Constant(1);
        return TSelf.Divide(one, TSelf.Add(one, TSelf.Exp(TSelf.Negate(t))));
    }

    /// <summary>
    /// <see cref="FlatPair"/> for a pair whose preactivation stays within <see cref="GateExp"/>'s range when the inputs
    /// lie inside their bounds (low-degree flat products): the vector lanes then use the short exponential. The scalar
    /// lanes, which see every input, compute it as <see cref="FlatPair"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TLane FlatPairNearZero(TLane p, double expNegBias, bool even)
    {
        return FlatPairOf(TSelf.GateExp(TSelf.Negate(p)), expNegBias, even);
    }

    /// <summary>
    /// One ± pair of a flat product around its bias b, given E = e^(−b) (docs/design.md §7): even degree
    /// σ(b+p) + σ(b−p) − 2σ(b) = K(e − 1)²/((e + E)(1 + E·e)) with K = E(E − 1)/(1 + E); odd degree
    /// σ(b+p) − σ(b−p) = E(1 − e²)/((1 + E·e)(e + E)), e = e^(−p). This is the vector lanes' form, for inputs inside
    /// their bounds (|p| stays far below where the products could overflow); the scalar lanes override it with a form
    /// that is exact for every p (docs/design.md §9).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TLane FlatPair(TLane p, double expNegBias, bool even)
    {
        return FlatPairOf(TSelf.Exp(TSelf.Negate(p)), expNegBias, even);
    }

    /// <summary><see cref="FlatPairNearZero"/> and the pair's derivative with respect to p (<paramref name="derivative"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TLane FlatPairNearZeroGradient(TLane p, double expNegBias, bool even, out TLane derivative)
    {
        return FlatPairGradientOf(TSelf.GateExp(TSelf.Negate(p)), expNegBias, even, out derivative);
    }

    /// <summary>
    /// <see cref="FlatPair"/> and the pair's derivative with respect to p (<paramref name="derivative"/>): even degree
    /// σ'(b+p) − σ'(b−p) = E(E² − 1)·e(1 − e²)/d², odd degree σ'(b+p) + σ'(b−p) = E·e·((e + E)² + (1 + E·e)²)/d², with
    /// d = (e + E)(1 + E·e) (docs/design.md §14).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static virtual TLane FlatPairGradient(TLane p, double expNegBias, bool even, out TLane derivative)
    {
        return FlatPairGradientOf(TSelf.Exp(TSelf.Negate(p)), expNegBias, even, out derivative);
    }

    /// <summary>The pair and its derivative from e = e^(−p); the value exactly as <see cref="FlatPairOf"/> computes it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TLane FlatPairGradientOf(TLane ep, double expNegBias, bool even, out TLane derivative)
    {
        TLane one = TSelf.Constant(1), e = TSelf.Constant(expNegBias);
        TLane left = TSelf.Add(ep, e), right = TSelf.FusedMultiplyAdd(ep, e, one);
        TLane denominator = TSelf.Multiply(left, right);
        TLane inverse = TSelf.Divide(one, denominator);
        TLane square = TSelf.Multiply(inverse, inverse);
        if (even)
        {
            TLane mp = TSelf.Subtract(ep, one);
            derivative = TSelf.Multiply(
                TSelf.Multiply(TSelf.Multiply(TSelf.Multiply(ep, mp), TSelf.Add(ep, one)), square),
                TSelf.Constant(-expNegBias * ((expNegBias * expNegBias) - 1)));
            return TSelf.Multiply(TSelf.Divide(TSelf.Multiply(mp, mp), denominator), TSelf.Constant(expNegBias * (expNegBias - 1) / (1 + expNegBias)));
        }

        TLane sum = TSelf.FusedMultiplyAdd(left, left, TSelf.Multiply(right, right));
        derivative = TSelf.Multiply(TSelf.Multiply(TSelf.Multiply(ep, sum), square), e);
        return TSelf.Multiply(TSelf.Divide(TSelf.Subtract(one, TSelf.Multiply(ep, ep)), denominator), e);
    }

    /// <summary>The pair from e = e^(−p): K(e − 1)²/((e + E)(1 + E·e)) when even, E(1 − e²)/((1 + E·e)(e + E)) when odd.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TLane FlatPairOf(TLane ep, double expNegBias, bool even)
    {
        TLane one = TSelf.Constant(1), e = TSelf.Constant(expNegBias);
        TLane denominator = TSelf.Multiply(TSelf.Add(ep, e), TSelf.FusedMultiplyAdd(ep, e, one));
        if (even)
        {
            TLane mp = TSelf.Subtract(ep, one);
            return TSelf.Multiply(TSelf.Divide(TSelf.Multiply(mp, mp), denominator), TSelf.Constant(expNegBias * (expNegBias - 1) / (1 + expNegBias)));
        }

        return TSelf.Multiply(TSelf.Divide(TSelf.Subtract(one, TSelf.Multiply(ep, ep)), denominator), e);
    }
}
