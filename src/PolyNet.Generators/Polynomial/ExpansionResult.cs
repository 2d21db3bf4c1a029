using System.Collections.Immutable;
using PolyNet.Generators.Parse;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Polynomials;

/// <summary>The expanded polynomial, or null with at least one error explaining why there is none.</summary>
internal sealed record ExpansionResult(Polynomial? Polynomial, ImmutableArray<ExpressionError> Errors)
{
    public bool Succeeded => Polynomial is not null && Errors.IsEmpty;
}
