using System.Collections.Generic;

namespace PolyNet.Generators.Network;

/// <summary>
/// u² with 2 neurons σ(b ± p), p = Weight·u; the output is OutputScale·(σ(b+p) + σ(b−p) − 2σ(b)) (docs/design.md §3).
/// </summary>
internal sealed record SquareGate(
    ValueRef Operand,
    double Weight,
    double OutputScale,
    string Label,
    int Layer,
    double Bound,
    double Error) : Gate(Label, Layer, Bound, Error)
{
    public override int NeuronCount => 2;

    public override IEnumerable<ValueRef> Operands => [Operand];
}
