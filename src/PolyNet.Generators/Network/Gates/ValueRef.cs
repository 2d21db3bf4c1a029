namespace PolyNet.Generators.Network;

/// <summary>A value a gate or the output reads: an input variable or the output of an earlier gate.</summary>
internal readonly record struct ValueRef(bool IsGate, int Index)
{
    public static ValueRef Input(int index) => new(false, index);

    public static ValueRef Gate(int index) => new(true, index);
}
