using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolyNet.Generators.Emit;
using PolyNet.Generators.Syntax;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Emit;

/// <summary>
/// User text (the expression, diagnostic messages quoting it, the user's doc comment) is echoed into comments, XML doc
/// comments and string literals of the generated code. C# ends a line at \n, \r, U+0085, U+2028 and U+2029, so a raw
/// line terminator would end a comment and leak the rest into code; each context must escape it.
/// </summary>
public sealed class UserTextEscapingTests
{
    private const string Terminators = "\n\r\u0085\u2028\u2029";

    // Everything that can end or break a comment, an XML doc comment or a string literal.
    public static readonly TheoryData<string> Hostile = new()
    {
        "\n", "\r", "\r\n", "\u0085", "\u2028", "\u2029",
        "*/", "/*", "-->", "<!--", "\"", "\\", "<c>", "&amp;", "]]>",
        "x\u2028*/ --> \" \\ \u0085 y",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Literals_keep_hostile_text_inside_its_context(string text)
    {
        // A // comment: one comment, and the class after it is still the only code.
        var comment = CSharpSyntaxTree.ParseText($"// {Literals.Comment(text)}\nclass C {{ }}\n", Strict);
        Assert.Empty(comment.GetDiagnostics());
        Assert.Single(comment.GetRoot().DescendantTrivia(), t => t.IsKind(SyntaxKind.SingleLineCommentTrivia));
        Assert.DoesNotContain(Literals.Comment(text), c => Terminators.Contains(c));

        // An XML doc comment: well-formed XML on one line.
        var xml = CSharpSyntaxTree.ParseText($"/// <summary><c>{Literals.Xml(text)}</c></summary>\nclass C {{ }}\n", Strict);
        Assert.Empty(xml.GetDiagnostics());
        Assert.DoesNotContain(Literals.Xml(text), c => Terminators.Contains(c));

        // String literals, whole and split: the value is the text itself.
        foreach (string literal in Literals.Strings(text, width: 3).Append(Literals.String(text)))
        {
            Assert.DoesNotContain(literal, c => Terminators.Contains(c));
        }

        var joined = SyntaxFactory.ParseExpression(string.Join(" + ", Literals.Strings(text, width: 3)));
        Assert.Empty(joined.GetDiagnostics());
        var single = Assert.IsType<LiteralExpressionSyntax>(SyntaxFactory.ParseExpression(Literals.String(text)));
        Assert.Equal(text, single.Token.ValueText);
    }

    [Fact]
    public void Unicode_line_terminators_as_whitespace_compile_and_the_expression_is_kept_exactly()
    {
        // Ideographic space, LINE SEPARATOR, PARAGRAPH SEPARATOR, NEXT LINE, CR, LF and tab around x + y - x*y + 1.
        const string expression = "\u3000x\u2028+\u2029y\u0085\r\n-\tx*y\r+ 1\n";
        var assembly = BuildStrict("""
            using PolyNet;
            public static partial class P
            {
                [Hamiltonian("\u3000x\u2028+\u2029y\u0085\r\n-\tx*y\r+ 1\n")]
                public static partial double F(double x, double y);
            }
            """, out string generated);
        AssertNoRawTerminators(generated);

        var type = assembly.GetType("P")!;
        double value = (double)type.GetMethod("F", [typeof(double), typeof(double)])!.Invoke(null, [0.5, 0.25])!;
        Assert.Equal(0.5 + 0.25 - (0.5 * 0.25) + 1, value, 1e-9);
        var network = (SigmoidNetwork)type.GetProperty("FNetwork")!.GetValue(null)!;
        Assert.Equal(expression, network.Expression);
        Assert.Equal("1 + x + y - x*y", network.Polynomial);

        // The analyzer agrees: nothing to report but the summary.
        Assert.Empty(GeneratorHarness.Analyze(GeneratorHarness.Run(GeneratorHarness.CreateCompilation(Source(expression))).Output));
    }

    [Fact]
    public void Raw_line_terminators_in_a_verbatim_literal_compile()
    {
        // The user's file itself holds the raw characters (a verbatim literal may span lines).
        const string expression = "x\u2028*\u2029y\u0085+\r\n1";
        var assembly = BuildStrict(
            "using PolyNet;\npublic static partial class P\n{\n    [Hamiltonian(@\"" + expression + "\")]\n    public static partial double F(double x, double y);\n}\n",
            out string generated);
        AssertNoRawTerminators(generated);
        var network = (SigmoidNetwork)assembly.GetType("P")!.GetProperty("FNetwork")!.GetValue(null)!;
        Assert.Equal(expression, network.Expression);
        Assert.Equal("1 + x*y", network.Polynomial);
    }

    [Fact]
    public void Invalid_expressions_echoed_into_docs_comments_and_exception_messages_compile()
    {
        // The whole expression goes into the header comment and the XML summary; the message quoting the
        // offending character goes into <remarks> and into the string thrown by every generated member.
        var expressions = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Quote"] = "\"\u2028x*/ --> \\ \u0085\r\n\u2029 <!-- y & z ]]> */ /*",
            ["Backslash"] = "\\\u2029x */\r-->\u0085\"",
            ["Unknown"] = "x\u2028+\u2029q\u0085 */ -->\r\n",
            ["Dangling"] = "x\u2028*\u2029",
        };
        string source = "using PolyNet;\npublic static partial class P\n{\n" + string.Concat(expressions.Select(e =>
            $"    [Hamiltonian({Literals.String(e.Value)})]\n    public static partial double {e.Key}(double x, double y);\n")) + "}\n";

        var assembly = BuildStrict(source, out string generated);
        AssertNoRawTerminators(generated);

        var diagnostics = GeneratorHarness.Analyze(GeneratorHarness.Run(GeneratorHarness.CreateCompilation(source)).Output);
        var type = assembly.GetType("P")!;
        foreach (string name in expressions.Keys)
        {
            var thrown = Assert.Throws<TargetInvocationException>(() => type.GetMethod(name, [typeof(double), typeof(double)])!.Invoke(null, [0.5, 0.5]));
            var exception = Assert.IsType<InvalidOperationException>(thrown.InnerException);

            // The message is the first diagnostic's, character for character.
            var first = diagnostics.First(d => d.Location.GetLineSpan().StartLinePosition.Line == 3 + (2 * expressions.Keys.ToList().IndexOf(name)));
            Assert.Equal($"{first.Id}: {first.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}", exception.Message);

            var property = Assert.Throws<TargetInvocationException>(() => type.GetProperty(name + "Network")!.GetValue(null));
            Assert.Equal(exception.Message, property.InnerException!.Message);
        }

        Assert.Contains("unexpected character '\"'", generated, StringComparison.Ordinal);
        Assert.Contains("unexpected character '\\'", generated, StringComparison.Ordinal);
        Assert.Contains(Literals.String(expressions["Quote"]), generated, StringComparison.Ordinal);
    }

