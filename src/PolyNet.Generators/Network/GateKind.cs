namespace PolyNet.Generators.Network;

/// <summary>The two product gates of DESIGN.md §2.1–2.2.</summary>
internal enum GateKind
{
    /// <summary>u·v with 4 neurons: σ(b ± λ(ũ+ṽ)) and σ(b ± λ(ũ−ṽ)).</summary>
    Multiply,

    /// <summary>u² with 2 neurons: σ(b ± 2λũ); the constant pair σ(b) moves into the bias.</summary>
    Square,

    /// <summary>∏ y over a set of k bits with 1 neuron: σ(β(Σy − k + ½)) (DESIGN.md §2.4); spins read as y = (s + 1)/2.</summary>
    BitProduct,

    /// <summary>A flat product of several values in one layer (DESIGN.md §2.5); see <see cref="Flat.FlatProductModel"/>.</summary>
    Flat,
}

internal static class GateKindExtensions
{
    public static int NeuronCount(this GateKind kind) => kind switch
    {
        GateKind.Multiply => 4,
        GateKind.BitProduct => 1,
        _ => 2,
    };
}
