using System.Collections.Immutable;
using System.Globalization;
using System.IO;
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
/// <remarks>
/// <para>The IDE analyzes one document at a time, declaration by declaration, and keeps only what an action reports
/// inside the declaration it runs for: a method's analysis cannot report in a constant declared elsewhere (even in
/// the same file), nor on a containing type. So every diagnostic is reported by the analysis of the declaration it
/// is located in, which a build runs as well:</para>
/// <list type="bullet">
/// <item>an expression held in a <c>const string</c> gets its errors twice: on the attribute argument, by the
/// method's analysis (naming the constant and where in it the error is), and inside the constant's literal, by the
/// constant's analysis, which finds the [Hamiltonian] methods using it (<see cref="ConstantUses"/>);</item>
/// <item>"the containing type must be partial" (PNET004) is reported by the analysis of that type.</item>
/// </list>
/// </remarks>
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
        DiagnosticDescriptors.InvalidLattice,
        DiagnosticDescriptors.InvalidClassifier,
        DiagnosticDescriptors.GradientWithoutContinuousInput,
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

            var constantUses = new ConstantUses(start.Compilation, attributeType);
            start.RegisterSyntaxNodeAction(node => AnalyzeMethod(node, attributeType), SyntaxKind.MethodDeclaration);
            start.RegisterSyntaxNodeAction(node => AnalyzeConstant(node, constantUses), SyntaxKind.VariableDeclarator);
            start.RegisterSyntaxNodeAction(
                node => AnalyzeType(node, attributeType),
                SyntaxKind.ClassDeclaration,
                SyntaxKind.StructDeclaration,
                SyntaxKind.InterfaceDeclaration,
                SyntaxKind.RecordDeclaration,
                SyntaxKind.RecordStructDeclaration);
        });
    }

    // The method's first [Hamiltonian], for a definition part (implementation parts are analyzed through their definition).
    private static (IMethodSymbol Method, AttributeData Attribute)? Hamiltonian(MethodDeclarationSyntax declaration, SemanticModel model, INamedTypeSymbol attributeType, System.Threading.CancellationToken cancellationToken)
    {
        if (declaration.AttributeLists.Count == 0
            || model.GetDeclaredSymbol(declaration, cancellationToken) is not IMethodSymbol method
            || method.PartialDefinitionPart is not null)
        {
            return null;
        }

        var attribute = method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType));
        return attribute is null ? null : (method, attribute);
    }

    private static bool IsInside(Location location, SyntaxNode node) =>
        location.SourceTree == node.SyntaxTree && node.Span.Contains(location.SourceSpan);

    private static void AnalyzeMethod(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType)
    {
        var declaration = (MethodDeclarationSyntax)context.Node;
        if (Hamiltonian(declaration, context.SemanticModel, attributeType, context.CancellationToken) is not { } found)
        {
            AnalyzeClassifier(context, declaration);
            return;
        }

        var (method, attribute) = found;
        if (method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == ClassifierReader.CategoryAttributeName))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidClassifier, declaration.Identifier.GetLocation(), ClassifierReader.BothAttributes(method.Name)));
        }

        var read = SpecReader.Read(method, declaration, attribute, context.SemanticModel, context.CancellationToken);
        foreach (var diagnostic in read.Diagnostics)
        {
            // The rest are on containing types; AnalyzeType reports those.
            if (IsInside(diagnostic.Location, declaration))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        if (read.ExpressionMap is not { } map || attribute.ConstructorArguments[0].Value is not string)
        {
            return;
        }

        // Expression problems are reported even when the method's shape is wrong, so both get fixed in one pass.
        var input = read.Input;
        var compiled = HamiltonianCompiler.Compile(input, context.CancellationToken);
        foreach (var error in ExpressionErrors(compiled))
        {
            var location = map.GetLocation(error.Span);
            if (IsInside(location, declaration) || map.ArgumentLocation is not { } argument)
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ForId(DiagnosticIds.For(error.Kind)), location, error.Message));
            }
            else
            {
                // In a constant declared outside this method, where its analysis cannot report; AnalyzeConstant does.
                string constant = map.Constant?.Name ?? "constant";
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ForId(DiagnosticIds.For(error.Kind)),
                    argument,
                    $"{error.Message} (in the constant '{constant}', {Position(location)})"));
            }
        }

        FlatteningDiagnostics.Report(context, declaration, attribute, input, compiled, read.Spec);
        if (compiled.Polynomial is { } polynomial)
        {
            for (int v = 0; v < method.Parameters.Length; v++)
            {
                if (!IsUsed(compiled, polynomial, v))
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

    /// <summary>
    /// A method with [Category] attributes (a classifier): its shape (PNET004, PNET006, PNET010), each category's expression
    /// errors inside that category's literal, unused inputs (PNET003) and its summary (PNET102). A method that also has
    /// [Hamiltonian] is analyzed as one, and the classifier's analysis reports the conflict.
    /// </summary>
    private static void AnalyzeClassifier(SyntaxNodeAnalysisContext context, MethodDeclarationSyntax declaration)
    {
        if (declaration.AttributeLists.Count == 0
            || context.SemanticModel.GetDeclaredSymbol(declaration, context.CancellationToken) is not IMethodSymbol method
            || method.PartialDefinitionPart is not null)
        {
            return;
        }

        var categories = method.GetAttributes().Where(a => a.AttributeClass?.ToDisplayString() == ClassifierReader.CategoryAttributeName).ToImmutableArray();
        if (categories.IsEmpty)
        {
            return;
        }

        var read = ClassifierReader.Read(method, declaration, categories, context.SemanticModel, context.CancellationToken);
        foreach (var diagnostic in read.Diagnostics)
        {
            if (IsInside(diagnostic.Location, declaration))
            {
                context.ReportDiagnostic(diagnostic);
            }
        }

        var compiled = new CompiledHamiltonian[read.CategoryInputs.Count];
        for (int y = 0; y < read.CategoryInputs.Count; y++)
        {
            compiled[y] = HamiltonianCompiler.Compile(read.CategoryInputs[y], context.CancellationToken);
            if (read.ExpressionMaps[y] is not { } map)
            {
                continue;
            }

            foreach (var error in compiled[y].Errors)
            {
                var location = map.GetLocation(error.Span);
                var descriptor = DiagnosticDescriptors.ForId(DiagnosticIds.For(error.Kind));
                string name = categories[y].ConstructorArguments[0].Value as string ?? string.Empty;
                context.ReportDiagnostic(IsInside(location, declaration) || map.ArgumentLocation is not { } argument
                    ? Diagnostic.Create(descriptor, location, error.Message)
                    : Diagnostic.Create(descriptor, argument, $"{error.Message} (in the constant of category '{name}', {Position(location)})"));
            }
        }

        if (read.Spec is not { } spec || !spec.IsCompilable || compiled.Any(c => !c.Succeeded))
        {
            return;
        }

        for (int v = 0; v < spec.Inputs.Count; v++)
        {
            if (compiled.All(c => c.Polynomial!.Terms.All(term => term.Monomial[v] == 0)))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.UnusedParameter,
                    method.Parameters[v].Locations.FirstOrDefault(),
                    $"parameter '{method.Parameters[v].Name}' appears in no category's expanded Hamiltonian; use it in an expression or remove it"));
            }
        }

        var classifier = ClassifierCompiler.Compile(compiled.ToImmutableArray(), spec.Categories.Select(c => c.Prior).ToList(), spec.Precision!.Value);
        if (classifier is { Succeeded: true, Shared: { } shared })
        {
            int unshared = classifier.Categories.Sum(c => c.Network!.NeuronCount);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.NetworkSummary,
                declaration.Identifier.GetLocation(),
                string.Format(
                    CultureInfo.InvariantCulture,
                    "'{0}' compiles {1} categories to {2:N0} shared neurons ({3:N0} without sharing) in {4}, max error {5} on each probability",
                    declaration.Identifier.ValueText,
                    classifier.Categories.Length,
                    shared.NeuronCount,
                    unshared,
                    DepthLimitCheck.Layers(shared.HiddenLayers),
                    FlatteningAdvice.TwoDigits(classifier.MaxError))));
        }
    }

    /// <summary>Whether parameter <paramref name="v"/> appears in the expanded Hamiltonian (for a lattice: in a site's terms, or as an extent).</summary>
    private static bool IsUsed(CompiledHamiltonian compiled, Polynomials.Polynomial polynomial, int v)
    {
        if (compiled.Lattice is not { } lattice)
        {
            return polynomial.Terms.Any(term => term.Monomial[v] != 0);
        }

        return lattice.Domain.Contains(v)
            || Enumerable.Range(0, lattice.Reads.Length).Any(k => lattice.Reads[k].Parameter == v && polynomial.Terms.Any(term => term.Monomial[k] != 0));
    }

    /// <summary>
    /// Expression errors of the [Hamiltonian] methods that use a constant declared here, located inside the constant's
    /// literal, one report per method (<see cref="AnalyzeMethod"/> reports them on the attribute argument).
    /// </summary>
    private static void AnalyzeConstant(SyntaxNodeAnalysisContext context, ConstantUses constantUses)
    {
        var variable = (VariableDeclaratorSyntax)context.Node;
        if (variable.Parent?.Parent is not FieldDeclarationSyntax field
            || !field.Modifiers.Any(SyntaxKind.ConstKeyword)
            || variable.Initializer?.Value is not LiteralExpressionSyntax literal
            || context.SemanticModel.GetDeclaredSymbol(variable, context.CancellationToken) is not IFieldSymbol { IsConst: true, ConstantValue: string } constant)
        {
            return;
        }

        LiteralTextMap? map = null;
        foreach (var use in constantUses.Of(constant, context.CancellationToken))
        {
            var read = SpecReader.Read(use.Method, use.Declaration, use.Attribute, semanticModel: null, context.CancellationToken);
            var compiled = HamiltonianCompiler.Compile(read.Input, context.CancellationToken);
            foreach (var error in ExpressionErrors(compiled))
            {
                map ??= LiteralTextMap.Create(literal, semanticModel: null, context.CancellationToken);
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.ForId(DiagnosticIds.For(error.Kind)),
                    map.GetLocation(error.Span),
                    $"{error.Message} (for [Hamiltonian] method '{use.Method.Name}', {Position(use.Declaration.Identifier.GetLocation())})"));
            }
        }
    }

    /// <summary>
    /// The diagnostics of [Hamiltonian] methods that are located on this type rather than in the method: a containing
    /// type that is not partial (PNET004). Partial types get none, so they are skipped without looking inside.
    /// </summary>
    private static void AnalyzeType(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType)
    {
        var type = (TypeDeclarationSyntax)context.Node;
        if (type.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            return;
        }

        var root = type.SyntaxTree.GetRoot(context.CancellationToken);
        foreach (var declaration in type.DescendantNodes(static n => n is TypeDeclarationSyntax).OfType<MethodDeclarationSyntax>())
        {
            if (Hamiltonian(declaration, context.SemanticModel, attributeType, context.CancellationToken) is not { } found)
            {
                continue;
            }

            var (method, attribute) = found;

            var read = SpecReader.Read(method, declaration, attribute, context.SemanticModel, context.CancellationToken);
            foreach (var diagnostic in read.Diagnostics)
            {
                // This type's own diagnostics: nested types report theirs, the method reports those inside it.
                if (IsInside(diagnostic.Location, type) && !IsInside(diagnostic.Location, declaration)
                    && root.FindNode(diagnostic.Location.SourceSpan).AncestorsAndSelf().OfType<TypeDeclarationSyntax>().FirstOrDefault() == type)
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
        }
    }

    // Errors located in the expression text; PNET101 goes on the MaxHiddenLayers value (FlatteningDiagnostics).
    private static System.Collections.Generic.IEnumerable<ExpressionError> ExpressionErrors(CompiledHamiltonian compiled) =>
        compiled.Errors.Where(e => e.Kind != ExpressionErrorKind.FlatteningLimitExceeded);

    /// <summary>"Constants.cs(3,35)": where the other half of a cross-file report is.</summary>
    private static string Position(Location location)
    {
        var span = location.GetLineSpan();
        return string.Format(
            CultureInfo.InvariantCulture,
            "{0}({1},{2})",
            Path.GetFileName(span.Path),
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1);
    }
}
