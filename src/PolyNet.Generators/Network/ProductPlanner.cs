using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using PolyNet.Generators.Cost;

namespace PolyNet.Generators.Network;

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
    private readonly List<int> _degrees = new();
    private readonly Dictionary<ImmutableArray<int>, int> _index = new(ExponentComparer.Instance);
    private readonly CancellationToken _cancellationToken;
    private long _searchBudget = SharingSearchBudget;

    private ProductPlanner(int variableCount, CancellationToken cancellationToken)
    {
        _variableCount = variableCount;
        _cancellationToken = cancellationToken;
        for (int v = 0; v < variableCount; v++)
        {
            var exponents = new int[variableCount];
            exponents[v] = 1;
            Add(new ProductNode(ImmutableArray.Create(exponents), null, -1, -1, v, 0));
        }
    }

    /// <summary>
    /// Plans all <paramref name="monomials"/> (each of total degree ≥ 2). Returns the DAG (leaves first) and
    /// the node index of each requested monomial, or null when more than <paramref name="maxNeurons"/>
    /// neurons would be needed (planning stops as soon as the limit is passed).
    /// </summary>
    public static ProductPlan? Plan(int variableCount, IReadOnlyList<ImmutableArray<int>> monomials, int maxNeurons, CancellationToken cancellationToken)
    {
        var planner = new ProductPlanner(variableCount, cancellationToken);
        var order = Enumerable.Range(0, monomials.Count).OrderBy(i => monomials[i].Sum()).ThenBy(i => i).ToArray();
        var roots = new int[monomials.Count];
        int neurons = 0;
        foreach (int i in order)
        {
            int before = planner._nodes.Count;
            roots[i] = planner.Build(monomials[i]);
            for (int n = before; n < planner._nodes.Count; n++)
            {
                neurons += planner._nodes[n].Kind!.Value.NeuronCount();
            }

            if (neurons > maxNeurons)
            {
                return null;
            }
        }

        return new ProductPlan(planner._nodes.ToImmutableArray(), roots.ToImmutableArray(), neurons);
    }

    private int Build(ImmutableArray<int> monomial)
    {
        if (_index.TryGetValue(monomial, out int existing))
        {
            return existing;
        }

        _cancellationToken.ThrowIfCancellationRequested();
        int degree = monomial.Sum();
        int depth = HamiltonianCost.DeepDepth(degree);
        int half = 1 << (depth - 1);

        if (FindSharedFactor(monomial, half) is { } shared)
        {
            return AddMultiply(monomial, Build(shared), Build(Divide(monomial, shared)), depth);
        }

        if (monomial.All(e => e % 2 == 0))
        {
            int root = Build(monomial.Select(e => e / 2).ToImmutableArray());
            return Add(new ProductNode(monomial, GateKind.Square, root, -1, -1, depth));
        }

        var first = CanonicalFirstFactor(monomial, half);
        return AddMultiply(monomial, Build(first), Build(Divide(monomial, first)), depth);
    }

    private ImmutableArray<int>? FindSharedFactor(ImmutableArray<int> monomial, int half)
    {
        int degree = monomial.Sum();
        ImmutableArray<int>? best = null;
        int bestScore = -1;
        for (int n = 0; n < _nodes.Count; n++)
        {
            if (--_searchBudget < 0)
            {
                return best;
            }

            var node = _nodes[n];
            int factorDegree = _degrees[n];
            if (node.IsLeaf || factorDegree > half || degree - factorDegree > half || !Divides(node.Exponents, monomial))
            {
                continue;
            }

            var cofactor = Divide(monomial, node.Exponents);
            int score = (factorDegree * 2) + (_index.ContainsKey(cofactor) ? 1000 : 0);
            if (score > bestScore)
            {
                bestScore = score;
                best = node.Exponents;
            }
        }

        return best;
    }

    private static ImmutableArray<int> CanonicalFirstFactor(ImmutableArray<int> monomial, int half)
    {
        var first = new int[monomial.Length];
        int room = half;
        for (int v = 0; v < monomial.Length && room >= 2; v++)
        {
            int pairs = Math.Min(monomial[v] / 2, room / 2);
            first[v] = 2 * pairs;
            room -= 2 * pairs;
        }

        for (int v = 0; v < monomial.Length && room > 0; v++)
        {
            if (first[v] < monomial[v])
            {
                int take = Math.Min(monomial[v] - first[v], room);
                first[v] += take;
                room -= take;
            }
        }

        return ImmutableArray.Create(first);
    }

    private int AddMultiply(ImmutableArray<int> monomial, int left, int right, int depth) =>
        left == right
            ? Add(new ProductNode(monomial, GateKind.Square, left, -1, -1, depth))
            : Add(new ProductNode(monomial, GateKind.Multiply, left, right, -1, depth));

    private int Add(ProductNode node)
    {
        _nodes.Add(node);
        _degrees.Add(node.Exponents.Sum());
        _index[node.Exponents] = _nodes.Count - 1;
        return _nodes.Count - 1;
    }

    private static bool Divides(ImmutableArray<int> factor, ImmutableArray<int> monomial)
    {
        for (int v = 0; v < factor.Length; v++)
        {
            if (factor[v] > monomial[v])
            {
                return false;
            }
        }

        return true;
    }

    private static ImmutableArray<int> Divide(ImmutableArray<int> monomial, ImmutableArray<int> factor)
    {
        var result = new int[monomial.Length];
        for (int v = 0; v < result.Length; v++)
        {
            result[v] = monomial[v] - factor[v];
        }

        return ImmutableArray.Create(result);
    }

    private sealed class ExponentComparer : IEqualityComparer<ImmutableArray<int>>
    {
        public static readonly ExponentComparer Instance = new();

        public bool Equals(ImmutableArray<int> x, ImmutableArray<int> y) => x.SequenceEqual(y);

        public int GetHashCode(ImmutableArray<int> obj)
        {
            int hash = 17;
            foreach (int e in obj)
            {
                hash = (hash * 31) + e;
            }

            return hash;
        }
    }
}
