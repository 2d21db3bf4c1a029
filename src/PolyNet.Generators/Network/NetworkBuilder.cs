using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using PolyNet.Generators.Cost;
using PolyNet.Generators.Network.Flat;
using PolyNet.Generators.Parse;
using PolyNet.Generators.Polynomials;

namespace PolyNet.Generators.Network;

/// <summary>
/// Compiles an expanded polynomial into a sigmoid network (DESIGN.md §2.1–2.3): constant and linear terms go
/// to the output map, every other monomial becomes a product tree of gates planned by
/// <see cref="ProductPlanner"/>, and each gate is scaled by the bounds of its own inputs, propagated by
/// interval arithmetic together with their error bounds.
/// </summary>
internal static class NetworkBuilder
{
    public static NetworkBuildResult Build(
        IReadOnlyList<string> variables,
        IReadOnlyList<double> bounds,
        IReadOnlyList<NetworkTerm> terms,
        NumericPrecision precision,
        CancellationToken cancellationToken = default,
        double? lambdaOverride = null,
        IReadOnlyList<double>? inputErrors = null,
        int maxHiddenLayers = 0)
    {
        int variableCount = variables.Count;
        var nonlinear = terms.Where(t => t.Degree >= 2).ToList();

        // Under a depth limit (DESIGN.md §2.5) the monomials too deep for it are flattened; the rest stay deep.
        var flattened = nonlinear.Where(t => HamiltonianCost.NeedsFlattening(t.Exponents, maxHiddenLayers)).ToList();
        var deepTerms = nonlinear.Where(t => !HamiltonianCost.NeedsFlattening(t.Exponents, maxHiddenLayers)).ToList();
        var plan = ProductPlanner.Plan(variableCount, deepTerms.Select(t => t.Exponents).ToList(), ExpressionLimits.MaxHiddenNeurons, cancellationToken);
        if (plan is null)
        {
            return new NetworkBuildResult(null, string.Format(
                CultureInfo.InvariantCulture,
                "the network needs more than {0:N0} hidden neurons, the limit; split the Hamiltonian into several methods",
                ExpressionLimits.MaxHiddenNeurons));
        }

        var gates = new List<GateModel>();
        var neurons = new List<NeuronModel>();
        var nodeValue = new ValueRef[plan.Nodes.Length];
        var nodeForm = new LinearForm[plan.Nodes.Length];
        var nodeBound = new double[plan.Nodes.Length];
        var nodeError = new double[plan.Nodes.Length];

        for (int n = 0; n < plan.Nodes.Length; n++)
        {
            var node = plan.Nodes[n];
            if (node.IsLeaf)
            {
                nodeValue[n] = ValueRef.Input(node.Variable);
                nodeForm[n] = LinearForm.OfValue(node.Variable);
                nodeBound[n] = bounds[node.Variable];
                nodeError[n] = inputErrors?[node.Variable] ?? 0;   // an input computed by earlier neurons (a bit product)
                continue;
            }

            GateKind kind = node.Kind!.Value;
            var calibration = lambdaOverride is { } lambdaValue
                ? GateCalibration.AtScale(kind, precision, lambdaValue)
                : GateCalibration.For(kind, precision);
            int left = node.Left, right = kind == GateKind.Square ? node.Left : node.Right;

            // Each gate normalises by the largest value its inputs can take as computed (exact bound + error).
            double leftScale = nodeBound[left] + nodeError[left];
            double rightScale = nodeBound[right] + nodeError[right];
            double secondDerivative = Sigmoid.Derivative(2, Sigmoid.GateBias);
            double lambda = calibration.Lambda;
            double leftWeight, rightWeight, outputScale;
            if (kind == GateKind.Square)
            {
                leftWeight = precision.Round(2 * lambda / leftScale);
                rightWeight = 0;
            }
            else
            {
                leftWeight = precision.Round(lambda / leftScale);
                rightWeight = precision.Round(lambda / rightScale);
            }

            outputScale = precision.Round(leftScale * rightScale / (4 * lambda * lambda * secondDerivative));

            int firstNeuron = variableCount + neurons.Count;
            int layer = node.Depth;
            AddGateNeurons(neurons, kind, layer, nodeForm[left], leftWeight, nodeForm[right], rightWeight);

            var form = new LinearForm();
            if (kind == GateKind.Square)
            {
                form.AddWeight(firstNeuron, outputScale).AddWeight(firstNeuron + 1, outputScale)
                    .AddConstant(-2 * Sigmoid.Value(Sigmoid.GateBias) * outputScale);
            }
            else
            {
                form.AddWeight(firstNeuron, outputScale).AddWeight(firstNeuron + 1, outputScale)
                    .AddWeight(firstNeuron + 2, -outputScale).AddWeight(firstNeuron + 3, -outputScale);
            }

            nodeForm[n] = form;
            nodeBound[n] = nodeBound[left] * nodeBound[right];

            // |gate(a', b') − a·b| ≤ |gate(a', b') − a'·b'| + |a'|·|b' − b| + |b|·|a' − a|.
            nodeError[n] = (calibration.NormalizedError * leftScale * rightScale)
                + (leftScale * nodeError[right]) + (nodeBound[right] * nodeError[left]);

            nodeValue[n] = ValueRef.Gate(gates.Count);
            gates.Add(new GateModel(
                kind,
                Monomial.FromExponents(node.Exponents).ToText(variables),
                nodeValue[left],
                nodeValue[right],
                leftWeight,
                rightWeight,
                outputScale,
                layer,
                firstNeuron - variableCount,
                nodeBound[n],
                nodeError[n]));
        }

        var layered = new LayeredProductBuilder(variables, bounds, precision, gates, neurons);
        var flatValues = new Dictionary<NetworkTerm, FlatValue>();
        foreach (var term in flattened)
        {
            cancellationToken.ThrowIfCancellationRequested();
            flatValues[term] = layered.Build(term.Exponents, maxHiddenLayers);
        }

        // Output map: constant + linear terms + coefficient × gate output.
        double constant = 0;
        var linear = new double[variableCount];
        var gateTerms = new List<(int Gate, double Coefficient)>();
        var output = new LinearForm();
        double errorSum = 0, magnitude = 0;
        int deepIndex = 0;
        foreach (var term in terms)
        {
            double coefficient = precision.Round(term.Coefficient);
            if (term.Degree == 0)
            {
                constant += coefficient;
                output.AddConstant(coefficient);
                magnitude += Math.Abs(coefficient);
            }
            else if (term.Degree == 1)
            {
                int v = term.Exponents.IndexOf(1);
                linear[v] += coefficient;
                output.AddWeight(v, coefficient);
                magnitude += Math.Abs(coefficient) * bounds[v];
            }
            else
            {
                var value = flatValues.TryGetValue(term, out var flat) ? flat : DeepValue(plan.Roots[deepIndex++]);
                gateTerms.Add((value.Ref.Index, coefficient));
                output.AddScaled(value.Form, coefficient);
                errorSum += Math.Abs(coefficient) * value.Error;
                magnitude += Math.Abs(coefficient) * value.Scale;
            }
        }

        FlatValue DeepValue(int node) => new(nodeValue[node], nodeForm[node], nodeBound[node], nodeError[node], 0, default);

        double maxError = RoundUp(errorSum + precision.OutputSumRounding(terms.Count, magnitude));

        var model = new NetworkModel(
            precision,
            bounds.ToImmutableArray(),
            gates.ToImmutableArray(),
            constant,
            linear.ToImmutableArray(),
            gateTerms.ToImmutableArray(),
            neurons.ToImmutableArray(),
            output.Constant,
            output.Synapses(),
            maxError);
        return new NetworkBuildResult(model, null);
    }

