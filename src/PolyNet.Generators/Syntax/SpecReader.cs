using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolyNet.Generators.Compiler;
using PolyNet.Generators.Emit;
using PolyNet.Generators.Spec;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Syntax;

/// <summary>
/// Reads a [Hamiltonian] method into a <see cref="HamiltonianSpec"/>, checking its shape (PNET004) and the
/// attribute's arguments (PNET006). Wrong targets are accepted on purpose so misuse is diagnosed, and a body is
/// emitted whenever the declaration allows one.
/// </summary>
internal static class SpecReader
{
    public const string HamiltonianAttributeName = "PolyNet.HamiltonianAttribute";
    public const string BoundAttributeName = "PolyNet.BoundAttribute";

    private static readonly string[] LineBreaks = { "\r\n", "\r", "\n", "\u0085", "\u2028", "\u2029" };

    internal static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static SpecReadResult Read(
        IMethodSymbol method,
        MethodDeclarationSyntax declaration,
        AttributeData attribute,
        SemanticModel? semanticModel,
        CancellationToken cancellationToken)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        string? shapeError = null;
        void Report(DiagnosticDescriptor descriptor, Location location, string message)
        {
            diagnostics.Add(Diagnostic.Create(descriptor, location, message));
            shapeError ??= $"{descriptor.Id}: {message}";
        }

        var nameLocation = declaration.Identifier.GetLocation();
        bool canEmit = CheckDeclaration(method, declaration, Report, "double or float");
        bool emitsNetworkProperty = ReadNetworkPropertyName(method, nameLocation, Report);
        var hierarchy = ReadHierarchy(method, declaration, Report, ref canEmit);
        var precision = ReadPrecision(method, declaration, Report);

