using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolyNet;

namespace PolyNet.Benchmarks;

/// <summary>
/// Writes the benchmarked networks' weights as JSON, one file per network, for peers outside .NET
/// (tools/torch_autograd.py builds the same network in PyTorch from them).
/// </summary>
public static class NetworkDump
{
    /// <summary>The dumped networks, by the name of their generated property.</summary>
    public static readonly (string Name, SigmoidNetwork Network)[] Networks =
    [
        (nameof(Hamiltonians.EnergyNetwork), Hamiltonians.EnergyNetwork),
        (nameof(Hamiltonians.EnergyFNetwork), Hamiltonians.EnergyFNetwork),
        (nameof(Hamiltonians.OscillatorNetwork), Hamiltonians.OscillatorNetwork),
        (nameof(Hamiltonians.OscillatorFNetwork), Hamiltonians.OscillatorFNetwork),
        (nameof(Hamiltonians.Product8Network), Hamiltonians.Product8Network),
        (nameof(Hamiltonians.Product8FNetwork), Hamiltonians.Product8FNetwork),

        // The networks of GradientBenchmarks (--gradient); GradientEnergy is the same network as Energy.
        ("Gradient" + nameof(GradientHamiltonians.EnergyNetwork), GradientHamiltonians.EnergyNetwork),
        ("Gradient" + nameof(GradientHamiltonians.EnergyFNetwork), GradientHamiltonians.EnergyFNetwork),
        ("Gradient" + nameof(GradientHamiltonians.OscillatorNetwork), GradientHamiltonians.OscillatorNetwork),
        ("Gradient" + nameof(GradientHamiltonians.OscillatorFNetwork), GradientHamiltonians.OscillatorFNetwork),
        ("Gradient" + nameof(GradientHamiltonians.Product3Network), GradientHamiltonians.Product3Network),
        ("Gradient" + nameof(GradientHamiltonians.Product3FNetwork), GradientHamiltonians.Product3FNetwork),
    ];

    // Relaxed escaping keeps the polynomials readable ('+' instead of \u002B); the files are never embedded in HTML.
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes &lt;name&gt;.json for every network into <paramref name="directory"/> and returns the paths.</summary>
    public static string[] Write(string directory)
    {
        Directory.CreateDirectory(directory);
        return Networks.Select(entry =>
        {
            string path = Path.Combine(directory, entry.Name + ".json");
            string json = ToJson(entry.Name, entry.Network).ToJsonString(Options);
            File.WriteAllText(path, json);
            RequireRoundTrip(entry.Network, json, path);
            return path;
        }).ToArray();
    }

    private static JsonObject ToJson(string name, SigmoidNetwork network) => new()
    {
        ["name"] = name,
        ["expression"] = network.Expression,
        ["polynomial"] = network.Polynomial,
        ["precision"] = network.Precision == NetworkPrecision.Double ? "double" : "float",
        ["maxError"] = network.MaxError,
        ["inputs"] = new JsonArray(network.Inputs.Select(input => (JsonNode?)input).ToArray()),
        ["inputBounds"] = new JsonArray(network.InputBounds.Select(bound => (JsonNode?)bound).ToArray()),
        ["neurons"] = new JsonArray(network.Neurons.Select(neuron => (JsonNode?)new JsonObject
        {
            ["layer"] = neuron.Layer,
            ["bias"] = neuron.Bias,
            ["synapses"] = Synapses(neuron.Synapses),
        }).ToArray()),
        ["outputBias"] = network.OutputBias,
        ["output"] = Synapses(network.Output),
    };

    private static JsonArray Synapses(IReadOnlyList<Synapse> synapses) =>
        new(synapses.Select(synapse => (JsonNode?)new JsonArray(synapse.Source, synapse.Weight)).ToArray());

    // System.Text.Json writes doubles in their shortest round-trip form; read the file back so a change there cannot
    // silently hand the peer rounded weights.
    private static void RequireRoundTrip(SigmoidNetwork network, string json, string path)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var neurons = root.GetProperty("neurons");
        for (int i = 0; i < network.NeuronCount; i++)
        {
            Require(network.Neurons[i].Bias, neurons[i].GetProperty("bias"), path);
            RequireSynapses(network.Neurons[i].Synapses, neurons[i].GetProperty("synapses"), path);
        }

        Require(network.OutputBias, root.GetProperty("outputBias"), path);
        RequireSynapses(network.Output, root.GetProperty("output"), path);
    }

    private static void RequireSynapses(IReadOnlyList<Synapse> synapses, JsonElement written, string path)
    {
        for (int k = 0; k < synapses.Count; k++)
        {
            Require(synapses[k].Weight, written[k][1], path);
        }
    }

    private static void Require(double expected, JsonElement written, string path)
    {
        if (BitConverter.DoubleToInt64Bits(written.GetDouble()) != BitConverter.DoubleToInt64Bits(expected))
        {
            throw new InvalidOperationException($"{path}: {expected:R} was written as {written.GetRawText()}, which reads back differently.");
        }
    }
}
