using PolyNet.Generators.Shared;
namespace PolyNet.Generators.Parse;

/// <summary>A node of the parsed expression. Parentheses leave no node: they only shape the tree.</summary>
internal abstract record ExpressionNode(SourceSpan Span);

/// <summary>A culture-invariant numeric literal such as <c>3</c>, <c>0.5</c> or <c>1e-3</c>, kept as written.</summary>
internal sealed record NumberNode(string Text, SourceSpan Span) : ExpressionNode(Span);

/// <summary>An identifier; bound to a parameter name by the polynomial stage.</summary>
internal sealed record VariableNode(string Name, SourceSpan Span) : ExpressionNode(Span);

/// <summary>Unary minus (unary plus produces no node).</summary>
internal sealed record NegateNode(ExpressionNode Operand, SourceSpan Span) : ExpressionNode(Span);

internal enum BinaryOperator
{
    Add,
    Subtract,
    Multiply,
    Divide,
}

internal sealed record BinaryNode(BinaryOperator Operator, ExpressionNode Left, ExpressionNode Right, SourceSpan Span) : ExpressionNode(Span);

/// <summary><c>base ^ exponent</c> with a non-negative integer literal exponent (already checked against the limit).</summary>
internal sealed record PowerNode(ExpressionNode Base, int Exponent, SourceSpan ExponentSpan, SourceSpan Span) : ExpressionNode(Span);

/// <summary>One binding <c>i &lt; n</c> of a lattice sum: the index name and the extent (an <c>int</c> parameter) it runs below.</summary>
internal sealed record SumBinding(string Index, SourceSpan IndexSpan, string Extent, SourceSpan ExtentSpan);

/// <summary><c>sum(i &lt; n, j &lt; m: body)</c>: body summed over every index tuple (a lattice sum).</summary>
internal sealed record SumNode(EquatableArray<SumBinding> Bindings, ExpressionNode Body, SourceSpan Span) : ExpressionNode(Span);

/// <summary>One index of a field read: an index name plus a constant offset (<c>i+1</c>), as written.</summary>
/// <param name="Offset">The constant added to the index; 0 when none is written.</param>
internal sealed record FieldIndex(string Index, int Offset, SourceSpan Span);

/// <summary>A field read <c>s[i+1,j]</c>: a span parameter indexed relative to the enclosing sum's indices.</summary>
internal sealed record FieldNode(string Field, SourceSpan FieldSpan, EquatableArray<FieldIndex> Indices, SourceSpan Span) : ExpressionNode(Span);
