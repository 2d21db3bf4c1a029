using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using PolyNet.Generators.Tests.Infrastructure;
using PolyNet.Generators.Tests.Runtime;

namespace PolyNet.Generators.Tests.Json;

/// <summary>
/// <c>ToJson</c> / <c>FromJson</c> of networks, lattices and classifiers: every definition property comes back (doubles
/// bit for bit), the rebuilt network evaluates bit for bit like the original, and the README network's JSON is a golden file.
/// </summary>
public sealed class JsonRoundTripTests
{
    public static TheoryData<string> NetworkMethods => new() { "Energy", "Single", "Mixed", "Flat", "Big" };

    [Theory]
    [MemberData(nameof(NetworkMethods))]
    public void A_generated_network_round_trips_every_field_and_evaluates_bit_for_bit(string method)
    {
        var network = JsonCases.Network(method);
        foreach (bool indented in (bool[])[true, false])
        {
            string json = network.ToJson(indented);
            var back = SigmoidNetwork.FromJson(json);
            JsonCases.AssertSame(network.Definition, back.Definition);
            Assert.Equal(json, back.ToJson(indented));
            AssertSameEvaluation(network, back, seed: method.Length);
        }

        Assert.DoesNotContain('\n', network.ToJson(indented: false));
    }

    [Fact]
    public void The_cases_cover_what_they_claim()
    {
        Assert.Equal(NetworkPrecision.Single, JsonCases.Network("Single").Precision);
        Assert.Contains(InputKind.Bit, JsonCases.Network("Mixed").InputKinds);
        Assert.Contains(InputKind.Spin, JsonCases.Network("Mixed").InputKinds);
        Assert.Null(JsonCases.Network("Energy").Definition.InputKinds);
        Assert.Equal(1, JsonCases.Network("Flat").HiddenLayers);
        Assert.Contains(" flat ", JsonCases.Network("Flat").Definition.Gates, StringComparison.Ordinal);
        int bigGates = JsonCases.Network("Big").Definition.Gates.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.True(bigGates > 48, $"{bigGates} gates: the network is not emitted as a gate table");
        Assert.Equal(LatticeBoundary.Periodic, JsonCases.Lattice("Ising").Boundary);
        Assert.Equal(LatticeBoundary.Open, JsonCases.Lattice("IsingOpen").Boundary);
        Assert.False(double.IsNaN(JsonCases.Lattice("Phi4").MaxGradientError));
        Assert.False(double.IsNaN(JsonCases.Network("Energy").MaxGradientError));
    }

    public static TheoryData<string, int[]> LatticeMethods => new()
    {
        { "Ising", [3, 4] },
        { "IsingOpen", [3, 4] },
        { "Phi4", [5] },
    };

    [Theory]
    [MemberData(nameof(LatticeMethods))]
    public void A_generated_lattice_round_trips_with_its_site_and_unrolls_bit_for_bit(string method, int[] extents)
    {
        var lattice = JsonCases.Lattice(method);
        string json = lattice.ToJson();
        var back = LatticeNetwork.FromJson(json);
        JsonCases.AssertSame(lattice.Definition, back.Definition);
        Assert.Equal(json, back.ToJson());
        Assert.Equal(lattice.ToString(), back.ToString());
        JsonCases.AssertBits(lattice.MaxError(12), back.MaxError(12), "MaxError(12)");
        AssertSameEvaluation(lattice.Site, back.Site, seed: 1);
        AssertSameEvaluation(lattice.Unroll(extents), back.Unroll(extents), seed: 2);
    }

    [Theory]
    [InlineData("Weather")]
    [InlineData("Spins")]
    public void A_generated_classifier_round_trips_with_its_hamiltonians_and_classifies_bit_for_bit(string method)
    {
        var classifier = JsonCases.Classifier(method);
        string json = classifier.ToJson();
        var back = BoltzmannClassifier.FromJson(json);
        JsonCases.AssertSame(classifier.Definition, back.Definition);
        Assert.Equal(json, back.ToJson());
        JsonCases.AssertSame(classifier.Priors, back.Priors, "Priors");
        JsonCases.AssertSame(classifier.LogPriors, back.LogPriors, "LogPriors");

        var random = new Random(3);
        var expected = new double[classifier.Categories.Count];
        var actual = new double[expected.Length];
        for (int point = 0; point < 50; point++)
        {
            double[] inputs = TestNetworks.RandomInputs(classifier.Hamiltonians[0], random, factor: point % 2 == 0 ? 1 : 1.5);
            Assert.Equal(classifier.Evaluate(inputs, expected), back.Evaluate(inputs, actual));
            JsonCases.AssertSame(expected, actual, $"probabilities at ({string.Join(", ", inputs)})");
            classifier.EvaluateLogProbabilities(inputs, expected);
            back.EvaluateLogProbabilities(inputs, actual);
            JsonCases.AssertSame(expected, actual, $"log probabilities at ({string.Join(", ", inputs)})");
        }

        for (int y = 0; y < classifier.Hamiltonians.Count; y++)
        {
            AssertSameEvaluation(classifier.Hamiltonians[y], back.Hamiltonians[y], seed: y);
        }
    }

