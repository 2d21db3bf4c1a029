namespace PolyNet;

/// <summary>What values an input of a <see cref="SigmoidNetwork"/> takes.</summary>
public enum InputKind
{
    /// <summary>A real number with |x| ≤ its bound (a <c>double</c> or <c>float</c> parameter).</summary>
    Continuous,

    /// <summary>A bit, 0 or 1 (a <c>bool</c> parameter; pass 0 or 1 to <see cref="SigmoidNetwork.Evaluate"/>).</summary>
    Bit,

    /// <summary>A spin, −1 or +1 (a <c>[Spin] int</c> or <c>sbyte</c> parameter; pass −1 or +1).</summary>
    Spin,
}
