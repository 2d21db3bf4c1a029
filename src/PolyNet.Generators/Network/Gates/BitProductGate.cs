using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Network;

/// <summary>
/// ∏ y over a set of bits with one neuron σ(Bias + Σ w·x) (docs/design.md §6): weight β per bit; a spin is read directly
/// with weight β/2 (y = (s + 1)/2, the other half in the bias). The output is the neuron itself.
/// </summary>
/// <param name="Inputs">The inputs it reads (bits and spins), ascending, with their weights.</param>
internal sealed record BitProductGate(
    EquatableArray<WeightedValue> Inputs,
    double Bias,
    string Label,
    double Error) : Gate(Label, 1, 1, Error)
{
    public override int NeuronCount => 1;

    public override IEnumerable<ValueRef> Operands => Inputs.Select(i => i.Value);
}
