using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Spec;

/// <summary>A method parameter as the generated implementation must repeat it.</summary>
/// <param name="Name">The name as a variable of the expression (no '@').</param>
/// <param name="Identifier">The name as a C# identifier ('@' added to keywords).</param>
/// <param name="Type">The fully qualified type, with nullable annotation.</param>
/// <param name="Modifier">"", "ref ", "out ", "in ", "ref readonly ", "this " or "params ".</param>
/// <param name="Bound">The bound |value| ≤ Bound from [Bound] or InputBound (1 for bits and spins).</param>
/// <param name="Kind">Continuous, bit (<c>bool</c>) or spin (<c>[Spin]</c>); for a lattice field, the kind of its elements.</param>
/// <param name="Role">A scalar variable, a lattice field (<c>ReadOnlySpan&lt;T&gt;</c>) or an extent (<c>int</c>).</param>
internal sealed record ParameterSpec(string Name, string Identifier, string Type, string Modifier, double Bound, VariableKind Kind = VariableKind.Continuous, ParameterRole Role = ParameterRole.Scalar);