        var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        string expression = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string text ? text : string.Empty;
        var expressionArgument = attributeSyntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null)?.Expression;
        LiteralTextMap? map = null;
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string)
        {
            Report(DiagnosticDescriptors.InvalidArgument, expressionArgument?.GetLocation() ?? nameLocation, "the Hamiltonian expression must be a constant string such as \"x*y + 3*x*y*z\"");
        }
        else if (expressionArgument is not null)
        {
            map = LiteralTextMap.Create(expressionArgument, semanticModel, cancellationToken);
        }

        double inputBound = 1.0;
        int maxHiddenLayers = 0;
        bool checkBounds = false, gradient = false;
        var boundary = BoundaryKind.Periodic;
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "Boundary" && named.Value.Value is int boundaryValue)
            {
                boundary = boundaryValue == (int)BoundaryKind.Open ? BoundaryKind.Open : BoundaryKind.Periodic;
                if (boundaryValue is not ((int)BoundaryKind.Periodic or (int)BoundaryKind.Open))
                {
                    Report(DiagnosticDescriptors.InvalidArgument, NamedArgumentLocation(attributeSyntax, "Boundary") ?? nameLocation, $"Boundary must be LatticeBoundary.Periodic or LatticeBoundary.Open, not {boundaryValue}");
                }
            }

            if (named.Key == "MaxHiddenLayers" && named.Value.Value is int layers)
            {
                maxHiddenLayers = layers;
                if (layers < 0)
                {
                    Report(DiagnosticDescriptors.InvalidArgument, NamedArgumentLocation(attributeSyntax, "MaxHiddenLayers") ?? nameLocation, $"MaxHiddenLayers must be 0 (no limit) or a positive number of hidden layers, not {layers}");
                    maxHiddenLayers = 0;
                }
            }

            if (named.Key == "CheckBounds" && named.Value.Value is bool check)
            {
                checkBounds = check;
            }

            if (named.Key == "Gradient" && named.Value.Value is bool differentiate)
            {
                gradient = differentiate;
            }

            if (named.Key == "InputBound" && named.Value.Value is double bound)
            {
                inputBound = bound;
                if (!IsValidBound(bound))
                {
                    var location = NamedArgumentLocation(attributeSyntax, "InputBound") ?? nameLocation;
                    Report(DiagnosticDescriptors.InvalidArgument, location, $"InputBound must be a positive finite number, not {Format(bound)}");
                }
            }
        }

        var parameters = ImmutableArray.CreateBuilder<ParameterSpec>(method.Parameters.Length);
        foreach (var parameter in method.Parameters)
        {
            var kind = ParameterKindReader.KindOf(parameter);
            var role = ParameterKindReader.RoleOf(parameter, method);
            double bound = ReadBound(parameter, kind, kind == VariableKind.Continuous ? inputBound : 1.0, diagnostics, Report, nameLocation, cancellationToken);
            parameters.Add(new ParameterSpec(parameter.Name, Identifier(parameter.Name), parameter.Type.ToDisplayString(TypeFormat), Modifier(parameter), bound, kind, role));
        }

        var parameterSpecs = parameters.MoveToImmutable().ToEquatableArray();
        // A lattice differentiates its continuous fields (one derivative per site), any other method its continuous inputs.
        bool lattice = parameterSpecs.Any(p => p.Role == ParameterRole.Field);
        if (gradient && !parameterSpecs.Any(p => p.Kind == VariableKind.Continuous && p.Role == (lattice ? ParameterRole.Field : ParameterRole.Scalar)))
        {
            // A warning, not a shape error: the method still compiles, only without the gradient members.
            diagnostics.Add(Diagnostic.Create(
                DiagnosticDescriptors.GradientWithoutContinuousInput,
                NamedArgumentLocation(attributeSyntax, "Gradient") ?? nameLocation,
                lattice
                    ? $"'{method.Name}' has no continuous field, and bits and spins have no derivative (a lattice's gradient is one derivative per site of each double or float field): Gradient = true adds nothing; remove it"
                    : $"'{method.Name}' has no continuous input, and bits and spins have no derivative: Gradient = true adds nothing; remove it, or make an input double or float"));
            gradient = false;
        }

        // Invalid bounds were reported as PNET006; the expression is still compiled, with 1 in their place.
        var input = new HamiltonianInput(
            expression,
            parameterSpecs.Select(p => p.Name).ToEquatableArray(),
            parameterSpecs.Select(p => IsValidBound(p.Bound) ? p.Bound : 1.0).ToEquatableArray(),
            parameterSpecs.Select(p => p.Kind).ToEquatableArray(),
            precision ?? NumericPrecision.Double,
            maxHiddenLayers,
            parameterSpecs.Any(p => p.Role != ParameterRole.Scalar) ? parameterSpecs.Select(p => p.Role).ToEquatableArray() : default,
            boundary);
        HamiltonianSpec? spec = canEmit
            ? new HamiltonianSpec(
                hierarchy,
                Identifier(method.Name),
                Accessibility(method.DeclaredAccessibility),
                Signature(method, declaration),
                parameterSpecs,
                input,
                precision,
                inputBound,
                shapeError,
                emitsNetworkProperty,
                checkBounds,
                Documentation(declaration),
                gradient)
            : null;
        return new SpecReadResult(spec, input, diagnostics.ToImmutable(), map);
    }

    /// <summary>The parameter's [Bound] if it has a valid one (PNET006 otherwise, PNET008 on a bit or spin), else <paramref name="bound"/>.</summary>
    internal static double ReadBound(
        IParameterSymbol parameter,
        VariableKind kind,
        double bound,
        ImmutableArray<Diagnostic>.Builder diagnostics,
        Action<DiagnosticDescriptor, Location, string> report,
        Location nameLocation,
        CancellationToken cancellationToken)
    {
        foreach (var parameterAttribute in parameter.GetAttributes())
        {
            if (parameterAttribute.AttributeClass?.ToDisplayString() == BoundAttributeName
                && parameterAttribute.ConstructorArguments.Length == 1 && parameterAttribute.ConstructorArguments[0].Value is double value)
            {
                if (ParameterKindReader.BoundOnBinary(parameter, parameterAttribute, kind, cancellationToken) is { } ignored)
                {
                    diagnostics.Add(ignored);
                    continue;
                }

                bound = value;
                if (!IsValidBound(value))
                {
                    var location = (parameterAttribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.ArgumentList?.Arguments.FirstOrDefault()?.GetLocation() ?? parameter.Locations.FirstOrDefault() ?? nameLocation;
                    report(DiagnosticDescriptors.InvalidArgument, location, $"the bound of '{parameter.Name}' must be a positive finite number, not {Format(value)}");
                }
            }
        }

        return bound;
    }

    /// <summary>
    /// The checks every generated method shares (PNET004): 'static partial' without a body, not generic, not returning by
    /// reference. False when no implementation can be emitted at all.
    /// </summary>
    internal static bool CheckDeclaration(IMethodSymbol method, MethodDeclarationSyntax declaration, Action<DiagnosticDescriptor, Location, string> report, string returns)
    {
        var nameLocation = declaration.Identifier.GetLocation();
        string name = method.Name;
        bool canEmit = true;
        if (!declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            report(DiagnosticDescriptors.UnsupportedMethod, nameLocation, $"'{name}' must be declared 'static partial' without a body; the generator writes the body");
            canEmit = false;
        }
        else if (declaration.Body is not null || declaration.ExpressionBody is not null
            || (method.PartialImplementationPart is { } implementation && !IsGenerated(implementation)))
        {
            report(DiagnosticDescriptors.UnsupportedMethod, nameLocation, $"'{name}' already has a body; remove it, the generator writes the body");
            canEmit = false;
        }

        if (!method.IsStatic)
        {
            report(DiagnosticDescriptors.UnsupportedMethod, nameLocation, $"'{name}' must be static; add the 'static' modifier");
        }

        if (method.IsGenericMethod)
        {
            report(DiagnosticDescriptors.UnsupportedMethod, declaration.TypeParameterList!.GetLocation(), $"'{name}' must not be generic; remove the type parameters");
            canEmit &= declaration.ConstraintClauses.Count == 0;
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            report(DiagnosticDescriptors.UnsupportedMethod, declaration.ReturnType.GetLocation(), $"'{name}' must return {returns} by value");
            canEmit = false;
        }

        return canEmit;
    }

    /// <summary>The lines of the declaration's own XML doc comment, without the leading "///" (empty when it has none).</summary>
    internal static EquatableArray<string> Documentation(MethodDeclarationSyntax declaration)
    {
        var lines = new List<string>();
        foreach (var trivia in declaration.GetLeadingTrivia())
        {
            if (trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia))
            {
                // Split wherever C# ends a line, which includes U+0085, U+2028 and U+2029.
                foreach (string line in trivia.ToFullString().Split(LineBreaks, StringSplitOptions.None))
                {
                    string text = line.TrimStart();
                    if (text.StartsWith("///", StringComparison.Ordinal))
                    {
                        lines.Add(Literals.Comment(text.Substring(3)));
                    }
                }
            }
        }

        return lines.ToEquatableArray();
    }

    /// <summary>The value of a named attribute argument such as <c>InputBound = 2</c>, for diagnostics.</summary>
    public static Location? NamedArgumentLocation(AttributeSyntax? attribute, string name) =>
        attribute?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.Expression.GetLocation();

    /// <summary>
    /// The network is published as <c>&lt;Method&gt;Network</c>: only the first [Hamiltonian] overload of a name
    /// (in source order) gets it, and none does when the type already declares a member of that name.
    /// </summary>
    internal static bool ReadNetworkPropertyName(IMethodSymbol method, Location nameLocation, Action<DiagnosticDescriptor, Location, string> report)
    {
        var type = method.ContainingType;
        if (type is null)
        {
            return true;
        }

        string property = method.Name + "Network";
        if (type.GetMembers(property).Any(m => !m.IsImplicitlyDeclared && !IsGeneratedNetworkProperty(m)))
        {
            report(DiagnosticDescriptors.UnsupportedMethod, nameLocation, $"'{type.Name}' already has a member named '{property}', where the generator publishes the network of '{method.Name}'; rename one of them");
            return false;
        }

        var first = type.GetMembers(method.Name).OfType<IMethodSymbol>()
            .Where(m => m.PartialDefinitionPart is null && m.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == HamiltonianAttributeName))
            .OrderBy(m => m.Locations.FirstOrDefault()?.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(m => m.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0)
            .FirstOrDefault();
        if (first is not null && !SymbolEqualityComparer.Default.Equals(first, method))
        {
            report(DiagnosticDescriptors.UnsupportedMethod, nameLocation, $"another [Hamiltonian] method is also named '{method.Name}', and both would publish '{property}'; give each Hamiltonian its own name");
            return false;
        }

        return true;
    }

    private static bool IsGeneratedNetworkProperty(ISymbol member) =>
        member is IPropertySymbol or IMethodSymbol && member.DeclaringSyntaxReferences.All(r => r.SyntaxTree.FilePath.Contains(nameof(HamiltonianGenerator)));

    internal static TypeHierarchy ReadHierarchy(IMethodSymbol method, MethodDeclarationSyntax declaration, Action<DiagnosticDescriptor, Location, string> report, ref bool canEmit)
    {
        var types = new List<ContainingType>();
        foreach (var typeSyntax in declaration.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!typeSyntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                report(DiagnosticDescriptors.UnsupportedMethod, typeSyntax.Identifier.GetLocation(), $"the type '{typeSyntax.Identifier.ValueText}' containing '{method.Name}' must be partial; add the 'partial' modifier");
                canEmit = false;
            }

            string keyword = typeSyntax switch
            {
                RecordDeclarationSyntax record => record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct" : "record",
                StructDeclarationSyntax => "struct",
                InterfaceDeclarationSyntax => "interface",
                _ => "class",
            };
            if (typeSyntax.Modifiers.Any(SyntaxKind.RefKeyword))
            {
                keyword = "ref " + keyword;
            }

            string typeParameters = typeSyntax.TypeParameterList is { } list
                ? "<" + string.Join(", ", list.Parameters.Select(p => p.Identifier.Text)) + ">"
                : string.Empty;
            types.Insert(0, new ContainingType(keyword, typeSyntax.Identifier.Text, typeParameters));
        }

        var ns = method.ContainingType?.ContainingNamespace;
        string namespaceName = ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString();
        return new TypeHierarchy(namespaceName, types.ToEquatableArray());
    }

    private static NumericPrecision? ReadPrecision(IMethodSymbol method, MethodDeclarationSyntax declaration, Action<DiagnosticDescriptor, Location, string> report)
    {
        NumericPrecision? precision = method.ReturnType.SpecialType switch
        {
            SpecialType.System_Double => NumericPrecision.Double,
            SpecialType.System_Single => NumericPrecision.Single,
            _ => null,
        };
        if (precision is null)
        {
            report(DiagnosticDescriptors.UnsupportedMethod, declaration.ReturnType.GetLocation(), $"'{method.Name}' returns {method.ReturnType.ToDisplayString()}; a Hamiltonian returns double (with double parameters) or float (with float parameters)");
            return null;
        }

        string typeName = precision == NumericPrecision.Double ? "double" : "float";
        bool valid = true;
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            var location = declaration.ParameterList.Parameters[i].GetLocation();
            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                report(DiagnosticDescriptors.UnsupportedMethod, location, $"parameter '{parameter.Name}' must be passed by value; remove the '{Modifier(parameter).Trim()}' modifier");
                valid = false;
            }
            else if (ParameterKindReader.Read(parameter, method, typeName, location, report, default) is null)
            {
                valid = false;
            }
        }

        return valid ? precision : null;
    }

    private static bool IsGenerated(IMethodSymbol implementation) =>
        implementation.GetAttributes().Any(a =>
            a.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute"
            && a.ConstructorArguments.Length > 0 && a.ConstructorArguments[0].Value as string == HamiltonianEmitter.GeneratorName);

    internal static bool IsValidBound(double bound) => bound > 0 && !double.IsInfinity(bound) && !double.IsNaN(bound);

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    internal static string Modifier(IParameterSymbol parameter) => parameter.RefKind switch
    {
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.In => "in ",
        _ => parameter.IsParams ? "params " : parameter.Ordinal == 0 && parameter.ContainingSymbol is IMethodSymbol { IsExtensionMethod: true } ? "this " : string.Empty,
    };

    internal static string Accessibility(Accessibility accessibility) => accessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    /// <summary>The implementing declaration's head: the definition's modifiers (partial methods must repeat them), type and name.</summary>
    internal static string Signature(IMethodSymbol method, MethodDeclarationSyntax declaration)
    {
        var modifiers = declaration.Modifiers.Select(m => m.Text).ToList();
        string typeParameters = declaration.TypeParameterList is { } list
            ? "<" + string.Join(", ", list.Parameters.Select(p => p.Identifier.Text)) + ">"
            : string.Empty;
        return $"{string.Join(" ", modifiers)} {method.ReturnType.ToDisplayString(TypeFormat)} {Identifier(method.Name)}{typeParameters}";
    }
}