    [Fact]
    public void Hand_written_definitions_round_trip_too()
    {
        var networks = new[]
        {
            TestNetworks.FlatEvenAndOdd,   // MaxGradientError unknown (NaN)
            TestNetworks.RandomDag(gateCount: 80, continuous: 4, bits: 3, seed: 14),
        };
        foreach (var definition in networks)
        {
            var network = new SigmoidNetwork(definition);
            var back = SigmoidNetwork.FromJson(network.ToJson());
            JsonCases.AssertSame(network.Definition, back.Definition);
            AssertSameEvaluation(network, back, seed: 4);
        }

        foreach (var definition in new[] { LatticeTemplates.ContinuousChain(LatticeBoundary.Open), LatticeTemplates.SpinChain(), LatticeTemplates.Ising(LatticeBoundary.Open) })
        {
            var lattice = new LatticeNetwork(definition);
            JsonCases.AssertSame(lattice.Definition, LatticeNetwork.FromJson(lattice.ToJson()).Definition);
        }
    }

    [Fact]
    public void Doubles_round_trip_bit_for_bit_at_the_edges_of_their_range()
    {
        double[] bounds = [0.1, 0.30000000000000004, 1e-300, 5e-324, double.Epsilon * 3, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308, 1e21, 123456789012345680, 1 / 3.0, Math.PI];
        string[] names = bounds.Select((_, i) => $"x{i}").ToArray();
        var network = new SigmoidNetwork(new SigmoidNetworkDefinition
        {
            Expression = "edges",
            Polynomial = "edges",
            Inputs = names,
            InputBounds = bounds,
            InputBound = double.Epsilon,
            Output = "-0",
            MaxError = -0.0,
            MaxGradientError = double.PositiveInfinity,
        });
        string json = network.ToJson();
        Assert.Contains("0.1,", json, StringComparison.Ordinal);
        Assert.Contains("\"maxError\": -0,", json, StringComparison.Ordinal);
        Assert.Contains("\"maxGradientError\": \"Infinity\"", json, StringComparison.Ordinal);
        var back = SigmoidNetwork.FromJson(json);
        JsonCases.AssertSame(network.Definition, back.Definition);
        Assert.True(double.IsNegative(back.MaxError));

        var lattice = new LatticeNetwork(new LatticeNetworkDefinition
        {
            Expression = "edges",
            Site = LatticeTemplates.ContinuousChain().Site,
            Parameters = ["x"],
            ParameterKinds = [InputKind.Continuous],
            ParameterBounds = [5e-324],
            Fields = ["x"],
            Extents = ["n"],
            Reads = "x 0; x 1",
            Constant = -0.0,
            SiteBound = 1.7976931348623157e308,
            SummationRounding = 5e-324,
            MaxGradientError = 0.1,
        });
        JsonCases.AssertSame(lattice.Definition, LatticeNetwork.FromJson(lattice.ToJson()).Definition);
        Assert.True(double.IsNegative(LatticeNetwork.FromJson(lattice.ToJson(indented: false)).Definition.Constant));

        var classifier = new BoltzmannClassifier(new BoltzmannClassifierDefinition
        {
            Categories = ["a", "b", "c"],
            Priors = [5e-324, 1e300, 0.1],
            Hamiltonians = [JsonCases.Network("Energy").Definition, JsonCases.Network("Energy").Definition, JsonCases.Network("Energy").Definition],
            NeuronCount = 0,
            MaxError = 2.2250738585072014e-308,
        });
        JsonCases.AssertSame(classifier.Definition, BoltzmannClassifier.FromJson(classifier.ToJson()).Definition);
    }

    [Fact]
    public void Random_bit_patterns_round_trip_bit_for_bit()
    {
        var random = new Random(14);
        var bounds = new double[2000];
        for (int i = 0; i < bounds.Length; i++)
        {
            do
            {
                bounds[i] = BitConverter.Int64BitsToDouble(random.NextInt64() & long.MaxValue);
            }
            while (!double.IsFinite(bounds[i]) || bounds[i] == 0);
        }

        var network = new SigmoidNetwork(new SigmoidNetworkDefinition
        {
            Inputs = bounds.Select((_, i) => $"x{i}").ToArray(),
            InputBounds = bounds,
            MaxError = bounds[0],
            MaxGradientError = bounds[1],
        });
        JsonCases.AssertSame(network.Definition, SigmoidNetwork.FromJson(network.ToJson(indented: false)).Definition);
    }

