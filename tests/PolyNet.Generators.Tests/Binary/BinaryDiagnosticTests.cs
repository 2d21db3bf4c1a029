using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolyNet.Generators.Tests.Diagnostics;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Binary;

/// <summary>PNET007, PNET008 and the PNET004 messages for bit and spin parameters: exact ID, message and span.</summary>
public sealed class BinaryDiagnosticTests
{
    [Fact]
    public void PNET007_Spin_on_a_double_points_at_the_attribute() => DiagnosticTests.Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x*s")]
            public static partial double Energy(double x, [Spin] double s);
        }
        """, "PNET007", "[Spin] marks an int or sbyte parameter that is -1 or +1, but 's' is double; declare it as int or sbyte, or remove [Spin]", "Spin", "5:52-5:56");

    [Fact]
    public void PNET007_Spin_on_a_bool_points_at_its_own_attribute() => DiagnosticTests.Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("s*b")]
            public static partial double Energy([Spin] int s, [Spin] bool b);
        }
        """, "PNET007", "[Spin] marks an int or sbyte parameter that is -1 or +1, but 'b' is bool; declare it as int or sbyte, or remove [Spin]", "Spin", "5:56-5:60");

    [Fact]
    public void PNET004_int_without_Spin_suggests_Spin_or_bool() => DiagnosticTests.Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x*n")]
            public static partial double Energy(double x, int n);
        }
        """, "PNET004", "parameter 'n' is int; mark it [Spin] for a spin of -1 or +1, use bool for a bit of 0 or 1, or use double", "int n", "5:51-5:56");

    [Fact]
    public void PNET004_unsupported_type_lists_what_is_supported() => DiagnosticTests.Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x*n")]
            public static partial double Energy(double x, long n);
        }
        """, "PNET004", "parameter 'n' is long but 'Energy' returns double; use double for every continuous parameter, bool for a bit or [Spin] int for a spin", "long n", "5:51-5:57");

    [Fact]
    public void PNET008_Bound_on_a_bit_is_a_warning_on_the_attribute_and_the_method_still_works()
    {
        const string Source = """
            using PolyNet;
            public static partial class H
            {
                [Hamiltonian("a*x")]
                public static partial double Energy([Bound(2)] bool a, double x);
            }
            """;
        var run = GeneratorHarness.Run(Source);
        var diagnostic = Assert.Single(GeneratorHarness.Analyze(run.Output));
        DiagnosticTests.AssertDiagnostic(diagnostic, "PNET008", "[Bound] has no effect on 'a': a bit (bool) is 0 or 1; remove the attribute", "Bound(2)", "5:42-5:50");

        var type = GeneratorHarness.CompileAndLoad(run.Output).GetType("H")!;
        var energy = type.GetMethod("Energy", [typeof(bool), typeof(double)])!;
        Assert.Equal(0.5, (double)energy.Invoke(null, [true, 0.5])!, 1e-10);
        Assert.Equal(1.0, ((SigmoidNetwork)type.GetProperty("EnergyNetwork")!.GetValue(null)!).InputBounds[0]);
    }

    [Fact]
    public void PNET008_Bound_on_a_spin_names_the_values()
    {
        var run = GeneratorHarness.Run("""
            using PolyNet;
            public static partial class H
            {
                [Hamiltonian("s*t")]
                public static partial double Energy([Spin, Bound(3)] int s, [Spin] int t);
            }
            """);
        var diagnostic = Assert.Single(GeneratorHarness.Analyze(run.Output));
        Assert.Equal("PNET008", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Equal("[Bound] has no effect on 's': a spin is -1 or +1; remove the attribute", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Bound(3)", diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.DoesNotContain(run.Sources.Single().SourceText.ToString().Split('\n'), line => line.Contains("InvalidOperationException(", StringComparison.Ordinal));
    }
}
