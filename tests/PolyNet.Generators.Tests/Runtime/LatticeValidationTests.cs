using System;
using System.Collections.Generic;

namespace PolyNet.Generators.Tests.Runtime;

/// <summary>Every inconsistent lattice definition is refused with a message that names the property.</summary>
public sealed class LatticeValidationTests
{
    public static TheoryData<string, Type, string[]> Refusals => new()
    {
        { "reads an unknown field", typeof(ArgumentException), ["Reads", "'t'"] },
        { "wrong offset count", typeof(ArgumentException), ["Reads", "one offset per extent"] },
        { "read count", typeof(ArgumentException), ["Reads", "one read per input"] },
        { "scalar with offsets", typeof(ArgumentException), ["Reads", "'h'", "scalar"] },
        { "offset not an integer", typeof(FormatException), ["Reads", "'1.5'"] },
        { "empty entry", typeof(FormatException), ["Reads", "entry 2"] },
        { "no extents", typeof(ArgumentException), ["Extents", "1 to 3"] },
        { "four extents", typeof(ArgumentException), ["Extents", "1 to 3"] },
        { "field not a parameter", typeof(ArgumentException), ["Fields", "'q'"] },
        { "kinds count", typeof(ArgumentException), ["ParameterKinds"] },
        { "bounds count", typeof(ArgumentException), ["ParameterBounds"] },
        { "infinite bound", typeof(ArgumentException), ["ParameterBounds"] },
        { "constant NaN", typeof(ArgumentException), ["Constant"] },
        { "negative site bound", typeof(ArgumentException), ["SiteBound"] },
        { "infinite rounding", typeof(ArgumentException), ["SummationRounding"] },
        { "boundary", typeof(ArgumentException), ["Boundary"] },
        { "kind mismatch", typeof(ArgumentException), ["Reads", "Spin"] },
        { "duplicate read", typeof(ArgumentException), ["Reads", "same"] },
        { "extent is a parameter", typeof(ArgumentException), ["Extents", "'s'"] },
        { "template", typeof(ArgumentException), ["SigmoidNetworkDefinition.Output"] },
        { "null reads", typeof(ArgumentNullException), ["Reads"] },
        { "null site", typeof(ArgumentNullException), ["Site"] },
        { "null parameters", typeof(ArgumentNullException), ["Parameters"] },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void An_inconsistent_definition_is_refused(string change, Type exception, string[] fragments)
    {
        var valid = LatticeTemplates.Ising();
        var definition = change switch
        {
            "reads an unknown field" => With(valid, reads: "s 0 0; t 1 0; s 0 1"),
            "wrong offset count" => With(valid, reads: "s 0 0; s 1; s 0 1"),
            "read count" => With(valid, reads: "s 0 0; s 1 0"),
            "scalar with offsets" => WithScalar("h 1"),
            "offset not an integer" => With(valid, reads: "s 0 0; s 1.5 0; s 0 1"),
            "empty entry" => With(valid, reads: "s 0 0; ; s 0 1"),
            "no extents" => With(valid, extents: []),
            "four extents" => With(valid, extents: ["a", "b", "c", "d"]),
            "field not a parameter" => With(valid, fields: ["q"]),
            "kinds count" => With(valid, kinds: []),
            "bounds count" => With(valid, bounds: [1.0, 1.0]),
            "infinite bound" => With(valid, bounds: [double.PositiveInfinity]),
            "constant NaN" => With(valid, constant: double.NaN),
            "negative site bound" => With(valid, siteBound: -1),
            "infinite rounding" => With(valid, rounding: double.PositiveInfinity),
            "boundary" => With(valid, boundary: (LatticeBoundary)4),
            "kind mismatch" => With(valid, kinds: [InputKind.Continuous]),
            "duplicate read" => With(valid, reads: "s 0 0; s 1 0; s 1 0"),
            "extent is a parameter" => With(valid, extents: ["s", "columns"]),
            "template" => With(valid, site: new SigmoidNetworkDefinition { Inputs = valid.Site.Inputs, InputBounds = valid.Site.InputBounds, InputKinds = valid.Site.InputKinds, Output = "0 %3 1" }),
            "null reads" => With(valid, reads: null!, nullReads: true),
            "null site" => With(valid, site: null!, nullSite: true),
            _ => With(valid, parameters: null!, nullParameters: true),
        };
        var thrown = Assert.ThrowsAny<Exception>(() => new LatticeNetwork(definition));
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

    [Fact]
    public void Null_and_later_versions_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new LatticeNetwork(null!));
        var later = With(LatticeTemplates.Ising(), version: 2);
        Assert.Contains("Version 2", Assert.Throws<NotSupportedException>(() => new LatticeNetwork(later)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_definition_is_copied()
    {
        var parameters = new List<string> { "s" };
        var definition = With(LatticeTemplates.Ising(), parameters: parameters);
        var network = new LatticeNetwork(definition);
        parameters[0] = "changed";
        Assert.Equal(["s"], network.Parameters);
        Assert.Equal(["s"], network.Definition.Parameters);
    }

    /// <summary>A template over s[i] and a scalar h (h·… is written as a linear term: only the reads matter here).</summary>
    private static LatticeNetworkDefinition WithScalar(string scalarRead) => new()
    {
        Site = new SigmoidNetworkDefinition { Inputs = ["s[i]", "h"], InputBounds = [1.0, 1.0], Terms = "1 1 0; 1 0 1", Output = "0 s[i] 1 h 1" },
        Parameters = ["s", "h"],
        ParameterKinds = [InputKind.Continuous, InputKind.Continuous],
        ParameterBounds = [1.0, 1.0],
        Fields = ["s"],
        Extents = ["n"],
        Reads = "s 0; " + scalarRead,
    };

    private static LatticeNetworkDefinition With(
        LatticeNetworkDefinition valid,
        string? reads = null,
        IReadOnlyList<string>? extents = null,
        IReadOnlyList<string>? fields = null,
        IReadOnlyList<string>? parameters = null,
        IReadOnlyList<InputKind>? kinds = null,
        IReadOnlyList<double>? bounds = null,
        double? constant = null,
        double? siteBound = null,
        double? rounding = null,
        LatticeBoundary? boundary = null,
        SigmoidNetworkDefinition? site = null,
        int? version = null,
        bool nullReads = false,
        bool nullSite = false,
        bool nullParameters = false) => new()
        {
            Version = version ?? valid.Version,
            Expression = valid.Expression,
            Site = nullSite ? null! : site ?? valid.Site,
            Parameters = nullParameters ? null! : parameters ?? valid.Parameters,
            ParameterKinds = kinds ?? valid.ParameterKinds,
            ParameterBounds = bounds ?? valid.ParameterBounds,
            Fields = fields ?? valid.Fields,
            Extents = extents ?? valid.Extents,
            Reads = nullReads ? null! : reads ?? valid.Reads,
            Boundary = boundary ?? valid.Boundary,
            Constant = constant ?? valid.Constant,
            SiteBound = siteBound ?? valid.SiteBound,
            SummationRounding = rounding ?? valid.SummationRounding,
        };
}
