using System;
using System.Collections.Generic;
using System.Globalization;

namespace PolyNet.Description;

/// <summary>What a diagram node stands for (its shape).</summary>
internal enum DiagramNodeKind : byte
{
    Input,
    Neuron,
    Gate,
    Output,
}

/// <summary>A node: its id (<c>i3</c> input 3, <c>n5</c> neuron 5, <c>g2</c> gate 2, <c>out</c>) and its label lines.</summary>
internal sealed record DiagramNode(string Id, DiagramNodeKind Kind, string[] Label);

/// <summary>Nodes drawn together: a gate's neurons in a box (Id and Label set), or ungrouped nodes (both null).</summary>
internal sealed record DiagramGroup(string? Id, string? Label, List<DiagramNode> Nodes);

/// <summary>One column of the diagram: the inputs, a hidden layer, or the output.</summary>
internal sealed record DiagramRank(string Id, string Label, List<DiagramGroup> Groups);

/// <summary>An edge; its weight is the synapse's (neuron view) or the gate's weight or output coefficient (gate view).</summary>
internal readonly record struct DiagramEdge(string From, string To, double Weight);

/// <summary>
/// A network laid out for drawing, independent of the text format: ranks (inputs, hidden layers 1 … L, output), each
/// holding groups of nodes, and the edges in a fixed order. Built by <see cref="Build"/>; written by
/// <see cref="DiagramWriter"/>.
/// </summary>
internal sealed class NetworkDiagram
{
    private NetworkDiagram(string title, string summary, List<DiagramRank> ranks, List<DiagramEdge> edges, bool showWeights)
    {
        Title = title;
        Summary = summary;
        Ranks = ranks;
        Edges = edges;
        ShowWeights = showWeights;
    }

    /// <summary>The title, empty for none.</summary>
    public string Title { get; }

    /// <summary>A one-line description made of numbers and fixed words only (safe in a comment).</summary>
    public string Summary { get; }

    public List<DiagramRank> Ranks { get; }

    public List<DiagramEdge> Edges { get; }

    public bool ShowWeights { get; }

    /// <summary>Lays <paramref name="network"/> out at the detail <paramref name="options"/> asks for.</summary>
    public static NetworkDiagram Build(SigmoidNetwork network, ParsedDefinition parsed, int[] gateNeuronStarts, DiagramOptions? options)
    {
        options ??= new DiagramOptions();
        if (options.MaxEdges < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxEdges, "DiagramOptions.MaxEdges must not be negative.");
        }

