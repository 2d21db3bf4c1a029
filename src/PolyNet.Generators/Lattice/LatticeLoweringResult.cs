using System.Collections.Immutable;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Lattice;

/// <summary>The per-site template of a lattice expression, or the errors that prevent one.</summary>
internal sealed record LatticeLoweringResult(LatticeTemplate? Template, ImmutableArray<ExpressionError> Errors)
{
    public static LatticeLoweringResult Failed(ImmutableArray<ExpressionError> errors) => new(null, errors);
}
