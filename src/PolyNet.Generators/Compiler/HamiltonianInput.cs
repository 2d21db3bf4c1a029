using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Compiler;

/// <summary>Everything the Roslyn-free stages need to compile one Hamiltonian; value-equatable.</summary>
/// <param name="Variables">The parameter names, in order (no '@').</param>
/// <param name="Bounds">|value| ≤ bound for each variable (bits and spins: 1).</param>
/// <param name="Kinds">What values each variable takes.</param>
/// <param name="MaxHiddenLayers">The most hidden layers the network may have; 0 = no limit (the deep network).</param>
/// <param name="Roles">What each parameter is (scalar, lattice field or extent); empty when every one is a scalar.</param>
/// <param name="Boundary">What a lattice read outside the lattice means.</param>
internal sealed record HamiltonianInput(
    string Expression,
    EquatableArray<string> Variables,
    EquatableArray<double> Bounds,
    EquatableArray<VariableKind> Kinds,
    NumericPrecision Precision,
    int MaxHiddenLayers = 0,
    EquatableArray<ParameterRole> Roles = default,
    BoundaryKind Boundary = BoundaryKind.Periodic)
{
    /// <summary>The roles, never a default array (so every model the pipeline caches can be enumerated).</summary>
    public EquatableArray<ParameterRole> Roles { get; init; } = Roles.AsImmutableArray();

    /// <summary>True when some variable is a bit or a spin.</summary>
    public bool HasBinaryVariables => Kinds.Any(kind => kind != VariableKind.Continuous);

    /// <summary>True when some parameter is a lattice field or an extent.</summary>
    public bool HasLatticeParameters => Roles.Any(role => role != ParameterRole.Scalar);

    /// <summary>The role of parameter <paramref name="index"/>.</summary>
    public ParameterRole RoleOf(int index) => Roles.Count == 0 ? ParameterRole.Scalar : Roles[index];

    /// <summary>Continuous variables only, no depth limit.</summary>
    public static HamiltonianInput Continuous(string expression, IReadOnlyList<string> variables, IReadOnlyList<double> bounds, NumericPrecision precision) =>
        new(expression, variables.ToEquatableArray(), bounds.ToEquatableArray(), Enumerable.Repeat(VariableKind.Continuous, variables.Count).ToEquatableArray(), precision);
}
