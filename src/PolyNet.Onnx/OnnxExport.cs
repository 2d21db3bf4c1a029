using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Google.Protobuf;
using PolyNet.Description;

namespace PolyNet.Onnx;

/// <summary>
/// Writes a <see cref="SigmoidNetwork"/> as a standard ONNX model (opset 17, IR version 8) of MatMul, Add, Sigmoid and
/// Concat nodes, with one input per parameter and the output "energy", for ONNX Runtime, PyTorch and other engines.
/// </summary>
/// <remarks>
/// Engines evaluate every sigmoid on its own and sum with the stored weights. The generated code's accuracy comes from
/// closed-form pair sums that such engines do not have, so the model is rebuilt for that evaluation: the gates' scale λ is
/// chosen for it, each gate's output is a value of its own, and the model carries its own bound
/// (<see cref="OnnxExportResult.MaxError"/>, also in its metadata) instead of the network's MaxError (docs/design.md §15).
/// </remarks>
public static class OnnxExport
{
    /// <summary>Writes the model to <paramref name="destination"/> and returns its error bound.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">The network has flat products (MaxHiddenLayers), which the export does not rebuild.</exception>
    public static OnnxExportResult ExportOnnx(this SigmoidNetwork network, Stream destination, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(destination);
        bool isDouble = (options?.Precision ?? network.Precision) == NetworkPrecision.Double;
        var plan = ExportPlan.For(DefinitionParser.Parse(network.Definition), isDouble);
        var result = Result([plan], plan.MaxError, isDouble);
        var description = new KeyValuePair<string, string>[]
        {
            new("polynet.expression", network.Expression),
            new("polynet.polynomial", network.Polynomial),
            new("polynet.generated_max_error", Number(network.MaxError)),
        };
        OnnxModelWriter.Write(plan, Metadata(plan.Parsed, result, isDouble, description)).WriteTo(destination);
        return result;
    }

    /// <summary>
    /// Writes a Boltzmann classifier: every category's network on the shared inputs, then Softmax(−E − μ) as the output
    /// "probabilities" [batch, K]. <see cref="OnnxExportResult.MaxError"/> bounds |p − p_exact| of every probability.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="NotSupportedException">A category's network has flat products (MaxHiddenLayers).</exception>
    public static OnnxExportResult ExportOnnx(this BoltzmannClassifier classifier, Stream destination, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(destination);
        bool isDouble = (options?.Precision ?? classifier.Precision) == NetworkPrecision.Double;
        var plans = classifier.Hamiltonians.Select(h => ExportPlan.For(DefinitionParser.Parse(h.Definition), isDouble)).ToList();
        double u = ExportArithmetic.UnitRoundoff(isDouble);

        // Each logit −E_y + log p_y is off by the network's bound plus one rounding of the Add. Softmax's gradient has
        // ∂p_y/∂l_j = p_y([y = j] − p_j), so logits that move by at most Δ move p_y by at most 2p_y(1 − p_y)Δ ≤ Δ/2 (mean
        // value theorem); the engine's own softmax adds (K + 4)u.
        double shift = plans.Select((plan, y) => plan.MaxError + (u * (plan.ValueBound + Math.Abs(classifier.LogPriors[y])))).Max();
        double bound = Math.Min(1, (shift / 2) + ((plans.Count + 4) * u));
        var result = Result(plans, Math.Min(1, ExportArithmetic.RoundUp(bound)), isDouble);
        var description = new KeyValuePair<string, string>[]
        {
            new("polynet.categories", string.Join(",", classifier.Categories)),
            new("polynet.priors", string.Join(",", classifier.Priors.Select(Number))),
            new("polynet.category_expressions", string.Join(" | ", classifier.Hamiltonians.Select(h => h.Expression))),
            new("polynet.generated_max_error", Number(classifier.MaxError)),
        };
        OnnxModelWriter.WriteClassifier(plans, classifier.LogPriors, Metadata(plans[0].Parsed, result, isDouble, description)).WriteTo(destination);
        return result;
    }

    /// <summary>
    /// Writes a lattice Hamiltonian at one size: its unrolled network (<see cref="LatticeNetwork.Unroll"/>, one input per
    /// site of each field, named like "s[1,2]", and per scalar parameter), exported as any network.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An extent is not positive, or the unrolled network is too large (see Unroll).</exception>
    public static OnnxExportResult ExportOnnx(this LatticeNetwork lattice, Stream destination, int[] extents, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(lattice);
        ArgumentNullException.ThrowIfNull(extents);
        return lattice.Unroll(extents).ExportOnnx(destination, options);
    }

    /// <summary>The export's bound with the sizes of its plans and the gate scales of its precision.</summary>
    private static OnnxExportResult Result(IReadOnlyList<ExportPlan> plans, double maxError, bool isDouble) => new(
        maxError,
        SeparateSigmoidGate.For(isDouble, square: false).Lambda,
        SeparateSigmoidGate.For(isDouble, square: true).Lambda,
        plans.Sum(p => p.Gates.Sum(g => g.Neurons.Length)),
        plans.Max(p => p.Gates.Length == 0 ? 0 : p.Gates.Max(g => g.Layer)));

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>What every model says of itself: <paramref name="description"/> (what was exported), then the inputs, the precision and the bound.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Metadata(ParsedDefinition parsed, OnnxExportResult result, bool isDouble, IEnumerable<KeyValuePair<string, string>> description)
    {
        foreach (var entry in description)
        {
            yield return entry;
        }

        yield return new("polynet.inputs", string.Join(",", parsed.Inputs));
        yield return new("polynet.input_bounds", string.Join(",", parsed.InputBounds.Select(Number)));
        yield return new("polynet.input_kinds", string.Join(",", parsed.InputKinds));
        yield return new("polynet.precision", isDouble ? "float64" : "float32");
        yield return new("polynet.max_error", Number(result.MaxError));
        yield return new("polynet.lambda_multiply", Number(result.MultiplyScale));
        yield return new("polynet.lambda_square", Number(result.SquareScale));
        yield return new(
            "polynet.evaluation",
            $"max_error holds inside the input bounds for an engine whose Sigmoid is within {Number(SeparateSigmoidGate.SigmoidUlps)} units of roundoff of the exact value");
    }
}
