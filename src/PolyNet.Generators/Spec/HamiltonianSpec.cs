using System.Collections.Immutable;
using System.Linq;
using PolyNet.Generators.Network;
using PolyNet.Generators.Pipeline;

namespace PolyNet.Generators.Spec;

/// <summary>
/// Everything the generator needs about one [Hamiltonian] method: value-equatable, no symbols or syntax, so
/// an edit elsewhere leaves it equal and the generator's later steps cached.
/// </summary>
/// <param name="Signature">The implementing declaration's modifiers, return type, name and type parameters,
/// e.g. "public static partial double Energy".</param>
/// <param name="Precision">The arithmetic of the forward pass; null when the signature is unsupported.</param>
/// <param name="ShapeError">Why no network can be built from the method's shape (the fallback body throws
/// with it), or null.</param>
/// <param name="MaxHiddenLayers">[Hamiltonian(MaxHiddenLayers = k)]: at most k hidden layers; 0 = the deep network.</param>
/// <param name="EmitsNetworkProperty">False when the <c>&lt;Method&gt;Network</c> name is taken (by another
/// member or another [Hamiltonian] overload), so the generator adds no second definition of it.</param>
internal sealed record HamiltonianSpec(
    TypeHierarchy Hierarchy,
    string MethodName,
    string Accessibility,
    string Signature,
    EquatableArray<ParameterSpec> Parameters,
    NumericPrecision? Precision,
    string Expression,
    double InputBound,
    string? ShapeError,
    bool EmitsNetworkProperty = true,
    int MaxHiddenLayers = 0)
{
    /// <summary>The input of the Roslyn-free stages.</summary>
    public HamiltonianInput ToInput(NumericPrecision precision) => new(
        Expression,
        Parameters.Select(p => p.Name).ToImmutableArray(),
        Parameters.Select(p => p.Bound).ToImmutableArray(),
        Parameters.Select(p => p.Kind).ToImmutableArray(),
        precision,
        MaxHiddenLayers);

    /// <summary>The generated file's name: unique per method, stable across runs.</summary>
    public string HintName
    {
        get
        {
            var key = new System.Text.StringBuilder(Signature);
            foreach (var parameter in Parameters)
            {
                key.Append(parameter.Modifier).Append(parameter.Type).Append(';');
            }

            return $"{Hierarchy.HintPrefix}.{MethodName.TrimStart('@')}.{StableHash(key.ToString()):x8}.g.cs";
        }
    }

    // FNV-1a: string.GetHashCode is randomised per process and would break determinism.
    private static uint StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }
}
