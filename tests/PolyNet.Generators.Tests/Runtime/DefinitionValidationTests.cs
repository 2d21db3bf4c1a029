using System;
using System.Collections.Generic;
using System.Linq;
using PolyNet.Kernels;

namespace PolyNet.Generators.Tests.Runtime;

/// <summary>Every malformed or inconsistent definition is refused with a message that names the property (and for text the line and the token).</summary>
public sealed class DefinitionValidationTests
{
    private static readonly SigmoidNetworkDefinition Valid = new()
    {
        Expression = "x*y + 3*x*y*z",
        Inputs = ["x", "y", "z"],
        InputBounds = [1.0, 1.0, 1.0],
        Terms = "1 1 1 0; 3 1 1 1",
        Gates = "%0 = mul x y 0.00113 0.00113 2877464.652028168\n%1 = mul %0 z 0.0011299999999993722 0.00113 2877464.6520297667",
        Output = "0 %0 1 %1 3",
    };

    /// <summary>(gates text, exception type, fragments the message must contain).</summary>
    public static TheoryData<string, Type, string[]> MalformedGates => new()
    {
        { "%0 = mul x y 0.00113 0.00113", typeof(FormatException), ["Gates", "line 1", "'0.00113'", "the scale"] },
        { "%0 = mux x y 1 1 1", typeof(FormatException), ["Gates", "line 1", "'mux'"] },
        { "%1 = mul x y 1 1 1", typeof(FormatException), ["Gates", "line 1", "'%1'", "%0 ="] },
        { "%0 mul x y 1 1 1", typeof(FormatException), ["Gates", "line 1", "'mul'", "'='"] },
        { "%0 = mul x w 1 1 1", typeof(ArgumentException), ["Gates", "line 1", "'w'", "no input"] },
        { "%0 = mul x %0 1 1 1", typeof(ArgumentException), ["Gates", "line 1", "'%0'", "not defined on an earlier line"] },
        { "%0 = sq x 1 1\n%1 = mul x %2 1 1 1", typeof(ArgumentException), ["Gates", "line 2", "'%2'"] },
        { "%0 = mul x %y 1 1 1", typeof(FormatException), ["Gates", "'%y'"] },
        { "%0 = mul x y 1 Infinity 1", typeof(FormatException), ["Gates", "line 1", "'Infinity'"] },
        { "%0 = mul x y 1 NaN 1", typeof(FormatException), ["Gates", "'NaN'"] },
        { "%0 = mul x y 1 ∞ 1", typeof(FormatException), ["Gates", "'∞'"] },
        { "%0 = mul x y 1 1e999 1", typeof(ArgumentException), ["Gates", "line 1", "'1e999'", "not finite"] },
        { "%0 = mul x y 1,5 1 1", typeof(FormatException), ["Gates", "'1,5'"] },
        { "%0 = mul x y 0x10 1 1", typeof(FormatException), ["Gates", "'0x10'"] },
        { "%0 = mul x y 1 1 1 extra", typeof(FormatException), ["Gates", "line 1", "'extra'"] },
        { "# a comment\n\n%0 = mul x y 1 1 1\r\n%1 = sq %0 q 1", typeof(FormatException), ["Gates", "line 4", "'q'", "number"] },
        { "%0 = bit -40", typeof(FormatException), ["Gates", "line 1", "'-40'"] },
        { "%0 = bit -40 x", typeof(FormatException), ["Gates", "'x'", "a weight"] },
        { "%0 = flat -3 1 oddd 2 x 1 y 1 : 1 1 1", typeof(FormatException), ["Gates", "'oddd'"] },
        { "%0 = flat -3 1 odd 2 x 1 y 1 : 1 1 1 1", typeof(ArgumentException), ["Gates", "line 1", "pair 1", "3 multipliers"] },
        { "%0 = flat -3 1 odd 3 x 1 y 1 : 1 1 1", typeof(ArgumentException), ["Gates", "line 1", "3 operands", "lists 2"] },
        { "%0 = flat -3 1 odd 2 x 1 y 1 : 1 0 0", typeof(ArgumentException), ["Gates", "pair 1", "non-zero"] },
        { "%0 = flat -3 1 odd 2 x 1 y 1 1 1 1", typeof(FormatException), ["Gates", "':'"] },
        { "%0 = flat -3 1 odd 2 x 1 y 1 : 1 1 1;", typeof(FormatException), ["Gates", "';'", "another pair"] },
        { "%0 = flat -3 1 odd 2 x 1 y 1 : 1 1.5 1", typeof(FormatException), ["Gates", "'1.5'", "integer"] },
        { "%0 = flat -3 1 odd 0 : 1", typeof(ArgumentException), ["Gates", "at least one operand"] },
    };

