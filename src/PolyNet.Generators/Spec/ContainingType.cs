namespace PolyNet.Generators.Spec;

/// <summary>A type that encloses the method, as the partial declaration the generator re-opens.</summary>
/// <param name="Keyword">"class", "struct", "interface", "record" or "record struct".</param>
/// <param name="Name">The identifier, escaped if it is a keyword.</param>
/// <param name="TypeParameters">"&lt;T, U&gt;" or empty (constraints are not repeated on partial parts).</param>
internal sealed record ContainingType(string Keyword, string Name, string TypeParameters);
