using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolyNet.Generators.Tests.Diagnostics;
using PolyNet.Generators.Tests.Infrastructure;
using PolyNet.Generators.Tests.Snapshots;

namespace PolyNet.Generators.Tests.Gradient;

/// <summary>
/// PNET011: Gradient = true on a method without a continuous input is a warning on the <c>true</c> of
/// <c>Gradient = true</c>, and no gradient member is emitted; a method with any continuous input gets none.
/// </summary>
public sealed class GradientDiagnosticTests
{
    [Fact]
    public void PNET011_on_an_all_spin_method_points_at_the_Gradient_argument_and_nothing_is_emitted()
    {
        var run = GeneratorHarness.Run("""
            using PolyNet;
            public static partial class Ising
            {
                [Hamiltonian("-s1*s2 - s2*s3 + b*s1", Gradient = true)]
                public static partial double Energy([Spin] int s1, [Spin] int s2, [Spin] sbyte s3, bool b);
            }
            """);
        var diagnostic = Assert.Single(GeneratorHarness.Analyze(run.Output));
        Assert.Equal("PNET011", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Equal(
            "'Energy' has no continuous input, and bits and spins have no derivative: Gradient = true adds nothing; remove it, or make an input double or float",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("true", DiagnosticTests.SpanText(diagnostic));
        Assert.Equal("4:54-4:58", DiagnosticTests.LineSpan(diagnostic));

        // The method itself still compiles and runs; no EnergyGradient exists, in the user's type or the generated code.
        GeneratedSourceSnapshotTests.AssertCompilesWithoutDiagnostics(run.Output);
        string generated = Assert.Single(run.Sources).SourceText.ToString();
        Assert.DoesNotContain("EnergyGradient", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("EvaluateGradient", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("GradientArguments", generated, StringComparison.Ordinal);
        var type = GeneratorHarness.CompileAndLoad(run.Output).GetType("Ising")!;
        Assert.DoesNotContain(type.GetMethods(), m => m.Name.Contains("Gradient", StringComparison.Ordinal));
        Assert.Equal(-2.0 + 1, (double)type.GetMethod("Energy", [typeof(int), typeof(int), typeof(sbyte), typeof(bool)])!.Invoke(null, [1, 1, (sbyte)1, true])!, 9);
    }

    [Fact]
    public void PNET011_on_an_all_bit_method_with_gradient_written_as_a_constant_expression()
    {
        var run = GeneratorHarness.Run("""
            using PolyNet;
            public static partial class Bits
            {
                private const bool On = true;

                [Hamiltonian("a*b - c", Gradient = On)]
                public static partial double Energy(bool a, bool b, bool c);
            }
            """);
        var diagnostic = Assert.Single(GeneratorHarness.Analyze(run.Output));
        Assert.Equal("PNET011", diagnostic.Id);
        Assert.Equal("On", DiagnosticTests.SpanText(diagnostic));
        GeneratedSourceSnapshotTests.AssertCompilesWithoutDiagnostics(run.Output);
        Assert.DoesNotContain(GeneratorHarness.CompileAndLoad(run.Output).GetType("Bits")!.GetMethods(), m => m.Name.Contains("Gradient", StringComparison.Ordinal));
    }

    [Fact]
    public void PNET011_on_a_lattice_over_spins_alone()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using PolyNet;
            public static partial class Ising
            {
                [Hamiltonian("-sum(i < n: s[i]*s[i+1])", Gradient = true)]
                public static partial double Energy([Spin] ReadOnlySpan<sbyte> s, int n);
            }
            """);
        var diagnostic = Assert.Single(GeneratorHarness.Analyze(run.Output));
        Assert.Equal("PNET011", diagnostic.Id);
        Assert.Equal("true", DiagnosticTests.SpanText(diagnostic));
        GeneratedSourceSnapshotTests.AssertCompilesWithoutDiagnostics(run.Output);
        Assert.DoesNotContain(GeneratorHarness.CompileAndLoad(run.Output).GetType("Ising")!.GetMethods(), m => m.Name.Contains("Gradient", StringComparison.Ordinal));
    }

    [Fact]
    public void No_diagnostic_for_a_mixed_method_or_Gradient_false_and_the_mixed_method_gets_its_gradient()
    {
        var run = GeneratorHarness.Run("""
            using PolyNet;
            public static partial class Mixed
            {
                [Hamiltonian("x*s*b - 0.5*s", Gradient = true)]
                public static partial double Energy(double x, [Spin] int s, bool b);

                [Hamiltonian("-s1*s2", Gradient = false)]
                public static partial double Spins([Spin] int s1, [Spin] int s2);
            }
            """);
        Assert.Empty(GeneratorHarness.Analyze(run.Output));
        GeneratedSourceSnapshotTests.AssertCompilesWithoutDiagnostics(run.Output);
        var methods = GeneratorHarness.CompileAndLoad(run.Output).GetType("Mixed")!.GetMethods();
        Assert.Equal(2, methods.Count(m => m.Name == "EnergyGradient"));
        Assert.DoesNotContain(methods, m => m.Name == "SpinsGradient");
    }
}
