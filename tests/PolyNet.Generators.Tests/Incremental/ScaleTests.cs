using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolyNet.Generators.Syntax;
using PolyNet.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Incremental;

/// <summary>A file with 500 Hamiltonians: everything generates and compiles; an unrelated edit is cached.</summary>
/// <remarks>Times are printed for the record (README, closing notes), not asserted: speed belongs to benchmarks.</remarks>
public sealed class ScaleTests(ITestOutputHelper output)
{
    [Fact]
    public void Five_hundred_methods_generate_compile_and_stay_cached()
    {
        string source = FiveHundredMethods();
        var compilation = GeneratorHarness.CreateCompilation(source);

        var clock = Stopwatch.StartNew();
        var driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var generated, out _);
        var cold = clock.Elapsed;
        var result = driver.GetRunResult().Results.Single();
        Assert.Null(result.Exception);
        Assert.Equal(500, result.GeneratedSources.Length);

        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("public class Unrelated { }", GeneratorHarness.ParseOptions, path: "Unrelated.cs"));
        clock.Restart();
        driver = driver.RunGenerators(edited);
        var warm = clock.Elapsed;
        var outputs = driver.GetRunResult().Results.Single().TrackedSteps[TrackingNames.GeneratedFiles].SelectMany(s => s.Outputs).ToList();
        Assert.Equal(500, outputs.Count);
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

        clock.Restart();
        var errors = generated.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var binding = clock.Elapsed;
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(5)));

        var analyzerDiagnostics = GeneratorHarness.Analyze(generated, includeSummaries: true);
        var analysis = GeneratorHarness.AnalyzerExecutionTime(generated);
        output.WriteLine($"500 methods: generator {cold.TotalMilliseconds:F0} ms cold, {warm.TotalMilliseconds:F0} ms after an unrelated edit; "
            + $"compiler binding the generated code {binding.TotalMilliseconds:F0} ms; analyzer's own execution {analysis.TotalMilliseconds:F0} ms");
        Assert.Equal(500, analyzerDiagnostics.Length);
        Assert.All(analyzerDiagnostics, d => Assert.Equal("PNET102", d.Id));
    }

    private static string FiveHundredMethods()
    {
        var text = new StringBuilder("using PolyNet;\n\npublic static partial class Many\n{\n");
        var random = new Random(500);
        string[] names = ["a", "b", "c", "d", "e", "f", "g", "h"];
        for (int i = 0; i < 500; i++)
        {
            string type = i % 2 == 0 ? "double" : "float";
            string expression = (i % 4) switch
            {
                0 => string.Join("*", names.Take(2 + (i % 7))),
                1 => $"a^{2 + (i % 5)} + b^{1 + (i % 3)}*c",
                2 => string.Join(" + ", Enumerable.Range(0, 10).Select(_ => $"{random.Next(1, 9)}*{names[random.Next(3)]}*{names[random.Next(3, 6)]}^{random.Next(1, 3)}")),
                _ => "0.5*(a^2 + b^2 + c^2) + 0.1*(a^4 + b^4 + c^4) - 0.3*a*b*c",
            };
            var used = names.Where(n => expression.Contains(n, StringComparison.Ordinal));
            text.Append($"    [Hamiltonian(\"{expression}\")]\n    public static partial {type} H{i}({string.Join(", ", used.Select(n => $"{type} {n}"))});\n");
        }

        return text.Append("}\n").ToString();
    }
}
