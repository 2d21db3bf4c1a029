using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PolyNet.Generators.Syntax;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Diagnostics;

/// <summary>
/// The IDE analyzes one document at a time (GetAnalyzerSemanticDiagnosticsAsync with that document's semantic model)
/// and keeps only the diagnostics located in it. Every diagnostic a whole-compilation analysis (the build) reports
/// must also come out of the analysis of the document it is in, including errors inside a constant declared in
/// another file.
/// </summary>
public sealed class PerDocumentAnalysisTests
{
    private const string MethodUsingQualifiedConstant = """
        using PolyNet;
        public static partial class P
        {
            [Hamiltonian(Expressions.E)]
            public static partial double F(double x);
        }
        """;

    private const string ConstantClass = """
        public static class Expressions
        {
            public const string E = "x*q";
        }
        """;

    [Fact]
    public async Task Constant_in_another_file_is_reported_in_both_files_by_per_document_analysis()
    {
        var analysis = await AnalyzeAsync(MethodUsingQualifiedConstant, ConstantClass);

        var onArgument = Assert.Single(analysis.PerDocument["Source0.cs"]);
        DiagnosticTests.AssertDiagnostic(
            onArgument,
            "PNET002",
            "'q' is not a parameter of the method; the parameters are x (in the constant 'E', Source1.cs(3,32))",
            "Expressions.E",
            "4:18-4:31");

        var inConstant = Assert.Single(analysis.PerDocument["Source1.cs"]);
        Assert.Equal("PNET002", inConstant.Id);
        Assert.Equal("'q' is not a parameter of the method; the parameters are x (for [Hamiltonian] method 'F', Source0.cs(5,34))", inConstant.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("q", DiagnosticTests.SpanText(inConstant));
        Assert.Equal("3:32-3:33", DiagnosticTests.LineSpan(inConstant));

        AssertSameAsWholeCompilation(analysis);
    }

    [Fact]
    public async Task Constant_of_the_same_partial_class_in_another_file()
    {
        var analysis = await AnalyzeAsync(
            """
            using PolyNet;
            public static partial class P
            {
                [Hamiltonian(E)]
                public static partial double F(double x, double y);
            }
            """,
            """
            public static partial class P
            {
                private const string E = "x*y + 3x";
            }
            """);

        var onArgument = Assert.Single(analysis.PerDocument["Source0.cs"]);
        Assert.Equal("PNET001", onArgument.Id);
        Assert.Equal("missing '*' between 3 and x (in the constant 'E', Source1.cs(3,37))", onArgument.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal("E", DiagnosticTests.SpanText(onArgument));

        var inConstant = Assert.Single(analysis.PerDocument["Source1.cs"]);
        Assert.Equal("PNET001", inConstant.Id);
        Assert.Equal("3x", DiagnosticTests.SpanText(inConstant));
        Assert.Equal("3:37-3:39", DiagnosticTests.LineSpan(inConstant));

        AssertSameAsWholeCompilation(analysis);
    }

    [Fact]
    public async Task Constant_used_by_methods_in_two_other_files_gets_one_report_per_method()
    {
        var analysis = await AnalyzeAsync(
            MethodUsingQualifiedConstant,
            ConstantClass,
            """
            using PolyNet;
            public static partial class Q
            {
                [Hamiltonian(Expressions.E)]
                public static partial double G(double x, double y);
            }
            """);

        Assert.Single(analysis.PerDocument["Source0.cs"]);
        Assert.Single(analysis.PerDocument["Source2.cs"]);
        Assert.Equal(
            new[]
            {
                "'q' is not a parameter of the method; the parameters are x (for [Hamiltonian] method 'F', Source0.cs(5,34))",
                "'q' is not a parameter of the method; the parameters are x, y (for [Hamiltonian] method 'G', Source2.cs(5,34))",
            },
            analysis.PerDocument["Source1.cs"].Select(d => d.GetMessage(CultureInfo.InvariantCulture)).OrderBy(m => m, StringComparer.Ordinal));
        Assert.All(analysis.PerDocument["Source1.cs"], d => Assert.Equal("q", DiagnosticTests.SpanText(d)));

        AssertSameAsWholeCompilation(analysis);
    }

    [Fact]
    public async Task Constant_in_the_same_file_outside_the_method_is_reported_on_the_argument_and_inside_the_constant()
    {
        // Per-document analysis keeps only what an action reports inside the declaration it runs for, so even in
        // the same file the method's analysis cannot report inside the constant (this used to be lost in the IDE).
        var analysis = await AnalyzeAsync(
            """
            using PolyNet;
            public static partial class P
            {
                [Hamiltonian(Expressions.E)]
                public static partial double F(double x);
            }

            public static class Expressions
            {
                public const string E = "x*q";
            }
            """,
            "public static class Unrelated { public const string E = \"x*q\"; }");

        Assert.Collection(
            analysis.PerDocument["Source0.cs"].OrderBy(d => d.Location.SourceSpan.Start),
            onArgument => DiagnosticTests.AssertDiagnostic(onArgument, "PNET002", "'q' is not a parameter of the method; the parameters are x (in the constant 'E', Source0.cs(10,32))", "Expressions.E", "4:18-4:31"),
            inConstant => DiagnosticTests.AssertDiagnostic(inConstant, "PNET002", "'q' is not a parameter of the method; the parameters are x (for [Hamiltonian] method 'F', Source0.cs(5,34))", "q", "10:32-10:33"));
        Assert.Empty(analysis.PerDocument["Source1.cs"]);
        AssertSameAsWholeCompilation(analysis);
    }

    [Fact]
    public async Task Literal_argument_is_reported_once_where_it_is_written()
    {
        var analysis = await AnalyzeAsync(MethodUsingQualifiedConstant.Replace("Expressions.E", "\"x*q\"", StringComparison.Ordinal), ConstantClass);
        DiagnosticTests.AssertDiagnostic(Assert.Single(analysis.PerDocument["Source0.cs"]), "PNET002", "'q' is not a parameter of the method; the parameters are x", "q", "4:21-4:22");
        Assert.Empty(analysis.PerDocument["Source1.cs"]);
        AssertSameAsWholeCompilation(analysis);
    }

    [Fact]
    public async Task Each_declarator_of_a_multi_constant_declaration_is_analyzed()
    {
        var analysis = await AnalyzeAsync(
            MethodUsingQualifiedConstant,
            """
            public static class Expressions
            {
                public const string A = "x", E = "x*q", Z = "2*x";
            }
            """);

        var inConstant = Assert.Single(analysis.PerDocument["Source1.cs"]);
        Assert.Equal("q", DiagnosticTests.SpanText(inConstant));
        Assert.Equal("3:41-3:42", DiagnosticTests.LineSpan(inConstant));
        Assert.Single(analysis.PerDocument["Source0.cs"]);
        AssertSameAsWholeCompilation(analysis);
    }

    [Fact]
    public async Task Containing_type_that_is_not_partial_is_reported_by_per_document_analysis()
    {
        // Located on the type, outside the method: the type's own analysis reports it, once per [Hamiltonian] method.
        var analysis = await AnalyzeAsync("""
            using PolyNet;
            public static class Outer
            {
                public static partial class P
                {
                    [Hamiltonian("x*y")]
                    public static partial double F(double x, double y);

                    [Hamiltonian("x")]
                    public static partial double G(double x);
                }
            }
            """);

        Assert.Collection(
            analysis.PerDocument["Source0.cs"].OrderBy(d => d.GetMessage(CultureInfo.InvariantCulture), StringComparer.Ordinal),
            f => DiagnosticTests.AssertDiagnostic(f, "PNET004", "the type 'Outer' containing 'F' must be partial; add the 'partial' modifier", "Outer", "2:21-2:26"),
            g => DiagnosticTests.AssertDiagnostic(g, "PNET004", "the type 'Outer' containing 'G' must be partial; add the 'partial' modifier", "Outer", "2:21-2:26"));
        AssertSameAsWholeCompilation(analysis);
    }

    [Fact]
    public async Task Limit_errors_in_a_constant_in_another_file_are_reported_there_too()
    {
        var analysis = await AnalyzeAsync(
            MethodUsingQualifiedConstant,
            ConstantClass.Replace("x*q", "x + 1e-1000/10", StringComparison.Ordinal));

        Assert.Equal("PNET005", Assert.Single(analysis.PerDocument["Source0.cs"]).Id);
        var inConstant = Assert.Single(analysis.PerDocument["Source1.cs"]);
        Assert.Equal("PNET005", inConstant.Id);
        Assert.Equal("1e-1000/10", DiagnosticTests.SpanText(inConstant));
        AssertSameAsWholeCompilation(analysis);
    }

    [Fact]
    public async Task A_valid_constant_in_another_file_reports_nothing()
    {
        var analysis = await AnalyzeAsync(MethodUsingQualifiedConstant, ConstantClass.Replace("x*q", "x*x", StringComparison.Ordinal));
        Assert.All(analysis.PerDocument.Values, d => Assert.Empty(d));
        Assert.Empty(analysis.Whole);
    }

    [Fact]
    public async Task Unrelated_constants_and_attributes_are_left_alone()
    {
        var analysis = await AnalyzeAsync(
            MethodUsingQualifiedConstant,
            ConstantClass,
            """
            public static class Other
            {
                public const string E = "x*q";

                [System.Obsolete(E)]
                public static void M() { }
            }
            """);

        // Other.E has the same name and text as Expressions.E but is used by no [Hamiltonian].
        Assert.Empty(analysis.PerDocument["Source2.cs"].Where(d => d.Id.StartsWith("PNET", StringComparison.Ordinal)));
        Assert.Single(analysis.PerDocument["Source1.cs"]);
        AssertSameAsWholeCompilation(analysis);
    }

    private static void AssertSameAsWholeCompilation(Analysis analysis)
    {
        var perDocument = analysis.PerDocument.Values.SelectMany(d => d).Select(Describe).OrderBy(s => s, StringComparer.Ordinal);
        var whole = analysis.Whole.Select(Describe).OrderBy(s => s, StringComparer.Ordinal);
        Assert.Equal(whole, perDocument);
    }

    private static string Describe(Diagnostic diagnostic) =>
        $"{diagnostic.Id} {diagnostic.Location.SourceTree?.FilePath} {DiagnosticTests.LineSpan(diagnostic)} {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";

    // Like the IDE: a fresh analysis per document, keeping only what is located in it. PNET102 summaries left out.
    private static async Task<Analysis> AnalyzeAsync(params string[] sources)
    {
        var compilation = GeneratorHarness.Run(GeneratorHarness.CreateCompilation(sources)).Output;
        var perDocument = new Dictionary<string, ImmutableArray<Diagnostic>>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var diagnostics = await WithAnalyzer(compilation).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None);
            Assert.All(diagnostics, d => Assert.Same(tree, d.Location.SourceTree));

            // With the document's span given explicitly, as an editor asks for the visible text: the same diagnostics.
            var spanned = await WithAnalyzer(compilation).GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), tree.GetRoot().FullSpan, CancellationToken.None);
            Assert.Equal(diagnostics.Select(Describe).OrderBy(s => s, StringComparer.Ordinal), spanned.Select(Describe).OrderBy(s => s, StringComparer.Ordinal));
            perDocument[tree.FilePath] = diagnostics.Where(d => d.Id != "PNET102").ToImmutableArray();
        }

        var whole = (await WithAnalyzer(compilation).GetAnalyzerDiagnosticsAsync(CancellationToken.None)).Where(d => d.Id != "PNET102").ToImmutableArray();
        return new Analysis(whole, perDocument);
    }

    private static CompilationWithAnalyzers WithAnalyzer(Compilation compilation) =>
        compilation.WithAnalyzers(
            [new HamiltonianAnalyzer()],
            new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: (e, _, _) => throw new InvalidOperationException("analyzer threw", e), concurrentAnalysis: false, logAnalyzerExecutionTime: false));

    private sealed record Analysis(ImmutableArray<Diagnostic> Whole, IReadOnlyDictionary<string, ImmutableArray<Diagnostic>> PerDocument);
}
