using System.Collections.Generic;
using System.Collections.Immutable;
using System.Numerics;

namespace PolyNet.Generators.Planning;

/// <summary>
/// The fewest neurons for a product of m distinct values in at most k hidden layers when every layer multiplies
/// groups of the previous layer's values with flat products (docs/design.md §7.2, Rolnick–Tegmark Thm III.1).
/// </summary>
/// <remarks>
/// A flat product of s distinct values costs 2^s neurons (s ≥ 2); a group of one value costs nothing, since
/// the value reaches the next layer through a skip connection. Splitting m values into h groups is cheapest
/// with sizes as even as possible (2^s is convex), so the whole search is over the number of groups per layer:
/// cost(m, k) = min over h of [even split of m into h groups] + cost(h, k − 1), cost(1, k) = 0. This is the
/// theorem's Σᵢ (∏_{j&gt;i} bⱼ)·2^{bᵢ} minimised over group sizes, uneven groups included; a formula over
/// group counts, never an enumeration of neurons.
/// </remarks>
internal static class DistinctProductCost
{
    /// <summary>Cost of m values in at most k layers (m ≥ 1, k ≥ 0); null when impossible (m &gt; 1, k = 0).</summary>
    public static BigInteger? Neurons(int values, int layers) => Solve(values, layers).Neurons;

    /// <summary>The number of groups in each layer, first layer first, for the cheapest plan.</summary>
    public static ImmutableArray<int> GroupCounts(int values, int layers) => Solve(values, layers).Groups;

    /// <summary>Neurons of a layer that multiplies <paramref name="values"/> values in <paramref name="groups"/> even groups.</summary>
    public static BigInteger EvenSplit(int values, int groups)
    {
        int size = values / groups, larger = values % groups;
        return (larger * GroupNeurons(size + 1)) + ((groups - larger) * GroupNeurons(size));
    }

    /// <summary>The sizes of an even split, larger groups first.</summary>
    public static ImmutableArray<int> EvenSizes(int values, int groups)
    {
        var sizes = ImmutableArray.CreateBuilder<int>(groups);
        for (int g = 0; g < groups; g++)
        {
            sizes.Add((values / groups) + (g < values % groups ? 1 : 0));
        }

        return sizes.MoveToImmutable();
    }

    private static BigInteger GroupNeurons(int size) => size >= 2 ? BigInteger.Pow(2, size) : BigInteger.Zero;

    private static (BigInteger? Neurons, ImmutableArray<int> Groups) Solve(int values, int layers)
    {
        // best[k][m]: cheapest cost of m values in k layers; choice[k][m]: its first layer's group count.
        var best = new List<BigInteger?[]>();
        var choice = new List<int[]>();
        for (int k = 0; k <= layers; k++)
        {
            var row = new BigInteger?[values + 1];
            var rowChoice = new int[values + 1];
            for (int m = 1; m <= values; m++)
            {
                if (m == 1)
                {
                    row[m] = BigInteger.Zero;
                    rowChoice[m] = 1;
                    continue;
                }

                for (int h = 1; k > 0 && h < m; h++)
                {
                    if (best[k - 1][h] is not { } rest)
                    {
                        continue;
                    }

                    var total = EvenSplit(m, h) + rest;
                    if (row[m] is not { } current || total < current)
                    {
                        row[m] = total;
                        rowChoice[m] = h;
                    }
                }
            }

            best.Add(row);
            choice.Add(rowChoice);
        }

        var groups = ImmutableArray.CreateBuilder<int>();
        for (int k = layers, m = values; m > 1 && k > 0; k--)
        {
            int h = choice[k][m];
            groups.Add(h);
            m = h;
        }

        return (best[layers][values], groups.ToImmutable());
    }
}
