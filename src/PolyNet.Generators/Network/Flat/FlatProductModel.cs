using System.Collections.Immutable;

namespace PolyNet.Generators.Network.Flat;

/// <summary>
/// A flat product ∏ operandᵢ^rᵢ in one hidden layer: every neuron is σ(b + Σ (rᵢ − 2jᵢ)·wᵢ·operandᵢ), and the
/// product is OutputScale·Σ ±C·(pair value). The constant neuron of an all-even product is left out (its value
/// σ(b) cancels with the pairs' resting values).
/// </summary>
/// <param name="OperandWeights">wᵢ = λ/Sᵢ, Sᵢ the operand's bound plus its error.</param>
/// <param name="OutputScale">∏Sᵢ^rᵢ / (2ᵈλᵈσ⁽ᵈ⁾(b)).</param>
/// <param name="NeuronCount">The neurons this product uses, shared ones included.</param>
internal sealed record FlatProductModel(
    int Degree,
    double Bias,
    double ExpNegBias,
    ImmutableArray<ValueRef> Operands,
    ImmutableArray<int> Exponents,
    ImmutableArray<double> OperandWeights,
    double OutputScale,
    ImmutableArray<FlatPair> Pairs,
    int NeuronCount)
{
    public bool IsEven => Degree % 2 == 0;
}
