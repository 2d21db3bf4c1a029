using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using PolyNet.Generators.Compiler;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Syntax;

/// <summary>
/// What <see cref="SpecReader"/> found: the equatable spec (null when no implementation can be emitted at all,
/// e.g. the method or a containing type is not partial), and the diagnostics with their source locations.
/// The generator keeps only the spec; the analyzer reports the diagnostics.
/// </summary>
internal sealed class SpecReadResult
{
    public SpecReadResult(HamiltonianSpec? spec, HamiltonianInput input, ImmutableArray<Diagnostic> diagnostics, LiteralTextMap? expressionMap)
    {
        Spec = spec;
        Input = input;
        Diagnostics = diagnostics;
        ExpressionMap = expressionMap;
    }

    public HamiltonianSpec? Spec { get; }

    /// <summary>What the stages compile, also when no implementation can be emitted (so the expression is still checked).</summary>
    public HamiltonianInput Input { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Maps expression offsets to source locations (null when the expression is not a constant).</summary>
    public LiteralTextMap? ExpressionMap { get; }
}
