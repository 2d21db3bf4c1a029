using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using PolyNet.Generators.Parse;
using PolyNet.Generators.Polynomials;

namespace PolyNet.Generators.Tests.Flattening;

/// <summary>The cost model against the theorems (docs/design.md §7) and an independent brute force over group sizes.</summary>
public sealed class FlatCostTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public void Cost_table_for_README()
    {
        output.WriteLine("| n | " + string.Join(" | ", Enumerable.Range(1, 5).Select(k => $"k = {k}")) + " | deep |");
        foreach (int n in new[] { 2, 3, 4, 5, 6, 8, 16, 32 })
        {
            var monomial = Monomial.FromExponents(Enumerable.Repeat(1, n).ToArray());
            var deep = HamiltonianCost.At(n, [monomial], 0)!;
            var cells = Enumerable.Range(1, 5).Select(k => k >= deep.HiddenLayers ? "deep" : HamiltonianCost.At(n, [monomial], k)!.NeuronText);
            output.WriteLine($"| {n} | {string.Join(" | ", cells)} | {deep.NeuronText} in {deep.HiddenLayers} |");
            Assert.Equal(BigInteger.Pow(2, n), HamiltonianCost.At(n, [monomial], 1)!.Neurons);
        }
    }

    [Fact]
    public void One_hidden_layer_costs_two_to_the_n_exactly()
    {
        for (int n = 1; n <= 64; n++)
        {
            var expected = n == 1 ? BigInteger.Zero : BigInteger.Pow(2, n);
            Assert.Equal(expected, DistinctProductCost.Neurons(n, 1));
            Assert.Equal(expected, MonomialCost.Plan(Enumerable.Repeat(1, n).ToArray(), 1).Neurons);
        }

        Assert.Equal("4,294,967,296", new DepthCost(DistinctProductCost.Neurons(32, 1)!.Value, 1).NeuronText);
    }

    [Fact]
    public void Products_of_1_to_40_in_1_to_6_layers_match_brute_force_over_group_counts_and_beat_the_theorem()
    {
        for (int n = 1; n <= 40; n++)
        {
            for (int k = 1; k <= 6; k++)
            {
                var model = DistinctProductCost.Neurons(n, k)!.Value;
                Assert.Equal(BruteForce(n, k), model);
                if (n <= 24)
                {
                    Assert.True(model <= BySizes(n, k));
                }
                Assert.Equal(model, MonomialCost.Plan(Enumerable.Repeat(1, n).ToArray(), k).Neurons);

                // Thm III.1: m_k ≤ Σᵢ (∏_{j>i} bⱼ)·2^{bᵢ} for every exact factorisation b₁⋯b_k = n.
                foreach (var b in Factorisations(n, k))
                {
                    Assert.True(model <= TheoremBound(b), $"n = {n}, k = {k}: {model} > Thm III.1 bound {TheoremBound(b)} for b = ({string.Join(", ", b)})");
                }
            }
        }
    }

    [Fact]
    public void Deep_depth_gives_the_deep_count_for_products()
    {
        for (int n = 2; n <= 40; n++)
        {
            var monomial = Monomial.FromExponents(Enumerable.Repeat(1, n).ToArray());
            var deep = HamiltonianCost.At(n, [monomial], 0)!;
            Assert.Equal(new BigInteger(4 * (n - 1)), deep.Neurons);
            Assert.Equal(HamiltonianCost.DeepDepth(n), deep.HiddenLayers);
            Assert.Equal(deep, HamiltonianCost.At(n, [monomial], deep.HiddenLayers));
        }

        var famous = HamiltonianCost.At(32, [Monomial.FromExponents(Enumerable.Repeat(1, 32).ToArray())], 0)!;
        Assert.Equal((BigInteger)124, famous.Neurons);
        Assert.Equal(5, famous.HiddenLayers);
    }

    [Fact]
    public void Monomials_with_powers_cost_the_product_of_exponents_plus_one()
    {
        Assert.Equal((BigInteger)12, MonomialCost.Plan([3, 2], 1).Neurons);
        Assert.Equal((BigInteger)12, HamiltonianCost.At(2, Monomials("x^3*y^2", ["x", "y"]), 1)!.Neurons);
        Assert.Equal((BigInteger)4, MonomialCost.Plan([3], 1).Neurons);
        Assert.Equal((BigInteger)2, MonomialCost.Plan([2], 1).Neurons);
        Assert.Equal((BigInteger)(5 * 5 - 1), MonomialCost.Plan([4, 4], 1).Neurons);

        // Two layers: x³ and y²·z in separate first-layer groups (4 + 6), then one multiplication (4).
        var plan = MonomialCost.Plan([3, 2, 1], 2);
        Assert.True(plan.Neurons <= 4 * 3 * 2);
        Assert.Equal(FlatPlanCost(plan, [3, 2, 1]), plan.Neurons);
    }

    [Fact]
    public void Sums_cost_the_sum_of_their_flattened_monomials_and_keep_shallow_ones_deep()
    {
        string[] variables = ["x", "y", "z", "w"];
        var monomials = Monomials("x*y*z*w + x*y*z + 3*x*y", variables);
        Assert.Equal((BigInteger)(16 + 8 + 4), HamiltonianCost.At(4, monomials, 1)!.Neurons);

        // k = 2 is the deep depth here: the limit changes nothing and the cost is the planner's, with sharing.
        var two = HamiltonianCost.At(4, monomials, 2)!;
        Assert.Equal(HamiltonianCost.At(4, monomials, 0), two);
    }

    [Fact]
    public void Shallowest_depth_within_twice_deep()
    {
        string[] names = Enumerable.Range(0, 32).Select(i => "v" + i).ToArray();
        var product = Monomials(string.Join("*", names), names);
        int k = HamiltonianCost.ShallowestWithin(32, product, 2.0);
        var deep = HamiltonianCost.At(32, product, 0)!;
        Assert.True(HamiltonianCost.At(32, product, k)!.Neurons <= 2 * deep.Neurons);
        Assert.True(k == 1 || HamiltonianCost.At(32, product, k - 1)!.Neurons > 2 * deep.Neurons);
    }

    internal static List<Monomial> Monomials(string expression, string[] variables)
    {
        var polynomial = PolynomialExpander.Expand(ExpressionParser.Parse(expression).Root!, variables).Polynomial!;
        return polynomial.Terms.Where(t => t.Monomial.TotalDegree >= 2)
            .Select(t => t.Monomial).ToList();
    }

    /// <summary>
    /// Every strictly decreasing sequence of group counts n &gt; h₁ &gt; h₂ &gt; … &gt; 1 (each layer splits its values
    /// evenly into hᵢ groups, uneven sizes included): the cheapest sequence of length ≤ k, in plain longs.
    /// </summary>
    private static BigInteger BruteForce(int n, int k)
    {
        long best = long.MaxValue;
        void Search(int values, int layer, long cost)
        {
            if (layer == k)
            {
                return;
            }

            // The last layer multiplies everything left into one value.
            best = Math.Min(best, cost + (values >= 2 ? 1L << values : 0));
            for (int groups = 2; groups < values; groups++)
            {
                long layerCost = 0;
                for (int g = 0; g < groups; g++)
                {
                    int members = (values / groups) + (g < values % groups ? 1 : 0);
                    layerCost += members >= 2 ? 1L << members : 0;
                }

                Search(groups, layer + 1, cost + layerCost);
            }
        }

        if (n == 1)
        {
            return 0;
        }

        Search(n, 0, 0);
        return best;
    }

    /// <summary>Group sizes b₁, …, b_k (layer i makes ⌈values/bᵢ⌉ even groups): can only be as cheap as the model or dearer.</summary>
    private static BigInteger BySizes(int n, int k)
    {
        BigInteger? best = null;
        void Search(int values, int layer, BigInteger cost)
        {
            if (values == 1)
            {
                best = best is { } b && b <= cost ? b : cost;
                return;
            }

            if (layer == k)
            {
                return;
            }

            for (int size = 2; size <= values; size++)
            {
                int groups = (values + size - 1) / size;
                BigInteger layerCost = 0;
                for (int g = 0; g < groups; g++)
                {
                    int members = (values / groups) + (g < values % groups ? 1 : 0);
                    layerCost += members >= 2 ? BigInteger.Pow(2, members) : 0;
                }

                Search(groups, layer + 1, cost + layerCost);
            }
        }

        Search(n, 0, 0);
        return best!.Value;
    }

    private static IEnumerable<int[]> Factorisations(int n, int k)
    {
        if (k == 1)
        {
            yield return [n];
            yield break;
        }

        for (int b = 1; b <= n; b++)
        {
            if (n % b == 0)
            {
                foreach (var rest in Factorisations(n / b, k - 1))
                {
                    yield return [b, .. rest];
                }
            }
        }
    }

    private static BigInteger TheoremBound(int[] b)
    {
        BigInteger total = 0;
        for (int i = 0; i < b.Length; i++)
        {
            BigInteger groups = 1;
            for (int j = i + 1; j < b.Length; j++)
            {
                groups *= b[j];
            }

            total += groups * (b[i] >= 2 ? BigInteger.Pow(2, b[i]) : 0);
        }

        return total;
    }

    private static BigInteger FlatPlanCost(MonomialPlan plan, int[] exponents)
    {
        BigInteger first = plan.FirstLayerGroups.Aggregate(BigInteger.Zero, (sum, g) => sum + FlatGroupCost.Neurons(g.Select(v => exponents[v])));
        return first + (DistinctProductCost.Neurons(plan.FirstLayerGroups.Count, plan.LaterGroupCounts.Count) ?? 0);
    }
}
