using System.Collections.Generic;

namespace PolyNet.Generators.Network;

/// <summary>
/// u·v with 4 neurons σ(b ± p), σ(b ± q), p = LeftWeight·u + RightWeight·v, q = LeftWeight·u − RightWeight·v; the output
/// is OutputScale·(σ(b+p) + σ(b−p) − σ(b+q) − σ(b−q)) (docs/design.md §2).
/// </summary>
internal sealed record MultiplyGate(
    ValueRef Left,
    ValueRef Right,
    double LeftWeight,
    double RightWeight,
    double OutputScale,
    string Label,
    int Layer,
    double Bound,
    double Error) : Gate(Label, Layer, Bound, Error)
{
    public override int NeuronCount => 4;

    public override IEnumerable<ValueRef> Operands => [Left, Right];
}
