using System.Collections.Immutable;

namespace PolyNet.Generators.Network;

/// <summary>
/// One value of the product DAG: an input variable (a leaf), or a gate over earlier nodes. The DAG is
/// topologically ordered: <see cref="Left"/> and <see cref="Right"/> always index earlier nodes.
/// </summary>
/// <param name="Exponents">The monomial this node computes, one exponent per variable.</param>
/// <param name="Kind">Null for a leaf (an input variable), else the gate that computes it.</param>
/// <param name="Left">The first operand (the squared operand for a square gate); −1 for a leaf.</param>
/// <param name="Right">The second operand of a multiply gate; −1 otherwise.</param>
/// <param name="Variable">The input index of a leaf; −1 for a gate.</param>
/// <param name="Depth">0 for a leaf; the hidden layer of the gate's neurons otherwise.</param>
internal sealed record ProductNode(ImmutableArray<int> Exponents, GateKind? Kind, int Left, int Right, int Variable, int Depth)
{
    public bool IsLeaf => Kind is null;
}
