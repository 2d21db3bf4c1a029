using System.Collections.Immutable;
using System.Globalization;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Parse;

/// <summary>
/// Splits expression text into tokens. It never throws: bad characters and malformed numbers become
/// errors and lexing continues, so one pass reports every character-level problem.
/// </summary>
internal static class Lexer
{
    private const char TypographicMinus = '\u2212';

    /// <summary>Tokenizes <paramref name="text"/>; the result always ends with an <see cref="TokenKind.End"/> token.</summary>
    internal static ImmutableArray<Token> Tokenize(string text, out ImmutableArray<ExpressionError> errors)
    {
        var tokens = ImmutableArray.CreateBuilder<Token>();
        var errorBuilder = ImmutableArray.CreateBuilder<ExpressionError>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var kind = SingleCharKind(c);
            if (kind is { } k)
            {
                tokens.Add(new Token(k, c.ToString(), new SourceSpan(i, 1)));
                i++;
            }
            else if (IsDigit(c) || (c == '.' && i + 1 < text.Length && IsDigit(text[i + 1])))
            {
                i = LexNumber(text, i, tokens, errorBuilder);
            }
            else if (IsIdentifierStart(c))
            {
                var end = ScanIdentifierPart(text, i + 1);
                tokens.Add(new Token(TokenKind.Identifier, text.Substring(i, end - i), SourceSpan.FromBounds(i, end)));
                i = end;
            }
            else if (c == '@' && i + 1 < text.Length && IsIdentifierStart(text[i + 1]))
            {
                var end = ScanIdentifierPart(text, i + 2);
                tokens.Add(new Token(TokenKind.Identifier, text.Substring(i + 1, end - i - 1), SourceSpan.FromBounds(i, end)));
                i = end;
            }
            else
            {
                // A surrogate pair is one character to the user: report and skip it whole.
                var length = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                errorBuilder.Add(new ExpressionError(
                    ExpressionErrorKind.Syntax,
                    "unexpected character " + Describe(text, i, length) + Hint(text, i),
                    new SourceSpan(i, length)));
                i += length;
            }
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, new SourceSpan(text.Length, 0)));
        errors = errorBuilder.ToImmutable();
        return tokens.ToImmutable();
    }

    private static TokenKind? SingleCharKind(char c) => c switch
    {
        '+' => TokenKind.Plus,
        '-' or TypographicMinus => TokenKind.Minus,
        '*' => TokenKind.Star,
        '/' => TokenKind.Slash,
        '^' => TokenKind.Caret,
        '(' => TokenKind.LeftParen,
        ')' => TokenKind.RightParen,
        '[' => TokenKind.LeftBracket,
        ']' => TokenKind.RightBracket,
        ',' => TokenKind.Comma,
        ':' => TokenKind.Colon,
        '<' => TokenKind.Less,
        _ => null,
    };

    /// <summary>digits ['.' digits] [('e'|'E') ['+'|'-'] digits], or the leading-dot form '.' digits [...].</summary>
    private static int LexNumber(string text, int start, ImmutableArray<Token>.Builder tokens, ImmutableArray<ExpressionError>.Builder errors)
    {
        var j = ScanDigits(text, start);
        var malformed = false;
        if (j < text.Length && text[j] == '.')
        {
            var fractionStart = j + 1;
            j = ScanDigits(text, fractionStart);
            malformed = j == fractionStart;
        }

        if (!malformed && j < text.Length && (text[j] == 'e' || text[j] == 'E'))
        {
            var k = j + 1;
            var signed = k < text.Length && (text[k] == '+' || text[k] == '-');
            if (signed)
            {
                k++;
            }

            if (k < text.Length && IsDigit(text[k]))
            {
                j = ScanDigits(text, k);
            }
            else if (!signed && k < text.Length && IsIdentifierPart(text[k]))
            {
                // "2ex" reads as 2 followed by the name "ex"; the parser then asks for the missing '*'.
            }
            else
            {
                j = k;
                malformed = true;
            }
        }

        if (!malformed && j < text.Length && text[j] == '.')
        {
            // "1.2.3": swallow the rest so the error names the whole literal, not a phantom product.
            while (j < text.Length && (text[j] == '.' || IsDigit(text[j])))
            {
                j++;
            }

            malformed = true;
        }

        var span = SourceSpan.FromBounds(start, j);
        var literal = text.Substring(start, j - start);
        if (malformed)
        {
            errors.Add(new ExpressionError(ExpressionErrorKind.Syntax, "malformed number '" + literal + "'", span));
        }
        else
        {
            tokens.Add(new Token(TokenKind.Number, literal, span));
        }

        return j;
    }

    private static int ScanDigits(string text, int i)
    {
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }

        return i;
    }

    private static int ScanIdentifierPart(string text, int i)
    {
        while (i < text.Length && IsIdentifierPart(text[i]))
        {
            i++;
        }

        return i;
    }

    // Only ASCII digits: numbers are culture-invariant, and char.IsDigit would accept e.g. Arabic-Indic digits.
    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    // Roughly the C# rules (letters, '_', then also digits, connectors and combining marks). Formatting
    // characters such as U+200B are left out: invisible characters would make names that never match.
    private static bool IsIdentifierStart(char c) => c == '_' || IsLetter(char.GetUnicodeCategory(c));

    private static bool IsIdentifierPart(char c)
    {
        var category = char.GetUnicodeCategory(c);
        return IsLetter(category)
            || category is UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.ConnectorPunctuation
                or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark;
    }

    private static bool IsLetter(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter
        or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter
        or UnicodeCategory.OtherLetter
        or UnicodeCategory.LetterNumber;

    // Invisible or unpaired characters are shown by code point so the message is readable.
    private static string Describe(string text, int index, int length)
    {
        var c = text[index];
        if (length == 1 && (char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format))
        {
            return "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
        }

        return "'" + text.Substring(index, length) + "'";
    }

    // Common look-alikes get a pointer to the supported spelling.
    private static string Hint(string text, int index) => text[index] switch
    {
        '\u00D7' or '\u00B7' or '\u22C5' or '\u2219' => "; use '*' to multiply",
        '\u00F7' => "; use '/' to divide",
        _ => string.Empty,
    };
}
