using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Network;
using PolyNet.Generators.Pipeline;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>
/// Writes the <c>&lt;Method&gt;Network</c> property: the flat neuron list with every weight, the polynomial's
/// terms and the error bound, built once per type from constant arrays.
/// </summary>
internal static class NetworkDescriptionEmitter
{
    private const int ValuesPerLine = 8;

    public static void Emit(IndentedWriter writer, HamiltonianSpec spec, CompiledHamiltonian compiled)
    {
        var network = compiled.Network!;
        var polynomial = compiled.Polynomial!;
        var neurons = network.Neurons;
        var offsets = new List<int> { 0 };
        foreach (var neuron in neurons)
        {
            offsets.Add(offsets[offsets.Count - 1] + neuron.Synapses.Length);
        }

        WriteSummary(writer, spec, $"The sigmoid network compiled from <c>{Literals.Xml(spec.Expression)}</c>: {neurons.Length} neurons in {network.HiddenLayers} hidden layers, |network − polynomial| ≤ {Literals.Short(network.MaxError)} inside the input bounds.");
        writer.Line($"{PropertyHeader(spec)} {{ get; }} = new global::PolyNet.SigmoidNetwork(");
        var arguments = new List<string>
        {
            $"expression: {Literals.String(spec.Expression)}",
            $"polynomial: {Literals.String(polynomial.ToCanonicalString())}",
            $"precision: global::PolyNet.NetworkPrecision.{network.Precision}",
            $"inputs: {Array("string", spec.Parameters.Select(p => Literals.String(p.Name)))}",
            $"inputBounds: {Array("double", network.InputBounds.Select(Literals.Double))}",
            $"inputBound: {Literals.Double(spec.InputBound)}",
            $"neuronLayers: {Array("int", neurons.Select(n => Literals.Int(n.Layer)))}",
            $"neuronBiases: {Array("double", neurons.Select(n => Literals.Double(n.Bias)))}",
            $"synapseOffsets: {Array("int", offsets.Select(Literals.Int))}",
            $"synapseSources: {Array("int", neurons.SelectMany(n => n.Synapses).Select(s => Literals.Int(s.Source)))}",
            $"synapseWeights: {Array("double", neurons.SelectMany(n => n.Synapses).Select(s => Literals.Double(s.Weight)))}",
            $"outputBias: {Literals.Double(network.OutputBias)}",
            $"outputSources: {Array("int", network.OutputSynapses.Select(s => Literals.Int(s.Source)))}",
            $"outputWeights: {Array("double", network.OutputSynapses.Select(s => Literals.Double(s.Weight)))}",
            $"termCoefficients: {Array("double", compiled.Terms.Select(t => Literals.Double(t.Coefficient)))}",
            $"termExponents: {Array("int", compiled.Terms.SelectMany(t => t.Exponents).Select(Literals.Int))}",
            $"maxError: {Literals.Double(network.MaxError)}",
            $"restPreactivations: {Array("double", neurons.Select(n => Literals.Double(n.RestPreactivation)))}",
            $"restOutput: {Literals.Double(network.RestOutput())}",
        };
        BinaryDescription.AddInputKinds(arguments, spec);

        for (int i = 0; i < arguments.Count; i++)
        {
            foreach (string line in arguments[i].Split('\n'))
            {
                writer.Line("    " + line);
            }

            writer.AppendToLastLine(i < arguments.Count - 1 ? "," : ");");
        }
    }

    /// <summary>The fallback: the property exists (so user code compiles) and throws the diagnostic's message.</summary>
    public static void EmitFailure(IndentedWriter writer, HamiltonianSpec spec, string message)
    {
        WriteSummary(writer, spec, "Not available: the Hamiltonian did not compile (see the build's PNET diagnostics).");
        writer.Line($"{PropertyHeader(spec)} => throw new global::System.InvalidOperationException({Literals.String(message)});");
    }

    private static void WriteSummary(IndentedWriter writer, HamiltonianSpec spec, string text)
    {
        writer.Line($"/// <summary>{text}</summary>");
        writer.Line($"/// <remarks>Generated for <see cref=\"{Literals.Xml(CrefName(spec))}\"/>.</remarks>");
    }

    private static string CrefName(HamiltonianSpec spec) =>
        spec.MethodName + "(" + string.Join(", ", spec.Parameters.Select(p => p.Type.Replace("global::", string.Empty).Replace("<", "{").Replace(">", "}"))) + ")";

    private static string PropertyHeader(HamiltonianSpec spec) =>
        $"{spec.Accessibility} static global::PolyNet.SigmoidNetwork {spec.MethodName.TrimStart('@')}Network";

    private static string Array(string type, IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return $"global::System.Array.Empty<{type}>()";
        }

        if (list.Count <= ValuesPerLine)
        {
            return $"new {type}[] {{ {string.Join(", ", list)} }}";
        }

        var lines = new List<string> { $"new {type}[]", "{" };
        for (int i = 0; i < list.Count; i += ValuesPerLine)
        {
            lines.Add("    " + string.Join(", ", list.Skip(i).Take(ValuesPerLine)) + ",");
        }

        lines.Add("}");
        return string.Join("\n", lines);
    }

}
