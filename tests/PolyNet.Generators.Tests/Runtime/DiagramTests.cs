using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Runtime;

/// <summary>
/// <see cref="SigmoidNetwork.ToDot"/> and <see cref="SigmoidNetwork.ToMermaid"/>: golden files of generated networks
/// (deep with a skip connection and a shared gate, flat, bits and spins), and the structure read back from the text
/// of those and of random gate tables: every neuron once, in its gate's group, every synapse one edge, ranks = layers.
/// </summary>
public sealed partial class DiagramTests
{
    private const string Source = """
        using PolyNet;

        public static partial class Diagrams
        {
            [Hamiltonian("x*y + 3*x*y*z")]
            public static partial double Readme(double x, double y, double z);

            [Hamiltonian("a*b*c*d", MaxHiddenLayers = 1)]
            public static partial double Flat4(double a, double b, double c, double d);

            [Hamiltonian("a*b*c*d")]
            public static partial double Deep4(double a, double b, double c, double d);

            [Hamiltonian("-s1*s2 - s2*s3 - 0.5*s1 + a*s3")]
            public static partial double Spins([Spin] int s1, [Spin] int s2, [Spin] int s3, bool a);

            [Hamiltonian("x*a*b + s*x^2 + x^2*y^2*z")]
            public static partial double Mixed(double x, double y, double z, bool a, bool b, [Spin] int s);

            [Hamiltonian("x^2*y^2*z + x^3", MaxHiddenLayers = 1)]
            public static partial double Powers(double x, double y, double z);
        }
        """;

