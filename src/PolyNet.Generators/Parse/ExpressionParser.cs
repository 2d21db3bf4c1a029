using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Parse;

/// <summary>
/// Recursive-descent parser for the expression language (README "Expression language"):
/// <code>
/// sum     := term (('+' | '-') term)*
/// term    := unary (('*' | '/') unary)*
/// unary   := ('+' | '-')* power          -x^2 is -(x^2)
/// power   := primary ('^' exponent)?     exponent: a non-negative integer literal
/// primary := Number | Identifier | field | lattice | '(' sum ')'
/// field   := Identifier '[' index (',' index)* ']'       index: Identifier (('+' | '-') integer)?
/// lattice := 'sum' '(' Identifier '&lt;' Identifier (',' Identifier '&lt;' Identifier)* ':' sum ')'
/// </code>
/// <c>sum</c> is a keyword only when '(' follows it, so a parameter may still be called sum.
/// It stops at the first error and never throws: errors unwind as a null result.
/// </summary>
internal sealed class ExpressionParser
{
    /// <summary>
    /// Deepest allowed parenthesis nesting. Parentheses are the only recursion in the parser, so this
    /// bound keeps a 10,000-character "((((…" from overflowing the stack (which no catch can stop).
    /// </summary>
    internal const int MaxParenthesisDepth = 256;

    private const string OperandExpected = "expected a number, a variable or '('";

    private readonly string _text;
    private readonly ImmutableArray<Token> _tokens;
    private int _position;
    private int _depth;
    private ExpressionError? _error;

    private ExpressionParser(string text, ImmutableArray<Token> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    private Token Current => _tokens[_position];

    // The token after Current (End at the end).
    private Token Next => _tokens[System.Math.Min(_position + 1, _tokens.Length - 1)];

    // The token before Current, or null at the start.
    private Token? Previous => _position > 0 ? _tokens[_position - 1] : null;

    internal static ParseResult Parse(string text) => Parse(text, ExpressionLimits.MaxExpressionLength);

    /// <summary>
    /// Parses with another length limit than a written expression's: the canonical text of a polynomial with many
    /// terms and long coefficients can be longer than 10,000 characters and still reads back.
    /// </summary>
    internal static ParseResult Parse(string text, int maxLength)
    {
        // Defensive: callers pass the attribute's constant, which may be null in broken code.
        text ??= string.Empty;

        // Checked before any work, so a huge string is refused in constant time.
        if (text.Length > maxLength)
        {
            var message = string.Format(
                CultureInfo.InvariantCulture,
                "the expression has {0:N0} characters; the limit is {1:N0}",
                text.Length,
                maxLength);
            return Failure(ExpressionErrorKind.LimitExceeded, message, SourceSpan.FromBounds(maxLength, text.Length));
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Failure(ExpressionErrorKind.Syntax, "the expression is empty; write a polynomial such as \"x*y + 3*x*y*z\"", new SourceSpan(0, text.Length));
        }

        var tokens = Lexer.Tokenize(text, out var lexErrors);
        if (!lexErrors.IsEmpty)
        {
            // Parsing a token stream with holes would only produce misleading follow-up errors.
            return new ParseResult(null, lexErrors);
        }

        var parser = new ExpressionParser(text, tokens);
        var root = parser.ParseSum();
        if (root is not null && parser.Current.Kind != TokenKind.End)
        {
            parser.ReportUnexpected(parser.Current);
        }

        return parser._error is { } error
            ? new ParseResult(null, ImmutableArray.Create(error))
            : new ParseResult(root!.Value.Node, ImmutableArray<ExpressionError>.Empty);
    }

    private static ParseResult Failure(ExpressionErrorKind kind, string message, SourceSpan span) =>
        new(null, ImmutableArray.Create(new ExpressionError(kind, message, span)));

    private Operand? ParseSum()
    {
        var left = ParseTerm();
        while (left is { } l && Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance().Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            left = ParseTerm() is { } right ? Binary(op, l, right) : null;
        }

        return left;
    }

    private Operand? ParseTerm()
    {
        var left = ParseUnary();
        while (left is { } l)
        {
            if (StartsOperand(Current.Kind))
            {
                // Previous is the last token of the operand just parsed: a number, a name or ')'.
                var before = Previous!.Value;
                Report(
                    ExpressionErrorKind.Syntax,
                    "missing '*' between " + SourceText(before.Span) + " and " + SourceText(Current.Span),
                    SourceSpan.FromBounds(before.Span.Start, Current.Span.End));
                return null;
            }

            if (Current.Kind is not (TokenKind.Star or TokenKind.Slash))
            {
                break;
            }

            var op = Advance().Kind == TokenKind.Star ? BinaryOperator.Multiply : BinaryOperator.Divide;
            left = ParseUnary() is { } right ? Binary(op, l, right) : null;
        }

        return left;
    }

    private Operand? ParseUnary()
    {
        // A loop, not recursion: "------…x" may be thousands of signs long.
        List<int>? minusStarts = null;
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var sign = Advance();
            if (sign.Kind == TokenKind.Minus)
            {
                (minusStarts ??= new List<int>()).Add(sign.Span.Start);
            }
        }

        if (ParsePower() is not { } operand)
        {
            return null;
        }

        if (minusStarts is null)
        {
            return operand;
        }

        var node = operand.Node;
        for (var i = minusStarts.Count - 1; i >= 0; i--)
        {
            node = new NegateNode(node, SourceSpan.FromBounds(minusStarts[i], operand.Extent.End));
        }

        return new Operand(node, node.Span);
    }

