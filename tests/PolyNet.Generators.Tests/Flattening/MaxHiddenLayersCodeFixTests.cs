using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using PolyNet.Generators.CodeFixes;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Flattening;

/// <summary>
/// The PNET100/PNET101 code fixes in an AdhocWorkspace: the CodeAction's operations are applied, the fixed source
/// generates and compiles, and the analyzer re-run on it no longer reports the diagnostic.
/// </summary>
public sealed class MaxHiddenLayersCodeFixTests
{
    [Fact]
    public async Task Use_the_deep_network_removes_the_argument()
    {
        string fixedSource = await ApplyAsync(FlatteningDiagnosticTests.EightSource, "PNET100", MaxHiddenLayersCodeFixProvider.UseDeepKey);
        Assert.Contains("[Hamiltonian(\"a*b*c*d*e*f*g*h\")]", fixedSource, StringComparison.Ordinal);
        AssertFixed(fixedSource, expectedLayers: 3);
    }

    [Fact]
    public async Task Use_the_shallowest_depth_within_twice_deep_writes_k_star()
    {
        string fixedSource = await ApplyAsync(FlatteningDiagnosticTests.EightSource, "PNET100", MaxHiddenLayersCodeFixProvider.UseShallowestKey);
        Assert.Contains("[Hamiltonian(\"a*b*c*d*e*f*g*h\", MaxHiddenLayers = 2)]", fixedSource, StringComparison.Ordinal);
        AssertFixed(fixedSource, expectedLayers: 2);
    }

    [Fact]
    public async Task PNET101_is_fixed_the_same_ways()
    {
        string deep = await ApplyAsync(FlatteningDiagnosticTests.ThirtyTwoSource, "PNET101", MaxHiddenLayersCodeFixProvider.UseDeepKey);
        Assert.DoesNotContain("MaxHiddenLayers", deep, StringComparison.Ordinal);
        AssertFixed(deep, expectedLayers: 5);

        string shallow = await ApplyAsync(FlatteningDiagnosticTests.ThirtyTwoSource, "PNET101", MaxHiddenLayersCodeFixProvider.UseShallowestKey);
        Assert.Contains("MaxHiddenLayers = 3)]", shallow, StringComparison.Ordinal);
        AssertFixed(shallow, expectedLayers: 3);
    }