    private static readonly Lazy<Type> Compiled = new(
        () => GeneratorHarness.BuildAndLoad(Source).GetType("Diagrams")!,
        LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly DiagramOptions Weights = new() { ShowWeights = true };

    public static TheoryData<string> GeneratedNames => new() { "Readme", "Flat4", "Deep4", "Spins", "Mixed", "Powers" };

    [Theory]
    [InlineData("Readme")]
    [InlineData("Flat4")]
    [InlineData("Spins")]
    public void Diagrams_match_their_golden_files(string name)
    {
        var network = Generated(name);
        Snapshot.Match($"Diagram_{name}", network.ToDot(), "dot");
        Snapshot.Match($"Diagram_{name}", network.ToMermaid(), "mmd");
        Snapshot.Match($"Diagram_{name}_weights", network.ToDot(Weights), "dot");
        Snapshot.Match($"Diagram_{name}_weights", network.ToMermaid(Weights), "mmd");
    }

    [Fact]
    public void Gate_view_matches_its_golden_files()
    {
        var network = Generated("Readme");
        var options = new DiagramOptions { Detail = DiagramDetail.Gates, ShowWeights = true };
        Snapshot.Match("Diagram_Readme_gates", network.ToDot(options), "dot");
        Snapshot.Match("Diagram_Readme_gates", network.ToMermaid(options), "mmd");
    }

    [Fact]
    public void Gates_are_labelled_by_the_products_they_compute()
    {
        Assert.Equal(["x*y (mul, 4 neurons)", "x*y*z (mul, 4 neurons)"], DotClusters(Generated("Readme").ToDot()).Select(c => c.Label));
        Assert.Equal(["a*b (mul, 4 neurons)", "c*d (mul, 4 neurons)", "a*b*c*d (mul, 4 neurons)"], DotClusters(Generated("Deep4").ToDot()).Select(c => c.Label));
        Assert.Equal(["a*b*c*d (flat, 16 neurons)"], DotClusters(Generated("Flat4").ToDot()).Select(c => c.Label));
        Assert.Equal(
            ["y(s1)*y(s2) (bit, 1 neuron)", "y(s2)*y(s3) (bit, 1 neuron)", "y(s3)*a (bit, 1 neuron)"],
            DotClusters(Generated("Spins").ToDot()).Select(c => c.Label));

        // A bit product read by a continuous gate, a spin read directly (not as y(s)), squares.
        Assert.Equal(
            ["a*b (bit, 1 neuron)", "x^2 (sq, 2 neurons)", "y^2 (sq, 2 neurons)", "x*a*b (mul, 4 neurons)", "x^2*s (mul, 4 neurons)", "y^2*z (mul, 4 neurons)", "x^2*y^2*z (mul, 4 neurons)"],
            DotClusters(Generated("Mixed").ToDot()).Select(c => c.Label));

        // Flat products keep each operand's power: ∏(rᵢ + 1) neurons.
        Assert.Equal(["x^3 (flat, 4 neurons)", "x^2*y^2*z (flat, 18 neurons)"], DotClusters(Generated("Powers").ToDot()).Select(c => c.Label));
    }

    [Fact]
    public void A_skip_connection_reads_an_input_from_two_ranks_back()
    {
        var network = Generated("Readme");
        var dot = ParseDot(network.ToDot());
        Assert.Equal(["i0", "i1", "i2"], dot.Ranks[0]);
        Assert.Equal(["n4", "n5", "n6", "n7"], dot.Ranks[2]);
        Assert.Contains(("i2", "n4"), dot.Edges.Select(e => (e.From, e.To)));
        Assert.DoesNotContain(dot.Edges, e => e.From == "i2" && dot.Ranks[1].Contains(e.To));
    }

    [Theory]
    [MemberData(nameof(GeneratedNames))]
    public void Generated_diagrams_hold_every_neuron_and_synapse(string name)
    {
        var network = Generated(name);
        foreach (var options in new DiagramOptions?[] { null, Weights })
        {
            AssertDotStructure(network, network.ToDot(options), options?.ShowWeights == true);
            AssertMermaidStructure(network, network.ToMermaid(options), options?.ShowWeights == true);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Random_gate_tables_hold_every_neuron_and_synapse(int seed)
    {
        // Shared flat pairs, negated pairs, bit products feeding mul gates, skip connections over several layers.
        var network = new SigmoidNetwork(TestNetworks.RandomDag(24, 4, 3, seed));
        var options = new DiagramOptions { ShowWeights = true, Detail = DiagramDetail.Neurons };
        AssertDotStructure(network, network.ToDot(options), showWeights: true);
        AssertMermaidStructure(network, network.ToMermaid(options), showWeights: true);
    }

    [Fact]
    public void Flat_gates_that_share_pairs_say_so_and_add_only_their_own_neurons()
    {
        const string Gates = """
            %0 = flat -2.2924316695611777 1 even 2 x 0.002 y 0.002 : 1 1 1; -1 1 -1
            %1 = flat -2.2924316695611777 1 even 2 x 0.002 y 0.002 : 1 1 1; -1 1 -1
            """;
        var network = new SigmoidNetwork(new SigmoidNetworkDefinition
        {
            Expression = "x*y + x*y",
            Polynomial = "2*x*y",
            Inputs = ["x", "y"],
            InputBounds = [1.0, 1.0],
            Terms = "2 1 1",
            Gates = Gates,
            Output = "0 %0 1 %1 1",
        });
        Assert.Equal(4, network.NeuronCount);
        string dot = network.ToDot();
        Assert.Equal(["x*y (flat, 4 neurons)"], DotClusters(dot).Select(c => c.Label));
        AssertDotStructure(network, dot, showWeights: false);
        Assert.Contains("x*y\\nflat, 0 neurons + 4 shared", network.ToDot(new DiagramOptions { Detail = DiagramDetail.Gates }), StringComparison.Ordinal);
    }

    [Fact]
    public void An_affine_network_is_its_inputs_and_the_output()
    {
        var network = new SigmoidNetwork(new SigmoidNetworkDefinition
        {
            Expression = "1 - 2*x + y/4",
            Polynomial = "1 - 2*x + 0.25*y",
            Inputs = ["x", "y"],
            InputBounds = [1.0, 1.0],
            Terms = "1 0 0; -2 1 0; 0.25 0 1",
            Gates = "",
            Output = "1 x -2 y 0.25",
        });
        string dot = network.ToDot(Weights);
        Assert.Equal([["i0", "i1"], ["out"]], ParseDot(dot).Ranks);
        Assert.Empty(DotClusters(dot));
        AssertDotStructure(network, dot, showWeights: true);
        AssertMermaidStructure(network, network.ToMermaid(Weights), showWeights: true);
        Assert.Contains("out [label=\"output\\nb = 1\"", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void Above_MaxEdges_the_network_is_drawn_gate_by_gate()
    {
        var network = Generated("Deep4");
        var small = new DiagramOptions { MaxEdges = network.SynapseCount - 1 };
        string dot = network.ToDot(small);
        Assert.Contains("gate view (52 synapses > MaxEdges 51)", dot, StringComparison.Ordinal);
        Assert.DoesNotContain("n0", dot, StringComparison.Ordinal);
        var parsed = ParseDot(dot);
        Assert.Equal([["i0", "i1", "i2", "i3"], ["g0", "g1"], ["g2"], ["out"]], parsed.Ranks);
        Assert.Equal([("i0", "g0"), ("i1", "g0"), ("i2", "g1"), ("i3", "g1"), ("g0", "g2"), ("g1", "g2"), ("g2", "out")], parsed.Edges.Select(e => (e.From, e.To)));
        Assert.Contains("g2 --> out", network.ToMermaid(small), StringComparison.Ordinal);

        // At the limit, and when asked, neurons.
        Assert.Contains("neuron view", network.ToDot(new DiagramOptions { MaxEdges = network.SynapseCount }), StringComparison.Ordinal);
        Assert.Contains("neuron view", network.ToDot(small with { Detail = DiagramDetail.Neurons }), StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => network.ToDot(new DiagramOptions { MaxEdges = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => network.ToMermaid(new DiagramOptions { Detail = (DiagramDetail)7 }));
    }

    [Fact]
    public void Titles_default_to_the_expression_and_size_and_can_be_replaced_or_left_out()
    {
        var network = Generated("Readme");
        Assert.Contains("label=\"x*y + 3*x*y*z: 8 neurons in 2 hidden layers\"", network.ToDot(), StringComparison.Ordinal);
        Assert.StartsWith("---\ntitle: \"x*y + 3*x*y*z: 8 neurons in 2 hidden layers\"\n---\nflowchart LR\n", network.ToMermaid(), StringComparison.Ordinal);
        Assert.Contains("label=\"Energy\"", network.ToDot(new DiagramOptions { Title = "Energy" }), StringComparison.Ordinal);
        Assert.DoesNotContain("labelloc", network.ToDot(new DiagramOptions { Title = "" }), StringComparison.Ordinal);
        Assert.StartsWith("flowchart LR\n", network.ToMermaid(new DiagramOptions { Title = "" }), StringComparison.Ordinal);
    }

    [Fact]
    public void User_text_is_escaped_for_each_format()
    {
        // Input names are single tokens but may hold quotes, backslashes, angle brackets, '&' and backticks.
        string[] names = ["q\"1", "a\\b", "<x>", "p&q", "k2", "`t`"];
        var network = new SigmoidNetwork(new SigmoidNetworkDefinition
        {
            Expression = "a \"quoted\"\nsum",
            Polynomial = "p",
            Inputs = names,
            InputBounds = names.Select(_ => 1.0).ToArray(),
            Terms = "",
            Gates = "%0 = mul q\"1 a\\b 0.00113 0.00113 2877464.652028168\n%1 = mul <x> p&q 0.00113 0.00113 2877464.652028168\n%2 = sq k2 0.002 1\n%3 = mul `t` %0 0.00113 0.00113 1",
            Output = "0 %0 1 %1 1 %2 1 %3 1",
        });

        string dot = network.ToDot();
        Assert.Contains("i0 [label=\"q\\\"1\"", dot, StringComparison.Ordinal);
        Assert.Contains("i1 [label=\"a\\\\b\"", dot, StringComparison.Ordinal);
        Assert.Contains("label=\"a \\\"quoted\\\"\\nsum: 14 neurons in 2 hidden layers\"", dot, StringComparison.Ordinal);
        Assert.Contains("label=\"q\\\"1*a\\\\b (mul, 4 neurons)\"", dot, StringComparison.Ordinal);
        Assert.Contains("label=\"k2^2 (sq, 2 neurons)\"", dot, StringComparison.Ordinal);
        Assert.Contains("label=\"q\\\"1*a\\\\b*`t` (mul, 4 neurons)\"", dot, StringComparison.Ordinal);
        AssertDotStructure(network, dot, showWeights: false);

        string mermaid = network.ToMermaid();
        Assert.StartsWith("---\ntitle: \"a \\\"quoted\\\" sum: 14 neurons in 2 hidden layers\"\n---\n", mermaid, StringComparison.Ordinal);
        Assert.Contains("i0[\"q#quot;1\"]", mermaid, StringComparison.Ordinal);
        Assert.Contains("i1[\"a\\b\"]", mermaid, StringComparison.Ordinal);
        Assert.Contains("i2[\"#lt;x#gt;\"]", mermaid, StringComparison.Ordinal);
        Assert.Contains("i3[\"p#amp;q\"]", mermaid, StringComparison.Ordinal);
        Assert.Contains("i5[\"#96;t#96;\"]", mermaid, StringComparison.Ordinal);
        AssertMermaidStructure(network, mermaid, showWeights: false);
    }

    [Fact]
    public void Text_is_the_same_in_every_culture_and_on_every_call()
    {
        var network = Generated("Readme");
        string dot = network.ToDot(Weights), mermaid = network.ToMermaid(Weights);
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(dot, network.ToDot(Weights));
            Assert.Equal(mermaid, network.ToMermaid(Weights));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }

        Assert.Contains("[label=\"0.00113\"]", dot, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lattice_site_is_a_network_and_draws_itself()
    {
        var lattice = new LatticeNetwork(LatticeTemplates.ContinuousChain());
        string dot = lattice.Site.ToDot();
        Assert.Contains("label=\"x[i]*x[i+1] (mul, 4 neurons)\"", dot, StringComparison.Ordinal);
        AssertDotStructure(lattice.Site, dot, showWeights: false);
        AssertMermaidStructure(lattice.Site, lattice.Site.ToMermaid(), showWeights: false);
    }

    private static SigmoidNetwork Generated(string name) =>
        (SigmoidNetwork)Compiled.Value.GetProperty(name + "Network", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

    /// <summary>Reads the DOT back and checks it against the network, node by node and synapse by synapse.</summary>
    private static void AssertDotStructure(SigmoidNetwork network, string text, bool showWeights)
    {
        var dot = ParseDot(text);

        // Every input, neuron and the output defined once.
        var expected = Ids(network);
        Assert.Equal(expected.Order(StringComparer.Ordinal), dot.Nodes.Order(StringComparer.Ordinal));

        // Ranks: the inputs, then every hidden layer's neurons in order, then the output.
        Assert.Equal(network.HiddenLayers + 2, dot.Ranks.Count);
        Assert.Equal(Enumerable.Range(0, network.Inputs.Count).Select(i => $"i{i}"), dot.Ranks[0]);
        for (int layer = 1; layer <= network.HiddenLayers; layer++)
        {
            Assert.Equal(Enumerable.Range(0, network.NeuronCount).Where(i => network.Neurons[i].Layer == layer).Select(i => $"n{i}"), dot.Ranks[layer]);
        }

        Assert.Equal(["out"], dot.Ranks[^1]);

        // Every neuron in exactly one gate's cluster: a run of consecutive neurons, all in one layer.
        var clusters = DotClusters(text);
        var clustered = clusters.SelectMany(c => c.Nodes).Select(n => int.Parse(n[1..], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(0, network.NeuronCount), clustered.Order());
        foreach (var (_, nodes) in clusters)
        {
            var neurons = nodes.Select(n => int.Parse(n[1..], CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(Enumerable.Range(neurons[0], neurons.Count), neurons);
            Assert.Single(neurons.Select(i => network.Neurons[i].Layer).Distinct());
        }

        AssertEdges(network, dot.Edges, showWeights);
    }

    private static void AssertMermaidStructure(SigmoidNetwork network, string text, bool showWeights)
    {
        var nodes = new List<string>();
        var edges = new List<Edge>();
        var open = new Stack<string>();
        var layers = new Dictionary<string, string>();
        foreach (string line in text.Split('\n'))
        {
            Match match;
            if ((match = MermaidSubgraph().Match(line)).Success)
            {
                open.Push(match.Groups[1].Value);
            }
            else if (line.Trim() == "end")
            {
                open.Pop();
            }
            else if ((match = MermaidEdge().Match(line)).Success)
            {
                edges.Add(new Edge(match.Groups[1].Value, match.Groups[3].Value, match.Groups[2].Success ? match.Groups[2].Value : null));
            }
            else if ((match = MermaidNode().Match(line)).Success)
            {
                nodes.Add(match.Groups[1].Value);
                layers[match.Groups[1].Value] = open.Last();   // the outermost subgraph: the node's rank
            }
        }

        Assert.Empty(open);
        Assert.Equal(Ids(network).Order(StringComparer.Ordinal), nodes.Order(StringComparer.Ordinal));
        for (int i = 0; i < network.Inputs.Count; i++)
        {
            Assert.Equal("inputs", layers[$"i{i}"]);
        }

        for (int i = 0; i < network.NeuronCount; i++)
        {
            Assert.Equal($"layer{network.Neurons[i].Layer}", layers[$"n{i}"]);
        }

        Assert.Equal("output", layers["out"]);
        AssertEdges(network, edges, showWeights);
    }

    /// <summary>One edge per synapse and per output weight, in order, each with its weight to 4 digits when shown.</summary>
    private static void AssertEdges(SigmoidNetwork network, List<Edge> edges, bool showWeights)
    {
        string Value(int source) => source < network.Inputs.Count ? $"i{source}" : $"n{source - network.Inputs.Count}";
        var expected = new List<Edge>();
        for (int i = 0; i < network.NeuronCount; i++)
        {
            expected.AddRange(network.Neurons[i].Synapses.Select(s => new Edge(Value(s.Source), $"n{i}", showWeights ? s.Weight.ToString("G4", CultureInfo.InvariantCulture) : null)));
        }

        expected.AddRange(network.Output.Select(s => new Edge(Value(s.Source), "out", showWeights ? s.Weight.ToString("G4", CultureInfo.InvariantCulture) : null)));
        Assert.Equal(network.SynapseCount, edges.Count);
        Assert.Equal(expected, edges);
    }

    private static List<string> Ids(SigmoidNetwork network) =>
        [.. Enumerable.Range(0, network.Inputs.Count).Select(i => $"i{i}"), .. Enumerable.Range(0, network.NeuronCount).Select(i => $"n{i}"), "out"];

    private static (List<string> Nodes, List<List<string>> Ranks, List<Edge> Edges) ParseDot(string text)
    {
        var nodes = new List<string>();
        var ranks = new List<List<string>>();
        var edges = new List<Edge>();
        foreach (string line in text.Split('\n'))
        {
            Match match;
            if ((match = DotEdge().Match(line)).Success)
            {
                edges.Add(new Edge(match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Success ? match.Groups[3].Value : null));
            }
            else if ((match = DotNode().Match(line)).Success)
            {
                nodes.Add(match.Groups[1].Value);
            }
            else if ((match = DotRank().Match(line)).Success)
            {
                ranks.Add([.. match.Groups[1].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]);
            }
        }

        return (nodes, ranks, edges);
    }

    /// <summary>The clusters in order: their label (unescaped) and the nodes defined in them.</summary>
    private static List<(string Label, List<string> Nodes)> DotClusters(string text)
    {
        var clusters = new List<(string Label, List<string> Nodes)>();
        bool inside = false;
        foreach (string line in text.Split('\n'))
        {
            if (line.StartsWith("  subgraph cluster_", StringComparison.Ordinal))
            {
                inside = true;
            }
            else if (inside && line == "  }")
            {
                inside = false;
            }
            else if (inside && DotLabel().Match(line) is { Success: true } label)
            {
                clusters.Add((Regex.Replace(label.Groups[1].Value, @"\\(.)", "$1"), []));
            }
            else if (inside && DotNode().Match(line) is { Success: true } node)
            {
                clusters[^1].Nodes.Add(node.Groups[1].Value);
            }
        }

        return clusters;
    }

    private sealed record Edge(string From, string To, string? Weight);

    [GeneratedRegex("""^\s*(\w+) -> (\w+)(?: \[label="([^"]*)"\])?;$""")]
    private static partial Regex DotEdge();

    [GeneratedRegex("""^\s*(\w+) \[label=""")]
    private static partial Regex DotNode();

    [GeneratedRegex("""^  \{ rank=(?:source|same|sink);(.*)\}$""")]
    private static partial Regex DotRank();

    [GeneratedRegex("""^    label="((?:[^"\\]|\\.)*)";""")]
    private static partial Regex DotLabel();

    [GeneratedRegex("""^\s*subgraph (\w+) \[""")]
    private static partial Regex MermaidSubgraph();

    [GeneratedRegex("""^\s*(\w+) -->(?:\|"([^"]*)"\|)? (\w+)$""")]
    private static partial Regex MermaidEdge();

    [GeneratedRegex("""^\s*(\w+)[\(\[]""")]
    private static partial Regex MermaidNode();
}
