using System.Collections.Generic;
using System.Globalization;
using System.Text;
using PolyNet.Generators.Network;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Emit;

/// <summary>C# literals that round-trip and never depend on the build machine's culture.</summary>
internal static class Literals
{
    public static string Double(double value)
    {
        // "R" is not always round-trip on .NET Framework hosts (Visual Studio); fall back to G17 when it is not.
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (double.Parse(text, CultureInfo.InvariantCulture) != value)
        {
            text = value.ToString("G17", CultureInfo.InvariantCulture);
        }

        return text.IndexOfAny(['.', 'E', 'N', 'I']) < 0 ? text + ".0" : text;
    }

    public static string Single(float value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (float.Parse(text, CultureInfo.InvariantCulture) != value)
        {
            text = value.ToString("G9", CultureInfo.InvariantCulture);
        }

        return text + "f";
    }

    /// <summary>A literal of the network's arithmetic type.</summary>
    public static string Number(double value, NumericPrecision precision) =>
        precision == NumericPrecision.Double ? Double(value) : Single((float)value);

    /// <summary>Three significant digits, for comments and summaries.</summary>
    public static string Short(double value) => value.ToString("G3", CultureInfo.InvariantCulture);

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string String(string value)
    {
        var text = new StringBuilder("\"");
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case '"': text.Append("\\\""); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c) || c > 0x7E)
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>
    /// <paramref name="value"/> as string literals of at most about <paramref name="width"/> characters each, to be joined
    /// with " +" on separate lines (a long expression must not make a long line); never splits an escape sequence.
    /// </summary>
    public static IReadOnlyList<string> Strings(string value, int width = 100)
    {
        var pieces = new List<string>();
        int start = 0;
        while (start < value.Length || pieces.Count == 0)
        {
            int length = System.Math.Min(width, value.Length - start);
            if (length > 0 && start + length < value.Length && char.IsHighSurrogate(value[start + length - 1]))
            {
                length--;   // keep a surrogate pair in one piece
            }

            pieces.Add(String(value.Substring(start, length)));
            start += length;
        }

        return pieces;
    }

    /// <summary>
    /// Text safe inside a <c>//</c> comment or an XML doc comment line: C# ends a comment line at \r, \n, U+0085, U+2028
    /// and U+2029, so those and every other control or format character are written as \uXXXX.
    /// </summary>
    public static string Comment(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            bool invisible = char.IsControl(c) || char.IsSurrogate(c) || c is '\u0085' or '\u2028' or '\u2029'
                || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
            if (invisible)
            {
                text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>Text safe inside an XML doc comment: <see cref="Comment"/>, with &amp;, &lt; and &gt; escaped.</summary>
    public static string Xml(string value) =>
        Comment(value).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
