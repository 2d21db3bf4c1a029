using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolyNet;
using PolyNet.Generators.Syntax;

// Usage: PolyNet.GeneratorHost <source file> <culture>
// Runs the Hamiltonian generator over one C# file under the given culture and prints every generated file,
// each introduced by a line "// ==== <hint name>", so two processes' outputs can be compared byte for byte.
var culture = CultureInfo.GetCultureInfo(args[1]);
CultureInfo.CurrentCulture = culture;
CultureInfo.CurrentUICulture = culture;
var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
    .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll")
    .Append(typeof(SigmoidNetwork).Assembly.Location)
    .Distinct()
    .Select(p => MetadataReference.CreateFromFile(p));
var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
var compilation = CSharpCompilation.Create(
    "Host",
    [CSharpSyntaxTree.ParseText(File.ReadAllText(args[0]), parseOptions, path: "Input.cs")],
    references,
    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
var result = CSharpGeneratorDriver.Create([new HamiltonianGenerator().AsSourceGenerator()], parseOptions: parseOptions)
    .RunGenerators(compilation).GetRunResult();
foreach (var source in result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal))
{
    Console.Out.Write($"// ==== {source.HintName}\n{source.SourceText}");
}

return result.Results.Any(r => r.Exception is not null) ? 1 : 0;
