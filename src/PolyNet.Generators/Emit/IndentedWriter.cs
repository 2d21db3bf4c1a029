using System;
using System.Text;

namespace PolyNet.Generators.Emit;

/// <summary>A minimal indented text writer for emitting C# (no SyntaxFactory: text is easier to read and diff).</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    /// <summary>The width of the current indentation, in characters.</summary>
    public int CurrentIndent => _indent * 4;

    public IndentedWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4).Append(line);
        }

        _text.Append('\n');
        return this;
    }

    /// <summary>Writes "{", indents, and returns a scope that writes the matching "}" (plus a suffix) when disposed.</summary>
    public Scope Block(string header, string closingSuffix = "")
    {
        Line(header);
        Line("{");
        _indent++;
        return new Scope(this, closingSuffix);
    }

    /// <summary>The longest line the generator writes.</summary>
    public const int MaxLineLength = 160;

    /// <summary>
    /// Writes <paramref name="text"/>, broken after ", ", before " &amp; ", " || " or " + " (never inside a string literal)
    /// into lines of at most <see cref="MaxLineLength"/> characters; continuation lines are indented one more step.
    /// </summary>
    public IndentedWriter WrappedLine(string text)
    {
        int width = MaxLineLength - (_indent * 4);
        bool first = true;
        while (text.Length > (first ? width : width - 4))
        {
            int limit = first ? width : width - 4;
            int cut = BreakBefore(text, limit);
            if (cut <= 0)
            {
                break;
            }

            Line((first ? string.Empty : "    ") + text.Substring(0, cut).TrimEnd());
            text = text.Substring(cut).TrimStart();
            first = false;
        }

        return Line((first ? string.Empty : "    ") + text);
    }

    /// <summary>The last position at or before <paramref name="limit"/> where a line may break, or -1.</summary>
    private static int BreakBefore(string text, int limit)
    {
        int best = -1;
        bool inString = false;
        for (int i = 0; i < text.Length && i <= limit; i++)
        {
            char c = text[i];
            if (inString && c == '\\')
            {
                i++;   // an escape: the next character is part of it, even a quote or a backslash
                continue;
            }

            if (c == '"')
            {
                inString = !inString;
            }

            if (inString)
            {
                continue;
            }

            if (c == ',' && i + 1 < text.Length && text[i + 1] == ' ' && i + 1 <= limit)
            {
                best = i + 1;
            }
            else if (c == ' ' && i + 2 < text.Length && (text[i + 1] == '&' || text[i + 1] == '+' || (text[i + 1] == '|' && text[i + 2] == '|')) && i > 0)
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>
    /// Writes <paramref name="text"/> as comment lines starting with <paramref name="prefix"/> ("/// " or "// "), broken at
    /// spaces so that no line is longer than <see cref="MaxLineLength"/>.
    /// </summary>
    public IndentedWriter CommentLines(string prefix, string text)
    {
        int width = MaxLineLength - (_indent * 4) - prefix.Length;
        while (text.Length > width)
        {
            int cut = text.LastIndexOf(' ', width);
            if (cut <= 0)
            {
                // No space to break at: cut anyway, but not inside an XML entity such as &amp;.
                int entity = text.LastIndexOf('&', width);
                cut = entity > 0 && width - entity < 8 ? entity : width;
            }

            Line(prefix + text.Substring(0, cut).TrimEnd());
            text = text.Substring(cut).TrimStart();
        }

        return Line(prefix + text);
    }

    /// <summary>Writes "{", indents, and returns a scope that writes "}" plus <paramref name="closingSuffix"/> when disposed.</summary>
    public Scope Braces(string closingSuffix = "")
    {
        Line("{");
        _indent++;
        return new Scope(this, closingSuffix);
    }

    public override string ToString() => _text.ToString();

    internal readonly struct Scope : IDisposable
    {
        private readonly IndentedWriter _writer;
        private readonly string _suffix;

        public Scope(IndentedWriter writer, string suffix)
        {
            _writer = writer;
            _suffix = suffix;
        }

        public void Dispose()
        {
            _writer._indent--;
            _writer.Line("}" + _suffix);
        }
    }
}
