using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Syntax;

/// <summary>
/// Emits the body, batch overload and network description of every [Hamiltonian] method. Diagnostics come
/// from <see cref="HamiltonianAnalyzer"/> (live in the IDE, suppressible with #pragma); the generator stays silent.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class HamiltonianGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specs = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                SpecReader.HamiltonianAttributeName,
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: static (source, cancellationToken) => ReadSpec(source, cancellationToken))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.Specs);

        var files = specs
            .Select(static (spec, cancellationToken) => SpecCompiler.Generate(spec, cancellationToken))
            .WithTrackingName(TrackingNames.GeneratedFiles);

        context.RegisterSourceOutput(files, static (output, file) => output.AddSource(file.HintName, file.Text));

        var classifiers = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ClassifierReader.CategoryAttributeName,
                predicate: static (node, _) => node is MethodDeclarationSyntax,
                transform: static (source, cancellationToken) => ReadClassifier(source, cancellationToken))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.ClassifierSpecs);

        var classifierFiles = classifiers
            .Select(static (spec, cancellationToken) => SpecCompiler.Generate(spec, cancellationToken))
            .WithTrackingName(TrackingNames.ClassifierFiles);

        context.RegisterSourceOutput(classifierFiles, static (output, file) => output.AddSource(file.HintName, file.Text));
    }

    private static ClassifierSpec? ReadClassifier(GeneratorAttributeSyntaxContext source, System.Threading.CancellationToken cancellationToken)
    {
        if (source.TargetSymbol is not IMethodSymbol method || source.TargetNode is not MethodDeclarationSyntax declaration || source.Attributes.Length == 0)
        {
            return null;
        }

        return ClassifierReader.Read(method, declaration, source.Attributes, semanticModel: null, cancellationToken).Spec;
    }

    private static HamiltonianSpec? ReadSpec(GeneratorAttributeSyntaxContext source, System.Threading.CancellationToken cancellationToken)
    {
        if (source.TargetSymbol is not IMethodSymbol method || source.TargetNode is not MethodDeclarationSyntax declaration || source.Attributes.Length == 0)
        {
            return null;
        }

        return SpecReader.Read(method, declaration, source.Attributes[0], semanticModel: null, cancellationToken).Spec;
    }
}
