using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using PolyNet.Generators.Network;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Compiler;

/// <summary>
/// Compiles a Boltzmann classifier (docs/design.md §13): each category's Hamiltonian like a [Hamiltonian], then the
/// networks merged so that a product several categories need is computed once, and the bound on the probabilities.
/// </summary>
internal static class ClassifierCompiler
{
    public static CompiledClassifier Compile(IReadOnlyList<HamiltonianInput> categories, IReadOnlyList<double> priors, NumericPrecision precision, CancellationToken cancellationToken = default) =>
        Compile(categories.Select(c => HamiltonianCompiler.Compile(c, cancellationToken)).ToImmutableArray(), priors, precision);

    /// <summary>The classifier of categories already compiled one by one (the analyzer compiles them for their diagnostics).</summary>
    public static CompiledClassifier Compile(ImmutableArray<CompiledHamiltonian> compiled, IReadOnlyList<double> priors, NumericPrecision precision)
    {
        var errors = compiled.SelectMany((c, y) => c.Errors.Select(e => (y, e))).ToImmutableArray();
        var logPriors = LogPriors(priors);
        if (!errors.IsEmpty || compiled.Any(c => c.Network is null) || compiled.Length == 0)
        {
            return new CompiledClassifier(compiled, null, ImmutableArray<CategoryOutput>.Empty, logPriors, 0, errors);
        }

        var merger = new GateMerger();
        var outputs = ImmutableArray.CreateBuilder<CategoryOutput>();
        foreach (var category in compiled)
        {
            var network = category.Network!;
            outputs.Add(new CategoryOutput(network.OutputConstant, merger.Add(network).ToImmutableArray(), network.AccumulatesOutputInDouble, network.MaxError));
        }

        var first = compiled[0].Network!;
        var shared = new NetworkModel(first.Precision, first.InputBounds, merger.Gates.ToImmutableArray(), 0, ImmutableArray<OutputTerm>.Empty, 0);
        return new CompiledClassifier(compiled, shared, outputs.ToImmutable(), logPriors, ProbabilityError(compiled, logPriors, precision), errors);
    }

    /// <summary>ln(prior / Σ priors), without dividing first (so tiny ratios keep their digits).</summary>
    private static ImmutableArray<double> LogPriors(IReadOnlyList<double> priors)
    {
        double largest = priors.Count == 0 ? 1 : priors.Max();
        double sum = priors.Sum(p => p / largest);
        return priors.Select(p => Math.Log(p / largest) - Math.Log(sum)).ToImmutableArray();
    }

    /// <summary>
    /// If every energy is within ε of its polynomial, each probability is within a factor e^(±2ε) of the exact one, so
    /// |Δp| ≤ e^(2ε) − 1; the softmax's own rounding adds e^(2δ) − 1 with δ = 4u·(largest |logit|) + 4u (the logits, their
    /// difference from the largest, the rounded ln priors, the exponential), and (K + 3)u for the sum, the reciprocal and the product (docs/design.md §13).
    /// </summary>
    private static double ProbabilityError(ImmutableArray<CompiledHamiltonian> categories, ImmutableArray<double> logPriors, NumericPrecision precision)
    {
        double unit = precision == NumericPrecision.Double ? 1.1102230246251565E-16 : 5.9604644775390625E-08;
        double epsilon = categories.Max(c => c.Network!.MaxError);
        double logits = 0;
        for (int y = 0; y < categories.Length; y++)
        {
            var network = categories[y].Network!;
            double energy = network.MaxError + categories[y].PolynomialBound();
            logits = Math.Max(logits, energy + Math.Abs(logPriors[y]));
        }

        // 4u·logits: the logits, their difference from the largest, and the rounded ln priors (docs/design.md §13.4).
        double delta = (4 * unit * logits) + (4 * unit);
        double bound = (Math.Exp(2 * epsilon) - 1) + (Math.Exp(2 * delta) - 1) + ((categories.Length + 3) * unit);

        // Probabilities lie in [0, 1], so no error exceeds 1: with huge energies the bound says only that.
        return bound < 1 ? bound : 1;
    }
}
