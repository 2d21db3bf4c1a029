using System.Collections.Immutable;
using PolyNet.Generators.Network;
using PolyNet.Generators.Parse;
using PolyNet.Generators.Polynomials;

namespace PolyNet.Generators.Pipeline;

/// <summary>The result of running Parse → Polynomial → Network on one expression: a network, or the errors.</summary>
/// <param name="Terms">The polynomial's terms with coefficients rounded to double, in canonical order.</param>
internal sealed record CompiledHamiltonian(
    Polynomial? Polynomial,
    ImmutableArray<NetworkTerm> Terms,
    NetworkModel? Network,
    ImmutableArray<ExpressionError> Errors)
{
    public bool Succeeded => Network is not null && Errors.IsEmpty;

    public static CompiledHamiltonian Failed(ImmutableArray<ExpressionError> errors) =>
        new(null, ImmutableArray<NetworkTerm>.Empty, null, errors);
}
