using PolyNet.Generators.Compiler;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Spec;

/// <summary>
/// Everything the generator needs about one [Hamiltonian] method: value-equatable, no symbols or syntax, so
/// an edit elsewhere leaves it equal and the generator's later steps cached.
/// </summary>
/// <param name="Signature">The implementing declaration's modifiers, return type, name and type parameters,
/// e.g. "public static partial double Energy".</param>
/// <param name="Input">What the Roslyn-free stages compile. Always present, so the expression is checked even when the
/// method's shape is wrong (an invalid bound reads as 1 there; it is reported on its own).</param>
/// <param name="Precision">The arithmetic of the forward pass; null when the signature is unsupported.</param>
/// <param name="ShapeError">Why no network can be built from the method's shape (the fallback body throws
/// with it), or null.</param>
/// <param name="EmitsNetworkProperty">False when the <c>&lt;Method&gt;Network</c> name is taken (by another
/// member or another [Hamiltonian] overload), so the generator adds no second definition of it.</param>
/// <param name="CheckBounds">[Hamiltonian(CheckBounds = true)]: inputs outside their bounds throw.</param>
/// <param name="Documentation">The lines of the method's own XML doc comment (without "///"), which the
/// implementation repeats: C# shows the implementation's comment when both parts have one.</param>
/// <param name="Gradient">[Hamiltonian(Gradient = true)] on a method with a continuous input: emit &lt;Method&gt;Gradient.</param>
internal sealed record HamiltonianSpec(
    TypeHierarchy Hierarchy,
    string MethodName,
    string Accessibility,
    string Signature,
    EquatableArray<ParameterSpec> Parameters,
    HamiltonianInput Input,
    NumericPrecision? Precision,
    double InputBound,
    string? ShapeError,
    bool EmitsNetworkProperty,
    bool CheckBounds,
    EquatableArray<string> Documentation,
    bool Gradient = false)
{
    public string Expression => Input.Expression;

    /// <summary>The method's name without a verbatim '@'.</summary>
    public string PlainName => MethodName.TrimStart('@');

    /// <summary>True when a network can be compiled for this method (no shape error, a supported signature).</summary>
    public bool IsCompilable => ShapeError is null && Precision is not null;

    /// <summary>The generated file's name: unique per method, stable across runs.</summary>
    public string HintName => FileName(Hierarchy, PlainName, Signature, Parameters, ".g.cs");

    /// <summary>prefix.Method.hash + suffix, the hash over the signature and the parameters' modifiers and types (overloads differ).</summary>
    internal static string FileName(TypeHierarchy hierarchy, string name, string signature, EquatableArray<ParameterSpec> parameters, string suffix)
    {
        var key = new System.Text.StringBuilder(signature);
        foreach (var parameter in parameters)
        {
            key.Append(parameter.Modifier).Append(parameter.Type).Append(';');
        }

        return $"{hierarchy.HintPrefix}.{name}.{StableHash(key.ToString()):x8}{suffix}";
    }

    // FNV-1a: string.GetHashCode is randomised per process and would break determinism.
    internal static uint StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }
}
