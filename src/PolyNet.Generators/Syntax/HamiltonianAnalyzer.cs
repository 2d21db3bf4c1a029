using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using PolyNet.Generators.Compiler;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Syntax;

/// <summary>
/// Reports PNET001–PNET008 and PNET100–PNET102 live in the IDE, running the same stages as the generator so both agree.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HamiltonianAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.SyntaxError,
        DiagnosticDescriptors.UnknownVariable,
        DiagnosticDescriptors.UnusedParameter,
        DiagnosticDescriptors.UnsupportedMethod,
        DiagnosticDescriptors.LimitExceeded,
        DiagnosticDescriptors.InvalidArgument,
        DiagnosticDescriptors.InvalidSpin,
        DiagnosticDescriptors.BoundOnBinary,
        DiagnosticDescriptors.CostlyFlattening,
        DiagnosticDescriptors.FlatteningLimitExceeded,
        DiagnosticDescriptors.NetworkSummary);

    public override void Initialize(AnalysisContext context)
    {
        // The generated implementation part carries [GeneratedCode], and Roslyn merges a partial method's attributes,
        // so with GeneratedCodeAnalysisFlags.None the driver treats the user's declaration as generated code and skips
        // it: no diagnostic would ever be reported once the generator has run. Implementation parts are skipped below.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var attributeType = start.Compilation.GetTypeByMetadataName(SpecReader.HamiltonianAttributeName);
            if (attributeType is null)
            {
                return;
            }

            start.RegisterSyntaxNodeAction(node => AnalyzeMethod(node, attributeType), SyntaxKind.MethodDeclaration);
        });
    }

    private static void AnalyzeMethod(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType)
    {
        var declaration = (MethodDeclarationSyntax)context.Node;
        if (declaration.AttributeLists.Count == 0
            || context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not IMethodSymbol method
            || method.PartialDefinitionPart is not null)
        {
            // Not a method, or the implementation part of a partial method (its definition part is analyzed instead).
            return;
        }

        var attribute = method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));
        if (attribute is null)
        {
            return;
        }

        var read = SpecReader.Read(method, declaration, attribute, context.SemanticModel, context.CancellationToken);
        foreach (var diagnostic in read.Diagnostics)
        {
            context.ReportDiagnostic(diagnostic);
        }

        if (read.ExpressionMap is not { } map || attribute.ConstructorArguments[0].Value is not string)
        {
            return;
        }

        // Expression problems are reported even when the method's shape is wrong, so both get fixed in one pass.
        var input = read.Input;
        var compiled = HamiltonianCompiler.Compile(input, context.CancellationToken);
        foreach (var error in compiled.Errors.Where(e => e.Kind != ExpressionErrorKind.FlatteningLimitExceeded))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ForId(DiagnosticIds.For(error.Kind)), map.GetLocation(error.Span), error.Message));
        }

        FlatteningDiagnostics.Report(context, declaration, attribute, input, compiled, read.Spec);
        if (compiled.Polynomial is { } polynomial)
        {
            for (int v = 0; v < method.Parameters.Length; v++)
            {
                if (polynomial.Terms.All(term => term.Monomial[v] == 0))
                {
                    var parameter = method.Parameters[v];
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.UnusedParameter,
                        parameter.Locations.FirstOrDefault(),
                        $"parameter '{parameter.Name}' does not appear in the expanded Hamiltonian; use it in the expression or remove it"));
                }
            }
        }
    }
}