    private Operand? ParsePower()
    {
        if (ParsePrimary() is not { } @base)
        {
            return null;
        }

        if (Current.Kind != TokenKind.Caret)
        {
            return @base;
        }

        var caret = Advance();
        var exponent = Current;
        if (exponent.Kind != TokenKind.Number || !IsAllDigits(exponent.Text))
        {
            if (!StartsOperand(exponent.Kind) && exponent.Kind is not (TokenKind.Plus or TokenKind.Minus))
            {
                Report(ExpressionErrorKind.Syntax, "expected a non-negative integer exponent after '^'", caret.Span);
            }
            else
            {
                Report(ExpressionErrorKind.Syntax, "the exponent must be a non-negative integer literal", MeasureExponentText());
            }

            return null;
        }

        Advance();
        if (!TryReadExponent(exponent.Text, out var value))
        {
            Report(
                ExpressionErrorKind.LimitExceeded,
                string.Format(CultureInfo.InvariantCulture, "exponent {0} exceeds the limit of {1}", exponent.Text, ExpressionLimits.MaxExponent),
                exponent.Span);
            return null;
        }

        if (Current.Kind == TokenKind.Caret)
        {
            // Mathematicians read x^2^3 as x^(2^3), programmers often as (x^2)^3: make the user choose.
            Report(ExpressionErrorKind.Syntax, "chained '^' is ambiguous; add parentheses", Current.Span);
            return null;
        }

        var span = SourceSpan.FromBounds(@base.Extent.Start, exponent.Span.End);
        return new Operand(new PowerNode(@base.Node, value, exponent.Span, span), span);
    }

