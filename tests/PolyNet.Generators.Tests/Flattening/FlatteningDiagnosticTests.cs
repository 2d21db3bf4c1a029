using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolyNet.Generators.Tests.Diagnostics;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Flattening;

/// <summary>PNET100–PNET102 through CompilationWithAnalyzers: exact messages and spans, and the generator's side.</summary>
public sealed class FlatteningDiagnosticTests
{
    internal const string EightSource = """
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("a*b*c*d*e*f*g*h", MaxHiddenLayers = 1)]
            public static partial double Energy(double a, double b, double c, double d, double e, double f, double g, double h);
        }
        """;

    internal static readonly string ThirtyTwoSource = $$"""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("{{string.Join("*", Names(32))}}", MaxHiddenLayers = 1)]
            public static partial double Energy({{string.Join(", ", Names(32).Select(n => "double " + n))}});
        }
        """;

    [Fact]
    public void PNET100_warns_on_the_MaxHiddenLayers_value_with_both_costs_and_both_errors()
    {
        var run = GeneratorHarness.Run(EightSource);
        var diagnostic = Assert.Single(GeneratorHarness.Analyze(run.Output));
        Assert.Equal("PNET100", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Equal("1", DiagnosticTests.SpanText(diagnostic));
        Assert.Equal("4:55-4:56", DiagnosticTests.LineSpan(diagnostic));
        Assert.Equal(
            "Flattening a*b*c*d*e*f*g*h into 1 hidden layer costs 256 neurons, 9.1× the deep network's 28 in 3 layers, and raises the error bound from 3.9e-12 to 1.8e-4",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("2", diagnostic.Properties["ShallowestDepth"]);

        // Only a warning: the flat network is generated and runs.
        var network = (SigmoidNetwork)GeneratorHarness.CompileAndLoad(run.Output).GetType("H")!.GetProperty("EnergyNetwork")!.GetValue(null)!;
        Assert.Equal(256, network.NeuronCount);
        Assert.Equal(1, network.HiddenLayers);
    }

    [Fact]
    public void PNET100_is_silent_within_twice_the_deep_cost()
    {
        var run = GeneratorHarness.Run(EightSource.Replace("MaxHiddenLayers = 1", "MaxHiddenLayers = 2", StringComparison.Ordinal));
        Assert.Empty(GeneratorHarness.Analyze(run.Output));
    }

    [Fact]
    public void PNET101_refuses_32_inputs_in_one_layer_by_formula_and_the_generator_emits_the_fallback()
    {
        var run = GeneratorHarness.Run(ThirtyTwoSource);
        var diagnostic = Assert.Single(GeneratorHarness.Analyze(run.Output, includeSummaries: true));
        const string Message = "flattening v0*v1*v2*v3*v4*v5*v6*v7*v8*v9*v10*v11*v12*v13*v14*v15*v16*v17*v18*v19*v20*v21*v22*v23*v24*v25*v26*v27*v28*v29*v30*v31 into 1 hidden layer needs 4,294,967,296 neurons, more than the limit of 100,000; the deep network needs 124 in 5 hidden layers";
        Assert.Equal("PNET101", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.DefaultSeverity);
        Assert.Equal(Message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("1", DiagnosticTests.SpanText(diagnostic));
        Assert.Equal("3", diagnostic.Properties["ShallowestDepth"]);

        string generated = Assert.Single(run.Sources).SourceText.ToString();
        DiagnosticTests.AssertGeneratedThrow(generated, "PNET101: " + Message);
        var type = GeneratorHarness.CompileAndLoad(run.Output).GetType("H")!;
        var property = type.GetProperty("EnergyNetwork")!;
        var error = Assert.Throws<System.Reflection.TargetInvocationException>(() => property.GetValue(null));
        Assert.Equal("PNET101: " + Message, error.InnerException!.Message);
    }

    [Fact]
    public void PNET102_summarises_every_compiled_Hamiltonian_on_its_name()
    {
        var run = GeneratorHarness.Run("""
            using PolyNet;
            public static partial class H
            {
                [Hamiltonian("a*b*c*d*e*f*g*h")]
                public static partial double Deep(double a, double b, double c, double d, double e, double f, double g, double h);

                [Hamiltonian("x*y*z", MaxHiddenLayers = 1)]
                public static partial float Flat(float x, float y, float z);

                [Hamiltonian("3x")]
                public static partial double Broken(double x);
            }
            """);
        var summaries = GeneratorHarness.Analyze(run.Output, includeSummaries: true).Where(d => d.Id == "PNET102").ToList();
        Assert.Equal(2, summaries.Count);
        Assert.All(summaries, d => Assert.Equal(DiagnosticSeverity.Info, d.DefaultSeverity));
        Assert.Equal("Deep", DiagnosticTests.SpanText(summaries[0]));
        Assert.Equal("'Deep' compiles to 28 neurons in 3 hidden layers, max error 3.9e-12", summaries[0].GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("Flat", DiagnosticTests.SpanText(summaries[1]));
        Assert.Equal("'Flat' compiles to 8 neurons in 1 hidden layer, max error 6.4e-4", summaries[1].GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void PNET102_says_when_a_network_runs_from_its_gate_table()
    {
        var run = GeneratorHarness.Run("""
            using PolyNet;
            public static partial class H
            {
                [Hamiltonian("(x + y + z)^8")]
                public static partial double Energy(double x, double y, double z);
            }
            """);
        var summary = Assert.Single(GeneratorHarness.Analyze(run.Output, includeSummaries: true));
        Assert.Equal("PNET102", summary.Id);
        Assert.Matches(@"^'Energy' compiles to [0-9,]+ neurons in [0-9]+ hidden layers, max error [0-9.e-]+; its [0-9,]+ gates \(more than 48\) run from a gate table instead of unrolled code$", summary.GetMessage(CultureInfo.InvariantCulture));
        Assert.Contains("GateProgram.Create(", Assert.Single(run.Sources).SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PNET101_for_a_flat_product_of_too_high_a_degree()
    {
        var run = GeneratorHarness.Run("""
            using PolyNet;
            public static partial class H
            {
                [Hamiltonian("x^20", MaxHiddenLayers = 1)]
                public static partial double Energy(double x);
            }
            """);
        var diagnostic = Assert.Single(GeneratorHarness.Analyze(run.Output));
        Assert.Equal("PNET101", diagnostic.Id);
        Assert.Equal("flattening x^20 into 1 hidden layer needs a flat product of degree 20 in one layer, more than 16: its finite difference would leave no correct digits; allow more hidden layers", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("5", diagnostic.Properties["ShallowestDepth"]);
    }

    [Fact]
    public void Depth_limits_leave_bits_and_deep_enough_limits_alone()
    {
        var run = GeneratorHarness.Run(EightSource.Replace("MaxHiddenLayers = 1", "MaxHiddenLayers = 3", StringComparison.Ordinal));
        var summary = Assert.Single(GeneratorHarness.Analyze(run.Output, includeSummaries: true));
        Assert.Equal("PNET102", summary.Id);
        Assert.Contains("28 neurons in 3 hidden layers", summary.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    internal static string[] Names(int count) => Enumerable.Range(0, count).Select(i => "v" + i).ToArray();
}
