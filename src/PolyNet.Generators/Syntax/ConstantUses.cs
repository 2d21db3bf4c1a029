using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PolyNet.Generators.Syntax;

/// <summary>
/// The [Hamiltonian] methods whose expression argument names a given constant, for reporting expression errors
/// inside a constant declared in another file. Built once per compilation, on first use: a syntax-only pass over the
/// member declarations (not method bodies) collects the attributes whose first argument is a name; only the
/// candidates named like the constant are then bound.
/// </summary>
internal sealed class ConstantUses
{
    private readonly Compilation _compilation;
    private readonly INamedTypeSymbol _attributeType;
    private Dictionary<string, List<AttributeSyntax>>? _candidates;

    public ConstantUses(Compilation compilation, INamedTypeSymbol attributeType)
    {
        _compilation = compilation;
        _attributeType = attributeType;
    }

    /// <summary>The methods (definition parts) whose [Hamiltonian] expression argument is <paramref name="constant"/>.</summary>
    public IEnumerable<ConstantUse> Of(IFieldSymbol constant, CancellationToken cancellationToken)
    {
        if (!Candidates(cancellationToken).TryGetValue(constant.Name, out var attributes))
        {
            yield break;
        }

        foreach (var attributeSyntax in attributes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attributeSyntax.Parent?.Parent is not MethodDeclarationSyntax declaration || FirstPositionalArgument(attributeSyntax) is not { } argument)
            {
                continue;
            }

            // The constant's analysis has the semantic model of its own file only; the method's file needs its own.
            // Only attributes whose argument is named like the constant get here, so this binds very little.
            var model = _compilation.GetSemanticModel(declaration.SyntaxTree);
            if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(argument, cancellationToken).Symbol, constant)
                || model.GetDeclaredSymbol(declaration, cancellationToken) is not IMethodSymbol method
                || method.PartialDefinitionPart is not null)
            {
                continue;
            }

            // The method's analysis uses its first [Hamiltonian]; so does this, and only when it is this attribute.
            AttributeData? attribute = null;
            foreach (var candidate in method.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.AttributeClass, _attributeType))
                {
                    attribute = candidate;
                    break;
                }
            }

            if (attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken) == attributeSyntax)
            {
                yield return new ConstantUse(method, declaration, attribute);
            }
        }
    }

    private Dictionary<string, List<AttributeSyntax>> Candidates(CancellationToken cancellationToken)
    {
        var candidates = Volatile.Read(ref _candidates);
        if (candidates is not null)
        {
            return candidates;
        }

        candidates = new Dictionary<string, List<AttributeSyntax>>(System.StringComparer.Ordinal);
        foreach (var tree in _compilation.SyntaxTrees)
        {
            var root = tree.GetRoot(cancellationToken);
            foreach (var node in root.DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (node is not MethodDeclarationSyntax method)
                {
                    continue;
                }

                foreach (var list in method.AttributeLists)
                {
                    foreach (var attribute in list.Attributes)
                    {
                        string? name = FirstPositionalArgument(attribute) switch
                        {
                            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                            _ => null,
                        };
                        if (name is null)
                        {
                            continue;
                        }

                        if (!candidates.TryGetValue(name, out var attributes))
                        {
                            candidates.Add(name, attributes = new List<AttributeSyntax>());
                        }

                        attributes.Add(attribute);
                    }
                }
            }
        }

        // Concurrent first uses may each build the index; they are equal, and one of them is kept.
        return Interlocked.CompareExchange(ref _candidates, candidates, null) ?? candidates;
    }

    // The expression argument, as SpecReader finds it: the first argument that is not `Name = value`.
    private static ExpressionSyntax? FirstPositionalArgument(AttributeSyntax attribute)
    {
        if (attribute.ArgumentList is not { } arguments)
        {
            return null;
        }

        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameEquals is null)
            {
                return argument.Expression;
            }
        }

        return null;
    }
}

/// <summary>A [Hamiltonian] method whose expression argument is a constant.</summary>
internal sealed record ConstantUse(IMethodSymbol Method, MethodDeclarationSyntax Declaration, AttributeData Attribute);
