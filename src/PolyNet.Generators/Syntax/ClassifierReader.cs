using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolyNet.Generators.Compiler;
using PolyNet.Generators.Shared;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Syntax;

/// <summary>
/// Reads a method with [Category] attributes into a <see cref="ClassifierSpec"/>: the shape shared with [Hamiltonian]
/// methods (PNET004), the probabilities parameter and return type (PNET004), the categories (PNET010) and the options of
/// an optional [Classifier] (PNET006). Each category's Hamiltonian is compiled over the inputs like a [Hamiltonian].
/// </summary>
internal static class ClassifierReader
{
    public const string CategoryAttributeName = "PolyNet.CategoryAttribute";
    public const string ClassifierAttributeName = "PolyNet.ClassifierAttribute";

    public static ClassifierReadResult Read(
        IMethodSymbol method,
        MethodDeclarationSyntax declaration,
        ImmutableArray<AttributeData> categories,
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
        bool canEmit = SpecReader.CheckDeclaration(method, declaration, Report, "int or void");
        bool emitsNetworkProperty = SpecReader.ReadNetworkPropertyName(method, nameLocation, Report);
        var hierarchy = SpecReader.ReadHierarchy(method, declaration, Report, ref canEmit);

        if (method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == SpecReader.HamiltonianAttributeName))
        {
            Report(DiagnosticDescriptors.InvalidClassifier, nameLocation, BothAttributes(method.Name));

            // The [Hamiltonian] pipeline writes the method's body; a second one would not compile.
            canEmit = false;
        }

        bool returnsIndex = method.ReturnType.SpecialType == SpecialType.System_Int32;
        if (!returnsIndex && !method.ReturnsVoid)
        {
            Report(DiagnosticDescriptors.UnsupportedMethod, declaration.ReturnType.GetLocation(), $"'{method.Name}' returns {method.ReturnType.ToDisplayString()}; a classifier returns int (the most probable category) or void");
        }

