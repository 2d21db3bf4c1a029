using System.Collections.Immutable;

namespace PolyNet.Generators.Network;

/// <summary>The planned product DAG: leaves (inputs) first, then gates in evaluation order.</summary>
/// <param name="Nodes">All nodes, topologically ordered.</param>
/// <param name="Roots">For each requested monomial, the node that computes it.</param>
/// <param name="NeuronCount">Neurons of all gates.</param>
internal sealed record ProductPlan(ImmutableArray<ProductNode> Nodes, ImmutableArray<int> Roots, int NeuronCount);
