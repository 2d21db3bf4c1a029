using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Network;

/// <summary>
/// A flat product ∏ operandᵢ^rᵢ in one hidden layer (docs/design.md §7): every neuron is σ(b + Σ (rᵢ − 2jᵢ)·wᵢ·operandᵢ)
/// and the product is OutputScale·Σ coefficient·(pair value). The constant neuron of an all-even product is left out (its
/// value σ(b) cancels with the pairs' resting values).
/// </summary>
/// <param name="Operands">The operands with their weights wᵢ = λ/Sᵢ, Sᵢ the operand's bound plus its error.</param>
/// <param name="Exponents">rᵢ per operand.</param>
/// <param name="ExpNegBias">E = e^(−b).</param>
/// <param name="OutputScale">∏Sᵢ^rᵢ / (2ᵈλᵈσ⁽ᵈ⁾(b)).</param>
internal sealed record FlatGate(
    int Degree,
    double Bias,
    double ExpNegBias,
    EquatableArray<WeightedValue> WeightedOperands,
    EquatableArray<int> Exponents,
    double OutputScale,
    EquatableArray<FlatPair> Pairs,
    string Label,
    int Layer,
    double Bound,
    double Error) : Gate(Label, Layer, Bound, Error)
{
    public bool IsEven => Degree % 2 == 0;

    public override int NeuronCount => 2 * Pairs.Count(p => p.IsDefinedHere);

    /// <summary>The neurons this product reads, its own and shared ones.</summary>
    public int UsedNeuronCount => 2 * Pairs.Count;

    public override IEnumerable<ValueRef> Operands => WeightedOperands.Select(o => o.Value);
}
