using System.Collections.Immutable;
using PolyNet.Generators.Network;
using PolyNet.Generators.Polynomials;

namespace PolyNet.Generators.Pipeline;

/// <summary>Everything the Roslyn-free stages need to compile one Hamiltonian.</summary>
/// <param name="Variables">The parameter names, in order (no '@').</param>
/// <param name="Bounds">|value| ≤ bound for each continuous variable (bits and spins: 1).</param>
/// <param name="Kinds">What values each variable takes.</param>
/// <param name="MaxHiddenLayers">The most hidden layers the network may have; 0 = no limit (the deep network).</param>
internal sealed record HamiltonianInput(
    string Expression,
    ImmutableArray<string> Variables,
    ImmutableArray<double> Bounds,
    ImmutableArray<VariableKind> Kinds,
    NumericPrecision Precision,
    int MaxHiddenLayers = 0)
{
    /// <summary>Continuous variables only, no depth limit: the foundation's case.</summary>
    public static HamiltonianInput Continuous(string expression, System.Collections.Generic.IReadOnlyList<string> variables, System.Collections.Generic.IReadOnlyList<double> bounds, NumericPrecision precision) =>
        new(expression, variables.ToImmutableArray(), bounds.ToImmutableArray(), ImmutableArray.CreateRange(System.Linq.Enumerable.Repeat(VariableKind.Continuous, variables.Count)), precision);
}
