using System.Collections.Immutable;
using PolyNet.Generators.Network;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Compiler;

/// <summary>One category's energy over the shared gates: constant + Σ coefficient·value, and its own error bound.</summary>
/// <param name="AccumulatesInDouble">The category's network sums its output in double (float over bits or spins).</param>
internal sealed record CategoryOutput(double Constant, ImmutableArray<OutputTerm> Terms, bool AccumulatesInDouble, double MaxError);

/// <summary>A compiled classifier: each category's own network (for its description), the shared gates, the energies, or the errors.</summary>
/// <param name="Categories">Each category compiled on its own, in declaration order.</param>
/// <param name="Shared">The merged gates (no output map): what the generated code computes once.</param>
/// <param name="LogPriors">ln(prior / Σ priors) per category.</param>
/// <param name="MaxError">An upper bound on |p_network − p_exact| for every category inside the bounds (docs/design.md §13).</param>
/// <param name="Errors">Each error with the index of the category whose expression it is in.</param>
internal sealed record CompiledClassifier(
    ImmutableArray<CompiledHamiltonian> Categories,
    NetworkModel? Shared,
    ImmutableArray<CategoryOutput> Outputs,
    ImmutableArray<double> LogPriors,
    double MaxError,
    ImmutableArray<(int Category, ExpressionError Error)> Errors)
{
    public bool Succeeded => Shared is not null && Errors.IsEmpty;
}
