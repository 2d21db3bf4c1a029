using System.Collections.Generic;

namespace PolyNet.Generators.Planning;

/// <summary>The planned product DAG: inputs first, then gates in evaluation order.</summary>
/// <param name="Nodes">All nodes, topologically ordered.</param>
/// <param name="Roots">For each requested monomial, the node that computes it.</param>
/// <param name="NeuronCount">Neurons of all gates.</param>
internal sealed class ProductPlan(IReadOnlyList<ProductNode> nodes, IReadOnlyList<int> roots, int neuronCount)
{
    public IReadOnlyList<ProductNode> Nodes { get; } = nodes;

    public IReadOnlyList<int> Roots { get; } = roots;

    public int NeuronCount { get; } = neuronCount;
}
