using System.Collections.Immutable;
using System.Linq;
using PolyNet.Generators.Parse;

namespace PolyNet.Generators.Tests.Parse;

public class LexerTests
{
    [Theory]
    [InlineData("3")]
    [InlineData("0.5")]
    [InlineData("1e-3")]
    [InlineData("2.5E+4")]
    [InlineData(".5")]
    [InlineData("1e5")]
    [InlineData("007")]
    [InlineData("12.75e10")]
    public void Number_IsOneTokenKeptAsWritten(string text)
    {
        var tokens = Lex(text);

        Assert.Equal(2, tokens.Length);
        Assert.Equal(new Token(TokenKind.Number, text, new SourceSpan(0, text.Length)), tokens[0]);
        Assert.Equal(new Token(TokenKind.End, string.Empty, new SourceSpan(text.Length, 0)), tokens[1]);
    }

    [Theory]
    [InlineData("x", "x")]
    [InlineData("_a1", "_a1")]
    [InlineData("alpha_2", "alpha_2")]
    [InlineData("\u00e9t\u00e9", "\u00e9t\u00e9")]
    [InlineData("@in", "in")]
    [InlineData("@x", "x")]
    [InlineData("@_", "_")]
    public void Identifier_NameExcludesVerbatimAt_SpanIncludesIt(string text, string name)
    {
        var tokens = Lex(text);

        Assert.Equal(2, tokens.Length);
        Assert.Equal(new Token(TokenKind.Identifier, name, new SourceSpan(0, text.Length)), tokens[0]);
    }

    [Fact]
    public void Operators_AreSingleCharacterTokens()
    {
        var tokens = Lex("+-*/^()\u2212");

        Assert.Equal(
            new[]
            {
                TokenKind.Plus, TokenKind.Minus, TokenKind.Star, TokenKind.Slash, TokenKind.Caret,
                TokenKind.LeftParen, TokenKind.RightParen, TokenKind.Minus, TokenKind.End,
            },
            tokens.Select(t => t.Kind));
        Assert.All(tokens.Take(8).Select((t, i) => (t, i)), p => Assert.Equal(new SourceSpan(p.i, 1), p.t.Span));
    }

    [Fact]
    public void TypographicMinus_IsMinusToken()
    {
        var tokens = Lex("x\u2212y");

        Assert.Equal(new Token(TokenKind.Minus, "\u2212", new SourceSpan(1, 1)), tokens[1]);
    }

    [Fact]
    public void Whitespace_IsSkippedEverywhere()
    {
        var tokens = Lex(" \t3\n*\r\n x\u00a0+\u2003.5 ");

        Assert.Equal(
            new[]
            {
                new Token(TokenKind.Number, "3", new SourceSpan(2, 1)),
                new Token(TokenKind.Star, "*", new SourceSpan(4, 1)),
                new Token(TokenKind.Identifier, "x", new SourceSpan(8, 1)),
                new Token(TokenKind.Plus, "+", new SourceSpan(10, 1)),
                new Token(TokenKind.Number, ".5", new SourceSpan(12, 2)),
                new Token(TokenKind.End, string.Empty, new SourceSpan(15, 0)),
            },
            tokens);
    }

    [Fact]
    public void NumberFollowedByName_IsTwoTokens()
    {
        Assert.Equal(new[] { TokenKind.Number, TokenKind.Identifier, TokenKind.End }, Lex("3x").Select(t => t.Kind));

        // 'e' followed by a letter starts a name, not an exponent.
        var tokens = Lex("2ex");
        Assert.Equal(new Token(TokenKind.Number, "2", new SourceSpan(0, 1)), tokens[0]);
        Assert.Equal(new Token(TokenKind.Identifier, "ex", new SourceSpan(1, 2)), tokens[1]);
    }

    [Fact]
    public void ExponentNumber_IsNotSplitBySign()
    {
        var tokens = Lex("1e-3-x");

        Assert.Equal(new Token(TokenKind.Number, "1e-3", new SourceSpan(0, 4)), tokens[0]);
        Assert.Equal(TokenKind.Minus, tokens[1].Kind);
    }

    [Theory]
    [InlineData("x % y", "unexpected character '%'", 2, 1)]
    [InlineData("x$", "unexpected character '$'", 1, 1)]
    [InlineData("@", "unexpected character '@'", 0, 1)]
    [InlineData("@1", "unexpected character '@'", 0, 1)]
    [InlineData(". x", "unexpected character '.'", 0, 1)]
    [InlineData("x.y", "unexpected character '.'", 1, 1)]
    [InlineData("x\u0001", "unexpected character U+0001", 1, 1)]
    [InlineData("x\u200by", "unexpected character U+200B", 1, 1)]
    [InlineData("\ud835\udc65", "unexpected character '\ud835\udc65'", 0, 2)]
    [InlineData("2\u00d7x", "unexpected character '\u00d7'; use '*' to multiply", 1, 1)]
    [InlineData("x\u00f72", "unexpected character '\u00f7'; use '/' to divide", 1, 1)]
    [InlineData("x ; y", "unexpected character ';'", 2, 1)]
    [InlineData("1e", "malformed number '1e'", 0, 2)]
    [InlineData("1.", "malformed number '1.'", 0, 2)]
    [InlineData("x*1E+", "malformed number '1E+'", 2, 3)]
    [InlineData("1e-x", "malformed number '1e-'", 0, 3)]
    [InlineData("1.e5", "malformed number '1.'", 0, 2)]
    [InlineData("1.2.3", "malformed number '1.2.3'", 0, 5)]
    [InlineData("3 * 2e ", "malformed number '2e'", 4, 2)]
    public void BadInput_IsReportedWithSpan(string text, string message, int start, int length)
    {
        Lexer.Tokenize(text, out var errors);

        var error = Assert.Single(errors);
        Assert.Equal(ExpressionErrorKind.Syntax, error.Kind);
        Assert.Equal(message, error.Message);
        Assert.Equal(new SourceSpan(start, length), error.Span);
    }

    [Fact]
    public void LoneSurrogate_IsReportedByCodePoint()
    {
        // Not an InlineData: attribute strings are stored as UTF-8, which cannot hold a lone surrogate.
        Lexer.Tokenize("x\ud835", out var errors);

        var error = Assert.Single(errors);
        Assert.Equal("unexpected character U+D835", error.Message);
        Assert.Equal(new SourceSpan(1, 1), error.Span);
    }

    [Fact]
    public void Lexing_ContinuesAfterAnError()
    {
        var tokens = Lexer.Tokenize("a % b # 1e", out var errors);

        Assert.Equal(
            new[] { ("unexpected character '%'", 2), ("unexpected character '#'", 6), ("malformed number '1e'", 8) },
            errors.Select(e => (e.Message, e.Span.Start)));
        Assert.Equal(new[] { "a", "b", string.Empty }, tokens.Select(t => t.Text));
    }

    private static ImmutableArray<Token> Lex(string text)
    {
        var tokens = Lexer.Tokenize(text, out var errors);
        Assert.Empty(errors);
        return tokens;
    }
}
