using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PolyNet.Generators.Emit;
using PolyNet.Generators.Parse;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Polynomials;

/// <summary>
/// A seeded corpus of random and mutated expressions (huge, tiny and long numbers, exponents at the edges of the
/// number rule, nested powers, every kind of whitespace): nothing throws, and the canonical text of every accepted
/// expression reads back to the same polynomial.
/// </summary>
public class RoundTripFuzzTests
{
    private const int Seed = 20_250_611;

    private static readonly string[] Variables = { "x", "y", "z" };

    // Whitespace the lexer accepts, Unicode line terminators included.
    private static readonly string[] Spaces = { " ", " ", string.Empty, string.Empty, "\t", "\n", "\r\n", "\u0085", "\u2028", "\u2029", "\u3000" };

    // What mutations insert: operators, digits, exponent letters, brackets, whitespace, and characters that are refused.
    private const string Alphabet = "xyzw0123456789.eE+-*/^()  \t\u2028\u0085%,\"\\é×";

    [Fact]
    public void Every_accepted_expression_reads_back_from_its_canonical_text()
    {
        var random = new Random(Seed);
        int accepted = 0, refusedByTheRule = 0, otherErrors = 0;
        foreach (string text in Corpus(random, 4000))
        {
            switch (Check(text))
            {
                case Outcome.Accepted: accepted++; break;
                case Outcome.OutOfRange: refusedByTheRule++; break;
                default: otherErrors++; break;
            }
        }

        // The corpus must exercise every outcome, not just one of them.
        Assert.True(accepted >= 1000, $"accepted {accepted}");
        Assert.True(refusedByTheRule >= 200, $"refused by the number rule {refusedByTheRule}");
        Assert.True(otherErrors >= 400, $"other errors {otherErrors}");
    }

    [Fact]
    public void The_generator_never_throws_and_its_output_compiles_for_a_sample_of_the_corpus()
    {
        var random = new Random(Seed + 1);
        var sample = new List<string>();
        int acceptedCount = 0, refusedCount = 0;
        foreach (string text in Corpus(random, 2000))
        {
            // Small accepted polynomials (their networks are quick to build) and refused expressions.
            ParseResult parsed = ExpressionParser.Parse(text);
            ExpansionResult? expanded = parsed.Success ? PolynomialExpander.Expand(parsed.Root!, Variables) : null;
            if (expanded?.Polynomial is { TermCount: <= 12, TotalDegree: <= 6 } && acceptedCount < 25)
            {
                sample.Add(text);
                acceptedCount++;
            }
            else if (expanded?.Succeeded != true && refusedCount < 15)
            {
                sample.Add(text);
                refusedCount++;
            }
        }

        var source = new StringBuilder("using PolyNet;\npublic static partial class Fuzz\n{\n");
        for (int i = 0; i < sample.Count; i++)
        {
            string literal = string.Join(" + ", Literals.Strings(sample[i]));
            source.Append(CultureInfo.InvariantCulture, $"    [Hamiltonian({literal})]\n    public static partial double F{i}(double x, double y, double z);\n");
        }

        source.Append("}\n");
        var run = GeneratorHarness.Run(source.ToString());
        Assert.Equal(sample.Count, run.Sources.Count);
        GeneratorHarness.CompileAndLoad(run.Output);
    }

    private enum Outcome
    {
        Accepted,
        OutOfRange,
        Refused,
    }

    private static Outcome Check(string text)
    {
        ParseResult parsed = Guard(text, () => ExpressionParser.Parse(text));
        if (!parsed.Success)
        {
            AssertSpansInside(text, parsed.Errors);
            return Outcome.Refused;
        }

        ExpansionResult result = Guard(text, () => PolynomialExpander.Expand(parsed.Root!, Variables));
        if (!result.Succeeded)
        {
            Assert.False(result.Errors.IsEmpty, Show(text));
            AssertSpansInside(text, result.Errors);
            return result.Errors.Any(e => e.Message.Contains("out of range", StringComparison.Ordinal)) ? Outcome.OutOfRange : Outcome.Refused;
        }

        Polynomial polynomial = result.Polynomial!;
        Assert.All(polynomial.Terms, term => Assert.True(term.Coefficient.IsWithinLimits, Show(text)));
        string canonical = polynomial.ToCanonicalString();
        // Only a written expression is limited to 10,000 characters; the canonical text of a long one may be longer.
        ParseResult reparsed = ExpressionParser.Parse(canonical, int.MaxValue);
        Assert.True(reparsed.Success, $"{Show(text)} printed {Show(canonical)}, which does not parse: {string.Join("; ", reparsed.Errors.Select(e => e.Message))}");
        ExpansionResult again = PolynomialExpander.Expand(reparsed.Root!, Variables);
        Assert.True(again.Succeeded, $"{Show(text)} printed {Show(canonical)}, refused: {string.Join("; ", again.Errors.Select(e => e.Message))}");
        Assert.True(polynomial.Equals(again.Polynomial), $"{Show(text)} printed {Show(canonical)}, which reads back as {Show(again.Polynomial!.ToCanonicalString())}");
        Assert.Equal(canonical, again.Polynomial!.ToCanonicalString());
        return Outcome.Accepted;
    }