    private static void AddGateNeurons(List<NeuronModel> neurons, GateKind kind, int layer, LinearForm left, double leftWeight, LinearForm right, double rightWeight)
    {
        // p = wL·left + wR·right (square: wL·left); q = wL·left − wR·right. Neurons: σ(b+p), σ(b−p), σ(b+q), σ(b−q).
        var p = new LinearForm().AddScaled(left, leftWeight);
        if (kind == GateKind.Multiply)
        {
            p.AddScaled(right, rightWeight);
        }

        AddPair(neurons, layer, p);
        if (kind == GateKind.Multiply)
        {
            AddPair(neurons, layer, new LinearForm().AddScaled(left, leftWeight).AddScaled(right, -rightWeight));
        }
    }

    /// <summary>Adds σ(b + p) and σ(b − p); both rest at b, since every preactivation p is 0 at the resting state.</summary>
    internal static void AddPair(List<NeuronModel> neurons, int layer, LinearForm preactivation, double bias = Sigmoid.GateBias)
    {
        neurons.Add(new NeuronModel(layer, bias + preactivation.Constant, preactivation.Synapses(), bias));
        var negated = new LinearForm().AddScaled(preactivation, -1);
        neurons.Add(new NeuronModel(layer, bias + negated.Constant, negated.Synapses(), bias));
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
