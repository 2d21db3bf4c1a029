using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace PolyNet.Generators.CodeFixes;

/// <summary>
/// Fixes for a costly (PNET100) or refused (PNET101) <c>MaxHiddenLayers = k</c>: "Use the deep network" removes
/// the argument; "Use the shallowest depth within 2× of deep" writes the k* the analyzer computed and passed in
/// the diagnostic's properties, so the fix recomputes nothing.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MaxHiddenLayersCodeFixProvider))]
[Shared]
public sealed class MaxHiddenLayersCodeFixProvider : CodeFixProvider
{
    // The analyzer assembly's DiagnosticIds and FlatteningDiagnostics.ShallowestDepthProperty (README "Diagnostics").
    private const string CostlyFlattening = "PNET100";
    private const string FlatteningLimitExceeded = "PNET101";
    private const string ShallowestDepthProperty = "ShallowestDepth";
    private const string ArgumentName = "MaxHiddenLayers";

    /// <summary>Equivalence keys: Fix All applies the same kind of fix to every diagnostic.</summary>
    public const string UseDeepKey = "PolyNet.UseDeepNetwork";
    public const string UseShallowestKey = "PolyNet.UseShallowestDepthWithinTwiceDeep";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(CostlyFlattening, FlatteningLimitExceeded);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (FindArgument(root, diagnostic) is not { } argument)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create("Use the deep network (remove MaxHiddenLayers)", ct => RemoveArgumentAsync(context.Document, diagnostic, ct), UseDeepKey),
                diagnostic);

            if (ShallowestDepth(diagnostic) is { } depth)
            {
                context.RegisterCodeFix(
                    CodeAction.Create($"Use MaxHiddenLayers = {depth.ToString(CultureInfo.InvariantCulture)}, the shallowest depth within 2× of the deep network", ct => SetDepthAsync(context.Document, diagnostic, ct), UseShallowestKey),
                    diagnostic);
            }
        }
    }

    private static int? ShallowestDepth(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(ShallowestDepthProperty, out var text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int depth) && depth > 0
            ? depth
            : null;

    /// <summary>The <c>MaxHiddenLayers = k</c> argument the diagnostic sits on.</summary>
    private static AttributeArgumentSyntax? FindArgument(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
            .AncestorsAndSelf().OfType<AttributeArgumentSyntax>().FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == ArgumentName);

    private static async Task<Document> RemoveArgumentAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || FindArgument(root, diagnostic) is not { Parent: AttributeArgumentListSyntax list } argument)
        {
            return document;
        }

        return document.WithSyntaxRoot(root.ReplaceNode(list, list.WithArguments(list.Arguments.Remove(argument))));
    }

    private static async Task<Document> SetDepthAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || FindArgument(root, diagnostic) is not { } argument || ShallowestDepth(diagnostic) is not { } depth)
        {
            return document;
        }

        var literal = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(depth)).WithTriviaFrom(argument.Expression);
        return document.WithSyntaxRoot(root.ReplaceNode(argument.Expression, literal));
    }
}