    private Operand? ParsePrimary()
    {
        var token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                return new Operand(new NumberNode(token.Text, token.Span), token.Span);

            case TokenKind.Identifier when token.Text == "sum" && Next.Kind == TokenKind.LeftParen:
                return ParseLatticeSum();

            case TokenKind.Identifier when Next.Kind == TokenKind.LeftBracket:
                return ParseField();

            case TokenKind.Identifier:
                Advance();
                return new Operand(new VariableNode(token.Text, token.Span), token.Span);

            case TokenKind.LeftParen:
                return ParseParenthesized();

            default:
                ReportMissingOperand();
                return null;
        }
    }

    private Operand? ParseLatticeSum()
    {
        var keyword = Advance();
        var open = Advance();
        var bindings = ImmutableArray.CreateBuilder<SumBinding>();
        while (true)
        {
            if (Expect(TokenKind.Identifier, "expected an index name, as in sum(i < n: …)") is not { } index
                || Expect(TokenKind.Less, $"expected '<' and an extent after the index '{Previous!.Value.Text}', as in sum({Previous!.Value.Text} < n: …)") is null
                || Expect(TokenKind.Identifier, "expected an extent (an int parameter) after '<'") is not { } extent)
            {
                return null;
            }

            bindings.Add(new SumBinding(index.Text, index.Span, extent.Text, extent.Span));
            if (Current.Kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }

            if (Expect(TokenKind.Colon, "expected ',' and another index, or ':' and the sum's body") is null)
            {
                return null;
            }

            break;
        }

        if (ParseNested(open) is not { } b)
        {
            return null;
        }

        if (Current.Kind != TokenKind.RightParen)
        {
            Report(ExpressionErrorKind.Syntax, "missing ')' to close the sum opened here", SourceSpan.FromBounds(keyword.Span.Start, open.Span.End));
            return null;
        }

        var close = Advance();
        var span = SourceSpan.FromBounds(keyword.Span.Start, close.Span.End);
        return new Operand(new SumNode(bindings.ToImmutable(), b.Node, span), span);
    }

    private Operand? ParseField()
    {
        var name = Advance();
        var open = Advance();
        var indices = ImmutableArray.CreateBuilder<FieldIndex>();
        while (true)
        {
            if (Expect(TokenKind.Identifier, "an index must be a sum's index name plus or minus an integer, as in s[i+1]") is not { } index)
            {
                return null;
            }

            int offset = 0;
            int end = index.Span.End;
            if (Current.Kind is TokenKind.Plus or TokenKind.Minus)
            {
                var sign = Advance();
                var amount = Current;
                if (amount.Kind != TokenKind.Number || !IsAllDigits(amount.Text))
                {
                    Report(ExpressionErrorKind.Syntax, "an index offset must be an integer constant, as in s[i+1]", SourceSpan.FromBounds(sign.Span.Start, amount.Span.End));
                    return null;
                }

                Advance();
                if (!TryReadOffset(amount.Text, out offset))
                {
                    Report(
                        ExpressionErrorKind.LimitExceeded,
                        string.Format(CultureInfo.InvariantCulture, "the offset {0} exceeds the limit of {1}; a lattice term reads only nearby sites", amount.Text, ExpressionLimits.MaxLatticeOffset),
                        amount.Span);
                    return null;
                }

                offset = sign.Kind == TokenKind.Minus ? -offset : offset;
                end = amount.Span.End;
            }

            indices.Add(new FieldIndex(index.Text, offset, SourceSpan.FromBounds(index.Span.Start, end)));
            if (Current.Kind == TokenKind.Comma)
            {
                Advance();
                continue;
            }

            if (Current.Kind != TokenKind.RightBracket)
            {
                Report(ExpressionErrorKind.Syntax, "expected ',' and another index, or ']' after an index", Current.Kind == TokenKind.End ? open.Span : Current.Span);
                return null;
            }

            break;
        }

        var close = Advance();
        var span = SourceSpan.FromBounds(name.Span.Start, close.Span.End);
        return new Operand(new FieldNode(name.Text, name.Span, indices.ToImmutable(), span), span);
    }

    /// <summary>The sum inside a '(' (of parentheses or of a lattice sum), refused beyond the nesting limit.</summary>
    private Operand? ParseNested(Token open)
    {
        if (_depth >= MaxParenthesisDepth)
        {
            Report(
                ExpressionErrorKind.LimitExceeded,
                string.Format(CultureInfo.InvariantCulture, "parentheses are nested more than {0} deep; simplify the expression", MaxParenthesisDepth),
                open.Span);
            return null;
        }

        _depth++;
        var inner = ParseSum();
        _depth--;
        return inner;
    }

    /// <summary>Consumes a token of <paramref name="kind"/>, or reports <paramref name="message"/> at the current token.</summary>
    private Token? Expect(TokenKind kind, string message)
    {
        if (Current.Kind == kind)
        {
            return Advance();
        }

        var at = Current.Kind == TokenKind.End ? Previous!.Value.Span : Current.Span;
        Report(ExpressionErrorKind.Syntax, message, at);
        return null;
    }

    // Digits only, like an exponent; refused above the offset limit before anything can overflow.
    private static bool TryReadOffset(string digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
            if (value > ExpressionLimits.MaxLatticeOffset)
            {
                return false;
            }
        }

        return true;
    }

    private Operand? ParseParenthesized()
    {
        var open = Advance();
        if (Current.Kind == TokenKind.RightParen)
        {
            Report(ExpressionErrorKind.Syntax, "empty parentheses", SourceSpan.FromBounds(open.Span.Start, Current.Span.End));
            return null;
        }

        if (ParseNested(open) is not { } i)
        {
            return null;
        }

        if (Current.Kind == TokenKind.RightParen)
        {
            // No node for the parentheses, but the enclosing node's span reaches out to them.
            var close = Advance();
            return new Operand(i.Node, SourceSpan.FromBounds(open.Span.Start, close.Span.End));
        }

        if (Current.Kind == TokenKind.End)
        {
            Report(ExpressionErrorKind.Syntax, "missing ')' to close the '(' here", open.Span);
        }
        else
        {
            ReportUnexpected(Current);
        }

        return null;
    }

    private void ReportMissingOperand()
    {
        var current = Current;
        var previous = Previous;
        if (previous is { } p && IsOperator(p.Kind))
        {
            if (p.Kind == TokenKind.Star && current.Kind == TokenKind.Star && p.Span.End == current.Span.Start)
            {
                Report(ExpressionErrorKind.Syntax, "'**' is not an operator; write x^2 for powers", SourceSpan.FromBounds(p.Span.Start, current.Span.End));
                return;
            }

            Report(ExpressionErrorKind.Syntax, OperandExpected + " after '" + p.Text + "'", p.Span);
        }
        else if (IsOperator(current.Kind) || current.Kind == TokenKind.Caret)
        {
            Report(ExpressionErrorKind.Syntax, OperandExpected + " before '" + current.Text + "'", current.Span);
        }
        else if (current.Kind == TokenKind.RightParen)
        {
            Report(ExpressionErrorKind.Syntax, "unmatched ')'", current.Span);
        }
        else if (previous is { } open)
        {
            // End of text right after '('.
            Report(ExpressionErrorKind.Syntax, OperandExpected + " after '" + open.Text + "'", open.Span);
        }
        else
        {
            Report(ExpressionErrorKind.Syntax, "the expression is empty; write a polynomial such as \"x*y + 3*x*y*z\"", new SourceSpan(0, _text.Length));
        }
    }

    private void ReportUnexpected(Token token)
    {
        if (token.Kind == TokenKind.RightParen)
        {
            Report(ExpressionErrorKind.Syntax, "unmatched ')'", token.Span);
        }
        else if (token.Kind == TokenKind.Comma && IsDecimalComma(token))
        {
            Report(ExpressionErrorKind.Syntax, "unexpected ','; use '.' as the decimal separator", token.Span);
        }
        else
        {
            // Not reachable with the current grammar; kept so every path reports instead of throwing.
            Report(ExpressionErrorKind.Syntax, "unexpected '" + SourceText(token.Span) + "'", token.Span);
        }
    }

    /// <summary>
    /// The span of what the user meant as the exponent (signs, then a number, a name or a whole
    /// parenthesized group), found by scanning tokens only, so a bad exponent cannot recurse.
    /// </summary>
    private SourceSpan MeasureExponentText()
    {
        var start = Current.Span.Start;
        var i = _position;
        while (_tokens[i].Kind is TokenKind.Plus or TokenKind.Minus)
        {
            i++;
        }

        var end = _tokens[i].Kind switch
        {
            TokenKind.Number or TokenKind.Identifier => _tokens[i].Span.End,
            TokenKind.LeftParen => MatchingParenEnd(i),
            _ => _tokens[i - 1].Span.End,
        };
        return SourceSpan.FromBounds(start, end);
    }

    private int MatchingParenEnd(int openIndex)
    {
        var depth = 0;
        for (var i = openIndex; _tokens[i].Kind != TokenKind.End; i++)
        {
            depth += _tokens[i].Kind switch
            {
                TokenKind.LeftParen => 1,
                TokenKind.RightParen => -1,
                _ => 0,
            };
            if (depth == 0)
            {
                return _tokens[i].Span.End;
            }
        }

        // Unclosed: cover the rest of the expression.
        return _tokens[_tokens.Length - 2].Span.End;
    }

    // Digits only; an over-long literal is rejected by its length, so nothing can overflow.
    private static bool TryReadExponent(string digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
            if (value > ExpressionLimits.MaxExponent)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAllDigits(string text)
    {
        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    // "0,5": a comma between digits, with nothing in between, is a decimal comma.
    private bool IsDecimalComma(Token comma) =>
        comma.Span.Start > 0 && comma.Span.End < _text.Length && char.IsDigit(_text[comma.Span.Start - 1]) && char.IsDigit(_text[comma.Span.End]);

    private static bool StartsOperand(TokenKind kind) => kind is TokenKind.Number or TokenKind.Identifier or TokenKind.LeftParen;

    private static bool IsOperator(TokenKind kind) => kind is TokenKind.Plus or TokenKind.Minus or TokenKind.Star or TokenKind.Slash;

    private static Operand Binary(BinaryOperator op, Operand left, Operand right)
    {
        var span = SourceSpan.FromBounds(left.Extent.Start, right.Extent.End);
        return new Operand(new BinaryNode(op, left.Node, right.Node, span), span);
    }

    private Token Advance()
    {
        var token = Current;
        if (token.Kind != TokenKind.End)
        {
            _position++;
        }

        return token;
    }

    private string SourceText(SourceSpan span) => _text.Substring(span.Start, span.Length);

    private void Report(ExpressionErrorKind kind, string message, SourceSpan span) =>
        _error ??= new ExpressionError(kind, message, span);

    /// <summary>A parsed node plus its extent: the node's span widened to any parentheses around it.</summary>
    private readonly record struct Operand(ExpressionNode Node, SourceSpan Extent);
}
