using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PolyNet.Generators.Emit;
using PolyNet.Generators.Syntax;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Diagnostics;

/// <summary>
/// One test per diagnostic case: exact ID, message and source span (text and 1-based line:column), and for every
/// case where the declaration allows a body, the generator's fallback body that throws the same message.
/// </summary>
public sealed class DiagnosticTests
{
    // ---------------------------------------------------------------- PNET001: syntax

    [Fact]
    public void PNET001_missing_multiplication_covers_3x() => Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("3x")]
            public static partial double Energy(double x, double y);
        }
        """, "PNET001", "missing '*' between 3 and x", "3x", "4:19-4:21");

    [Fact]
    public void PNET001_division_by_a_variable_points_at_the_divisor() => Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x/y")]
            public static partial double Energy(double x, double y);
        }
        """, "PNET001", "division by a variable is not a polynomial; divide only by numeric constants", "y", "4:21-4:22");

    [Fact]
    public void PNET001_dangling_operator_points_at_the_operator() => Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x +")]
            public static partial double Energy(double x, double y);
        }
        """, "PNET001", "expected a number, a variable or '(' after '+'", "+", "4:21-4:22");

    [Fact]
    public void PNET001_in_a_literal_with_a_unicode_escape_points_past_the_escape() => Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x*\u0079 + 3x")]
            public static partial double Energy(double x, double y);
        }
        """, "PNET001", "missing '*' between 3 and x", "3x", "4:30-4:32");

    [Fact]
    public void PNET001_in_a_verbatim_literal_spanning_lines() => Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian(@"x*y
                + 3x")]
            public static partial double Energy(double x, double y);
        }
        """, "PNET001", "missing '*' between 3 and x", "3x", "5:11-5:13");

    [Fact]
    public void PNET001_in_a_verbatim_literal_with_doubled_quotes() => Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian(@"x*y + "" + 3x")]
            public static partial double Energy(double x, double y);
        }
        """, "PNET001", "unexpected character '\"'", "\"\"", "4:26-4:28");

    [Fact]
    public void PNET001_in_a_single_line_raw_literal() => Expect(""""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("""x*y + 3x""")]
            public static partial double Energy(double x, double y);
        }
        """", "PNET001", "missing '*' between 3 and x", "3x", "4:27-4:29");

    [Fact]
    public void PNET001_in_a_multi_line_raw_literal() => Expect(""""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("""
                x*y
                + 3x
                """)]
            public static partial double Energy(double x, double y);
        }
        """", "PNET001", "missing '*' between 3 and x", "3x", "6:11-6:13");

    [Fact]
    public void PNET001_in_a_const_field_points_into_the_const_declaration_and_at_the_argument()
    {
        // Reported twice: inside the constant (by the constant's analysis) and on the argument (by the method's),
        // because per-document analysis in the IDE keeps only what each declaration's analysis reports inside it.
        var run = GeneratorHarness.Run("""
            using PolyNet;
            public static partial class H
            {
                private const string E = "x*y + 3x";
                [Hamiltonian(E)]
                public static partial double Energy(double x, double y);
            }
            """);
        Assert.Collection(
            GeneratorHarness.Analyze(run.Output),
            inConstant => AssertDiagnostic(inConstant, "PNET001", "missing '*' between 3 and x (for [Hamiltonian] method 'Energy', Source0.cs(6,34))", "3x", "4:37-4:39"),
            onArgument => AssertDiagnostic(onArgument, "PNET001", "missing '*' between 3 and x (in the constant 'E', Source0.cs(4,37))", "E", "5:18-5:19"));
        AssertFallbackBody(run, "PNET001", "missing '*' between 3 and x");
    }

    // ---------------------------------------------------------------- PNET002: unknown variable

    [Fact]
    public void PNET002_unknown_variable() => Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x*w")]
            public static partial double Energy(double x, double y);
        }
        """, "PNET002", "'w' is not a parameter of the method; the parameters are x, y", "w", "4:21-4:22");

    // ---------------------------------------------------------------- PNET003: unused parameter

    private const string UnusedParameterSource = """
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x*x")]
            public static partial double Energy(double x, double y);
        }
        """;

    [Fact]
    public void PNET003_unused_parameter_is_a_warning_on_the_parameter_name()
    {
        // Default warning handling here (the harness turns warnings into errors).
        var compilation = GeneratorHarness.CreateCompilation(UnusedParameterSource);
        compilation = compilation.WithOptions(compilation.Options.WithGeneralDiagnosticOption(ReportDiagnostic.Default));
        var run = GeneratorHarness.Run(compilation);
        var diagnostic = Assert.Single(GeneratorHarness.Analyze(run.Output));
        Assert.Equal("PNET003", diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.DefaultSeverity);
        Assert.Equal("parameter 'y' does not appear in the expanded Hamiltonian; use it in the expression or remove it", diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("y", SpanText(diagnostic));
        Assert.Equal("5:58-5:59", LineSpan(diagnostic));

        // Only a warning: the real network is generated and the code compiles and runs.
        Assert.DoesNotContain("InvalidOperationException", Assert.Single(run.Sources).SourceText.ToString(), StringComparison.Ordinal);
        var assembly = GeneratorHarness.CompileAndLoad(run.Output);
        double value = (double)assembly.GetType("H")!.GetMethod("Energy", [typeof(double), typeof(double)])!.Invoke(null, [0.5, 0.25])!;
        Assert.InRange(value, 0.25 - 1e-6, 0.25 + 1e-6);
    }

    [Fact]
    public async Task PNET003_is_suppressed_by_pragma_warning_disable()
    {
        var run = GeneratorHarness.Run("""
            using PolyNet;
            public static partial class H
            {
            #pragma warning disable PNET003
                [Hamiltonian("x*x")]
                public static partial double Energy(double x, double y);
            #pragma warning restore PNET003
            }
            """);

        // The harness's Analyze (GetAnalyzerDiagnosticsAsync) drops pragma-suppressed diagnostics...
        Assert.Empty(GeneratorHarness.Analyze(run.Output));

        // ...which are still produced, marked suppressed, when asked for.
        var withAnalyzers = run.Output.WithAnalyzers(
            [new HamiltonianAnalyzer()],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true));
        var all = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None);
        var diagnostic = Assert.Single(all, d => d.Id == "PNET003");
        Assert.True(diagnostic.IsSuppressed);
        Assert.DoesNotContain(all, d => !d.IsSuppressed && d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Analyzer_reports_after_the_generator_has_added_the_implementation_part()
    {
        // Regression: the generated part carries [GeneratedCode]; partial methods merge attributes, and the analyzer
        // used to treat the user's declaration as generated code and report nothing once the generator had run.
        const string source = """
            using PolyNet;
            public static partial class H
            {
                [Hamiltonian("3x")]
                public static partial double Energy(double x, double y);
            }
            """;
        var before = GeneratorHarness.Analyze(GeneratorHarness.CreateCompilation(source));
        var after = GeneratorHarness.Analyze(GeneratorHarness.Run(source).Output);
        Assert.Equal("PNET001", Assert.Single(before).Id);
        Assert.Equal("PNET001", Assert.Single(after).Id);
        Assert.Equal(before[0].Location.GetLineSpan(), after[0].Location.GetLineSpan());
    }

    // ---------------------------------------------------------------- PNET004: unsupported method

    [Fact]
    public void PNET004_not_static() => Expect("""
        using PolyNet;
        public partial class H
        {
            [Hamiltonian("x*y")]
            public partial double Energy(double x, double y);
        }
        """, "PNET004", "'Energy' must be static; add the 'static' modifier", "Energy", "5:27-5:33");

    [Fact]
    public void PNET004_not_partial()
    {
        // No implementation can be generated; the compiler adds CS0501 (a method without a body).
        var run = GeneratorHarness.Run("""
            using PolyNet;
            public static partial class H
            {
                [Hamiltonian("x*y")]
                public static double Energy(double x, double y);
            }
            """);
        var diagnostic = Assert.Single(GeneratorHarness.Analyze(run.Output));
        AssertDiagnostic(diagnostic, "PNET004", "'Energy' must be declared 'static partial' without a body; the generator writes the body", "Energy", "5:26-5:32");
        Assert.Empty(run.Sources);
        Assert.Contains(run.Output.GetDiagnostics(), d => d.Id == "CS0501");
    }

    [Fact]
    public void PNET004_generic_method() => Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x*y")]
            public static partial double Energy<T>(double x, double y);
        }
        """, "PNET004", "'Energy' must not be generic; remove the type parameters", "<T>", "5:40-5:43");

    [Fact]
    public void PNET004_ref_parameter() => Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x*y")]
            public static partial double Energy(ref double x, double y);
        }
        """, "PNET004", "parameter 'x' must be passed by value; remove the 'ref' modifier", "ref double x", "5:41-5:53");

    [Fact]
    public void PNET004_out_parameter() => Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x*y")]
            public static partial double Energy(out double x, double y);
        }
        """, "PNET004", "parameter 'x' must be passed by value; remove the 'out' modifier", "out double x", "5:41-5:53");

    [Fact]
    public void PNET004_in_parameter() => Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x*y")]
            public static partial double Energy(in double x, double y);
        }
        """, "PNET004", "parameter 'x' must be passed by value; remove the 'in' modifier", "in double x", "5:41-5:52");

    [Fact]
    public void PNET004_int_return_type() => Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x*y")]
            public static partial int Energy(int x, int y);
        }
        """, "PNET004", "'Energy' returns int; a Hamiltonian returns double (with double parameters) or float (with float parameters)", "int", "5:27-5:30");

    [Fact]
    public void PNET004_mixed_float_and_double() => Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x*y")]
            public static partial double Energy(double x, float y);
        }
        """, "PNET004", "parameter 'y' is float but 'Energy' returns double; use double for every continuous parameter, bool for a bit or [Spin] int for a spin", "float y", "5:51-5:58");

    [Fact]
    public void PNET004_containing_type_not_partial()
    {
        // Nothing can be generated into a non-partial type; the compiler adds CS0751 and CS8795.
        var run = GeneratorHarness.Run("""
            using PolyNet;
            public static class H
            {
                [Hamiltonian("x*y")]
                public static partial double Energy(double x, double y);
            }
            """);
        var diagnostic = Assert.Single(GeneratorHarness.Analyze(run.Output));
        AssertDiagnostic(diagnostic, "PNET004", "the type 'H' containing 'Energy' must be partial; add the 'partial' modifier", "H", "2:21-2:22");
        Assert.Empty(run.Sources);
    }

    // ---------------------------------------------------------------- PNET005: limits (each refused quickly)

    [Fact]
    public void PNET005_exponent_above_64() => ExpectFast("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x^65")]
            public static partial double Energy(double x, double y);
        }
        """, "PNET005", "exponent 65 exceeds the limit of 64", "65", "4:21-4:23");

    [Fact]
    public void PNET005_total_degree_above_64() => ExpectFast("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x^40*y^40")]
            public static partial double Energy(double x, double y);
        }
        """, "PNET005", "a monomial of total degree 80 exceeds the limit of 64", "x^40*y^40", "4:19-4:28");

    [Fact]
    public void PNET005_too_many_expanded_terms() => ExpectFast("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("(a+b+c+d+e+f+g+h)^10")]
            public static partial double Energy(double a, double b, double c, double d, double e, double f, double g, double h);
        }
        """, "PNET005", "expanding this gives up to 19,448 terms; the limit is 10,000", "(a+b+c+d+e+f+g+h)^10", "4:19-4:39");

    [Fact]
    public void PNET005_expression_longer_than_10000_characters()
    {
        string expression = string.Concat(Enumerable.Repeat("x*y + ", 1700)) + "x";
        Assert.Equal(10_201, expression.Length);
        ExpectFast(
            "using PolyNet;\npublic static partial class H\n{\n    [Hamiltonian(\"" + expression + "\")]\n    public static partial double Energy(double x, double y);\n}\n",
            "PNET005",
            "the expression has 10,201 characters; the limit is 10,000",
            expression.Substring(10_000),
            $"4:{19 + 10_000}-4:{19 + expression.Length}");
    }

    // ---------------------------------------------------------------- PNET006: invalid attribute arguments

    [Fact]
    public void PNET006_input_bound_zero() => Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x*y", InputBound = 0)]
            public static partial double Energy(double x, double y);
        }
        """, "PNET006", "InputBound must be a positive finite number, not 0", "0", "4:38-4:39");

    [Fact]
    public void PNET006_input_bound_negative() => Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x*y", InputBound = -1)]
            public static partial double Energy(double x, double y);
        }
        """, "PNET006", "InputBound must be a positive finite number, not -1", "-1", "4:38-4:40");

    [Fact]
    public void PNET006_input_bound_NaN() => Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x*y", InputBound = double.NaN)]
            public static partial double Energy(double x, double y);
        }
        """, "PNET006", "InputBound must be a positive finite number, not NaN", "double.NaN", "4:38-4:48");

    [Fact]
    public void PNET006_input_bound_infinite() => Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x*y", InputBound = double.PositiveInfinity)]
            public static partial double Energy(double x, double y);
        }
        """, "PNET006", "InputBound must be a positive finite number, not Infinity", "double.PositiveInfinity", "4:38-4:61");

    [Fact]
    public void PNET006_parameter_bound_zero() => Expect("""
        using PolyNet;
        public static partial class H
        {
            [Hamiltonian("x*y")]
            public static partial double Energy([Bound(0)] double x, double y);
        }
        """, "PNET006", "the bound of 'x' must be a positive finite number, not 0", "0", "5:48-5:49");

    // ---------------------------------------------------------------- helpers

    /// <summary>
    /// Exactly one analyzer diagnostic, with this ID, message, span text and 1-based "line:col-line:col"; the
    /// generator still wrote a body (no CS8795, nothing else wrong in the compilation) that throws the same message.
    /// </summary>
    internal static void Expect(string source, string id, string message, string spanText, string lineSpan)
    {
        var run = GeneratorHarness.Run(source);
        var diagnostic = Assert.Single(GeneratorHarness.Analyze(run.Output));
        AssertDiagnostic(diagnostic, id, message, spanText, lineSpan);
        AssertFallbackBody(run, id, message);
    }

    private static void ExpectFast(string source, string id, string message, string spanText, string lineSpan)
    {
        // Warm up Roslyn and the stages so the measurement is of the limit check, not of JIT compilation.
        GeneratorHarness.Analyze(GeneratorHarness.Run(UnusedParameterSource.Replace("x*x", "x*y", StringComparison.Ordinal)).Output);

        var stopwatch = Stopwatch.StartNew();
        var run = GeneratorHarness.Run(source);
        var diagnostics = GeneratorHarness.Analyze(run.Output);
        stopwatch.Stop();

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(2), $"generator + analyzer took {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
        AssertDiagnostic(Assert.Single(diagnostics), id, message, spanText, lineSpan);
        AssertFallbackBody(run, id, message);
    }

    internal static void AssertDiagnostic(Diagnostic diagnostic, string id, string message, string spanText, string lineSpan)
    {
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(id is "PNET003" or "PNET008" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, diagnostic.DefaultSeverity);
        Assert.Equal("Source0.cs", diagnostic.Location.SourceTree!.FilePath);
        Assert.Equal(spanText, SpanText(diagnostic));
        Assert.Equal(lineSpan, LineSpan(diagnostic));
    }

    private static void AssertFallbackBody(GeneratorRun run, string id, string message)
    {
        var compilerDiagnostics = run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        Assert.DoesNotContain(compilerDiagnostics, d => d.Id == "CS8795");
        Assert.True(compilerDiagnostics.IsEmpty, string.Join("\n", compilerDiagnostics));

        AssertGeneratedThrow(Assert.Single(run.Sources).SourceText.ToString(), id + ": " + message);
    }

    /// <summary>The generated code throws <paramref name="message"/>, however its literal was split across lines.</summary>
    internal static void AssertGeneratedThrow(string generated, string message)
    {
        // A long message is split into concatenated literals on separate lines; compare with the line breaks removed.
        string joined = GeneratorHarness.Unwrapped(generated);
        string literals = string.Join(" + ", Literals.Strings(message));
        Assert.Contains($"throw new global::System.InvalidOperationException({literals});", joined, StringComparison.Ordinal);
    }

    internal static string SpanText(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    internal static string LineSpan(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}-{span.EndLinePosition.Line + 1}:{span.EndLinePosition.Character + 1}";
    }
}
