using System;
using System.IO;
using System.Text;
using PolyNet.Generators.Shared;

namespace PolyNet.Cli;

/// <summary>
/// Writes an expression's diagnostics as the compiler would name them (<c>error PNET001: message</c>), followed by the
/// expression and a caret line under the offending characters.
/// </summary>
internal static class DiagnosticWriter
{
    public static void Write(TextWriter writer, string severity, string expression, ExpressionError error)
    {
        writer.WriteLine($"{severity} {DiagnosticIds.For(error.Kind)}: {error.Message}");
        foreach (string line in Excerpt(expression, error.Span))
        {
            writer.WriteLine(line);
        }
    }

    /// <summary>A warning about the whole expression (PNET100): no caret.</summary>
    public static void Warning(TextWriter writer, string id, string message) => writer.WriteLine($"warning {id}: {message}");

    /// <summary>The line of <paramref name="expression"/> holding the span's start, and carets under the span (at least one).</summary>
    internal static string[] Excerpt(string expression, SourceSpan span)
    {
        int start = Math.Clamp(span.Start, 0, expression.Length);
        int lineStart = start == 0 ? 0 : expression.LastIndexOf('\n', start - 1) + 1;

        int lineEnd = expression.IndexOf('\n', lineStart);
        if (lineEnd < 0)
        {
            lineEnd = expression.Length;
        }

        string line = expression.Substring(lineStart, lineEnd - lineStart).TrimEnd('\r');
        int end = Math.Clamp(span.End, start, lineStart + line.Length);
        var carets = new StringBuilder("  ");
        for (int i = lineStart; i < start; i++)
        {
            // Tabs stay tabs so the carets line up under the text as the terminal shows it.
            carets.Append(expression[i] == '\t' ? '\t' : ' ');
        }

        carets.Append('^', Math.Max(1, end - start));
        return ["  " + line, carets.ToString()];
    }
}
