using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using PolyNet.Generators.Cost;
using PolyNet.Generators.Polynomials;

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
    private readonly List<GateModel> _gates;
    private readonly List<NeuronModel> _neurons;
    private readonly Dictionary<string, FlatValue> _products = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Id, int FirstNeuron)> _pairs = new(StringComparer.Ordinal);

    public LayeredProductBuilder(IReadOnlyList<string> variables, IReadOnlyList<double> bounds, NumericPrecision precision, List<GateModel> gates, List<NeuronModel> neurons)
    {
        _variables = variables;
        _bounds = bounds;
        _precision = precision;
        _gates = gates;
        _neurons = neurons;
    }

    public FlatValue Build(ImmutableArray<int> monomial, int maxHiddenLayers)
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

    private FlatValue Input(int variable)
    {
        var exponents = new int[_variables.Count];
        exponents[variable] = 1;
        return new FlatValue(ValueRef.Input(variable), LinearForm.OfValue(variable), _bounds[variable], 0, 0, ImmutableArray.Create(exponents));
    }

    private FlatValue Product(List<FlatValue> operands, List<int> exponents)
    {
        if (operands.Count == 1 && exponents[0] == 1)
        {
            return operands[0];
        }

        string key = string.Join(";", operands.Select((o, i) => $"{o.Ref}^{exponents[i]}"));
        if (_products.TryGetValue(key, out var existing))
        {
            return existing;
        }

        int degree = exponents.Sum();
        var calibration = FlatCalibration.For(degree, _precision);
        double lambda = calibration.Lambda;
        var weights = operands.Select(o => _precision.Round(lambda / o.Scale)).ToImmutableArray();
        double scaleProduct = 1, boundProduct = 1;
        for (int i = 0; i < operands.Count; i++)
        {
            scaleProduct *= Math.Pow(operands[i].Scale, exponents[i]);
            boundProduct *= Math.Pow(operands[i].Bound, exponents[i]);
        }

        double outputScale = _precision.Round(scaleProduct / (Math.Pow(2 * lambda, degree) * calibration.DerivativeAtBias));
        int layer = 1 + operands.Max(o => o.Layer);
        int neuronsBefore = _neurons.Count;
        var pairs = ImmutableArray.CreateBuilder<FlatPair>();
        var form = new LinearForm();
        bool even = degree % 2 == 0;
        foreach (var (multipliers, coefficient) in Representatives(exponents))
        {
            var pair = Pair(operands, weights, multipliers, calibration, layer, out int orientation);
            double signed = even ? coefficient : coefficient * orientation;
            pairs.Add(pair with { Coefficient = signed });
            int plus = _variables.Count + pair.FirstNeuron;
            form.AddWeight(plus, signed * outputScale).AddWeight(plus + 1, (even ? signed : -signed) * outputScale);
            if (even)
            {
                form.AddConstant(-2 * Sigmoid.Value(calibration.Bias) * signed * outputScale);
            }
        }

        // |∏a'ᵢ^rᵢ − ∏aᵢ^rᵢ| ≤ ∏Sᵢ^rᵢ − ∏Bᵢ^rᵢ for |a'ᵢ| ≤ Sᵢ = Bᵢ + Eᵢ, |a'ᵢ − aᵢ| ≤ Eᵢ, |aᵢ| ≤ Bᵢ.
        double error = (calibration.ErrorBound(exponents) * scaleProduct) + (scaleProduct - boundProduct);
        var monomial = new int[_variables.Count];
        for (int i = 0; i < operands.Count; i++)
        {
            for (int v = 0; v < monomial.Length; v++)
            {
                monomial[v] += exponents[i] * operands[i].Monomial[v];
            }
        }

        var model = new FlatProductModel(
            degree,
            calibration.Bias,
            calibration.ExpNegBias,
            operands.Select(o => o.Ref).ToImmutableArray(),
            exponents.ToImmutableArray(),
            weights,
            outputScale,
            pairs.ToImmutable(),
            2 * pairs.Count);
        int firstNeuron = _neurons.Count > neuronsBefore ? neuronsBefore : pairs.Count > 0 ? pairs[0].FirstNeuron : neuronsBefore;
        var gate = new GateModel(
            GateKind.Flat,
            Monomial.FromExponents(monomial).ToText(_variables),
            operands[0].Ref,
            operands[Math.Min(1, operands.Count - 1)].Ref,
            weights[0],
            weights[Math.Min(1, operands.Count - 1)],
            outputScale,
            layer,
            firstNeuron,
            boundProduct,
            error,
            model);
        var value = new FlatValue(ValueRef.Gate(_gates.Count), form, boundProduct, error, layer, ImmutableArray.Create(monomial));
        _gates.Add(gate);
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
    private FlatPair Pair(List<FlatValue> operands, ImmutableArray<double> weights, int[] multipliers, FlatCalibration calibration, int layer, out int orientation)
    {
        // Identity: same degree (so same b and λ) and the same operand × multiplier terms, up to a global sign.
        var terms = operands.Select((o, i) => (Key: o.Ref.ToString(), Multiplier: multipliers[i])).Where(t => t.Multiplier != 0)
            .OrderBy(t => t.Key, StringComparer.Ordinal).ToList();
        int sign = terms[0].Multiplier > 0 ? 1 : -1;
        orientation = sign;
        var key = new StringBuilder().Append(calibration.Degree).Append('|');
        foreach (var (name, multiplier) in terms)
        {
            key.Append(name).Append(':').Append(multiplier * sign).Append(';');
        }

        var oriented = multipliers.Select(m => m * sign).ToImmutableArray();
        if (_pairs.TryGetValue(key.ToString(), out var shared))
        {
            return new FlatPair(shared.Id, false, oriented, 0, shared.FirstNeuron);
        }

        var preactivation = new LinearForm();
        for (int i = 0; i < operands.Count; i++)
        {
            if (oriented[i] != 0)
            {
                preactivation.AddScaled(operands[i].Form, oriented[i] * weights[i]);
            }
        }

        int firstNeuron = _neurons.Count;
        NetworkBuilder.AddPair(_neurons, layer, preactivation, calibration.Bias);
        int id = _pairs.Count;
        _pairs[key.ToString()] = (id, firstNeuron);
        return new FlatPair(id, true, oriented, 0, firstNeuron);
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
}
