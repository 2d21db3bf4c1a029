using System.Collections.Immutable;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Parse;

/// <summary>The outcome of <see cref="ExpressionParser.Parse"/>: a tree, or the errors that prevented one.</summary>
internal sealed record ParseResult(ExpressionNode? Root, ImmutableArray<ExpressionError> Errors)
{
    public bool Success => Root is not null && Errors.IsEmpty;
}
