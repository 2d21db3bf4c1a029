using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Planning;

/// <summary>The cheapest <see cref="MonomialPlan"/> of a monomial in at most k hidden layers.</summary>
/// <remarks>
/// Thm III.1 generalised to powers: the first layer splits the variables into g groups, each a flat product
/// costing ∏(rᵢ + 1) (so a group holding x³ costs 4, not 2³), and the g products are then multiplied in
/// k − 1 layers by <see cref="DistinctProductCost"/>. For each g the variables are dealt largest power first
/// to the group whose cost is smallest so far (for distinct variables that is exactly the even split); the
/// plan is the cheapest g. A power is never split across groups.
/// </remarks>
internal static class MonomialCost
{
    public static MonomialPlan Plan(IReadOnlyList<int> exponents, int layers)
    {
        if (layers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(layers), "a product needs at least one hidden layer");
        }

        var variables = Enumerable.Range(0, exponents.Count).Where(v => exponents[v] > 0)
            .OrderByDescending(v => exponents[v]).ThenBy(v => v).ToList();
        MonomialPlan? best = null;
        for (int groups = 1; groups <= variables.Count; groups++)
        {
            if (DistinctProductCost.Neurons(groups, layers - 1) is not { } rest)
            {
                continue;
            }

            var members = Deal(variables, exponents, groups);
            var first = members.Aggregate(BigInteger.Zero, (sum, group) => sum + FlatGroupCost.Neurons(group.Select(v => exponents[v])));
            var total = first + rest;
            if (best is null || total < best.Neurons)
            {
                var later = DistinctProductCost.GroupCounts(groups, layers - 1);
                bool firstLayerWorks = members.Any(g => g.Sum(v => exponents[v]) >= 2);
                best = new MonomialPlan(
                    total,
                    members.Select(g => g.OrderBy(v => v).ToEquatableArray()).ToEquatableArray(),
                    later.ToEquatableArray(),
                    (firstLayerWorks ? 1 : 0) + later.Length);
            }
        }

        return best ?? new MonomialPlan(BigInteger.Zero, EquatableArray<EquatableArray<int>>.Empty, EquatableArray<int>.Empty, 0);
    }

    private static List<List<int>> Deal(List<int> variables, IReadOnlyList<int> exponents, int groups)
    {
        var members = Enumerable.Range(0, groups).Select(_ => new List<int>()).ToList();
        var sizes = new double[groups];
        foreach (int v in variables)
        {
            int target = 0;
            for (int g = 1; g < groups; g++)
            {
                bool emptier = members[g].Count == 0 && members[target].Count > 0;
                bool sameKind = (members[g].Count == 0) == (members[target].Count == 0);
                if (emptier || (sameKind && sizes[g] < sizes[target]))
                {
                    target = g;
                }
            }

            members[target].Add(v);
            sizes[target] += Math.Log(exponents[v] + 1);
        }

        return members;
    }
}
