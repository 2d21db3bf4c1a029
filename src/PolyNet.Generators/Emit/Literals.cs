using System.Globalization;
using System.Text;
using PolyNet.Generators.Network;

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

    /// <summary>Text safe inside an XML doc comment.</summary>
    public static string Xml(string value) =>
        value.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\r", " ").Replace("\n", " ");
}
