namespace PolyNet.Generators.Syntax;

/// <summary>One generated source file; compared by value so unchanged output is not re-added.</summary>
internal sealed record GeneratedFile(string HintName, string Text);
