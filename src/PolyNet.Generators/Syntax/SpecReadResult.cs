using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Syntax;

/// <summary>
/// What <see cref="SpecReader"/> found: the equatable spec (null when no implementation can be emitted at all,
/// e.g. the method or a containing type is not partial), and the diagnostics with their source locations.
/// The generator keeps only the spec; the analyzer reports the diagnostics.
/// </summary>
internal sealed class SpecReadResult
{
    public SpecReadResult(HamiltonianSpec? spec, ImmutableArray<Diagnostic> diagnostics, LiteralTextMap? expressionMap)
    {
        Spec = spec;
        Diagnostics = diagnostics;
        ExpressionMap = expressionMap;
    }

    public HamiltonianSpec? Spec { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Maps expression offsets to source locations (null when the expression is not a constant).</summary>
    public LiteralTextMap? ExpressionMap { get; }
}
