using System;
using System.Text;

namespace PolyNet.Generators.Emit;

/// <summary>
/// One term "± c * value" of a sum being written: no sign before a positive first term, " + " or " - " between
/// terms, the magnitude as a literal (left out when it is 1 and <c>omitUnit</c> allows).
/// </summary>
internal static class SignedTerm
{
    public static string Format(double coefficient, string value, Func<double, string> literal, bool first, bool omitUnit = true)
    {
        bool negative = coefficient < 0;
        double magnitude = Math.Abs(coefficient);
        string sign = first ? (negative ? "-" : string.Empty) : (negative ? " - " : " + ");
        return sign + (omitUnit && magnitude == 1 ? value : $"{literal(magnitude)} * {value}");
    }

    /// <summary>Appends the term to <paramref name="sum"/>; it is the first term when the sum is still empty.</summary>
    public static StringBuilder AppendTerm(this StringBuilder sum, double coefficient, string value, Func<double, string> literal, bool omitUnit = true) =>
        sum.Append(Format(coefficient, value, literal, sum.Length == 0, omitUnit));
}
