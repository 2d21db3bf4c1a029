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
