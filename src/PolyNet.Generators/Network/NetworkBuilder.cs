using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using PolyNet.Generators.Network.Flat;
using PolyNet.Generators.Planning;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Network;

/// <summary>
/// Compiles an expanded polynomial into a sigmoid network (docs/design.md §2–§5): constant and linear terms go to the
/// output map, every other monomial becomes a product tree of gates planned by <see cref="ProductPlanner"/>, and each
/// gate is scaled by the bounds of its own inputs, propagated by interval arithmetic together with their error bounds.
/// Under a depth limit the monomials too deep for it are built flat (<see cref="LayeredProductBuilder"/>).
/// </summary>
internal static class NetworkBuilder
{
    /// <param name="inputErrors">How far each input may be off, when an input is itself computed (a bit product feeding
    /// the gates of a mixed network); null when every input is exact.</param>
    public static NetworkBuildResult Build(
        IReadOnlyList<string> variables,
        IReadOnlyList<double> bounds,
        IReadOnlyList<NetworkTerm> terms,
        OperatingPoint point,
        int maxHiddenLayers,
        IReadOnlyList<double>? inputErrors,
        CancellationToken cancellationToken)
    {
        var precision = point.Precision;
        var nonlinear = terms.Where(t => t.Degree >= 2).ToList();
        var flattened = nonlinear.Where(t => HamiltonianCost.NeedsFlattening(t.Monomial, maxHiddenLayers)).ToList();
        var deepTerms = nonlinear.Where(t => !HamiltonianCost.NeedsFlattening(t.Monomial, maxHiddenLayers)).ToList();
        var plan = ProductPlanner.Plan(variables.Count, deepTerms.Select(t => t.Monomial).ToList(), ExpressionLimits.MaxHiddenNeurons, cancellationToken);
        if (plan is null)
        {
            return new NetworkBuildResult(null, string.Format(
                CultureInfo.InvariantCulture,
                "the network needs more than {0:N0} hidden neurons, the limit; split the Hamiltonian into several methods",
                ExpressionLimits.MaxHiddenNeurons));
        }

        var gates = new List<Gate>();
        var nodeValue = new FlatValue[plan.Nodes.Count];
        for (int n = 0; n < plan.Nodes.Count; n++)
        {
            var node = plan.Nodes[n];
            if (node.IsInput)
            {
                // An input computed by earlier neurons (a bit product) carries its error into the gates.
                nodeValue[n] = new FlatValue(ValueRef.Input(node.Variable), bounds[node.Variable], inputErrors?[node.Variable] ?? 0, 0, node.Monomial);
                continue;
            }

            var left = nodeValue[node.Left];
            var right = node.Step == ProductStep.Square ? left : nodeValue[node.Right];
            nodeValue[n] = AddDeepGate(gates, node, left, right, point.Gate(node.Step), precision, variables);
        }

        var layered = new LayeredProductBuilder(variables, bounds, precision, gates);
        var flatValues = new Dictionary<NetworkTerm, FlatValue>();
        foreach (var term in flattened)
        {
            cancellationToken.ThrowIfCancellationRequested();
            flatValues[term] = layered.Build(term.Monomial, maxHiddenLayers);
        }

        // Output map: constant + linear terms (in variable order) + coefficient × product.
        double constant = 0, errorSum = 0, magnitude = 0;
        var linear = new double[variables.Count];
        var products = new List<OutputTerm>();
        int deepIndex = 0;
        foreach (var term in terms)
        {
            double coefficient = precision.Round(term.Coefficient);
            if (term.Degree == 0)
            {
                constant += coefficient;
                magnitude += Math.Abs(coefficient);
            }
            else if (term.Degree == 1)
            {
                int v = term.Monomial.Support().First();
                linear[v] += coefficient;
                magnitude += Math.Abs(coefficient) * bounds[v];
            }
            else
            {
                var value = flatValues.TryGetValue(term, out var flat) ? flat : nodeValue[plan.Roots[deepIndex++]];
                products.Add(new OutputTerm(value.Ref, coefficient));
                errorSum += Math.Abs(coefficient) * value.Error;
                magnitude += Math.Abs(coefficient) * value.Scale;
            }
        }

        var output = Enumerable.Range(0, variables.Count).Where(v => linear[v] != 0).Select(v => new OutputTerm(ValueRef.Input(v), linear[v])).Concat(products);
        double maxError = RoundUp(errorSum + precision.OutputSumRounding(terms.Count, magnitude));
        return new NetworkBuildResult(
            new NetworkModel(precision, bounds.ToImmutableArray(), gates.ToImmutableArray(), constant, output.ToImmutableArray(), maxError),
            null);
    }

    private static FlatValue AddDeepGate(List<Gate> gates, ProductNode node, FlatValue left, FlatValue right, GateCalibration calibration, NumericPrecision precision, IReadOnlyList<string> variables)
    {
        // Each gate normalises by the largest value its inputs can take as computed (exact bound + error).
        double leftScale = left.Scale, rightScale = right.Scale;
        double lambda = calibration.Lambda;
        double outputScale = precision.Round(leftScale * rightScale / (4 * lambda * lambda * Sigmoid.Derivative(2, Sigmoid.GateBias)));
        double bound = left.Bound * right.Bound;

        // |gate(a', b') − a·b| ≤ |gate(a', b') − a'·b'| + |a'|·|b' − b| + |b|·|a' − a|.
        double error = (calibration.NormalizedError * leftScale * rightScale) + (leftScale * right.Error) + (right.Bound * left.Error);
        int layer = 1 + Math.Max(left.Layer, right.Layer);
        string label = node.Monomial.ToText(variables);
        Gate gate = node.Step == ProductStep.Square
            ? new SquareGate(left.Ref, precision.Round(2 * lambda / leftScale), outputScale, label, layer, bound, error)
            : new MultiplyGate(left.Ref, right.Ref, precision.Round(lambda / leftScale), precision.Round(lambda / rightScale), outputScale, label, layer, bound, error);
        gates.Add(gate);
        return new FlatValue(ValueRef.Gate(gates.Count - 1), bound, error, layer, node.Monomial);
    }

    /// <summary>Rounds a positive bound up to 3 significant digits: stable text, still a bound.</summary>
    internal static double RoundUp(double value)
    {
        if (value <= 0 || double.IsInfinity(value))
        {
            return value;
        }

        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)) - 2);
        return Math.Ceiling(value / magnitude * (1 + 1e-12)) * magnitude;
    }
}
