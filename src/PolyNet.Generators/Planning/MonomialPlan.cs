using System.Numerics;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Planning;

/// <summary>
/// How one monomial is computed in at most k hidden layers: the first layer multiplies groups of variables
/// (each with its full power) by flat products, every later layer multiplies even groups of the previous
/// layer's products.
/// </summary>
/// <param name="Neurons">The plan's neuron count, by formula.</param>
/// <param name="FirstLayerGroups">Variable indices of each first-layer group.</param>
/// <param name="LaterGroupCounts">The number of groups in layers 2, 3, … (values split as evenly as possible).</param>
/// <param name="HiddenLayers">The hidden layers the plan uses (at most the k it was planned for).</param>
internal sealed record MonomialPlan(
    BigInteger Neurons,
    EquatableArray<EquatableArray<int>> FirstLayerGroups,
    EquatableArray<int> LaterGroupCounts,
    int HiddenLayers);
