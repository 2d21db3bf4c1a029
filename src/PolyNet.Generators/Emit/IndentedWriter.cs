using System;
using System.Text;

namespace PolyNet.Generators.Emit;

/// <summary>A minimal indented text writer for emitting C# (no SyntaxFactory: text is easier to read and diff).</summary>
internal sealed class IndentedWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

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

    /// <summary>Appends text to the line just written (e.g. a separating comma).</summary>
    public void AppendToLastLine(string suffix)
    {
        if (_text.Length > 0 && _text[_text.Length - 1] == '\n')
        {
            _text.Length--;
            _text.Append(suffix).Append('\n');
        }
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
