using System;
using System.Linq;
using System.Text.Json.Nodes;
using PolyNet.Generators.Tests.Runtime;

namespace PolyNet.Generators.Tests.Json;

/// <summary>
/// What <c>FromJson</c> refuses: malformed JSON, another format, missing, unknown, repeated or mistyped properties
/// (<see cref="FormatException"/> naming the property and where it is), and invalid definitions, exactly as the constructors do.
/// </summary>
public sealed class JsonErrorTests
{
    private static SigmoidNetworkDefinition Readme => JsonCases.Network("Energy").Definition;

    private static string ReadmeJson => JsonCases.Network("Energy").ToJson();

    public static TheoryData<string, string[]> Malformed => new()
    {
        { "", ["not valid JSON", "does not contain any JSON tokens", "line 1"] },
        { "{", ["not valid JSON", "line 1"] },
        { "{\"format\": \"polynet-network\",}", ["not valid JSON", "line 1"] },
        { "{\"format\": \"polynet-network\"} {}", ["not valid JSON", "line 1"] },
        { "{\n  // a comment\n  \"format\": \"polynet-network\"\n}", ["not valid JSON", "line 2"] },
        { "{\n  \"format\": 'polynet-network'\n}", ["not valid JSON", "line 2"] },
        { "[]", ["a JSON object, not an array"] },
        { "\"polynet-network\"", ["a JSON object, not a string"] },
        { "null", ["a JSON object, not null"] },
        { "{}", ["no \"format\" property", "\"format\": \"polynet-network\""] },
        { "{\"version\": 1}", ["no \"format\" property"] },
        { "{\"format\": 1}", ["\"format\" must be a string, not a number", "line 1"] },
        { "{\"format\": \"polynet-onnx\"}", ["\"format\" is \"polynet-onnx\", not \"polynet-network\""] },
        { "{\"format\": \"Polynet-Network\"}", ["\"format\" is \"Polynet-Network\", not \"polynet-network\""] },
        { "{\"format\": \"polynet-network\", \"site\": {\"a\": 1, \"a\": 2}}", ["\"a\" appears twice", "line 1"] },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_json_or_another_format_is_a_format_exception_that_says_what_is_wrong(string json, string[] fragments)
    {
        var thrown = Assert.Throws<FormatException>(() => SigmoidNetwork.FromJson(json));
        Assert.StartsWith("SigmoidNetwork.FromJson: ", thrown.Message, StringComparison.Ordinal);
        AssertContains(thrown, fragments);
    }

    [Fact]
    public void Another_kind_of_document_names_the_reader_that_reads_it()
    {
        string lattice = JsonCases.Lattice("Ising").ToJson(), classifier = JsonCases.Classifier("Weather").ToJson();
        AssertContains(Assert.Throws<FormatException>(() => SigmoidNetwork.FromJson(lattice)), ["\"polynet-lattice\", not \"polynet-network\"", "LatticeNetwork.FromJson"]);
        AssertContains(Assert.Throws<FormatException>(() => SigmoidNetwork.FromJson(classifier)), ["BoltzmannClassifier.FromJson"]);
        AssertContains(Assert.Throws<FormatException>(() => LatticeNetwork.FromJson(ReadmeJson)), ["LatticeNetwork.FromJson: ", "\"polynet-network\", not \"polynet-lattice\"", "SigmoidNetwork.FromJson"]);
        AssertContains(Assert.Throws<FormatException>(() => BoltzmannClassifier.FromJson(lattice)), ["BoltzmannClassifier.FromJson: ", "not \"polynet-classifier\"", "LatticeNetwork.FromJson"]);
        Assert.Throws<ArgumentNullException>(() => SigmoidNetwork.FromJson(null!));
        Assert.Throws<ArgumentNullException>(() => LatticeNetwork.FromJson(null!));
        Assert.Throws<ArgumentNullException>(() => BoltzmannClassifier.FromJson(null!));
    }

    [Theory]
    [InlineData("version")]
    [InlineData("expression")]
    [InlineData("polynomial")]
    [InlineData("precision")]
    [InlineData("inputs")]
    [InlineData("inputBounds")]
    [InlineData("inputBound")]
    [InlineData("terms")]
    [InlineData("gates")]
    [InlineData("output")]
    [InlineData("maxError")]
    public void A_missing_or_null_required_property_is_named(string property)
    {
        foreach (var edit in new Action<JsonObject>[] { o => o.Remove(property), o => o[property] = null })
        {
            var thrown = Assert.Throws<FormatException>(() => SigmoidNetwork.FromJson(Edit(ReadmeJson, edit)));
            Assert.Equal($"SigmoidNetwork.FromJson: the required property \"{property}\" of $ is missing or null.", thrown.Message);
        }
    }

    [Fact]
    public void Input_kinds_and_the_gradient_bound_may_be_left_out()
    {
        var network = SigmoidNetwork.FromJson(Edit(ReadmeJson, o =>
        {
            o.Remove("inputKinds");
            o.Remove("maxGradientError");
        }));
        Assert.Null(network.Definition.InputKinds);
        Assert.Equal([InputKind.Continuous, InputKind.Continuous, InputKind.Continuous], network.InputKinds);
        Assert.True(double.IsNaN(network.MaxGradientError));
        Assert.True(double.IsNaN(SigmoidNetwork.FromJson(Edit(ReadmeJson, o => o["maxGradientError"] = null)).MaxGradientError));
        Assert.True(double.IsNaN(SigmoidNetwork.FromJson(Edit(ReadmeJson, o => o["maxGradientError"] = "NaN")).MaxGradientError));
    }

    [Fact]
    public void Nested_required_properties_are_named_with_their_path()
    {
        string lattice = Edit(JsonCases.Lattice("Ising").ToJson(), o => o["site"]!.AsObject().Remove("gates"));
        Assert.Equal("LatticeNetwork.FromJson: the required property \"gates\" of $.site is missing or null.", Assert.Throws<FormatException>(() => LatticeNetwork.FromJson(lattice)).Message);
        lattice = Edit(JsonCases.Lattice("Ising").ToJson(), o => o.Remove("summationRounding"));
        Assert.Equal("LatticeNetwork.FromJson: the required property \"summationRounding\" of $ is missing or null.", Assert.Throws<FormatException>(() => LatticeNetwork.FromJson(lattice)).Message);

        string classifier = Edit(JsonCases.Classifier("Spins").ToJson(), o => o["hamiltonians"]![1]!.AsObject().Remove("output"));
        Assert.Equal("BoltzmannClassifier.FromJson: the required property \"output\" of $.hamiltonians[1] is missing or null.", Assert.Throws<FormatException>(() => BoltzmannClassifier.FromJson(classifier)).Message);
        classifier = Edit(JsonCases.Classifier("Spins").ToJson(), o => o.Remove("neuronCount"));
        Assert.Equal("BoltzmannClassifier.FromJson: the required property \"neuronCount\" of $ is missing or null.", Assert.Throws<FormatException>(() => BoltzmannClassifier.FromJson(classifier)).Message);

        // A nested network may carry its own format tag, but only a network's.
        var site = LatticeNetwork.FromJson(Edit(JsonCases.Lattice("Ising").ToJson(), o => o["site"]!["format"] = "polynet-network")).Site;
        Assert.Equal(JsonCases.Lattice("Ising").Site.Gates(), site.Gates());
        lattice = Edit(JsonCases.Lattice("Ising").ToJson(), o => o["site"]!["format"] = "polynet-lattice");
        AssertContains(Assert.Throws<FormatException>(() => LatticeNetwork.FromJson(lattice)), ["$.site", "\"polynet-lattice\"", "may only be tagged \"polynet-network\""]);
    }

    [Fact]
    public void Unknown_properties_are_refused_with_the_shape_s_properties()
    {
        var thrown = Assert.Throws<FormatException>(() => SigmoidNetwork.FromJson(Edit(ReadmeJson, o => o["maxEror"] = 1.0)));
        Assert.Equal(
            "SigmoidNetwork.FromJson: \"maxEror\" is not a property of a network (its properties: format, version, expression, polynomial, precision, inputs, inputBounds, inputKinds, inputBound, terms, gates, output, maxError, maxGradientError) (at $.maxEror, line 1, byte 519).",
            thrown.Message.Replace(LineAndByte(thrown.Message), "line 1, byte 519", StringComparison.Ordinal));
        AssertContains(Assert.Throws<FormatException>(() => LatticeNetwork.FromJson(Edit(JsonCases.Lattice("Ising").ToJson(), o => o["site"]!["boundary"] = "Open"))), ["\"boundary\" is not a property of a network", "$.site.boundary"]);
        AssertContains(Assert.Throws<FormatException>(() => LatticeNetwork.FromJson(Edit(JsonCases.Lattice("Ising").ToJson(), o => o["sites"] = 4))), ["\"sites\" is not a property of a lattice", "summationRounding"]);
        AssertContains(Assert.Throws<FormatException>(() => BoltzmannClassifier.FromJson(Edit(JsonCases.Classifier("Spins").ToJson(), o => o["Categories"] = new JsonArray()))), ["\"Categories\" is not a property of a classifier", "categories"]);
    }

    [Fact]
    public void A_repeated_property_is_refused_with_its_line()
    {
        string json = ReadmeJson.Replace("\"maxError\": ", "\"maxError\": 0,\n  \"maxError\": ", StringComparison.Ordinal);
        var thrown = Assert.Throws<FormatException>(() => SigmoidNetwork.FromJson(json));
        int line = json.Split('\n').ToList().FindLastIndex(l => l.Contains("\"maxError\"", StringComparison.Ordinal)) + 1;
        Assert.Equal($"SigmoidNetwork.FromJson: the property \"maxError\" appears twice in one object (line {line}).", thrown.Message);
    }

    public static TheoryData<string, JsonNode?, string[]> WrongTypes => new()
    {
        { "maxError", "big", ["the value is not a number (or \"NaN\", \"Infinity\", \"-Infinity\")", "at $.maxError"] },
        { "maxError", true, ["not a number", "at $.maxError"] },
        { "version", 1.5, ["the value is not an integer", "at $.version"] },
        { "version", "1", ["the value is not an integer", "at $.version"] },
        { "gates", 3, ["the value is not a string", "at $.gates"] },
        { "inputs", "x y z", ["the value is not an array", "at $.inputs"] },
        { "inputs", new JsonArray(1, 2, 3), ["the value is not a string", "at $.inputs[0]"] },
        { "inputBounds", new JsonArray(1, null, 1), ["not a number", "at $.inputBounds[1]"] },
        { "precision", 0, ["a number is not one of the NetworkPrecision names \"Double\", \"Single\"", "at $.precision"] },
        { "precision", "double", ["\"double\" is not one of the NetworkPrecision names", "at $.precision"] },
        { "precision", "Double, Single", ["\"Double, Single\" is not one of the NetworkPrecision names", "at $.precision"] },
        { "inputKinds", new JsonArray("Continuous", null, "Spin"), ["null is not one of the InputKind names", "at $.inputKinds[1]"] },
        { "inputKinds", new JsonArray("Continuous", "Qubit", "Spin"), ["\"Qubit\" is not one of the InputKind names \"Continuous\", \"Bit\", \"Spin\"", "at $.inputKinds[1]"] },
    };

    [Theory]
    [MemberData(nameof(WrongTypes))]
    public void A_value_of_the_wrong_json_type_is_named_with_its_path_and_line(string property, JsonNode? value, string[] fragments)
    {
        var thrown = Assert.Throws<FormatException>(() => SigmoidNetwork.FromJson(Edit(ReadmeJson, o => o[property] = value?.DeepClone())));
        AssertContains(thrown, ["SigmoidNetwork.FromJson: ", "line ", .. fragments]);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(thrown.InnerException);
        Assert.DoesNotContain("PolyNet.Serialization", thrown.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string?, string?, string?> InvalidContent()
    {
        var data = new TheoryData<string?, string?, string?>();
        foreach (var row in DefinitionValidationTests.MalformedGates)
        {
            data.Add((string)row[0], "0", null);
        }

        foreach (var row in DefinitionValidationTests.MalformedOutputs)
        {
            data.Add(null, (string)row[0], null);
        }

        foreach (var row in DefinitionValidationTests.MalformedTerms)
        {
            data.Add(null, null, (string)row[0]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(InvalidContent))]
    public void An_invalid_definition_is_refused_exactly_as_the_constructor_refuses_it(string? gates, string? output, string? terms)
    {
        var definition = new SigmoidNetworkDefinition
        {
            Expression = Readme.Expression,
            Polynomial = Readme.Polynomial,
            Inputs = Readme.Inputs,
            InputBounds = Readme.InputBounds,
            Gates = gates ?? Readme.Gates,
            Output = output ?? Readme.Output,
            Terms = terms ?? Readme.Terms,
            MaxError = Readme.MaxError,
            MaxGradientError = Readme.MaxGradientError,
        };
        string json = Edit(ReadmeJson, o =>
        {
            o["gates"] = definition.Gates;
            o["output"] = definition.Output;
            o["terms"] = definition.Terms;
        });
        AssertSameRefusal(() => new SigmoidNetwork(definition), () => SigmoidNetwork.FromJson(json));
    }

    [Fact]
    public void Invalid_values_are_refused_as_the_constructors_refuse_them()
    {
        var readme = Readme;
        AssertSameRefusal(() => new SigmoidNetwork(Copy(readme, version: 2)), () => SigmoidNetwork.FromJson(Edit(ReadmeJson, o => o["version"] = 2)));
        AssertSameRefusal(() => new SigmoidNetwork(Copy(readme, version: 0)), () => SigmoidNetwork.FromJson(Edit(ReadmeJson, o => o["version"] = 0)));
        AssertSameRefusal(() => new SigmoidNetwork(Copy(readme, inputs: ["x", null!, "z"])), () => SigmoidNetwork.FromJson(Edit(ReadmeJson, o => o["inputs"] = new JsonArray("x", null, "z"))));
        AssertSameRefusal(() => new SigmoidNetwork(Copy(readme, bounds: [1.0, double.NaN, 1.0])), () => SigmoidNetwork.FromJson(Edit(ReadmeJson, o => o["inputBounds"] = new JsonArray(1, "NaN", 1))));
        AssertSameRefusal(() => new SigmoidNetwork(Copy(readme, bounds: [1.0, 1.0])), () => SigmoidNetwork.FromJson(Edit(ReadmeJson, o => o["inputBounds"] = new JsonArray(1, 1))));
        AssertSameRefusal(() => new SigmoidNetwork(Copy(readme, maxError: double.NaN)), () => SigmoidNetwork.FromJson(Edit(ReadmeJson, o => o["maxError"] = "NaN")));
        AssertSameRefusal(() => new SigmoidNetwork(Copy(readme, kinds: [InputKind.Spin])), () => SigmoidNetwork.FromJson(Edit(ReadmeJson, o => o["inputKinds"] = new JsonArray("Spin"))));

        var ising = JsonCases.Lattice("Ising").Definition;
        AssertSameRefusal(
            () => new LatticeNetwork(new LatticeNetworkDefinition { Expression = ising.Expression, Site = ising.Site, Parameters = ising.Parameters, ParameterKinds = ising.ParameterKinds, ParameterBounds = ising.ParameterBounds, Fields = ising.Fields, Extents = ising.Extents, Reads = "s 0 0; s 1 0; s 0 1 2", Boundary = ising.Boundary, Constant = ising.Constant, SiteBound = ising.SiteBound, SummationRounding = ising.SummationRounding }),
            () => LatticeNetwork.FromJson(Edit(JsonCases.Lattice("Ising").ToJson(), o => o["reads"] = "s 0 0; s 1 0; s 0 1 2")));
        AssertSameRefusal(
            () => new LatticeNetwork(new LatticeNetworkDefinition { Expression = ising.Expression, Site = Copy(ising.Site, gates: "%0 = bit -40 s[i,j] 40 q 40"), Parameters = ising.Parameters, ParameterKinds = ising.ParameterKinds, ParameterBounds = ising.ParameterBounds, Fields = ising.Fields, Extents = ising.Extents, Reads = ising.Reads, Boundary = ising.Boundary, Constant = ising.Constant, SiteBound = ising.SiteBound, SummationRounding = ising.SummationRounding }),
            () => LatticeNetwork.FromJson(Edit(JsonCases.Lattice("Ising").ToJson(), o => o["site"]!["gates"] = "%0 = bit -40 s[i,j] 40 q 40")));

        var spins = JsonCases.Classifier("Spins").Definition;
        AssertSameRefusal(
            () => new BoltzmannClassifier(new BoltzmannClassifierDefinition { Categories = ["up", "up", "mixed"], Priors = spins.Priors, Hamiltonians = spins.Hamiltonians, NeuronCount = spins.NeuronCount, MaxError = spins.MaxError }),
            () => BoltzmannClassifier.FromJson(Edit(JsonCases.Classifier("Spins").ToJson(), o => o["categories"] = new JsonArray("up", "up", "mixed"))));
        AssertSameRefusal(
            () => new BoltzmannClassifier(new BoltzmannClassifierDefinition { Categories = spins.Categories, Priors = spins.Priors, Hamiltonians = [spins.Hamiltonians[0], null!, spins.Hamiltonians[2]], NeuronCount = spins.NeuronCount, MaxError = spins.MaxError }),
            () => BoltzmannClassifier.FromJson(Edit(JsonCases.Classifier("Spins").ToJson(), o => o["hamiltonians"]![1] = null)));
        AssertSameRefusal(
            () => new BoltzmannClassifier(new BoltzmannClassifierDefinition { Categories = spins.Categories, Priors = spins.Priors, Hamiltonians = [spins.Hamiltonians[0], Copy(spins.Hamiltonians[1], gates: "%0 = mul"), spins.Hamiltonians[2]], NeuronCount = spins.NeuronCount, MaxError = spins.MaxError }),
            () => BoltzmannClassifier.FromJson(Edit(JsonCases.Classifier("Spins").ToJson(), o => o["hamiltonians"]![1]!["gates"] = "%0 = mul")));
    }

    private static SigmoidNetworkDefinition Copy(
        SigmoidNetworkDefinition d, int? version = null, string[]? inputs = null, double[]? bounds = null, InputKind[]? kinds = null, double? maxError = null, string? gates = null) => new()
        {
            Version = version ?? d.Version,
            Expression = d.Expression,
            Polynomial = d.Polynomial,
            Precision = d.Precision,
            Inputs = inputs ?? d.Inputs,
            InputBounds = bounds ?? d.InputBounds,
            InputKinds = kinds ?? d.InputKinds,
            InputBound = d.InputBound,
            Terms = d.Terms,
            Gates = gates ?? d.Gates,
            Output = d.Output,
            MaxError = maxError ?? d.MaxError,
            MaxGradientError = d.MaxGradientError,
        };

    private static void AssertSameRefusal(Action construct, Action read)
    {
        var expected = Assert.ThrowsAny<Exception>(construct);
        var actual = Assert.ThrowsAny<Exception>(read);
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(expected.Message, actual.Message);
        Assert.Equal((expected as ArgumentException)?.ParamName, (actual as ArgumentException)?.ParamName);
    }

    private static string Edit(string json, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    private static string LineAndByte(string message)
    {
        int at = message.LastIndexOf("line ", StringComparison.Ordinal);
        return message[at..message.LastIndexOf(')')];
    }

    private static void AssertContains(Exception thrown, string[] fragments)
    {
        foreach (string fragment in fragments)
        {
            Assert.True(thrown.Message.Contains(fragment, StringComparison.Ordinal), $"'{fragment}' is not in: {thrown.Message}");
        }
    }
}

/// <summary>A network's gate table, for comparisons.</summary>
file static class Extensions
{
    public static string Gates(this SigmoidNetwork network) => network.Definition.Gates;
}
