using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using PolyNet.Generators.Polynomials;

namespace PolyNet.Generators.Planning;

/// <summary>
/// Plans the product trees of all non-linear monomials as one DAG of gates with shared sub-products.
/// </summary>
/// <remarks>
/// Every monomial of total degree D gets minimal depth ⌈log₂ D⌉: it is split into two factors of degree at
/// most 2^(⌈log₂ D⌉−1). The split is chosen greedily, in this order:
/// <list type="number">
/// <item>an existing product that divides the monomial and fits the depth budget, preferring one whose
/// cofactor also exists, then the one of highest degree (this is how x·y is shared by x·y·z);</item>
/// <item>a square gate (2 neurons) when every exponent is even;</item>
/// <item>a canonical split that gives the first factor whole pairs first (so powers become squares) and
/// fills it with single variables in parameter order.</item>
/// </list>
/// Monomials are planned in increasing degree so small products exist before large ones look for them.
/// The search for existing divisors is capped (<see cref="SharingSearchBudget"/> divisibility checks per
/// polynomial); beyond it only identical sub-products are shared.
/// </remarks>
internal sealed class ProductPlanner
{
    public const long SharingSearchBudget = 5_000_000;

    private readonly int _variableCount;
    private readonly List<ProductNode> _nodes = new();
    private readonly Dictionary<Monomial, int> _index = new();
    private readonly CancellationToken _cancellationToken;
    private long _searchBudget = SharingSearchBudget;

    private ProductPlanner(int variableCount, CancellationToken cancellationToken)
    {
        _variableCount = variableCount;
        _cancellationToken = cancellationToken;
        for (int v = 0; v < variableCount; v++)
        {
            Add(new ProductNode(Monomial.Variable(variableCount, v), ProductStep.Input, -1, -1, v, 0));
        }
    }

    /// <summary>
    /// Plans all <paramref name="monomials"/> (each of total degree ≥ 2). Returns the DAG (leaves first) and
    /// the node index of each requested monomial, or null when more than <paramref name="maxNeurons"/>
    /// neurons would be needed (planning stops as soon as the limit is passed).
    /// </summary>
    public static ProductPlan? Plan(int variableCount, IReadOnlyList<Monomial> monomials, int maxNeurons, CancellationToken cancellationToken)
    {
        var planner = new ProductPlanner(variableCount, cancellationToken);
        var order = Enumerable.Range(0, monomials.Count).OrderBy(i => monomials[i].TotalDegree).ThenBy(i => i).ToArray();
        var roots = new int[monomials.Count];
        int neurons = 0;
        foreach (int i in order)
        {
            int before = planner._nodes.Count;
            roots[i] = planner.Build(monomials[i]);
            for (int n = before; n < planner._nodes.Count; n++)
            {
                neurons += planner._nodes[n].NeuronCount;
            }

            if (neurons > maxNeurons)
            {
                return null;
            }
        }

        return new ProductPlan(planner._nodes.ToArray(), roots, neurons);
    }

    private int Build(Monomial monomial)
    {
        if (_index.TryGetValue(monomial, out int existing))
        {
            return existing;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        int degree = monomial.TotalDegree;
        int depth = HamiltonianCost.DeepDepth(degree);
        int half = 1 << (depth - 1);

        if (FindSharedFactor(monomial, half) is { } shared)
        {
            return AddMultiply(monomial, Build(shared), Build(monomial.Divide(shared)), depth);
        }

        if (monomial.IsSquare)
        {
            int root = Build(monomial.SquareRoot());
            return Add(new ProductNode(monomial, ProductStep.Square, root, -1, -1, depth));
        }

        var first = CanonicalFirstFactor(monomial, half);
        return AddMultiply(monomial, Build(first), Build(monomial.Divide(first)), depth);
    }

    private Monomial? FindSharedFactor(Monomial monomial, int half)
    {
        int degree = monomial.TotalDegree;
        Monomial? best = null;
        int bestScore = -1;
        for (int n = 0; n < _nodes.Count; n++)
        {
            if (--_searchBudget < 0)
            {
                return best;
            }

            var node = _nodes[n];
            int factorDegree = node.Monomial.TotalDegree;
            if (node.IsInput || factorDegree > half || degree - factorDegree > half || !node.Monomial.Divides(monomial))
            {
                continue;
            }

            // The cofactor lookup allocates; skip it when even a found cofactor could not beat the best so far.
            int score = factorDegree * 2;
            if (score + 1000 <= bestScore)
            {
                continue;
            }

            if (_index.ContainsKey(monomial.Divide(node.Monomial)))
            {
                score += 1000;
            }

            if (score > bestScore)
            {
                bestScore = score;
                best = node.Monomial;
            }
        }

        return best;
    }

    private static Monomial CanonicalFirstFactor(Monomial monomial, int half)
    {
        var first = new int[monomial.VariableCount];
        int room = half;
        for (int v = 0; v < monomial.VariableCount && room >= 2; v++)
        {
            int pairs = Math.Min(monomial[v] / 2, room / 2);
            first[v] = 2 * pairs;
            room -= 2 * pairs;
        }

        for (int v = 0; v < monomial.VariableCount && room > 0; v++)
        {
            if (first[v] < monomial[v])
            {
                int take = Math.Min(monomial[v] - first[v], room);
                first[v] += take;
                room -= take;
            }
        }

        return Monomial.FromExponents(first);
    }

    private int AddMultiply(Monomial monomial, int left, int right, int depth) =>
        left == right
            ? Add(new ProductNode(monomial, ProductStep.Square, left, -1, -1, depth))
            : Add(new ProductNode(monomial, ProductStep.Multiply, left, right, -1, depth));

    private int Add(ProductNode node)
    {
        _nodes.Add(node);
        _index[node.Monomial] = _nodes.Count - 1;
        return _nodes.Count - 1;
    }
}