    [Theory]
    [MemberData(nameof(MalformedGates))]
    public void A_malformed_gate_table_is_refused(string gates, Type exception, string[] fragments)
    {
        var definition = With(gates: gates, output: "0");
        AssertRefused(definition, exception, fragments);
    }

    public static TheoryData<string, Type, string[]> MalformedOutputs => new()
    {
        { "0 %2 1", typeof(ArgumentException), ["Output", "'%2'", "no gate 2"] },
        { "0 %0", typeof(FormatException), ["Output", "'%0'", "coefficient"] },
        { "", typeof(FormatException), ["Output", "empty"] },
        { "0 q 1", typeof(ArgumentException), ["Output", "'q'"] },
        { "zero %0 1", typeof(FormatException), ["Output", "line 1", "'zero'"] },
        { "0 %0 1 %1 Infinity", typeof(FormatException), ["Output", "'Infinity'"] },
    };

    [Theory]
    [MemberData(nameof(MalformedOutputs))]
    public void A_malformed_output_map_is_refused(string output, Type exception, string[] fragments) =>
        AssertRefused(With(output: output), exception, fragments);

    public static TheoryData<string, Type, string[]> MalformedTerms => new()
    {
        { "1 1 1", typeof(ArgumentException), ["Terms", "term 1", "2 exponents", "3 inputs"] },
        { "1 1 1 0; 3 1 1 1 1", typeof(ArgumentException), ["Terms", "term 2", "4 exponents"] },
        { "1 1 -1 0", typeof(FormatException), ["Terms", "'-1'", "negative"] },
        { "1 1 1 0;", typeof(FormatException), ["Terms", "';'", "another term"] },
        { "1 1 1 0;; 3 1 1 1", typeof(FormatException), ["Terms", "';'"] },
        { "1 1.5 1 0", typeof(FormatException), ["Terms", "'1.5'"] },
        { "abc 1 1 0", typeof(FormatException), ["Terms", "line 1", "'abc'"] },
        { "1e400 1 1 0", typeof(ArgumentException), ["Terms", "'1e400'", "not finite"] },
    };

    [Theory]
    [MemberData(nameof(MalformedTerms))]
    public void Malformed_terms_are_refused(string terms, Type exception, string[] fragments) =>
        AssertRefused(With(terms: terms), exception, fragments);

    [Fact]
    public void Inconsistent_scalar_properties_are_refused()
    {
        AssertRefused(With(inputs: ["x", "y", "x"]), typeof(ArgumentException), ["Inputs", "'x'", "twice"]);
        AssertRefused(With(inputs: ["x", "y z", "w"]), typeof(ArgumentException), ["Inputs", "'y z'"]);
        AssertRefused(With(inputs: ["x", "%1", "w"]), typeof(ArgumentException), ["Inputs", "'%1'"]);
        AssertRefused(With(inputs: ["x", "", "w"]), typeof(ArgumentException), ["Inputs"]);
        AssertRefused(With(inputs: ["x", null!, "w"]), typeof(ArgumentException), ["Inputs", "null"]);
        AssertRefused(With(bounds: [1.0, 1.0]), typeof(ArgumentException), ["InputBounds", "one bound per input"]);
        AssertRefused(With(bounds: [1.0, double.NaN, 1.0]), typeof(ArgumentException), ["InputBounds", "'y'"]);
        AssertRefused(With(bounds: [1.0, double.PositiveInfinity, 1.0]), typeof(ArgumentException), ["InputBounds"]);
        AssertRefused(With(bounds: [1.0, 0.0, 1.0]), typeof(ArgumentException), ["InputBounds"]);
        AssertRefused(With(bounds: [1.0, -1.0, 1.0]), typeof(ArgumentException), ["InputBounds"]);
        AssertRefused(With(kinds: [InputKind.Bit]), typeof(ArgumentException), ["InputKinds", "one kind per input"]);
        AssertRefused(With(kinds: [InputKind.Bit, (InputKind)7, InputKind.Spin]), typeof(ArgumentException), ["InputKinds", "'y'"]);
        AssertRefused(new SigmoidNetworkDefinition { Inputs = Valid.Inputs, InputBounds = Valid.InputBounds, InputBound = double.NaN }, typeof(ArgumentException), ["InputBound"]);
        AssertRefused(new SigmoidNetworkDefinition { Inputs = Valid.Inputs, InputBounds = Valid.InputBounds, InputBound = 0 }, typeof(ArgumentException), ["InputBound"]);
        AssertRefused(new SigmoidNetworkDefinition { Inputs = Valid.Inputs, InputBounds = Valid.InputBounds, MaxError = -1 }, typeof(ArgumentException), ["MaxError"]);
        AssertRefused(new SigmoidNetworkDefinition { Inputs = Valid.Inputs, InputBounds = Valid.InputBounds, MaxError = double.NaN }, typeof(ArgumentException), ["MaxError"]);
        AssertRefused(new SigmoidNetworkDefinition { Inputs = Valid.Inputs, InputBounds = Valid.InputBounds, Precision = (NetworkPrecision)5 }, typeof(ArgumentException), ["Precision"]);
        AssertRefused(new SigmoidNetworkDefinition { Version = 0 }, typeof(ArgumentException), ["Version"]);
    }

