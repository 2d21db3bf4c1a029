using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolyNet.Description;
using PolyNet.Onnx.Format;

namespace PolyNet.Onnx;

/// <summary>
/// Lays an <see cref="ExportPlan"/> out as ONNX layers: the inputs, one [batch, 1] tensor per parameter, are concatenated
/// into X₀; hidden layer ℓ computes its neurons H = Sigmoid(X·W + b) from every value so far (skip connections through
/// the concatenation), then its gates' outputs G = H·M + c, and appends them: X_ℓ = Concat(X_(ℓ−1), G). The output is
/// X·w + c₀, named "energy"; a classifier adds a Softmax over its categories (docs/design.md §15).
/// </summary>
internal static class OnnxModelWriter
{
    public static ModelProto Write(ExportPlan plan, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var builder = new OnnxGraphBuilder("polynet", plan.IsDouble);
        string x = Inputs(builder, plan.Parsed);
        string energy = Network(builder, plan, x, string.Empty, "energy");
        builder.Output(energy, 1, "the network's value, one row per evaluation");
        return builder.Model(
            $"The sigmoid network of {plan.Parsed.Definition.Expression}, rebuilt by PolyNet for evaluation one sigmoid at a time.",
            metadata);
    }

    /// <summary>
    /// A Boltzmann classifier: every category's network on the shared inputs, their energies concatenated into
    /// [batch, K], then Softmax(−E − μ) (μ the negative log-priors) as "probabilities".
    /// </summary>
    public static ModelProto WriteClassifier(IReadOnlyList<ExportPlan> plans, IReadOnlyList<double> logPriors, IEnumerable<KeyValuePair<string, string>> metadata)
    {
        var builder = new OnnxGraphBuilder("polynet_classifier", plans[0].IsDouble);
        string x = Inputs(builder, plans[0].Parsed);
        var energies = plans.Select((plan, y) => Network(builder, plan, x, $"c{y.ToString(CultureInfo.InvariantCulture)}_", $"energy{y.ToString(CultureInfo.InvariantCulture)}")).ToArray();
        string all = energies.Length == 1 ? energies[0] : builder.Node("Concat", "energies", energies, "axis", 1);
        string negated = builder.Node("Neg", "negative_energies", [all]);
        string logits = builder.Node("Add", "logits", [negated, builder.Vector("log_priors", logPriors.ToArray())]);
        builder.Node("Softmax", "probabilities", [logits], "axis", 1);
        builder.Output("probabilities", plans.Count, "p(category | inputs), one row per evaluation, one column per category");
        return builder.Model("A Boltzmann classifier compiled by PolyNet, rebuilt for evaluation one sigmoid at a time.", metadata);
    }

    /// <summary>One [batch, 1] input per parameter, concatenated into the [batch, n] matrix X₀ every layer reads.</summary>
    private static string Inputs(OnnxGraphBuilder builder, ParsedDefinition parsed)
    {
        var names = new List<string>();
        for (int v = 0; v < parsed.InputCount; v++)
        {
            names.Add(builder.Input(parsed.Inputs[v], $"the input {parsed.Inputs[v]}, one row per evaluation"));
        }

        return names.Count == 1 ? names[0] : builder.Node("Concat", "x0", names.ToArray(), "axis", 1);
    }

    /// <summary>The network's layers over X₀, every constant and value named with <paramref name="prefix"/>; returns its output [batch, 1].</summary>
    private static string Network(OnnxGraphBuilder builder, ExportPlan plan, string x, string prefix, string output)
    {
        var parsed = plan.Parsed;
        int inputs = parsed.InputCount;

        // Columns of X: the inputs, then every gate in layer order (a gate reads only lower layers).
        var column = new int[inputs + plan.Gates.Length];
        for (int v = 0; v < inputs; v++)
        {
            column[v] = v;
        }

        int columns = inputs;
        int layers = plan.Gates.Length == 0 ? 0 : plan.Gates.Max(g => g.Layer);
        for (int layer = 1; layer <= layers; layer++)
        {
            var gates = Enumerable.Range(0, plan.Gates.Length).Where(k => plan.Gates[k].Layer == layer).ToList();
            var neurons = gates.SelectMany(k => plan.Gates[k].Neurons).ToList();
            var weights = new double[columns * neurons.Count];
            var biases = new double[neurons.Count];
            for (int j = 0; j < neurons.Count; j++)
            {
                biases[j] = neurons[j].Bias;
                foreach (var (value, weight) in neurons[j].Inputs)
                {
                    weights[(column[value] * neurons.Count) + j] += weight;
                }
            }

            string tag = prefix + layer.ToString(CultureInfo.InvariantCulture);
            string preactivation = builder.Node("MatMul", $"z{tag}_matmul", [x, builder.Matrix($"W{tag}", weights, columns, neurons.Count)]);
            preactivation = builder.Node("Add", $"z{tag}", [preactivation, builder.Vector($"b{tag}", biases)]);
            string hidden = builder.Node("Sigmoid", $"h{tag}", [preactivation]);

            var outputs = new double[neurons.Count * gates.Count];
            var constants = new double[gates.Count];
            int first = 0;
            for (int g = 0; g < gates.Count; g++)
            {
                var gate = plan.Gates[gates[g]];
                for (int i = 0; i < gate.Neurons.Length; i++)
                {
                    outputs[((first + i) * gates.Count) + g] = gate.Coefficients[i];
                }

                constants[g] = gate.Constant;
                first += gate.Neurons.Length;
                column[inputs + gates[g]] = columns + g;
            }

            string values = builder.Node("MatMul", $"g{tag}_matmul", [hidden, builder.Matrix($"M{tag}", outputs, neurons.Count, gates.Count)]);
            values = builder.Node("Add", $"g{tag}", [values, builder.Vector($"c{tag}", constants)]);
            x = builder.Node("Concat", $"x{tag}", [x, values], "axis", 1);
            columns += gates.Count;
        }

        var weightsOut = new double[columns];
        for (int t = 0; t < parsed.OutputValues.Length; t++)
        {
            weightsOut[column[parsed.OutputValues[t]]] += parsed.OutputCoefficients[t];
        }

        string sum = builder.Node("MatMul", $"{output}_matmul", [x, builder.Matrix($"{prefix}w_out", weightsOut, columns, 1)]);
        return builder.Node("Add", output, [sum, builder.Vector($"{prefix}c_out", [parsed.OutputConstant])]);
    }
}
