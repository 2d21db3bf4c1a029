using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Architecture;

/// <summary>
/// The generator's stage folders form a one-way chain (README "Architecture"): a stage may use only the stages before it.
/// Every name in every source file is resolved with Roslyn, so fully qualified and relative references count too, not
/// only using directives.
/// </summary>
public sealed class StageDependencyTests
{
    /// <summary>The stages in order; each folder's namespace is PolyNet.Generators.&lt;namespace&gt;.</summary>
    public static readonly (string Folder, string Namespace)[] Stages =
    [
        ("Shared", "Shared"),
        ("Parse", "Parse"),
        ("Polynomial", "Polynomials"),
        ("Lattice", "Lattice"),
        ("Planning", "Planning"),
        ("Network", "Network"),
        ("Compiler", "Compiler"),
        ("Spec", "Spec"),
        ("Emit", "Emit"),
        ("Syntax", "Syntax"),
    ];

    [Fact]
    public void No_stage_uses_a_later_stage()
    {
        string root = Path.Combine(RepositoryRoot(), "src", "PolyNet.Generators");
        var trees = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), GeneratorHarness.ParseOptions, path: f))
            .ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(Microsoft.CodeAnalysis.CSharp.CSharpCompilation).Assembly.Location)
            .Append(typeof(Microsoft.CodeAnalysis.Compilation).Assembly.Location)
            .Distinct().Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create("Stages", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var violations = new List<string>();
        int checkedFiles = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            int stage = StageOfFile(root, tree.FilePath);
            if (stage < 0)
            {
                continue;
            }

            checkedFiles++;
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var symbol = model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault();
                int used = symbol is null ? -1 : StageOfSymbol(symbol);
                if (used > stage)
                {
                    var line = name.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    violations.Add($"{Path.GetRelativePath(root, tree.FilePath)}:{line} ({Stages[stage].Folder}) uses {symbol} ({Stages[used].Folder})");
                }
            }
        }

        Assert.True(checkedFiles > 40, $"only {checkedFiles} files were checked");
        Assert.True(violations.Count == 0, string.Join("\n", violations.Distinct().Take(40)));
    }

    [Fact]
    public void Every_source_file_is_in_a_stage_folder_whose_namespace_it_declares()
    {
        string root = Path.Combine(RepositoryRoot(), "src", "PolyNet.Generators");
        var strays = new List<string>();
        foreach (string file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(root, file);
            if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("Polyfills", StringComparison.Ordinal))
            {
                continue;
            }

            int stage = StageOfFile(root, file);
            string text = File.ReadAllText(file);
            if (stage < 0 || !text.Contains($"namespace PolyNet.Generators.{Stages[stage].Namespace}", StringComparison.Ordinal))
            {
                strays.Add(relative);
            }
        }

        Assert.True(strays.Count == 0, "outside a stage folder or its namespace: " + string.Join(", ", strays));
    }

    private static int StageOfFile(string root, string path)
    {
        string first = Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar)[0];
        return Array.FindIndex(Stages, s => s.Folder == first);
    }

    private static int StageOfSymbol(ISymbol symbol)
    {
        var ns = symbol as INamespaceSymbol ?? symbol.ContainingNamespace;
        string name = ns?.ToDisplayString() ?? string.Empty;
        const string Prefix = "PolyNet.Generators.";
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return -1;
        }

        string stage = name.Substring(Prefix.Length).Split('.')[0];
        return Array.FindIndex(Stages, s => s.Namespace == stage);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PolyNet.Generators.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}
