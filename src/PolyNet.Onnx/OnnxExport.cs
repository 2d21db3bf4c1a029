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
        var parsed = DefinitionParser.Parse(network.Definition);
        bool isDouble = (options?.Precision ?? network.Precision) == NetworkPrecision.Double;
        var plan = ExportPlan.For(parsed, isDouble);
        var multiply = SeparateSigmoidGate.For(isDouble, square: false);
        var square = SeparateSigmoidGate.For(isDouble, square: true);
        int neurons = plan.Gates.Sum(g => g.Neurons.Length);
        int layers = plan.Gates.Length == 0 ? 0 : plan.Gates.Max(g => g.Layer);
        var result = new OnnxExportResult(plan.MaxError, multiply.Lambda, square.Lambda, neurons, layers);
        OnnxModelWriter.Write(plan, Metadata(network, parsed, result, isDouble)).WriteTo(destination);
        return result;
    }

    private static IEnumerable<KeyValuePair<string, string>> Metadata(SigmoidNetwork network, ParsedDefinition parsed, OnnxExportResult result, bool isDouble)
    {
        string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        yield return new("polynet.expression", network.Expression);
        yield return new("polynet.polynomial", network.Polynomial);
        yield return new("polynet.inputs", string.Join(",", parsed.Inputs));
        yield return new("polynet.input_bounds", string.Join(",", parsed.InputBounds.Select(Number)));
        yield return new("polynet.input_kinds", string.Join(",", parsed.InputKinds));
        yield return new("polynet.precision", isDouble ? "float64" : "float32");
        yield return new("polynet.max_error", Number(result.MaxError));
        yield return new("polynet.generated_max_error", Number(network.MaxError));
        yield return new("polynet.lambda_multiply", Number(result.MultiplyScale));
        yield return new("polynet.lambda_square", Number(result.SquareScale));
        yield return new(
            "polynet.evaluation",
            $"max_error holds inside the input bounds for an engine whose Sigmoid is within {Number(SeparateSigmoidGate.SigmoidUlps)} units of roundoff of the exact value");
    }
}
