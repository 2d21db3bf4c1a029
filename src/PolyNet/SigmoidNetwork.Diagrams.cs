using PolyNet.Description;

namespace PolyNet;

public sealed partial class SigmoidNetwork
{
    /// <summary>
    /// The network as a Graphviz DOT digraph, left to right: the inputs, each hidden layer and the output as ranks
    /// (columns), each gate's neurons in a box labelled by the product it computes and its size
    /// (<c>x*y (mul, 4 neurons)</c>), one edge per synapse. Render it with <c>dot -Tsvg network.dot -o network.svg</c>.
    /// </summary>
    /// <remarks>
    /// <para>Node ids: <c>i</c>k input k, <c>n</c>k neuron k (<see cref="Neurons"/>), <c>g</c>k gate k (gate view),
    /// <c>out</c> the output. Neurons are labelled by their role in their gate: σ(b+p), σ(b−p), σ(b+q), σ(b−q) for a
    /// multiplication, σ(b±p) for a square, σ(b±pⱼ) for pair j of a flat product, σ(bias + Σ) for a bit product.
    /// <see cref="DiagramOptions.ShowWeights"/> adds every weight and bias (4 significant digits). The text is the same
    /// for the same network on every machine and culture.</para>
    /// <para>A network with more than <see cref="DiagramOptions.MaxEdges"/> synapses (500 by default) is drawn gate by
    /// gate instead (<see cref="DiagramDetail.Gates"/>): one node per gate, an edge per operand; set
    /// <see cref="DiagramOptions.Detail"/> to choose. Even that view grows with the gates: draw a lattice's
    /// <see cref="LatticeNetwork.Site"/>, not an unrolled lattice.</para>
    /// </remarks>
    /// <param name="options">What to draw; null for the defaults.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><see cref="DiagramOptions.MaxEdges"/> is negative, or <see cref="DiagramOptions.Detail"/> is not a <see cref="DiagramDetail"/>.</exception>
    public string ToDot(DiagramOptions? options = null) => DiagramWriter.Dot(Diagram(options));

    /// <summary>
    /// The network as a Mermaid flowchart (renders in GitHub Markdown inside a <c>```mermaid</c> block): the same nodes,
    /// groups and edges as <see cref="ToDot"/>, with the inputs, each hidden layer and the output as nested subgraphs
    /// left to right, each gate a subgraph inside its layer, and the title in the front matter.
    /// </summary>
    /// <remarks>
    /// Mermaid has no rank constraints, so its layout places a node by its edges within its layer's subgraph. Its
    /// renderer refuses more than 500 edges by default, the default <see cref="DiagramOptions.MaxEdges"/> above which the
    /// diagram is drawn gate by gate. See <see cref="ToDot"/> for the labels and the options.
    /// </remarks>
    /// <param name="options">What to draw; null for the defaults.</param>
    /// <exception cref="System.ArgumentOutOfRangeException"><see cref="DiagramOptions.MaxEdges"/> is negative, or <see cref="DiagramOptions.Detail"/> is not a <see cref="DiagramDetail"/>.</exception>
    public string ToMermaid(DiagramOptions? options = null) => DiagramWriter.Mermaid(Diagram(options));

    private NetworkDiagram Diagram(DiagramOptions? options) => NetworkDiagram.Build(this, _parsed, _gateNeuronStarts, options);
}
