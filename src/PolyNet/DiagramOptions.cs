namespace PolyNet;

/// <summary>
/// How <see cref="SigmoidNetwork.ToDot"/> and <see cref="SigmoidNetwork.ToMermaid"/> draw a network. The defaults draw
/// every neuron without weights, titled by the expression and the network's size.
/// </summary>
public sealed record DiagramOptions
{
    /// <summary>The largest number of synapses drawn neuron by neuron under <see cref="DiagramDetail.Auto"/>.</summary>
    public const int DefaultMaxEdges = 500;

    /// <summary>
    /// Labels every edge with its weight and every neuron (and the output) with its bias, to 4 significant digits in
    /// the invariant culture; false (the default) draws the connections only.
    /// </summary>
    public bool ShowWeights { get; init; }

    /// <summary>
    /// The diagram's title; null (the default) for "expression: N neurons in L hidden layers", empty for no title.
    /// </summary>
    public string? Title { get; init; }

    /// <summary>Neurons, gates, or (the default) neurons unless there are more than <see cref="MaxEdges"/> synapses.</summary>
    public DiagramDetail Detail { get; init; } = DiagramDetail.Auto;

    /// <summary>
    /// Under <see cref="DiagramDetail.Auto"/>, the most synapses (<see cref="SigmoidNetwork.SynapseCount"/>, one edge each)
    /// drawn neuron by neuron; a larger network is drawn gate by gate. 500 by default, Mermaid's own default limit on
    /// edges (<c>maxEdges</c>). Not negative.
    /// </summary>
    public int MaxEdges { get; init; } = DefaultMaxEdges;
}

/// <summary>What a diagram of a <see cref="SigmoidNetwork"/> draws as its nodes.</summary>
public enum DiagramDetail
{
    /// <summary>
    /// <see cref="Neurons"/> when the network has at most <see cref="DiagramOptions.MaxEdges"/> synapses, else
    /// <see cref="Gates"/>.
    /// </summary>
    Auto,

    /// <summary>
    /// One node per input, neuron and the output, one edge per synapse; each gate's neurons grouped in a box labelled by
    /// the product it computes.
    /// </summary>
    Neurons,

    /// <summary>
    /// One node per input, gate and the output; an edge from each operand to the gate that reads it and from each value
    /// the output reads. Its size grows with the gates, not with their neurons.
    /// </summary>
    Gates,
}