        if (!Enum.IsDefined(options.Detail))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Detail, "DiagramOptions.Detail is not a DiagramDetail.");
        }

        bool neurons = options.Detail == DiagramDetail.Neurons
            || (options.Detail == DiagramDetail.Auto && network.SynapseCount <= options.MaxEdges);
        string title = options.Title ?? string.Create(
            CultureInfo.InvariantCulture,
            $"{network.Expression}: {Count(network.NeuronCount, "neuron")} in {Count(network.HiddenLayers, "hidden layer")}");
        string view = neurons ? "neuron view" : string.Create(
            CultureInfo.InvariantCulture,
            $"gate view{(options.Detail == DiagramDetail.Auto ? $" ({network.SynapseCount} synapses > MaxEdges {options.MaxEdges})" : "")}");
        string summary = string.Create(
            CultureInfo.InvariantCulture,
            $"PolyNet network: {parsed.InputCount} inputs, {parsed.Gates.Length} gates, {Count(network.NeuronCount, "neuron")} in {Count(network.HiddenLayers, "hidden layer")}, {network.SynapseCount} synapses; {view}");

        var builder = new Builder(network, parsed, gateNeuronStarts, options.ShowWeights);
        var (ranks, edges) = neurons ? builder.Neurons() : builder.Gates();
        return new NetworkDiagram(title, summary, ranks, edges, options.ShowWeights);
    }

    /// <summary>A number to 4 significant digits, invariant culture.</summary>
    internal static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");

    private sealed class Builder(SigmoidNetwork network, ParsedDefinition parsed, int[] gateNeuronStarts, bool showWeights)
    {
        private readonly string[] _products = GateProducts.Labels(parsed);

        private int InputCount => parsed.InputCount;

        /// <summary>Every neuron in the box of the gate that added it, every synapse an edge.</summary>
        public (List<DiagramRank>, List<DiagramEdge>) Neurons()
        {
            var ranks = new List<DiagramRank> { InputRank() };
            for (int layer = 1; layer <= parsed.HiddenLayers; layer++)
            {
                var groups = new List<DiagramGroup>();
                for (int k = 0; k < parsed.Gates.Length; k++)
                {
                    var gate = parsed.Gates[k];
                    int start = gateNeuronStarts[k], end = gateNeuronStarts[k + 1];
                    if (gate.Layer != layer || start == end)
                    {
                        continue;
                    }

                    var nodes = new List<DiagramNode>(end - start);
                    for (int i = start; i < end; i++)
                    {
                        nodes.Add(new DiagramNode(NeuronId(i), DiagramNodeKind.Neuron, WithBias(NeuronLabel(gate, i - start), network.Neurons[i].Bias)));
                    }

                    groups.Add(new DiagramGroup($"g{Invariant(k)}", GroupLabel(k), nodes));
                }

                ranks.Add(new DiagramRank($"layer{Invariant(layer)}", $"hidden layer {Invariant(layer)}", groups));
            }

            ranks.Add(OutputRank(network.OutputBias));
            var edges = new List<DiagramEdge>(network.SynapseCount);
            for (int i = 0; i < network.NeuronCount; i++)
            {
                foreach (var synapse in network.Neurons[i].Synapses)
                {
                    edges.Add(new DiagramEdge(ValueId(synapse.Source, neurons: true), NeuronId(i), synapse.Weight));
                }
            }

            foreach (var synapse in network.Output)
            {
                edges.Add(new DiagramEdge(ValueId(synapse.Source, neurons: true), "out", synapse.Weight));
            }

            return (ranks, edges);
        }

        /// <summary>One node per gate, an edge per operand read and per output term.</summary>
        public (List<DiagramRank>, List<DiagramEdge>) Gates()
        {
            var ranks = new List<DiagramRank> { InputRank() };
            for (int layer = 1; layer <= parsed.HiddenLayers; layer++)
            {
                var nodes = new List<DiagramNode>();
                for (int k = 0; k < parsed.Gates.Length; k++)
                {
                    if (parsed.Gates[k].Layer == layer)
                    {
                        nodes.Add(new DiagramNode(GateId(k), DiagramNodeKind.Gate, [_products[k], Kind(k)]));
                    }
                }

                ranks.Add(new DiagramRank($"layer{Invariant(layer)}", $"hidden layer {Invariant(layer)}", [new DiagramGroup(null, null, nodes)]));
            }

            ranks.Add(OutputRank(parsed.OutputConstant));
            var edges = new List<DiagramEdge>();
            for (int k = 0; k < parsed.Gates.Length; k++)
            {
                var gate = parsed.Gates[k];
                for (int i = 0; i < gate.Operands.Length; i++)
                {
                    edges.Add(new DiagramEdge(ValueId(gate.Operands[i], neurons: false), GateId(k), gate.Weights[i]));
                }
            }

            for (int t = 0; t < parsed.OutputValues.Length; t++)
            {
                edges.Add(new DiagramEdge(ValueId(parsed.OutputValues[t], neurons: false), "out", parsed.OutputCoefficients[t]));
            }

            return (ranks, edges);
        }

        private DiagramRank InputRank()
        {
            var nodes = new List<DiagramNode>(InputCount);
            for (int i = 0; i < InputCount; i++)
            {
                string name = parsed.Inputs[i];
                string label = parsed.InputKinds[i] switch
                {
                    InputKind.Bit => name + " (bit)",
                    InputKind.Spin => name + " (spin)",
                    _ => name,
                };
                nodes.Add(new DiagramNode($"i{Invariant(i)}", DiagramNodeKind.Input, [label]));
            }

            return new DiagramRank("inputs", "inputs", [new DiagramGroup(null, null, nodes)]);
        }

        private DiagramRank OutputRank(double bias) =>
            new("output", "output", [new DiagramGroup(null, null, [new DiagramNode("out", DiagramNodeKind.Output, WithBias("output", bias))])]);

        private string[] WithBias(string label, double bias) => showWeights ? [label, "b = " + Number(bias)] : [label];

        /// <summary>"x*y (mul, 4 neurons)"; a flat gate that reads pairs of earlier gates says how many.</summary>
        private string GroupLabel(int k) => $"{_products[k]} ({Kind(k)})";

        /// <summary>"mul, 4 neurons", "flat, 2 neurons + 2 shared".</summary>
        private string Kind(int k)
        {
            var gate = parsed.Gates[k];
            int own = gateNeuronStarts[k + 1] - gateNeuronStarts[k];
            string kind = gate.Kind switch
            {
                GateKind.Multiply => "mul",
                GateKind.Square => "sq",
                GateKind.Bit => "bit",
                _ => "flat",
            };
            int shared = gate.Kind == GateKind.Flat ? (2 * gate.PairCount) - own : 0;
            return shared > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{kind}, {Count(own, "neuron")} + {shared} shared")
                : string.Create(CultureInfo.InvariantCulture, $"{kind}, {Count(own, "neuron")}");
        }

        /// <summary>The neuron's role in its gate: σ(b±p), σ(b±q) (mul), σ(b±pⱼ) (flat pair j of those it adds), σ(bias + Σ) (bit).</summary>
        private static string NeuronLabel(Gate gate, int offset)
        {
            string sign = offset % 2 == 0 ? "+" : "−";
            return gate.Kind switch
            {
                GateKind.Multiply => $"σ(b{sign}{(offset < 2 ? "p" : "q")})",
                GateKind.Square => $"σ(b{sign}p)",
                GateKind.Flat => $"σ(b{sign}p{Subscript((offset / 2) + 1)})",
                _ => $"σ({Number(gate.Bias)} + Σ)",
            };
        }

        private static string Subscript(int number)
        {
            char[] digits = Invariant(number).ToCharArray();
            for (int i = 0; i < digits.Length; i++)
            {
                digits[i] = (char)('₀' + (digits[i] - '0'));
            }

            return new string(digits);
        }

        /// <summary>The node of value <paramref name="value"/>: an input, else a neuron (neuron view) or a gate (gate view).</summary>
        private string ValueId(int value, bool neurons) =>
            value < InputCount ? $"i{Invariant(value)}" : neurons ? NeuronId(value - InputCount) : GateId(value - InputCount);

        private static string NeuronId(int neuron) => $"n{Invariant(neuron)}";

        private static string GateId(int gate) => $"g{Invariant(gate)}";

        private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