    [Fact]
    public void Null_properties_are_refused_by_name()
    {
        Assert.Throws<ArgumentNullException>(() => new SigmoidNetwork(null!));
        AssertRefused(new SigmoidNetworkDefinition { Inputs = null! }, typeof(ArgumentNullException), ["Inputs"]);
        AssertRefused(new SigmoidNetworkDefinition { InputBounds = null! }, typeof(ArgumentNullException), ["InputBounds"]);
        AssertRefused(new SigmoidNetworkDefinition { Expression = null! }, typeof(ArgumentNullException), ["Expression"]);
        AssertRefused(new SigmoidNetworkDefinition { Polynomial = null! }, typeof(ArgumentNullException), ["Polynomial"]);
        AssertRefused(new SigmoidNetworkDefinition { Gates = null! }, typeof(ArgumentNullException), ["Gates"]);
        AssertRefused(new SigmoidNetworkDefinition { Output = null! }, typeof(ArgumentNullException), ["Output"]);
        AssertRefused(new SigmoidNetworkDefinition { Terms = null! }, typeof(ArgumentNullException), ["Terms"]);
    }

    [Fact]
    public void A_later_version_is_not_supported()
    {
        var definition = new SigmoidNetworkDefinition { Version = 2, Gates = "%0 = something new" };
        var exception = Assert.Throws<NotSupportedException>(() => new SigmoidNetwork(definition));
        Assert.Contains("Version 2", exception.Message, StringComparison.Ordinal);
        Assert.Throws<NotSupportedException>(() => GateProgram.Create(definition));
    }

    [Fact]
    public void Line_breaks_tabs_comments_and_number_forms_are_tolerated()
    {
        var tolerant = With(
            gates: "# gates\r\n\r\n%0\t=  mul x y 1.13E-03 +0.00113 2877464.652028168   # x*y\r\n   %1 = mul %0 z 0.0011299999999993722 0.00113 2877464.6520297667\r\n",
            output: "  0\n %0 1.0 %1 3e0 ",
            terms: " 1 1 1 0 ;3 1 1 1 ");
        var expected = new SigmoidNetwork(Valid);
        var actual = new SigmoidNetwork(tolerant);
        Assert.Equal(expected.Neurons.SelectMany(n => n.Synapses), actual.Neurons.SelectMany(n => n.Synapses));
        Assert.Equal(expected.Output, actual.Output);
        Assert.Equal(expected.EvaluatePolynomial([0.5, 0.25, 2]), actual.EvaluatePolynomial([0.5, 0.25, 2]));
    }

    [Fact]
    public void An_affine_network_needs_no_gates()
    {
        var network = new SigmoidNetwork(new SigmoidNetworkDefinition { Inputs = ["x"], InputBounds = [2.0], Output = "1.5 x -2", Terms = "1.5 0; -2 1" });
        Assert.Equal(0, network.NeuronCount);
        Assert.Equal(0, network.HiddenLayers);
        Assert.Equal(1, network.SynapseCount);
        Assert.Equal(1.5 - (2 * 0.25), network.Evaluate([0.25]));
        Assert.Equal(1.5, network.RestOutput);
    }

    private static void AssertRefused(SigmoidNetworkDefinition definition, Type exception, string[] fragments)
    {
        foreach (var create in new Action[] { () => _ = new SigmoidNetwork(definition), () => GateProgram.Create(definition) })
        {
            var thrown = Assert.ThrowsAny<Exception>(create);
            Assert.IsType(exception, thrown);
            foreach (string fragment in fragments)
            {
                Assert.Contains(fragment, thrown.Message, StringComparison.Ordinal);
            }

            if (thrown is ArgumentException argument)
            {
                Assert.Equal("definition", argument.ParamName);
            }
        }
    }

    private static SigmoidNetworkDefinition With(
        string? gates = null,
        string? output = null,
        string? terms = null,
        IReadOnlyList<string>? inputs = null,
        IReadOnlyList<double>? bounds = null,
        IReadOnlyList<InputKind>? kinds = null) => new()
        {
            Expression = Valid.Expression,
            Inputs = inputs ?? Valid.Inputs,
            InputBounds = bounds ?? Valid.InputBounds,
            InputKinds = kinds,
            Terms = terms ?? Valid.Terms,
            Gates = gates ?? Valid.Gates,
            Output = output ?? Valid.Output,
        };
}
