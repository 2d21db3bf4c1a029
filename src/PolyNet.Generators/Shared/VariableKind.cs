namespace PolyNet.Generators.Shared;

/// <summary>What values a Hamiltonian variable takes, which decides how the network computes its products.</summary>
internal enum VariableKind
{
    /// <summary>A real input with |x| ≤ bound (<c>double</c> or <c>float</c> parameter): multiplication gates.</summary>
    Continuous,

    /// <summary>A bit y ∈ {0, 1} (<c>bool</c> parameter): y² = y, one-neuron bit products (docs/design.md §6).</summary>
    Bit,

    /// <summary>A spin s ∈ {−1, +1} (<c>[Spin] int</c> or <c>sbyte</c>): s = 2y − 1, then as bits.</summary>
    Spin,
}
