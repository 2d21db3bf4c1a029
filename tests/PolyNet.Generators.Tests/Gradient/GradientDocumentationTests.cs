using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Gradient;

/// <summary>
/// The gradient members' XML documentation compiles cleanly when the user's project checks documentation
/// (GenerateDocumentationFile: CS1591, CS1574, CS0419 ambiguous crefs, ...), for a plain and a lattice Hamiltonian.
/// </summary>
public sealed class GradientDocumentationTests
{
    [Fact]
    public void Documented_gradient_methods_compile_without_documentation_warnings()
    {
        var parseOptions = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        var compilation = GeneratorHarness.CreateCompilation("""
            using System;
            using PolyNet;

            /// <summary>Physics.</summary>
            public static partial class Physics
            {
                /// <summary>The energy.</summary>
                /// <param name="x">First.</param>
                /// <param name="y">Second.</param>
                /// <param name="z">Third.</param>
                /// <returns>The energy.</returns>
                [Hamiltonian("x*y + 3*x*y*z", Gradient = true)]
                public static partial double Energy(double x, double y, double z);

                /// <summary>A chain.</summary>
                /// <param name="phi">The field.</param>
                /// <param name="n">Its length.</param>
                /// <returns>The energy.</returns>
                [Hamiltonian("sum(i < n: 0.5*(phi[i+1] - phi[i])^2 + 0.25*phi[i]^4)", Boundary = LatticeBoundary.Open, InputBound = 2, Gradient = true)]
                public static partial double Chain(ReadOnlySpan<double> phi, int n);
            }
            """);
        compilation = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(compilation.SyntaxTrees.Single().GetText(), parseOptions, path: "Source0.cs"));
        var driver = GeneratorHarness.CreateDriver().WithUpdatedParseOptions(parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        Assert.All(driver.GetRunResult().Results, r => Assert.Null(r.Exception));

        // Emitting with a documentation stream makes the compiler check every doc comment.
        using var peStream = new MemoryStream();
        using var xmlStream = new MemoryStream();
        var emit = output.Emit(peStream, xmlDocumentationStream: xmlStream);
        var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(emit.Success && problems.Count == 0, string.Join("\n", problems));
    }
}