        var probabilities = method.Parameters.LastOrDefault();
        ITypeSymbol? element = probabilities?.Type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } span
            && span.ConstructedFrom.ToDisplayString() == "System.Span<T>"
            && span.TypeArguments[0].SpecialType is SpecialType.System_Double or SpecialType.System_Single
            && probabilities.RefKind == RefKind.None
            ? span.TypeArguments[0]
            : null;
        NumericPrecision? precision = element?.SpecialType switch
        {
            SpecialType.System_Double => NumericPrecision.Double,
            SpecialType.System_Single => NumericPrecision.Single,
            _ => null,
        };
        if (precision is null)
        {
            var location = probabilities is null ? declaration.ParameterList.GetLocation() : declaration.ParameterList.Parameters[method.Parameters.Length - 1].GetLocation();
            Report(DiagnosticDescriptors.UnsupportedMethod, location, $"the last parameter of '{method.Name}' must be Span<double> (or Span<float> with float inputs), which receives one probability per category");
        }

        var options = ReadOptions(method, Report, cancellationToken);
        string typeName = precision == NumericPrecision.Single ? "float" : "double";
        var parameters = ImmutableArray.CreateBuilder<ParameterSpec>();
        int inputs = Math.Max(0, method.Parameters.Length - 1);
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            var kind = ParameterKindReader.KindOf(parameter);
            double bound = kind == VariableKind.Continuous ? options.InputBound : 1.0;
            if (i < inputs)
            {
                var location = declaration.ParameterList.Parameters[i].GetLocation();
                if (parameter.RefKind != RefKind.None || parameter.IsParams)
                {
                    Report(DiagnosticDescriptors.UnsupportedMethod, location, $"parameter '{parameter.Name}' must be passed by value; remove the '{SpecReader.Modifier(parameter).Trim()}' modifier");
                }
                else if (element is not null && ParameterKindReader.Read(parameter, method, typeName, location, Report, cancellationToken, element) is null)
                {
                    precision = null;
                }

                bound = SpecReader.ReadBound(parameter, kind, bound, diagnostics, Report, nameLocation, cancellationToken);
            }

            parameters.Add(new ParameterSpec(parameter.Name, SpecReader.Identifier(parameter.Name), parameter.Type.ToDisplayString(SpecReader.TypeFormat), SpecReader.Modifier(parameter), bound, kind));
        }

        var parameterSpecs = parameters.ToImmutable();
        var inputSpecs = parameterSpecs.Take(inputs).ToEquatableArray();
        var categorySpecs = ReadCategories(method, categories, nameLocation, Report, cancellationToken, out var maps, semanticModel);
        var categoryInputs = categorySpecs.Select(c => new HamiltonianInput(
            c.Expression,
            inputSpecs.Select(p => p.Name).ToEquatableArray(),
            inputSpecs.Select(p => SpecReader.IsValidBound(p.Bound) ? p.Bound : 1.0).ToEquatableArray(),
            inputSpecs.Select(p => p.Kind).ToEquatableArray(),
            precision ?? NumericPrecision.Double,
            options.MaxHiddenLayers)).ToEquatableArray();

        ClassifierSpec? spec = canEmit && probabilities is not null
            ? new ClassifierSpec(
                hierarchy,
                SpecReader.Identifier(method.Name),
                SpecReader.Accessibility(method.DeclaredAccessibility),
                SpecReader.Signature(method, declaration),
                parameterSpecs.ToEquatableArray(),
                inputSpecs,
                parameterSpecs[parameterSpecs.Length - 1],
                returnsIndex,
                categorySpecs.ToEquatableArray(),
                categoryInputs,
                precision,
                options.InputBound,
                options.CheckBounds,
                shapeError,
                emitsNetworkProperty,
                SpecReader.Documentation(declaration))
            : null;
        return new ClassifierReadResult(spec, categoryInputs, diagnostics.ToImmutable(), maps);
    }

    /// <summary>PNET010's message for a method with both [Hamiltonian] and [Category].</summary>
    public static string BothAttributes(string method) =>
        $"'{method}' has both [Hamiltonian] and [Category]; a method is either one Hamiltonian or a classifier over several, remove one of them";

    private static List<CategorySpec> ReadCategories(
        IMethodSymbol method,
        ImmutableArray<AttributeData> attributes,
        Location nameLocation,
        Action<DiagnosticDescriptor, Location, string> report,
        CancellationToken cancellationToken,
        out ImmutableArray<LiteralTextMap?> maps,
        SemanticModel? semanticModel)
    {
        var categories = new List<CategorySpec>();
        var mapBuilder = ImmutableArray.CreateBuilder<LiteralTextMap?>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            var arguments = syntax?.ArgumentList?.Arguments.Where(a => a.NameEquals is null).ToList();
            string name = attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[0].Value is string n ? n : string.Empty;
            string expression = attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[1].Value is string e ? e : string.Empty;
            var nameArgument = arguments?.ElementAtOrDefault(0)?.Expression;
            var expressionArgument = arguments?.ElementAtOrDefault(1)?.Expression;
            if (attribute.ConstructorArguments.Length != 2 || attribute.ConstructorArguments[0].Value is not string || attribute.ConstructorArguments[1].Value is not string)
            {
                report(DiagnosticDescriptors.InvalidArgument, syntax?.GetLocation() ?? nameLocation, "[Category] takes a constant name and a constant Hamiltonian, such as [Category(\"sunny\", \"0.5*(t - 1)^2\")]");
                mapBuilder.Add(null);
            }
            else
            {
                mapBuilder.Add(expressionArgument is null ? null : LiteralTextMap.Create(expressionArgument, semanticModel, cancellationToken));
                if (name.Trim().Length == 0)
                {
                    report(DiagnosticDescriptors.InvalidClassifier, nameArgument?.GetLocation() ?? nameLocation, "a category needs a name; write it as the first argument, such as [Category(\"sunny\", …)]");
                }
                else if (!names.Add(name))
                {
                    report(DiagnosticDescriptors.InvalidClassifier, nameArgument?.GetLocation() ?? nameLocation, $"'{method.Name}' has two categories named '{name}'; give each category its own name");
                }
            }

            double prior = 1.0;
            foreach (var named in attribute.NamedArguments)
            {
                if (named.Key == "Prior" && named.Value.Value is double value)
                {
                    prior = value;
                    if (!SpecReader.IsValidBound(value))
                    {
                        report(DiagnosticDescriptors.InvalidClassifier, SpecReader.NamedArgumentLocation(syntax, "Prior") ?? nameLocation, $"the prior of '{name}' must be a positive finite number (only ratios matter), not {SpecReader.Format(value)}");
                        prior = 1.0;
                    }
                }
            }

            categories.Add(new CategorySpec(name, expression, prior));
        }

        if (categories.Count < 2)
        {
            report(DiagnosticDescriptors.InvalidClassifier, nameLocation, $"'{method.Name}' has {categories.Count} [Category]; a classifier chooses between at least two, add another [Category(name, hamiltonian)]");
        }

        maps = mapBuilder.ToImmutable();
        return categories;
    }

    private static (double InputBound, bool CheckBounds, int MaxHiddenLayers) ReadOptions(IMethodSymbol method, Action<DiagnosticDescriptor, Location, string> report, CancellationToken cancellationToken)
    {
        double inputBound = 1.0;
        bool checkBounds = false;
        int maxHiddenLayers = 0;
        var attribute = method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == ClassifierAttributeName);
        if (attribute is null)
        {
            return (inputBound, checkBounds, maxHiddenLayers);
        }

        var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
        var fallback = syntax?.GetLocation() ?? method.Locations.FirstOrDefault() ?? Location.None;
        foreach (var named in attribute.NamedArguments)
        {
            switch (named.Key, named.Value.Value)
            {
                case ("InputBound", double bound):
                    inputBound = bound;
                    if (!SpecReader.IsValidBound(bound))
                    {
                        report(DiagnosticDescriptors.InvalidArgument, SpecReader.NamedArgumentLocation(syntax, "InputBound") ?? fallback, $"InputBound must be a positive finite number, not {SpecReader.Format(bound)}");
                    }

                    break;
                case ("CheckBounds", bool check):
                    checkBounds = check;
                    break;
                case ("MaxHiddenLayers", int layers):
                    maxHiddenLayers = Math.Max(0, layers);
                    if (layers < 0)
                    {
                        report(DiagnosticDescriptors.InvalidArgument, SpecReader.NamedArgumentLocation(syntax, "MaxHiddenLayers") ?? fallback, $"MaxHiddenLayers must be 0 (no limit) or a positive number of hidden layers, not {layers}");
                    }

                    break;
            }
        }

        return (inputBound, checkBounds, maxHiddenLayers);
    }
}

/// <summary>What <see cref="ClassifierReader"/> found: the spec (null when nothing can be emitted), each category's input, the diagnostics, and each category's literal map.</summary>
internal sealed record ClassifierReadResult(
    ClassifierSpec? Spec,
    EquatableArray<HamiltonianInput> CategoryInputs,
    ImmutableArray<Diagnostic> Diagnostics,
    ImmutableArray<LiteralTextMap?> ExpressionMaps);