    [Fact]
    public void The_json_holds_the_format_tag_and_every_definition_property_in_camel_case()
    {
        AssertProperties(JsonCases.Network("Mixed").ToJson(), "polynet-network", typeof(SigmoidNetworkDefinition));
        var lattice = JsonDocument.Parse(JsonCases.Lattice("Ising").ToJson()).RootElement;
        AssertProperties(JsonCases.Lattice("Ising").ToJson(), "polynet-lattice", typeof(LatticeNetworkDefinition));
        AssertNestedProperties(lattice.GetProperty("site"), typeof(SigmoidNetworkDefinition));
        Assert.Equal("Periodic", lattice.GetProperty("boundary").GetString());
        Assert.Equal("Spin", lattice.GetProperty("parameterKinds")[0].GetString());

        var classifier = JsonDocument.Parse(JsonCases.Classifier("Spins").ToJson()).RootElement;
        AssertProperties(JsonCases.Classifier("Spins").ToJson(), "polynet-classifier", typeof(BoltzmannClassifierDefinition));
        Assert.Equal(3, classifier.GetProperty("hamiltonians").GetArrayLength());
        foreach (var hamiltonian in classifier.GetProperty("hamiltonians").EnumerateArray())
        {
            AssertNestedProperties(hamiltonian, typeof(SigmoidNetworkDefinition));
        }

        var network = JsonDocument.Parse(JsonCases.Network("Single").ToJson()).RootElement;
        Assert.Equal("Single", network.GetProperty("precision").GetString());
        Assert.Equal(JsonValueKind.Null, network.GetProperty("inputKinds").ValueKind);
        Assert.Equal("x*y*z - 0.5*x^2 + 1e-3*y", network.GetProperty("expression").GetString());
        Assert.Equal(["Continuous", "Continuous", "Bit", "Bit", "Spin", "Spin"], JsonDocument.Parse(JsonCases.Network("Mixed").ToJson()).RootElement.GetProperty("inputKinds").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal("NaN", JsonDocument.Parse(new SigmoidNetwork(TestNetworks.FlatEvenAndOdd).ToJson()).RootElement.GetProperty("maxGradientError").GetString());
    }

    [Fact]
    public void The_readme_network_json_matches_its_golden_file()
    {
        Snapshot.Match("Json_of_the_readme_network", JsonCases.Network("Energy").ToJson(), "json");
    }

    private static void AssertProperties(string json, string format, Type definition)
    {
        var root = JsonDocument.Parse(json).RootElement;
        var names = root.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal("format", names[0]);
        Assert.Equal(format, root.GetProperty("format").GetString());
        Assert.Equal(["format", .. CamelCase(definition)], names);
    }

    private static void AssertNestedProperties(JsonElement element, Type definition) =>
        Assert.Equal(CamelCase(definition), element.EnumerateObject().Select(p => p.Name));

    private static IEnumerable<string> CamelCase(Type definition) =>
        definition.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken).Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..]);

    /// <summary>Evaluate and EvaluateGradient bit for bit at random points, inside the bounds and half as far again outside.</summary>
    private static void AssertSameEvaluation(SigmoidNetwork expected, SigmoidNetwork actual, int seed)
    {
        var random = new Random(seed);
        var expectedGradient = new double[expected.Inputs.Count];
        var actualGradient = new double[expected.Inputs.Count];
        for (int point = 0; point < 40; point++)
        {
            double[] inputs = TestNetworks.RandomInputs(expected, random, factor: point % 2 == 0 ? 1 : 1.5);
            string at = $"{expected.Expression} at ({string.Join(", ", inputs)})";
            JsonCases.AssertBits(expected.Evaluate(inputs), actual.Evaluate(inputs), $"Evaluate {at}");
            JsonCases.AssertBits(expected.EvaluatePolynomial(inputs), actual.EvaluatePolynomial(inputs), $"EvaluatePolynomial {at}");
            JsonCases.AssertBits(expected.EvaluateGradient(inputs, expectedGradient), actual.EvaluateGradient(inputs, actualGradient), $"EvaluateGradient's value {at}");
            JsonCases.AssertSame(expectedGradient, actualGradient, $"gradient {at}");
        }
    }
}
