namespace PolyNet.Generators.Spec;

/// <summary>One [Category] of a classifier: its name, its Hamiltonian as written, and its prior weight.</summary>
internal sealed record CategorySpec(string Name, string Expression, double Prior);