    [Fact]
    public void The_users_doc_comment_is_repeated_line_by_line_whatever_ends_its_lines()
    {
        string source = "using PolyNet;\npublic static partial class P\n{\n"
            + "    /// <summary>First\u2028    /// second\u0085    /// third\r    /// fourth\u2029    /// fifth</summary>\n"
            + "    [Hamiltonian(\"x*y\")]\n    public static partial double F(double x, double y);\n}\n";
        BuildStrict(source, out string generated);
        AssertNoRawTerminators(generated);
        string[] lines = generated.Split('\n').Select(l => l.Trim()).ToArray();
        int first = Array.IndexOf(lines, "/// <summary>First");
        Assert.True(first >= 0, generated);
        Assert.Equal(new[] { "/// second", "/// third", "/// fourth", "/// fifth</summary>" }, lines.Skip(first + 1).Take(4));
    }

    private static CSharpParseOptions Strict { get; } = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);

    private static string Source(string expression) =>
        $"using PolyNet;\npublic static partial class P\n{{\n    [Hamiltonian({Literals.String(expression)})]\n    public static partial double F(double x, double y);\n}}\n";

    private static void AssertNoRawTerminators(string generated)
    {
        Assert.DoesNotContain('\r', generated);
        Assert.DoesNotContain('\u0085', generated);
        Assert.DoesNotContain('\u2028', generated);
        Assert.DoesNotContain('\u2029', generated);
    }

    /// <summary>
    /// Generates with XML doc comments checked (DocumentationMode.Diagnose, so malformed XML is a warning) and
    /// compiles with every warning as an error; CS1591 (a public member without docs) is the user's business.
    /// </summary>
    private static Assembly BuildStrict(string source, out string generated)
    {
        var compilation = GeneratorHarness.CreateCompilation(source);
        compilation = compilation
            .RemoveAllSyntaxTrees()
            .AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, Strict, path: "Source0.cs"))
            .WithOptions(compilation.Options.WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1591"] = ReportDiagnostic.Suppress }));
        var driver = CSharpGeneratorDriver.Create([new HamiltonianGenerator().AsSourceGenerator()], parseOptions: Strict)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        generated = string.Join("\n", result.GeneratedSources.Select(s => s.SourceText.ToString()));
        return GeneratorHarness.CompileAndLoad((CSharpCompilation)output);
    }
}