    [Fact]
    public async Task A_lattice_template_is_diagnosed_and_fixed_like_any_network()
    {
        const string Lattice = """
            using System;
            using PolyNet;
            public static partial class H
            {
                [Hamiltonian("sum(i < n: a[i]*a[i+1]*a[i+2]*a[i+3]*a[i+4]*a[i+5]*a[i+6]*a[i+7])", MaxHiddenLayers = 1)]
                public static partial double Energy(ReadOnlySpan<double> a, int n);
            }
            """;
        var warning = Assert.Single(GeneratorHarness.Analyze(GeneratorHarness.CreateCompilation(Lattice)), d => d.Id == "PNET100");
        Assert.StartsWith(
            "Flattening a[i]*a[i+1]*a[i+2]*a[i+3]*a[i+4]*a[i+5]*a[i+6]*a[i+7] (one lattice site) into 1 hidden layer costs 256 neurons",
            warning.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            StringComparison.Ordinal);

        string fixedSource = await ApplyAsync(Lattice, "PNET100", MaxHiddenLayersCodeFixProvider.UseShallowestKey);
        Assert.Contains("MaxHiddenLayers = 2)]", fixedSource, StringComparison.Ordinal);
        var run = GeneratorHarness.Run(fixedSource);
        var summary = Assert.Single(GeneratorHarness.Analyze(run.Output, includeSummaries: true));
        Assert.Equal("'Energy' compiles to 28 neurons per lattice site in 2 hidden layers, max error 5e-9 per site (the lattice's error is the sum over its sites)", summary.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var lattice = (LatticeNetwork)GeneratorHarness.CompileAndLoad(run.Output).GetType("H")!.GetProperty("EnergyLattice")!.GetValue(null)!;
        Assert.Equal(2, lattice.HiddenLayers);
    }

    [Fact]
    public void Fix_all_is_the_batch_fixer()
    {
        var provider = new MaxHiddenLayersCodeFixProvider();
        Assert.Same(WellKnownFixAllProviders.BatchFixer, provider.GetFixAllProvider());
        Assert.Equal(["PNET100", "PNET101"], provider.FixableDiagnosticIds.ToArray());
    }

    [Fact]
    public async Task Fix_all_in_document_sets_every_costly_depth()
    {
        const string Source = """
            using PolyNet;
            public static partial class H
            {
                [Hamiltonian("a*b*c*d*e*f*g*h", MaxHiddenLayers = 1)]
                public static partial double Energy(double a, double b, double c, double d, double e, double f, double g, double h);

                [Hamiltonian("a*b*c*d*e*f", MaxHiddenLayers = 1)]
                public static partial double Other(double a, double b, double c, double d, double e, double f);
            }
            """;
        using var workspace = new AdhocWorkspace();
        var document = CreateDocument(workspace, Source);
        var diagnostics = GeneratorHarness.Analyze((await document.Project.GetCompilationAsync())!);
        Assert.Equal(2, diagnostics.Count(d => d.Id == "PNET100"));

        var provider = new MaxHiddenLayersCodeFixProvider();
        var context = new FixAllContext(
            document,
            provider,
            FixAllScope.Document,
            MaxHiddenLayersCodeFixProvider.UseShallowestKey,
            provider.FixableDiagnosticIds,
            new FixedDiagnostics(diagnostics),
            CancellationToken.None);
        var action = (await provider.GetFixAllProvider().GetFixAsync(context))!;
        var apply = Assert.Single((await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>());
        apply.Apply(workspace, CancellationToken.None);
        string fixedSource = (await workspace.CurrentSolution.GetDocument(document.Id)!.GetTextAsync()).ToString();

        Assert.Contains("[Hamiltonian(\"a*b*c*d*e*f*g*h\", MaxHiddenLayers = 2)]", fixedSource, StringComparison.Ordinal);
        Assert.Contains("[Hamiltonian(\"a*b*c*d*e*f\", MaxHiddenLayers = 2)]", fixedSource, StringComparison.Ordinal);
        Assert.DoesNotContain(GeneratorHarness.Analyze(GeneratorHarness.Run(fixedSource).Output), d => d.Id == "PNET100");
    }

    private static Document CreateDocument(AdhocWorkspace workspace, string source)
    {
        var reference = GeneratorHarness.CreateCompilation(string.Empty);
        return workspace.CurrentSolution
            .AddProject("UserCode", "UserCode", LanguageNames.CSharp)
            .WithParseOptions(GeneratorHarness.ParseOptions)
            .WithCompilationOptions(reference.Options)
            .WithMetadataReferences(reference.References)
            .AddDocument("Source0.cs", source);
    }

    private static async Task<string> ApplyAsync(string source, string id, string equivalenceKey)
    {
        using var workspace = new AdhocWorkspace();
        var document = CreateDocument(workspace, source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostic = Assert.Single(GeneratorHarness.Analyze(compilation), d => d.Id == id);

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await new MaxHiddenLayersCodeFixProvider().RegisterCodeFixesAsync(context);
        Assert.Equal(2, actions.Count);
        var chosen = Assert.Single(actions, a => a.EquivalenceKey == equivalenceKey);

        var operations = await chosen.GetOperationsAsync(CancellationToken.None);
        var apply = Assert.Single(operations.OfType<ApplyChangesOperation>());
        apply.Apply(workspace, CancellationToken.None);
        var text = await workspace.CurrentSolution.GetDocument(document.Id)!.GetTextAsync();
        return text.ToString();
    }

    /// <summary>The fixed source generates, compiles and loads; the analyzer now reports only the PNET102 summary.</summary>
    private static void AssertFixed(string source, int expectedLayers)
    {
        var run = GeneratorHarness.Run(source);
        var diagnostics = GeneratorHarness.Analyze(run.Output, includeSummaries: true);
        var summary = Assert.Single(diagnostics);
        Assert.Equal("PNET102", summary.Id);
        var network = (SigmoidNetwork)GeneratorHarness.CompileAndLoad(run.Output).GetType("H")!.GetProperty("EnergyNetwork")!.GetValue(null)!;
        Assert.Equal(expectedLayers, network.HiddenLayers);
    }

    /// <summary>Hands Fix All the analyzer's diagnostics.</summary>
    private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(ImmutableArray<Diagnostic>.Empty);

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
    }
}
