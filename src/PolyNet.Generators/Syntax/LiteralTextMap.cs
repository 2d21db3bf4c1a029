using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using PolyNet.Generators.Parse;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Syntax;

/// <summary>
/// Maps offsets in a string constant's value to positions in source, so an error in the expression is
/// underlined exactly where it was typed: escapes (<c>\u0078</c>, <c>\"</c>), verbatim <c>""</c> and raw string
/// indentation are all accounted for. When the value cannot be traced to one literal (concatenation,
/// interpolation), every span maps to the whole argument.
/// </summary>
internal sealed class LiteralTextMap
{
    private readonly SyntaxTree _tree;
    private readonly TextSpan _fallback;

    // _starts[i] is the source position of value character i; _starts[value.Length] is the closing position.
    private readonly int[]? _starts;
    private readonly int[]? _ends;

    private LiteralTextMap(SyntaxTree tree, TextSpan fallback, int[]? starts, int[]? ends)
    {
        _tree = tree;
        _fallback = fallback;
        _starts = starts;
        _ends = ends;
    }

    /// <summary>The tree every mapped location is in: the attribute's, or the constant declaration's.</summary>
    public SyntaxTree Tree => _tree;

    /// <summary>The attribute argument the map was created for (the constant's name when the text is a constant's).</summary>
    public Location? ArgumentLocation { get; private set; }

    /// <summary>The constant whose initializer holds the text, or null when the argument is the literal itself.</summary>
    public IFieldSymbol? Constant { get; private set; }

    /// <summary>
    /// Builds the map for the expression argument: a literal, or a reference to a <c>const string</c> whose
    /// initializer is a literal (then errors point into the constant's declaration).
    /// </summary>
    public static LiteralTextMap Create(ExpressionSyntax argument, SemanticModel? semanticModel, System.Threading.CancellationToken cancellationToken)
    {
        var map = CreateCore(argument, semanticModel, cancellationToken, out var constant);
        map.ArgumentLocation = argument.GetLocation();
        map.Constant = constant;
        return map;
    }

