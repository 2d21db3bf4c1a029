using System;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Classifier;

/// <summary>Every classifier diagnostic, located where the problem is written; the generator still emits compiling members.</summary>
public sealed class ClassifierDiagnosticTests
{
    private static (Diagnostic Diagnostic, string Text) Single(string attributes, string signature, string id)
    {
        string source = $$"""
            using System;
            using PolyNet;
            public static partial class C
            {
                {{attributes}}
                public static partial {{signature}};
            }
            """;
        var run = GeneratorHarness.Run(source);
        var diagnostics = GeneratorHarness.Analyze(run.Output);
        var diagnostic = Assert.Single(diagnostics, d => d.Id == id);
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error && d.Id.StartsWith("CS", System.StringComparison.Ordinal));
        var span = diagnostic.Location.SourceSpan;
        return (diagnostic, diagnostic.Location.SourceTree!.ToString().Substring(span.Start, span.Length));
    }

    [Theory]
    [InlineData("[Category(\"a\", \"x\")]", "int F(double x, Span<double> p)", "PNET010", "F", "'F' has 1 [Category]; a classifier chooses between at least two")]
    [InlineData("[Category(\"a\", \"x\")] [Category(\"a\", \"-x\")]", "int F(double x, Span<double> p)", "PNET010", "\"a\"", "'F' has two categories named 'a'")]
    [InlineData("[Category(\"a\", \"x\", Prior = 0)] [Category(\"b\", \"-x\")]", "int F(double x, Span<double> p)", "PNET010", "0", "the prior of 'a' must be a positive finite number")]
    [InlineData("[Category(\"a\", \"x\", Prior = double.NaN)] [Category(\"b\", \"-x\")]", "int F(double x, Span<double> p)", "PNET010", "double.NaN", "the prior of 'a' must be a positive finite number")]
    [InlineData("[Category(\"a\", \"x\")] [Category(\"b\", \"-x\")]", "int F(double x, double p)", "PNET004", "double p", "the last parameter of 'F' must be Span<double>")]
    [InlineData("[Category(\"a\", \"x\")] [Category(\"b\", \"-x\")]", "int F(double x, Span<int> p)", "PNET004", "Span<int> p", "the last parameter of 'F' must be Span<double>")]
    [InlineData("[Category(\"a\", \"x\")] [Category(\"b\", \"-x\")]", "double F(double x, Span<double> p)", "PNET004", "double", "a classifier returns int (the most probable category) or void")]
    [InlineData("[Category(\"a\", \"x\")] [Category(\"b\", \"-x\")]", "int F(float x, Span<double> p)", "PNET004", "float x", "parameter 'x' is float but 'F' computes in double")]
    [InlineData("[Category(\"a\", \"x\")] [Category(\"b\", \"3x\")]", "int F(double x, Span<double> p)", "PNET001", "3x", "missing '*' between 3 and x")]
    [InlineData("[Category(\"a\", \"x\")] [Category(\"b\", \"x*w\")]", "int F(double x, Span<double> p)", "PNET002", "w", "'w' is not a parameter of the method")]
    [InlineData("[Classifier(InputBound = -1)] [Category(\"a\", \"x\")] [Category(\"b\", \"-x\")]", "int F(double x, Span<double> p)", "PNET006", "-1", "InputBound must be a positive finite number")]
    [InlineData("[Category(\"a\", \"x\")] [Category(\"b\", \"-x\")]", "int F(double x, double y, Span<double> p)", "PNET003", "y", "parameter 'y' appears in no category's expanded Hamiltonian")]
    public void A_classifier_problem_is_reported_where_it_is_written(string attributes, string signature, string id, string located, string message)
    {
        var (diagnostic, text) = Single(attributes, signature, id);
        Assert.Equal(located, text);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void Category_with_Hamiltonian_is_reported_once_and_the_method_gets_one_body()
    {
        var (diagnostic, text) = Single("[Hamiltonian(\"x\")] [Category(\"a\", \"x\")] [Category(\"b\", \"-x\")]", "double F(double x)", "PNET010");
        Assert.Equal("F", text);
        Assert.Contains("has both [Hamiltonian] and [Category]", diagnostic.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_summary_counts_shared_and_unshared_neurons()
    {
        var run = GeneratorHarness.Run("""
            using System;
            using PolyNet;
            public static partial class C
            {
                [Category("a", "x*y + x")]
                [Category("b", "x*y - y")]
                public static partial int F(double x, double y, Span<double> p);
            }
            """);
        var summary = Assert.Single(GeneratorHarness.Analyze(run.Output, includeSummaries: true), d => d.Id == "PNET102");
        Assert.StartsWith("'F' compiles 2 categories to 4 shared neurons (8 without sharing) in 1 hidden layer, max error", summary.GetMessage(CultureInfo.InvariantCulture), System.StringComparison.Ordinal);
    }
}

/// <summary>Classifiers of unusual shapes: no inputs (no batch overloads), five categories (row stores element by element).</summary>
public sealed class ClassifierShapeTests
{
    private delegate int NoInputs(Span<double> p);

    private delegate int Five(sbyte s1, sbyte s2, bool b, Span<double> p);

    private delegate void FiveBatch(ReadOnlySpan<sbyte> s1, ReadOnlySpan<sbyte> s2, ReadOnlySpan<bool> b, Span<double> p, Span<int> categories);

    [Fact]
    public void A_classifier_without_inputs_and_one_with_five_categories_compile_and_agree_with_their_references()
    {
        var type = GeneratorHarness.BuildAndLoad("""
            using System;
            using PolyNet;
            public static partial class Edge
            {
                [Category("a", "1")]
                [Category("b", "2")]
                public static partial int NoInputs(Span<double> p);

                [Category("first", "s1*s2")]
                [Category("second", "-s1*s2")]
                [Category("third", "b")]
                [Category("fourth", "0.5")]
                [Category("fifth", "s1 + b")]
                public static partial int Five([Spin] sbyte s1, [Spin] sbyte s2, bool b, Span<double> p);
            }
            """).GetType("Edge")!;
        var none = type.GetMethod("NoInputs")!.CreateDelegate<NoInputs>();
        Span<double> p = stackalloc double[2];
        Assert.Equal(0, none(p));
        Assert.Equal(1 / (1 + System.Math.Exp(-1)), p[0], 15);
        Assert.Single(type.GetMethods(), m => m.Name == "NoInputs");

        var five = type.GetMethods().Single(m => m.Name == "Five" && m.ReturnType == typeof(int)).CreateDelegate<Five>();
        var batch = type.GetMethods().Single(m => m.Name == "Five" && m.ReturnType == typeof(void)).CreateDelegate<FiveBatch>();
        var classifier = (BoltzmannClassifier)type.GetProperty("FiveNetwork")!.GetValue(null)!;
        var random = new Random(6);
        var s1 = Enumerable.Range(0, 37).Select(_ => (sbyte)((random.Next(2) * 2) - 1)).ToArray();
        var s2 = Enumerable.Range(0, 37).Select(_ => (sbyte)((random.Next(2) * 2) - 1)).ToArray();
        var b = Enumerable.Range(0, 37).Select(_ => random.Next(2) == 1).ToArray();
        var rows = new double[37 * 5];
        var categories = new int[37];
        batch(s1, s2, b, rows, categories);
        Span<double> q = stackalloc double[5];
        Span<double> exact = stackalloc double[5];
        for (int i = 0; i < 37; i++)
        {
            Assert.Equal(five(s1[i], s2[i], b[i], q), categories[i]);
            classifier.EvaluateExact([s1[i], s2[i], b[i] ? 1 : 0], exact);
            for (int y = 0; y < 5; y++)
            {
                Assert.Equal(q[y], rows[(i * 5) + y], 15);
                Assert.True(Math.Abs(q[y] - exact[y]) <= classifier.MaxError);
            }
        }
    }
}
