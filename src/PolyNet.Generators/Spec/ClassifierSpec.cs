using PolyNet.Generators.Compiler;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Spec;

/// <summary>
/// Everything the generator needs about one method with [Category] attributes (a Boltzmann classifier): value-equatable,
/// like <see cref="HamiltonianSpec"/>.
/// </summary>
/// <param name="Parameters">Every parameter, the probabilities span last, as the implementation repeats them.</param>
/// <param name="Inputs">The parameters before the probabilities: the variables of every category's Hamiltonian.</param>
/// <param name="ReturnsIndex">True for <c>int</c> (the most probable category), false for <c>void</c>.</param>
/// <param name="CategoryInputs">What the stages compile for each category, in declaration order.</param>
internal sealed record ClassifierSpec(
    TypeHierarchy Hierarchy,
    string MethodName,
    string Accessibility,
    string Signature,
    EquatableArray<ParameterSpec> Parameters,
    EquatableArray<ParameterSpec> Inputs,
    ParameterSpec Probabilities,
    bool ReturnsIndex,
    EquatableArray<CategorySpec> Categories,
    EquatableArray<HamiltonianInput> CategoryInputs,
    NumericPrecision? Precision,
    double InputBound,
    bool CheckBounds,
    string? ShapeError,
    bool EmitsNetworkProperty,
    EquatableArray<string> Documentation)
{
    /// <summary>The method's name without a verbatim '@'.</summary>
    public string PlainName => MethodName.TrimStart('@');

    public bool IsCompilable => ShapeError is null && Precision is not null;

    /// <summary>The generated file's name: unique per method, stable across runs.</summary>
    public string HintName => HamiltonianSpec.FileName(Hierarchy, PlainName, Signature, Parameters, ".classifier.g.cs");
}