    private static LiteralTextMap CreateCore(ExpressionSyntax argument, SemanticModel? semanticModel, System.Threading.CancellationToken cancellationToken, out IFieldSymbol? constantField)
    {
        constantField = null;
        var literal = argument as LiteralExpressionSyntax;
        if (literal is null && semanticModel is not null
            && semanticModel.GetSymbolInfo(argument, cancellationToken).Symbol is IFieldSymbol { IsConst: true } field
            && field.DeclaringSyntaxReferences.Length == 1
            && field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is VariableDeclaratorSyntax { Initializer.Value: LiteralExpressionSyntax constant })
        {
            literal = constant;
            constantField = field;
        }

        if (literal is null || !literal.Token.IsKind(SyntaxKind.StringLiteralToken)
            && !literal.Token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
            && !literal.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
        {
            return new LiteralTextMap(argument.SyntaxTree, argument.Span, null, null);
        }

        var token = literal.Token;
        var positions = Decode(token.Text, token.SpanStart, out string decoded);
        if (positions is null || decoded != token.ValueText)
        {
            return new LiteralTextMap(literal.SyntaxTree, literal.Span, null, null);
        }

        return new LiteralTextMap(literal.SyntaxTree, literal.Span, positions.Value.Starts, positions.Value.Ends);
    }

    public Location GetLocation(SourceSpan span)
    {
        if (_starts is null || _ends is null || span.Start < 0 || span.End > _starts.Length - 1)
        {
            return Location.Create(_tree, _fallback);
        }

        int start = _starts[span.Start];
        int end = span.Length == 0 ? start : _ends[span.End - 1];
        return Location.Create(_tree, TextSpan.FromBounds(start, end));
    }

    /// <summary>Decodes the token text, recording the source range of every value character.</summary>
    private static (int[] Starts, int[] Ends)? Decode(string text, int origin, out string value)
    {
        var starts = new List<int>();
        var ends = new List<int>();
        var builder = new StringBuilder();
        void Emit(string chars, int from, int to)
        {
            foreach (char c in chars)
            {
                builder.Append(c);
                starts.Add(origin + from);
                ends.Add(origin + to);
            }
        }

        value = string.Empty;
        if (text.StartsWith("\"\"\"", StringComparison.Ordinal))
        {
            if (!DecodeRaw(text, Emit))
            {
                return null;
            }
        }
        else if (text.StartsWith("@\"", StringComparison.Ordinal))
        {
            for (int i = 2; i < text.Length - 1; i++)
            {
                bool doubled = text[i] == '"' && i + 1 < text.Length - 1 && text[i + 1] == '"';
                Emit(text[i].ToString(), i, doubled ? i + 2 : i + 1);
                i += doubled ? 1 : 0;
            }
        }
        else if (text.StartsWith("\"", StringComparison.Ordinal))
        {
            for (int i = 1; i < text.Length - 1;)
            {
                int next = DecodeRegularChar(text, i, out string chars);
                if (next <= i)
                {
                    return null;
                }

                Emit(chars, i, next);
                i = next;
            }
        }
        else
        {
            return null;
        }

        value = builder.ToString();
        starts.Add(origin + text.Length - 1);
        return (starts.ToArray(), ends.ToArray());
    }

    private static int DecodeRegularChar(string text, int i, out string chars)
    {
        chars = text[i].ToString();
        if (text[i] != '\\' || i + 1 >= text.Length)
        {
            return i + 1;
        }

        char kind = text[i + 1];
        switch (kind)
        {
            case '\'': chars = "'"; return i + 2;
            case '"': chars = "\""; return i + 2;
            case '\\': chars = "\\"; return i + 2;
            case '0': chars = "\0"; return i + 2;
            case 'a': chars = "\a"; return i + 2;
            case 'b': chars = "\b"; return i + 2;
            case 'e': chars = "\u001b"; return i + 2;
            case 'f': chars = "\f"; return i + 2;
            case 'n': chars = "\n"; return i + 2;
            case 'r': chars = "\r"; return i + 2;
            case 't': chars = "\t"; return i + 2;
            case 'v': chars = "\v"; return i + 2;
            case 'u':
            case 'U':
            case 'x':
                int maxDigits = kind == 'u' ? 4 : kind == 'U' ? 8 : 4;
                int digits = 0;
                while (digits < maxDigits && i + 2 + digits < text.Length - 1 && Uri.IsHexDigit(text[i + 2 + digits]))
                {
                    digits++;
                }

                if (digits == 0 || (kind != 'x' && digits != maxDigits))
                {
                    return -1;
                }

                int code = int.Parse(text.Substring(i + 2, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                chars = kind == 'U' ? char.ConvertFromUtf32(code) : ((char)code).ToString();
                return i + 2 + digits;
            default:
                return -1;
        }
    }

    /// <summary>Raw strings: no escapes; multi-line ones drop the first and last line and the closing indentation.</summary>
    private static bool DecodeRaw(string text, Action<string, int, int> emit)
    {
        int quotes = 0;
        while (quotes < text.Length && text[quotes] == '"')
        {
            quotes++;
        }

        int contentStart = quotes, contentEnd = text.Length - quotes;
        if (contentEnd < contentStart)
        {
            return false;
        }

        int firstBreak = text.IndexOfAny(['\r', '\n'], contentStart);
        if (firstBreak < 0 || firstBreak >= contentEnd)
        {
            for (int i = contentStart; i < contentEnd; i++)
            {
                emit(text[i].ToString(), i, i + 1);
            }

            return true;
        }

        // The closing line's leading whitespace is the indentation removed from every content line.
        int closingLineStart = contentEnd;
        while (closingLineStart > 0 && text[closingLineStart - 1] != '\n' && text[closingLineStart - 1] != '\r')
        {
            closingLineStart--;
        }

        int indentation = contentEnd - closingLineStart;
        var lines = new List<(int Start, int End, int BreakEnd)>();
        int position = LineBreakEnd(text, firstBreak);
        while (position < closingLineStart)
        {
            int end = position;
            while (end < text.Length && text[end] != '\r' && text[end] != '\n')
            {
                end++;
            }

            lines.Add((position, end, LineBreakEnd(text, end)));
            position = LineBreakEnd(text, end);
        }

        for (int l = 0; l < lines.Count; l++)
        {
            var (start, end, breakEnd) = lines[l];
            for (int i = Math.Min(start + indentation, end); i < end; i++)
            {
                emit(text[i].ToString(), i, i + 1);
            }

            if (l < lines.Count - 1)
            {
                emit(text.Substring(end, breakEnd - end), end, breakEnd);
            }
        }

        return true;
    }

    private static int LineBreakEnd(string text, int position)
    {
        if (position < text.Length && text[position] == '\r')
        {
            position++;
        }

        if (position < text.Length && text[position] == '\n')
        {
            position++;
        }

        return position;
    }
}
