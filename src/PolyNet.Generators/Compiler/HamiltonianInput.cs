using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Compiler;

/// <summary>Everything the Roslyn-free stages need to compile one Hamiltonian; value-equatable.</summary>
/// <param name="Variables">The parameter names, in order (no '@').</param>
/// <param name="Bounds">|value| ≤ bound for each variable (bits and spins: 1).</param>
/// <param name="Kinds">What values each variable takes.</param>
/// <param name="MaxHiddenLayers">The most hidden layers the network may have; 0 = no limit (the deep network).</param>
internal sealed record HamiltonianInput(
    string Expression,
    EquatableArray<string> Variables,
    EquatableArray<double> Bounds,
    EquatableArray<VariableKind> Kinds,
    NumericPrecision Precision,
    int MaxHiddenLayers = 0)
{
    /// <summary>True when some variable is a bit or a spin.</summary>
    public bool HasBinaryVariables => Kinds.Any(kind => kind != VariableKind.Continuous);

    /// <summary>Continuous variables only, no depth limit.</summary>
    public static HamiltonianInput Continuous(string expression, IReadOnlyList<string> variables, IReadOnlyList<double> bounds, NumericPrecision precision) =>
        new(expression, variables.ToEquatableArray(), bounds.ToEquatableArray(), Enumerable.Repeat(VariableKind.Continuous, variables.Count).ToEquatableArray(), precision);
}
