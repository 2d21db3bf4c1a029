using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PolyNet.Generators.Compiler;
using PolyNet.Generators.Shared;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Syntax;

/// <summary>
/// PNET100 (a depth limit costing more than 2× the deep network), PNET101 (a depth limit over the neuron or
/// degree limit) on the <c>MaxHiddenLayers = k</c> value, and PNET102 (what every compiled Hamiltonian costs)
/// on the method name. PNET100/101 carry the shallowest depth within 2× of deep for the code fix.
/// </summary>
internal static class FlatteningDiagnostics
{
    /// <summary>Diagnostic property: the MaxHiddenLayers value the "shallowest depth within 2×" fix writes.</summary>
    public const string ShallowestDepthProperty = "ShallowestDepth";

    public static void Report(SyntaxNodeAnalysisContext context, MethodDeclarationSyntax declaration, AttributeData attribute, HamiltonianInput input, CompiledHamiltonian compiled, HamiltonianSpec? spec)
    {
        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
        var limitLocation = SpecReader.NamedArgumentLocation(attributeSyntax, "MaxHiddenLayers") ?? declaration.Identifier.GetLocation();
        var refusal = compiled.Errors.FirstOrDefault(e => e.Kind == ExpressionErrorKind.FlatteningLimitExceeded);
        bool canCompare = refusal is not null || compiled.Succeeded;
        var advice = canCompare ? FlatteningAdvice.For(input, context.CancellationToken) : null;
        var properties = advice is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(ShallowestDepthProperty, advice.ShallowestWithinTwice.ToString(CultureInfo.InvariantCulture));

        if (refusal is not null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.FlatteningLimitExceeded, limitLocation, properties, refusal.Message));
            return;
        }

        if (!compiled.Succeeded || spec is null || !spec.IsCompilable)
        {
            return;
        }

        if (advice?.CostWarning(compiled.Network!) is { } warning)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CostlyFlattening, limitLocation, properties, warning));
        }

        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.NetworkSummary, declaration.Identifier.GetLocation(), FlatteningAdvice.Summary(declaration.Identifier.ValueText, compiled.Network!, compiled.Lattice is not null)));
    }
}
