using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Network;

/// <summary>
/// The neurons σ(b + p) and σ(b − p) of a flat product, p = Σ Multipliersᵢ·Weightᵢ·operandᵢ, evaluated together with one
/// exponential. Even degree: their sum around 2σ(b); odd degree: their difference (docs/design.md §7).
/// </summary>
/// <param name="Id">Network-wide number of the pair: gates that share the pair's neurons share its value.</param>
/// <param name="IsDefinedHere">False when an earlier gate already computes these two neurons.</param>
/// <param name="Multipliers">rᵢ − 2jᵢ per operand of this gate, oriented so the pair's σ(b + p) is the shared one.</param>
/// <param name="Coefficient">±∏C(rᵢ, jᵢ) as the pair enters this gate's sum.</param>
internal sealed record FlatPair(int Id, bool IsDefinedHere, EquatableArray<int> Multipliers, double Coefficient);
