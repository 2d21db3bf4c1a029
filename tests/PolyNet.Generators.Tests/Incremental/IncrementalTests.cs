using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolyNet.Generators.Syntax;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Incremental;

/// <summary>The pipeline caches: unrelated edits regenerate nothing, and models hold no Roslyn objects.</summary>
public sealed class IncrementalTests
{
    private const string Physics = """
        using System;
        using PolyNet;
        public static partial class Physics
        {
            [Hamiltonian("-sum(i < n: s[i]*s[i+1])")]
            public static partial double Chain([Spin] ReadOnlySpan<sbyte> s, int n);

            [Category("a", "x*y + x")]
            [Category("b", "x*y - y", Prior = 2)]
            public static partial int Classify(double x, double y, Span<double> p);

            [Hamiltonian("x*y + 3*x*y*z")]
            public static partial double Energy(double x, double y, double z);

            [Hamiltonian("x^2 + y^2", InputBound = 2)]
            public static partial float Radius(float x, float y);

            public static int Unrelated() => 1;
        }
        """;

    private static readonly string[] TrackedSteps = [TrackingNames.Specs, TrackingNames.GeneratedFiles, TrackingNames.ClassifierSpecs, TrackingNames.ClassifierFiles];

    [Fact]
    public void Running_again_on_a_clone_regenerates_nothing()
    {
        var compilation = GeneratorHarness.CreateCompilation(Physics);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var second = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();
        AssertAllCached(second);
    }

    [Fact]
    public void An_unrelated_file_or_method_body_edit_regenerates_nothing()
    {
        var compilation = GeneratorHarness.CreateCompilation(Physics);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var withNewFile = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class Other { public int X => 2; }", GeneratorHarness.ParseOptions, path: "Other.cs"));
        driver = driver.RunGenerators(withNewFile);
        AssertAllCached(driver.GetRunResult().Results.Single());

        var tree = withNewFile.SyntaxTrees.First();
        var edited = withNewFile.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Physics.Replace("=> 1;", "=> 42;", StringComparison.Ordinal))));
        driver = driver.RunGenerators(edited);
        AssertAllCached(driver.GetRunResult().Results.Single());
    }

    [Fact]
    public void Editing_one_expression_regenerates_only_that_method()
    {
        var compilation = GeneratorHarness.CreateCompilation(Physics);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Physics.Replace("x^2 + y^2", "x^2 - y^2", StringComparison.Ordinal))));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var reasons = result.TrackedSteps[TrackingNames.GeneratedFiles].SelectMany(s => s.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(2, reasons.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.All(result.TrackedSteps[TrackingNames.ClassifierFiles].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
    }

    [Fact]
    public void Pipeline_models_hold_no_symbols_syntax_or_compilations()
    {
        var compilation = GeneratorHarness.CreateCompilation(Physics);
        var result = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        int strings = 0;
        foreach (string name in TrackedSteps)
        {
            foreach (var step in result.TrackedSteps[name])
            {
                foreach (var (value, _) in step.Outputs)
                {
                    Walk(value, visited, ref strings, $"{name} output");
                }
            }
        }

        Assert.True(strings > 10, "the walker must reach the models' contents");
    }

    private static void Walk(object? value, HashSet<object> visited, ref int strings, string path)
    {
        switch (value)
        {
            case null:
                return;
            case string:
                strings++;
                return;
            case ISymbol or SyntaxNode or Compilation or SemanticModel or Location or SyntaxTree:
                Assert.Fail($"{path} holds a {value.GetType().Name}");
                return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is decimal || !visited.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            int index = 0;
            foreach (object? item in items)
            {
                Walk(item, visited, ref strings, $"{path}[{index++}]");
            }
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), visited, ref strings, $"{path}.{field.Name}");
        }
    }

    private static void AssertAllCached(GeneratorRunResult result)
    {
        foreach (string name in TrackedSteps)
        {
            var outputs = result.TrackedSteps[name].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {o.Reason}"));
        }

        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o =>
            Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"output: {o.Reason}"));
    }
}
