using PolyNet.Generators.Shared;
namespace PolyNet.Generators.Parse;

/// <summary>
/// One token of the expression. <see cref="Text"/> is the text as written, except that a verbatim
/// identifier drops its '@' (<c>@in</c> binds to the parameter <c>in</c>); <see cref="Span"/> still covers the '@'.
/// </summary>
internal readonly record struct Token(TokenKind Kind, string Text, SourceSpan Span);
