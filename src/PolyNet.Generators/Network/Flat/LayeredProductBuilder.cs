using System;
using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Planning;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Network.Flat;

/// <summary>
/// Adds the monomials that a depth limit forbids to build deep: each follows its <see cref="MonomialPlan"/>
/// (flat products of variable groups, then flat products of those), with bounds and errors propagated from
/// layer to layer as the deep gates do. Identical products and identical neurons (same bias and weights) of
/// different monomials are built once and shared.
/// </summary>
internal sealed class LayeredProductBuilder
{
    private readonly IReadOnlyList<string> _variables;
    private readonly IReadOnlyList<double> _bounds;
    private readonly NumericPrecision _precision;
    private readonly List<Gate> _gates;
    private readonly Dictionary<ProductKey, FlatValue> _products = new();
    private readonly Dictionary<PairKey, int> _pairs = new();

    public LayeredProductBuilder(IReadOnlyList<string> variables, IReadOnlyList<double> bounds, NumericPrecision precision, List<Gate> gates)
    {
        _variables = variables;
        _bounds = bounds;
        _precision = precision;
        _gates = gates;
    }

    public FlatValue Build(Monomial monomial, int maxHiddenLayers)
    {
        var plan = MonomialCost.Plan(monomial, maxHiddenLayers);
        var values = plan.FirstLayerGroups
            .Select(group => Product(group.Select(Input).ToList(), group.Select(v => monomial[v]).ToList()))
            .ToList();
        foreach (int groups in plan.LaterGroupCounts)
        {
            var next = new List<FlatValue>();
            int start = 0;
            foreach (int size in DistinctProductCost.EvenSizes(values.Count, groups))
            {
                var operands = values.GetRange(start, size);
                next.Add(Product(operands, Enumerable.Repeat(1, size).ToList()));
                start += size;
            }

            values = next;
        }

        return values.Single();
    }

    private FlatValue Input(int variable) =>
        new(ValueRef.Input(variable), _bounds[variable], 0, 0, Monomial.Variable(_variables.Count, variable));

    private FlatValue Product(List<FlatValue> operands, List<int> exponents)
    {
        if (operands.Count == 1 && exponents[0] == 1)
        {
            return operands[0];
        }

        var key = new ProductKey(operands.Select((o, i) => (o.Ref, exponents[i])).ToEquatableArray());
        if (_products.TryGetValue(key, out var existing))
        {
            return existing;
        }

        int degree = exponents.Sum();
        var calibration = FlatCalibration.For(degree, _precision);
        double lambda = calibration.Lambda;
        var weights = operands.Select(o => _precision.Round(lambda / o.Scale)).ToList();
        double scaleProduct = 1, boundProduct = 1;
        for (int i = 0; i < operands.Count; i++)
        {
            scaleProduct *= Math.Pow(operands[i].Scale, exponents[i]);
            boundProduct *= Math.Pow(operands[i].Bound, exponents[i]);
        }

        double outputScale = _precision.Round(scaleProduct / (Math.Pow(2 * lambda, degree) * calibration.DerivativeAtBias));
        int layer = 1 + operands.Max(o => o.Layer);
        bool even = degree % 2 == 0;
        var pairs = new List<FlatPair>();
        foreach (var (multipliers, coefficient) in Representatives(exponents))
        {
            var pair = Pair(operands, multipliers, calibration, out int orientation);
            pairs.Add(pair with { Coefficient = even ? coefficient : coefficient * orientation });
        }

        // |∏a'ᵢ^rᵢ − ∏aᵢ^rᵢ| ≤ ∏Sᵢ^rᵢ − ∏Bᵢ^rᵢ for |a'ᵢ| ≤ Sᵢ = Bᵢ + Eᵢ, |a'ᵢ − aᵢ| ≤ Eᵢ, |aᵢ| ≤ Bᵢ.
        double error = (calibration.ErrorBound(exponents) * scaleProduct) + (scaleProduct - boundProduct);
        var monomial = operands[0].Monomial;
        for (int i = 0; i < operands.Count; i++)
        {
            for (int r = i == 0 ? 1 : 0; r < exponents[i]; r++)
            {
                monomial = monomial.Multiply(operands[i].Monomial);
            }
        }

        _gates.Add(new FlatGate(
            degree,
            calibration.Bias,
            calibration.ExpNegBias,
            operands.Select((o, i) => new WeightedValue(o.Ref, weights[i])).ToEquatableArray(),
            exponents.ToEquatableArray(),
            outputScale,
            pairs.ToEquatableArray(),
            monomial.ToText(_variables),
            layer,
            boundProduct,
            error));
        var value = new FlatValue(ValueRef.Gate(_gates.Count - 1), boundProduct, error, layer, monomial);
        _products[key] = value;
        return value;
    }

    /// <summary>
    /// One (rᵢ − 2jᵢ) vector per ± pair, the one whose first non-zero entry is positive, with its coefficient
    /// ∏(−1)^jᵢ C(rᵢ, jᵢ); the constant all-zero vector is skipped.
    /// </summary>
    private static IEnumerable<(int[] Multipliers, double Coefficient)> Representatives(List<int> exponents)
    {
        var j = new int[exponents.Count];
        while (true)
        {
            var multipliers = exponents.Select((r, i) => r - (2 * j[i])).ToArray();
            int first = Array.FindIndex(multipliers, m => m != 0);
            if (first >= 0 && multipliers[first] > 0)
            {
                double coefficient = 1;
                for (int i = 0; i < j.Length; i++)
                {
                    coefficient *= (j[i] % 2 == 0 ? 1 : -1) * Binomial(exponents[i], j[i]);
                }

                yield return (multipliers, coefficient);
            }

            int digit = 0;
            while (digit < j.Length && ++j[digit] > exponents[digit])
            {
                j[digit++] = 0;
            }

            if (digit == j.Length)
            {
                yield break;
            }
        }
    }

    /// <summary>The pair for these multipliers: an existing identical one, or two new neurons.</summary>
    /// <param name="orientation">+1 when σ(b + p) of the returned pair is this gate's σ(b + p), −1 when it is σ(b − p).</param>
    private FlatPair Pair(List<FlatValue> operands, int[] multipliers, FlatCalibration calibration, out int orientation)
    {
        // Identity: same degree (so same b and λ) and the same operand × multiplier terms, up to a global sign.
        var terms = operands.Select((o, i) => (o.Ref, Multiplier: multipliers[i])).Where(t => t.Multiplier != 0)
            .OrderBy(t => t.Ref.IsGate).ThenBy(t => t.Ref.Index).ToList();
        int sign = terms[0].Multiplier > 0 ? 1 : -1;
        orientation = sign;
        var key = new PairKey(calibration.Degree, terms.Select(t => (t.Ref, t.Multiplier * sign)).ToEquatableArray());
        var oriented = multipliers.Select(m => m * sign).ToEquatableArray();
        if (_pairs.TryGetValue(key, out int shared))
        {
            return new FlatPair(shared, false, oriented, 0);
        }

        int id = _pairs.Count;
        _pairs[key] = id;
        return new FlatPair(id, true, oriented, 0);
    }

    private static double Binomial(int n, int k)
    {
        double result = 1;
        for (int i = 0; i < k; i++)
        {
            result = result * (n - i) / (i + 1);
        }

        return result;
    }

    private readonly record struct ProductKey(EquatableArray<(ValueRef Value, int Exponent)> Factors);

    private readonly record struct PairKey(int Degree, EquatableArray<(ValueRef Value, int Multiplier)> Terms);
}
