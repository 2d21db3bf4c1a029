using PolyNet.Generators.Polynomials;

namespace PolyNet.Generators.Planning;

/// <summary>How a node of the product DAG is computed from earlier nodes.</summary>
internal enum ProductStep
{
    /// <summary>An input variable (a leaf).</summary>
    Input,

    /// <summary>The product of two different earlier nodes (a 4-neuron multiplication gate).</summary>
    Multiply,

    /// <summary>The square of one earlier node (a 2-neuron squaring gate).</summary>
    Square,
}

/// <summary>
/// One value of the product DAG: an input variable, or a gate over earlier nodes. The DAG is topologically ordered:
/// <see cref="Left"/> and <see cref="Right"/> always index earlier nodes.
/// </summary>
/// <param name="Monomial">The monomial this node computes.</param>
/// <param name="Left">The first operand (the squared operand of a square); −1 for an input.</param>
/// <param name="Right">The second operand of a multiplication; −1 otherwise.</param>
/// <param name="Variable">The input index of a leaf; −1 for a gate.</param>
/// <param name="Depth">0 for an input; the hidden layer of the gate's neurons otherwise.</param>
internal sealed record ProductNode(Monomial Monomial, ProductStep Step, int Left, int Right, int Variable, int Depth)
{
    public bool IsInput => Step == ProductStep.Input;

    /// <summary>Neurons of the gate: 4 for a multiplication, 2 for a square, none for an input.</summary>
    public int NeuronCount => Step switch
    {
        ProductStep.Multiply => 4,
        ProductStep.Square => 2,
        _ => 0,
    };
}
