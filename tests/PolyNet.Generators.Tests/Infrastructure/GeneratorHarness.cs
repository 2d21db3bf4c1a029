using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using PolyNet.Generators.Syntax;

namespace PolyNet.Generators.Tests.Infrastructure;

/// <summary>
/// Drives the generator and the analyzer the way the compiler does (CSharpGeneratorDriver,
/// CompilationWithAnalyzers) and compiles, loads and runs the result.
/// </summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(SigmoidNetwork).Assembly.Location);
        return paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12);

    public static CSharpCompilation CreateCompilation(string source, string assemblyName = "UserCode") =>
        CreateCompilation([source], assemblyName);

    public static CSharpCompilation CreateCompilation(IEnumerable<string> sources, string assemblyName = "UserCode") =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                generalDiagnosticOption: ReportDiagnostic.Error,
                deterministic: true,
                optimizationLevel: OptimizationLevel.Release));

    public static GeneratorDriver CreateDriver(bool trackSteps = true) =>
        CSharpGeneratorDriver.Create(
            [new HamiltonianGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator; fails the test if it threw (which users would see as CS8785).</summary>
    public static GeneratorRun Run(string source) => Run(CreateCompilation(source));

    public static GeneratorRun Run(CSharpCompilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        foreach (var generator in result.Results)
        {
            Assert.Null(generator.Exception);
        }

        Assert.Empty(generatorDiagnostics);
        return new GeneratorRun(driver, (CSharpCompilation)output, result);
    }

    /// <summary>
    /// The analyzer's diagnostics on the generator's output compilation, sorted by position. PNET102 (the Info-level
    /// "compiles to N neurons" summary every compiled Hamiltonian gets) only when <paramref name="includeSummaries"/>.
    /// </summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, bool includeSummaries = false)
    {
        var withAnalyzers = compilation.WithAnalyzers([new HamiltonianAnalyzer()], new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: (e, _, _) => throw new InvalidOperationException("analyzer threw", e), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        return withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult()
            .Where(d => includeSummaries || d.Id != "PNET102")
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id).ToImmutableArray();
    }

    /// <summary>
    /// The analyzer's own execution time on <paramref name="compilation"/>, from Roslyn's telemetry: excludes the
    /// compiler's binding of the (generated) code, which the wall-clock time of an analysis run includes.
    /// </summary>
    public static TimeSpan AnalyzerExecutionTime(Compilation compilation)
    {
        var analyzer = new HamiltonianAnalyzer();
        var withAnalyzers = compilation.WithAnalyzers([analyzer], new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
    }

    /// <summary>Compiles with every warning as an error and loads the assembly in a collectible context.</summary>
    public static Assembly CompileAndLoad(CSharpCompilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        Assert.True(emit.Success, "generated code must compile without warnings:\n" + string.Join("\n", emit.Diagnostics));
        stream.Position = 0;
        var context = new AssemblyLoadContext(compilation.AssemblyName, isCollectible: true);
        context.Resolving += (_, name) => name.Name == "PolyNet" ? typeof(SigmoidNetwork).Assembly : null;
        return context.LoadFromStream(stream);
    }

    /// <summary>Generated text with every wrapped line joined back (a line break and its indentation become one space).</summary>
    public static string Unwrapped(string generated) => System.Text.RegularExpressions.Regex.Replace(generated, @"\r?\n[ ]*", " ");

    /// <summary>
    /// Compiles and loads <paramref name="source"/> (one [Hamiltonian] method) with the generator's own spec reader and
    /// emitter but its network built at <paramref name="point"/> instead of the calibrated optimum: the test seam for
    /// networks whose own error is large enough to see.
    /// </summary>
    public static Assembly BuildAtOperatingPoint(string source, Func<NumericPrecision, OperatingPoint> point)
    {
        var compilation = CreateCompilation(source);
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var declaration = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax>()
            .Single(m => m.AttributeLists.Count > 0);
        var method = model.GetDeclaredSymbol(declaration)!;
        var attribute = method.GetAttributes().Single(a => a.AttributeClass?.ToDisplayString() == SpecReader.HamiltonianAttributeName);
        var spec = SpecReader.Read(method, declaration, attribute, model, CancellationToken.None).Spec!;
        var compiled = HamiltonianCompiler.Compile(spec.Input, point(spec.Input.Precision));
        return CompileAndLoad(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(HamiltonianEmitter.Emit(spec, compiled), ParseOptions)));
    }

    /// <summary>
    /// Generates, compiles with warnings as errors, and loads user code; asserts no diagnostics but one PNET102
    /// summary (Info) per generated method.
    /// </summary>
    public static Assembly BuildAndLoad(string source)
    {
        var run = Run(source);
        var analyzerDiagnostics = Analyze(run.Output, includeSummaries: true);
        var problems = analyzerDiagnostics.Where(d => d.Id != "PNET102").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal(run.Sources.Count, analyzerDiagnostics.Count(d => d.Id == "PNET102" && d.Severity == DiagnosticSeverity.Info));
        return CompileAndLoad(run.Output);
    }
}

internal sealed record GeneratorRun(GeneratorDriver Driver, CSharpCompilation Output, GeneratorDriverRunResult Result)
{
    public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.SelectMany(r => r.GeneratedSources).ToList();

    public string SourceText(string hintNameContains) =>
        Sources.Single(s => s.HintName.Contains(hintNameContains, StringComparison.Ordinal)).SourceText.ToString();
}