    private static T Guard<T>(string text, Func<T> stage)
    {
        try
        {
            return stage();
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException($"threw on {Show(text)}", exception);
        }
    }

    private static void AssertSpansInside(string text, IEnumerable<Shared.ExpressionError> errors)
    {
        foreach (var error in errors)
        {
            Assert.True(error.Span.Start >= 0 && error.Span.End <= text.Length, $"{Show(text)}: span {error.Span.Start}+{error.Span.Length} of '{error.Message}'");
        }
    }

    private static string Show(string text) =>
        Literals.String(text.Length <= 200 ? text : text.Substring(0, 100) + "…" + text.Substring(text.Length - 100));

    /// <summary>Random expressions, each mutated with probability 1/3.</summary>
    private static IEnumerable<string> Corpus(Random random, int count)
    {
        for (int i = 0; i < count; i++)
        {
            string text = Expression(random, random.Next(1, 5));
            yield return random.Next(3) == 0 ? Mutate(random, text) : text;
        }
    }

    private static string Expression(Random random, int depth)
    {
        string space = Spaces[random.Next(Spaces.Length)];
        if (depth == 0 || random.Next(5) == 0)
        {
            return random.Next(10) switch
            {
                < 4 => Number(random),
                9 when random.Next(4) == 0 => "w",
                _ => Variables[random.Next(Variables.Length)],
            };
        }

        string left = Expression(random, depth - 1);
        string right = Expression(random, depth - 1);
        return random.Next(10) switch
        {
            0 or 1 => $"{left}{space}+{space}{right}",
            2 => $"{left}{space}-{space}({right})",
            3 or 4 => $"({left})*{space}{right}",
            5 => $"({left}){space}/{space}{Number(random)}",
            6 => $"({left})^{Exponent(random)}",
            7 => $"(({left})^{random.Next(0, 5)})^{Exponent(random)}",
            8 => $"-{space}({left})",
            _ => $"{left}*{right}",
        };
    }

    private static string Exponent(Random random) =>
        (random.Next(8) == 0 ? random.Next(6, 65) : random.Next(0, 5)).ToString(CultureInfo.InvariantCulture);

    private static string Number(Random random)
    {
        string Digits(int length)
        {
            var digits = new char[length];
            for (int i = 0; i < length; i++)
            {
                digits[i] = (char)('0' + random.Next(10));
            }

            return new string(digits);
        }

        // Exponents cluster around the rule's edges, ±1000.
        int EdgeExponent() => random.Next(3) == 0 ? random.Next(-1100, 1101) : (random.Next(2) == 0 ? 1 : -1) * random.Next(990, 1010);

        return random.Next(12) switch
        {
            0 => random.Next(0, 100).ToString(CultureInfo.InvariantCulture),
            1 => Digits(random.Next(1, 4)) + "." + Digits(random.Next(1, 4)),
            2 => "." + Digits(random.Next(1, 3)),
            3 => Digits(1) + ".",
            4 => $"{Digits(1)}.{Digits(random.Next(1, 6))}e{EdgeExponent()}",
            5 => $"{random.Next(1, 10)}e{EdgeExponent()}",
            6 => "0." + new string('0', random.Next(0, 1100)) + Digits(random.Next(1, 30)),
            7 => new string('0', random.Next(0, 2000)) + Digits(random.Next(1, 8)) + "." + Digits(random.Next(0, 4)),
            8 => Digits(random.Next(1, 5)) + "." + Digits(random.Next(0, 3)) + new string('0', random.Next(0, 2000)),
            9 => Digits(random.Next(1, 1100)),
            10 => new[] { "1e1000", "1e-1000", "9e999", "3e999", "1e-999", "0.5e-999" }[random.Next(6)],
            _ => $"{Digits(random.Next(1, 40))}e{(random.Next(2) == 0 ? "-" : "+")}{random.Next(0, 1100)}",
        };
    }

    private static string Mutate(Random random, string text)
    {
        int mutations = random.Next(1, 4);
        var builder = new StringBuilder(text);
        for (int m = 0; m < mutations && builder.Length > 0; m++)
        {
            int at = random.Next(builder.Length);
            switch (random.Next(5))
            {
                case 0:
                    builder.Remove(at, 1);
                    break;
                case 1:
                    builder.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 2 when at + 1 < builder.Length:
                    (builder[at], builder[at + 1]) = (builder[at + 1], builder[at]);
                    break;
                case 3:
                    int length = Math.Min(builder.Length - at, random.Next(1, 20));
                    builder.Insert(at, builder.ToString(at, length));
                    break;
                default:
                    builder[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
            }
        }

        return builder.ToString();
    }
}
