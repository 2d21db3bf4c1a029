namespace PolyNet.Generators.Network;

/// <summary>
/// A product gate with its weights. Its neurons are σ(b ± p) (square) or σ(b ± p), σ(b ± q) (multiply) with
/// p = LeftWeight·left + RightWeight·right and q = LeftWeight·left − RightWeight·right; its output is
/// OutputScale·(Σ signed neurons) (minus 2σ(b)·OutputScale for a square gate).
/// </summary>
/// <param name="Label">The monomial it computes, e.g. "x*y^2".</param>
/// <param name="Bound">An upper bound on |exact value|.</param>
/// <param name="Error">An upper bound on |computed value − exact value| inside the input bounds.</param>
/// <param name="FirstNeuron">Index of its first neuron in the network's neuron list.</param>
/// <param name="Flat">The operands, weights and neuron pairs of a <see cref="GateKind.Flat"/> gate; null otherwise.</param>
internal sealed record GateModel(
    GateKind Kind,
    string Label,
    ValueRef Left,
    ValueRef Right,
    double LeftWeight,
    double RightWeight,
    double OutputScale,
    int Layer,
    int FirstNeuron,
    double Bound,
    double Error,
    Flat.FlatProductModel? Flat = null);
