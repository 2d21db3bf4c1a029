using System.Collections.Immutable;

namespace PolyNet.Generators.Network.Flat;

/// <summary>
/// The neurons σ(b + p) and σ(b − p) of a flat product, p = Σ Multipliersᵢ·(scaled operand i), evaluated
/// together with one exponential. Even degree: their sum around 2σ(b); odd degree: their difference.
/// </summary>
/// <param name="Id">Network-wide number of the pair: gates that share the pair's neurons share its value.</param>
/// <param name="IsDefinedHere">False when an earlier gate already computes these two neurons.</param>
/// <param name="Multipliers">rᵢ − 2jᵢ per operand of this gate.</param>
/// <param name="Coefficient">±∏C(rᵢ, jᵢ) as it enters this gate's sum (sign-adjusted when shared the other way round).</param>
/// <param name="FirstNeuron">Index of σ(b + p) in the network's neuron list (σ(b − p) follows it).</param>
internal sealed record FlatPair(int Id, bool IsDefinedHere, ImmutableArray<int> Multipliers, double Coefficient, int FirstNeuron);
