using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Numerics;
using PolyNet.Generators.Compiler;
using PolyNet.Generators.Planning;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Shared;

namespace PolyNet.Cli;

/// <summary>
/// What every depth from 1 hidden layer to the deep network's costs: the analyzer's cost model (PNET100/PNET101,
/// <see cref="HamiltonianCost"/>) for the neurons, and the compiled network's error bound for depths within the limits.
/// </summary>
internal sealed class DepthTable
{
    private DepthTable(IReadOnlyList<DepthRow> rows, int shallowestWithinTwice)
    {
        Rows = rows;
        ShallowestWithinTwice = shallowestWithinTwice;
    }

    /// <summary>One row per depth k = 1 … the deep depth; empty for an affine polynomial.</summary>
    public IReadOnlyList<DepthRow> Rows { get; }

    /// <summary>The smallest depth costing at most twice the deep network (the "shallowest depth within 2×" code fix's).</summary>
    public int ShallowestWithinTwice { get; }

    /// <summary>The table for <paramref name="deep"/>, the successful compilation without a depth limit; null for bits and spins (always one layer).</summary>
    public static DepthTable? For(NetworkCompilation deep)
    {
        if (deep.Input!.HasBinaryVariables)
        {
            return null;
        }

        var compiled = deep.Compiled;
        int variables = compiled.Polynomial!.Variables.Length;
        var monomials = compiled.Terms.Where(t => t.Degree >= 2).Select(t => t.Monomial).ToList();
        int deepDepth = HamiltonianCost.DeepDepth(monomials);
        var deepCost = HamiltonianCost.At(variables, monomials, 0);
        var rows = new List<DepthRow>();
        for (int k = 1; k <= deepDepth; k++)
        {
            rows.Add(Row(deep, variables, monomials, k, k == deepDepth, deepCost));
        }

        int shallowest = HamiltonianCost.ShallowestWithin(variables, monomials, FlatteningAdvice.WarningFactor);
        return new DepthTable(rows, shallowest);
    }

    private static DepthRow Row(NetworkCompilation deep, int variables, IReadOnlyList<Monomial> monomials, int k, bool isDeep, DepthCost? deepCost)
    {
        var cost = HamiltonianCost.At(variables, monomials, isDeep ? 0 : k);
        double? factor = cost is null || deepCost is null || deepCost.Neurons.IsZero ? null : Ratio(cost.Neurons, deepCost.Neurons);
        int widest = isDeep ? 0 : HamiltonianCost.WidestFlatProduct(monomials, k);
        if (cost is null || cost.Neurons > ExpressionLimits.MaxHiddenNeurons)
        {
            return new DepthRow(k, isDeep, cost?.Neurons, factor, null, string.Create(CultureInfo.InvariantCulture, $"over {ExpressionLimits.MaxHiddenNeurons:N0} neurons"));
        }

        if (widest > HamiltonianCost.MaxFlatDegree)
        {
            return new DepthRow(k, isDeep, cost.Neurons, factor, null, $"flat degree {widest} > {HamiltonianCost.MaxFlatDegree}");
        }

        var built = isDeep ? deep : deep.AtDepth(k);
        return built.Network is { } network
            ? new DepthRow(k, isDeep, cost.Neurons, factor, network, null)
            : new DepthRow(k, isDeep, cost.Neurons, factor, null, built.Errors.FirstOrDefault()?.Message ?? "not built");
    }

    private static double Ratio(BigInteger numerator, BigInteger denominator) =>
        Math.Exp(BigInteger.Log(numerator) - BigInteger.Log(denominator));
}

/// <summary>One depth of a <see cref="DepthTable"/>.</summary>
/// <param name="HiddenLayers">The depth limit k.</param>
/// <param name="IsDeep">True for the deep network's own depth.</param>
/// <param name="Neurons">The cost model's neuron count (exact); null when over the planner's limit.</param>
/// <param name="Factor">Neurons ÷ the deep network's.</param>
/// <param name="Network">The network compiled at this depth, when it is within the limits.</param>
/// <param name="NotBuilt">Why there is no network.</param>
internal sealed record DepthRow(int HiddenLayers, bool IsDeep, BigInteger? Neurons, double? Factor, SigmoidNetwork? Network, string? NotBuilt);
