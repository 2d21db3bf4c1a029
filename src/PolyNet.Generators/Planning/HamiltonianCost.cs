using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using System.Threading;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Planning;

/// <summary>
/// The neuron cost of a whole Hamiltonian at a depth limit, shared by the generator (to refuse before building)
/// and the analyzer (to compare depths). Only the non-linear monomials cost neurons.
/// </summary>
/// <remarks>
/// Deep (no limit, or a limit at least the deep depth): the <see cref="ProductPlanner"/>'s count, with shared
/// sub-products. At a smaller limit k, monomials whose own deep depth fits in k stay deep (planned together),
/// every other monomial is planned by <see cref="MonomialCost"/>: the sum of those costs is an upper bound on
/// the generated network, which also shares identical products and identical neurons between monomials.
/// </remarks>
internal static class HamiltonianCost
{
    /// <summary>
    /// Degree limit of one flat product: its d-th finite difference divides by λᵈ, and beyond this degree the
    /// error bound in double precision is of the order of the product itself.
    /// </summary>
    public const int MaxFlatDegree = ExpressionLimits.MaxFlatDegree;

    /// <summary>⌈log₂ D⌉ for the largest degree D: the deep network's hidden layers.</summary>
    public static int DeepDepth(IReadOnlyList<Monomial> monomials) =>
        monomials.Count == 0 ? 0 : monomials.Max(m => DeepDepth(m.TotalDegree));

    /// <summary>⌈log₂ D⌉: the hidden layers of a product tree of degree D.</summary>
    public static int DeepDepth(int degree)
    {
        int depth = 0;
        while ((1 << depth) < degree)
        {
            depth++;
        }

        return depth;
    }

    /// <summary>True when a limit of <paramref name="maxHiddenLayers"/> (0 = none) is too shallow for the monomial's deep tree.</summary>
    public static bool NeedsFlattening(Monomial monomial, int maxHiddenLayers) =>
        maxHiddenLayers > 0 && DeepDepth(monomial.TotalDegree) > maxHiddenLayers;

    /// <summary>True when the limit changes nothing: the deep network already fits in it.</summary>
    public static bool IsDeep(IReadOnlyList<Monomial> monomials, int maxHiddenLayers) =>
        maxHiddenLayers <= 0 || maxHiddenLayers >= DeepDepth(monomials);

    /// <summary>The cost at a depth limit (0 = none); null when the deep part alone passes the planner's neuron limit.</summary>
    public static DepthCost? At(int variableCount, IReadOnlyList<Monomial> monomials, int maxHiddenLayers, CancellationToken cancellationToken = default)
    {
        var shallow = monomials.Where(m => !NeedsFlattening(m, maxHiddenLayers)).ToList();
        var plan = ProductPlanner.Plan(variableCount, shallow, ExpressionLimits.MaxHiddenNeurons, cancellationToken);
        if (plan is null)
        {
            return null;
        }

        BigInteger neurons = plan.NeuronCount;
        int layers = DeepDepth(shallow);
        foreach (var monomial in monomials.Where(m => NeedsFlattening(m, maxHiddenLayers)))
        {
            var monomialPlan = MonomialCost.Plan(monomial, maxHiddenLayers);
            neurons += monomialPlan.Neurons;
            layers = Math.Max(layers, monomialPlan.HiddenLayers);
        }

        return new DepthCost(neurons, layers);
    }

    /// <summary>The largest degree of a single flat product at this depth limit (0 when nothing is flattened).</summary>
    public static int WidestFlatProduct(IReadOnlyList<Monomial> monomials, int maxHiddenLayers) =>
        monomials.Where(m => NeedsFlattening(m, maxHiddenLayers))
            .SelectMany(m => MonomialCost.Plan(m, maxHiddenLayers).FirstLayerGroups.Select(g => g.Sum(v => m[v])))
            .DefaultIfEmpty(0).Max();

    /// <summary>
    /// The smallest k whose cost is at most <paramref name="factor"/> × the deep cost (the deep depth when no
    /// shallower one qualifies): what the "shallowest depth within 2× of deep" code fix writes. Depths
    /// whose flat products exceed <see cref="MaxFlatDegree"/> do not qualify.
    /// </summary>
    public static int ShallowestWithin(int variableCount, IReadOnlyList<Monomial> monomials, double factor, CancellationToken cancellationToken = default)
    {
        int deepDepth = DeepDepth(monomials);
        if (At(variableCount, monomials, 0, cancellationToken) is not { } deep)
        {
            return deepDepth;
        }

        for (int k = 1; k < deepDepth; k++)
        {
            if (WidestFlatProduct(monomials, k) <= MaxFlatDegree
                && At(variableCount, monomials, k, cancellationToken) is { } cost && (double)cost.Neurons <= factor * (double)deep.Neurons)
            {
                return k;
            }
        }

        return deepDepth;
    }
}
