using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using PolyNet.Generators.Planning;
using PolyNet.Generators.Network;
using PolyNet.Generators.Shared;
using PolyNet.Generators.Polynomials;

namespace PolyNet.Generators.Compiler;

/// <summary>
/// Refuses a depth limit whose network is out of reach before anything is built (PNET101): the neuron count
/// comes from <see cref="HamiltonianCost"/>'s formulas, so 2³² neurons are refused in microseconds.
/// </summary>
internal static class DepthLimitCheck
{
    public static ExpressionError? Refusal(Polynomial polynomial, IEnumerable<NetworkTerm> terms, int maxHiddenLayers, SourceSpan span, CancellationToken cancellationToken)
    {
        var monomials = terms.Where(t => t.Degree >= 2).Select(t => t.Monomial).ToList();
        if (HamiltonianCost.IsDeep(monomials, maxHiddenLayers))
        {
            return null;
        }

        int variableCount = polynomial.Variables.Length;
        if (HamiltonianCost.At(variableCount, monomials, maxHiddenLayers, cancellationToken) is not { } cost)
        {
            return null;
        }

        string subject = $"flattening {Describe(polynomial)} into {Layers(maxHiddenLayers)}";
        if (cost.Neurons > ExpressionLimits.MaxHiddenNeurons)
        {
            string deep = HamiltonianCost.At(variableCount, monomials, 0, cancellationToken) is { } deepCost
                ? $"the deep network needs {deepCost.NeuronText} in {Layers(deepCost.HiddenLayers)}"
                : "the deep network is over the limit too";
            return new ExpressionError(
                ExpressionErrorKind.FlatteningLimitExceeded,
                string.Format(CultureInfo.InvariantCulture, "{0} needs {1} neurons, more than the limit of {2:N0}; {3}", subject, cost.NeuronText, ExpressionLimits.MaxHiddenNeurons, deep),
                span);
        }

        int widest = HamiltonianCost.WidestFlatProduct(monomials, maxHiddenLayers);
        if (widest > HamiltonianCost.MaxFlatDegree)
        {
            return new ExpressionError(
                ExpressionErrorKind.FlatteningLimitExceeded,
                string.Format(CultureInfo.InvariantCulture, "{0} needs a flat product of degree {1} in one layer, more than {2}: its finite difference would leave no correct digits; allow more hidden layers", subject, widest, HamiltonianCost.MaxFlatDegree),
                span);
        }

        return null;
    }

    /// <summary>"1 hidden layer", "3 hidden layers".</summary>
    public static string Layers(int count) => count == 1 ? "1 hidden layer" : $"{count} hidden layers";

    /// <summary>The canonical polynomial, shortened when long: diagnostics name what they are about.</summary>
    public static string Describe(Polynomial polynomial)
    {
        const int MaxLength = 160;
        string text = polynomial.ToCanonicalString();
        return text.Length <= MaxLength ? text : text.Substring(0, MaxLength - 1) + "…";
    }
}
