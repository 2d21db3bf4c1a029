namespace PolyNet.Kernels;

/// <summary>
/// The few per-width operations e^x needs beyond <see cref="ILanes{TSelf, TLane, TScalar}"/>, so that
/// <see cref="DoubleExp"/> and <see cref="SingleExp"/> are each written once for all three vector widths.
/// </summary>
internal interface IVectorExp<TSelf, TLane>
    where TSelf : IVectorExp<TSelf, TLane>
{
    static abstract TLane Broadcast(double value);

    static abstract TLane Plus(TLane left, TLane right);

    static abstract TLane Minus(TLane left, TLane right);

    static abstract TLane Times(TLane left, TLane right);

    /// <summary>a·b + c, fused where the hardware fuses.</summary>
    static abstract TLane Fma(TLane a, TLane b, TLane c);

    /// <summary>Every element clamped to [low, high] with the native min/max (NaN handling left to <see cref="KeepNaN"/>).</summary>
    static abstract TLane ClampNative(TLane value, double low, double high);

    /// <summary>2^k for the integer k that <paramref name="shifted"/> = x·log₂e + 1.5·2^(mantissa bits) carries in its low bits.</summary>
    static abstract TLane PowerOfTwo(TLane shifted);

    /// <summary><paramref name="result"/>, with NaN wherever <paramref name="x"/> is NaN.</summary>
    static abstract TLane KeepNaN(TLane x, TLane result);
}
