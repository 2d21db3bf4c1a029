using System;
using System.Globalization;
using System.Linq;
using System.Numerics;
using PolyNet.Generators.Parse;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Tests.Polynomials;

/// <summary>
/// The number rule (README "Limits"): every number, written or computed, is a fraction p/q in lowest terms with |p|
/// and q at most 10^1000. Literals are judged by their value, not their spelling, so long texts with many zeros are
/// read in linear time, and every accepted polynomial prints as text that reads back.
/// </summary>
public class NumberRuleTests
{
    private const string Rule = "every number, written or computed, must be a fraction p/q in lowest terms with |p| and q at most 10^1000; "
        + "rescale the expression (e.g. change units) to keep its numbers in that range";

    private static readonly string[] Xyz = { "x", "y", "z" };

    private static readonly BigInteger Limit = BigInteger.Pow(10, 1000);

    [Theory]
    [InlineData("1e1000*x", "1e1000*x")]
    [InlineData("-1e1000", "-1e1000")]
    [InlineData("1e-1000*x", "1e-1000*x")]
    [InlineData("x/1e1000", "1e-1000*x")]
    [InlineData("1e-999/10*x", "1e-1000*x")]
    [InlineData("1/3e999*x", "1/3e999*x")]
    [InlineData("1e500*1e500*x", "1e1000*x")]
    [InlineData("(1e250*x)^4", "1e1000*x^4")]
    [InlineData("9e999*x + 1e999*x - 9e999*y", "1e1000*x - 9e999*y")]
    public void Values_at_the_edge_of_the_rule_are_accepted_and_read_back(string expression, string canonical)
    {
        Polynomial polynomial = Expand(expression);
        Assert.Equal(canonical, polynomial.ToCanonicalString());
        Assert.Equal(polynomial, Expand(canonical));
    }

    [Fact]
    public void A_quotient_below_the_rule_is_refused_on_the_division_instead_of_printing_an_unreadable_number()
    {
        // Used to expand to 1e-1001*x, text that the generator then refused to read.
        const string text = "1e-1000/10*x";
        ExpressionError error = Refused(text);
        Assert.Equal(ExpressionErrorKind.LimitExceeded, error.Kind);
        Assert.Equal($"this quotient gives a constant term of about 1e-1001, out of range: it is below 10^-1000; {Rule}", error.Message);
        Assert.Equal(Span(text, "1e-1000/10"), error.Span);
    }

    [Fact]
    public void A_long_decimal_and_its_e_notation_are_judged_alike()
    {
        // Used to differ: the exponent was limited as written, the number of decimals not at all.
        string plain = "0." + new string('0', 2000) + "1*x";
        ExpressionError fromPlain = Refused(plain);
        ExpressionError fromExponent = Refused("1e-2001*x");
        Assert.Equal(ExpressionErrorKind.LimitExceeded, fromPlain.Kind);
        Assert.Equal(ExpressionErrorKind.LimitExceeded, fromExponent.Kind);
        Assert.Equal($"the number '1e-2001' is out of range: it is below 10^-1000; {Rule}", fromExponent.Message);
        // A long literal is quoted by its ends.
        Assert.Equal($"the number '0.{new string('0', 17)}…{new string('0', 19)}1' is out of range: it is below 10^-1000; {Rule}", fromPlain.Message);
        Assert.Equal(new SourceSpan(0, plain.Length - 2), fromPlain.Span);
    }

    [Theory]
    [InlineData("1e1000*x + 1e1000*x", "1e1000*x + 1e1000*x", "this sum gives a coefficient of x of about 2e1000, out of range: it is above 10^1000")]
    [InlineData("1e600*1e600*x", "1e600*1e600", "this product gives a constant term of about 1e1200, out of range: it is above 10^1000")]
    [InlineData("y + (1e300*x)^4", "(1e300*x)^4", "this power gives a coefficient of x^4 of about 1e1200, out of range: it is above 10^1000")]
    [InlineData("-1e-1000*x - 1e-1000*x/3", "1e-1000*x/3", "this quotient gives a coefficient of x of about 3.3e-1001, out of range: it is below 10^-1000")]
    public void Computed_numbers_outside_the_rule_are_refused_on_the_operation_that_computed_them(string text, string span, string reason)
    {
        ExpressionError error = Refused(text);
        Assert.Equal(ExpressionErrorKind.LimitExceeded, error.Kind);
        Assert.Equal($"{reason}; {Rule}", error.Message);
        Assert.Equal(Span(text, span), error.Span);
    }

    [Fact]
    public void A_fraction_of_ordinary_size_with_huge_lowest_terms_is_refused()
    {
        // (8/7)^4096 is about 1e237, but its numerator 8^4096 has 3,699 digits. The power's partial products count.
        const string text = "((8/7)^64)^64*x";
        ExpressionError error = Refused(text);
        Assert.Equal(ExpressionErrorKind.LimitExceeded, error.Kind);
        Assert.StartsWith("this power gives a constant term of about ", error.Message, StringComparison.Ordinal);
        Assert.Contains("out of range: in lowest terms its numerator is above 10^1000; ", error.Message, StringComparison.Ordinal);
        Assert.Equal(Span(text, "((8/7)^64)^64"), error.Span);
    }

    [Fact]
    public void Literals_are_judged_by_their_lowest_terms_not_by_their_digits()
    {
        // 2^-1001 = 5^1001/10^1001: 1,001 decimals, but its lowest terms are 1/2^1001, about 1/2e301.
        Assert.True(Rational.TryParse(Decimal(BigInteger.Pow(5, 1001), 1001), out Rational half));
        Assert.Equal(new Rational(BigInteger.One, BigInteger.Pow(2, 1001)), half);

        // 2^-3321 has 3,321 decimals and is still inside: 2^3321 < 10^1000. 2^-3322 is below 10^-1000.
        Assert.True(Rational.TryParse(Decimal(BigInteger.Pow(5, 3321), 3321), out Rational smallest));
        Assert.Equal(BigInteger.Pow(2, 3321), smallest.Denominator);
        Assert.True(smallest.IsWithinLimits);
        Assert.False(Rational.TryParse(Decimal(BigInteger.Pow(5, 3322), 3322), out _, out string? below));
        Assert.Equal("it is below 10^-1000", below);

        // 10^1000 − 1/2 is below 10^1000, but its numerator 2·10^1000 − 1 is not.
        Assert.False(Rational.TryParse(new string('9', 1000) + ".5", out _, out string? numerator));
        Assert.Equal("in lowest terms its numerator is above 10^1000", numerator);

        // Nearly a third of 10^-999, written with 1,999 decimals: in lowest terms its denominator is 10^1999.
        Assert.False(Rational.TryParse("0." + new string('0', 999) + new string('3', 1000), out _, out string? denominator));
        Assert.Equal("in lowest terms its denominator is above 10^1000", denominator);
    }

    [Fact]
    public void Zeros_cost_no_big_integer_work_and_any_number_of_them_is_read()
    {
        // 9,990 zeros: far more digits than any number inside the rule has, so only the counts can decide these.
        string zeros = new string('0', 9990);
        Assert.True(Rational.TryParse(zeros + "1.5", out Rational leading));
        Assert.Equal(new Rational(3, 2), leading);
        Assert.True(Rational.TryParse("1.5" + zeros, out Rational trailing));
        Assert.Equal(new Rational(3, 2), trailing);
        Assert.True(Rational.TryParse("15" + zeros + "e-9991", out Rational scaled));
        Assert.Equal(new Rational(3, 2), scaled);
        Assert.True(Rational.TryParse("0." + zeros, out Rational zero));
        Assert.True(zero.IsZero);

        Assert.False(Rational.TryParse("0." + zeros + "1", out _, out string? below));
        Assert.Equal("it is below 10^-1000", below);
        Assert.False(Rational.TryParse("1" + zeros, out _, out string? above));
        Assert.Equal("it is above 10^1000", above);

        // Significant digits beyond what any in-range literal can have are refused from the count alone.
        Assert.False(Rational.TryParse("0." + new string('7', 5000), out _, out string? lowest));
        Assert.Equal("in lowest terms its denominator is above 10^1000", lowest);
    }

    [Theory]
    [InlineData("1e99999999999999999999", "it is above 10^1000")]
    [InlineData("1e-99999999999999999999", "it is below 10^-1000")]
    [InlineData("0.2e1001", "it is above 10^1000")]
    [InlineData("0.9e-1000", "it is below 10^-1000")]
    [InlineData("-1e1001", "it is above 10^1000")]
    public void Out_of_range_literals_give_a_reason(string text, string reason)
    {
        Assert.False(Rational.TryParse(text, out _, out string? outOfRange));
        Assert.Equal(reason, outOfRange);
    }

    [Theory]
    [InlineData("1e1000", 1)]
    [InlineData("0.1e1001", 1)]
    [InlineData("0.00001e1005", 1)]
    [InlineData("1e-1000", -1)]
    [InlineData("10e-1001", -1)]
    [InlineData("100000e-1005", -1)]
    public void The_limits_hold_for_the_value_however_it_is_spelled(string text, int sign)
    {
        Assert.True(Rational.TryParse(text, out Rational value));
        Assert.Equal(sign > 0 ? new Rational(Limit) : new Rational(BigInteger.One, Limit), value);
    }

    [Fact]
    public void Every_value_inside_the_rule_prints_as_text_that_reads_back()
    {
        var values = new[]
        {
            new Rational(Limit),
            new Rational(-Limit),
            new Rational(BigInteger.One, Limit),
            new Rational(Limit - 1, Limit),
            new Rational(Limit, Limit - 1),
            new Rational(BigInteger.One, BigInteger.Pow(2, 3321)),
            new Rational(BigInteger.Pow(5, 1430), BigInteger.Pow(2, 3321)),
            new Rational(BigInteger.Pow(3, 2095), BigInteger.Pow(7, 1183)),
            new Rational(-1, 3) * new Rational(BigInteger.One, BigInteger.Pow(10, 999)),
        };
        foreach (Rational value in values)
        {
            Assert.True(value.IsWithinLimits, value.Magnitude());
            string text = value.ToCanonicalString();
            Polynomial read = Expand(text + "*x");
            Assert.Equal(value, read.Terms.Single().Coefficient);
            Assert.Equal(text + "*x", read.ToCanonicalString());
        }
    }

    [Fact]
    public void Decimal_terms_of_the_extremes_print_briefly()
    {
        Assert.Equal("1e-1000", new Rational(BigInteger.One, Limit).ToCanonicalString());
        Assert.Equal("-2.5e-999", new Rational(-25, BigInteger.Pow(10, 1000)).ToCanonicalString());
        Assert.Equal("1/3e999", new Rational(BigInteger.One, 3 * BigInteger.Pow(10, 999)).ToCanonicalString());
        Assert.Equal("1/" + BigInteger.Pow(2, 1001).ToString(CultureInfo.InvariantCulture), new Rational(BigInteger.One, BigInteger.Pow(2, 1001)).ToCanonicalString());
    }

    private static string Decimal(BigInteger digits, int decimals)
    {
        string text = digits.ToString(CultureInfo.InvariantCulture);
        return "0." + text.PadLeft(decimals, '0');
    }

    private static Polynomial Expand(string text)
    {
        ExpansionResult result = Result(text);
        Assert.True(result.Succeeded, text + ": " + string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Polynomial!;
    }

    private static ExpressionError Refused(string text)
    {
        ExpansionResult result = Result(text);
        Assert.Null(result.Polynomial);
        return Assert.Single(result.Errors);
    }

    private static ExpansionResult Result(string text)
    {
        ParseResult parsed = ExpressionParser.Parse(text);
        Assert.True(parsed.Success, text);
        return PolynomialExpander.Expand(parsed.Root!, Xyz);
    }

    private static SourceSpan Span(string text, string part)
    {
        int start = text.IndexOf(part, StringComparison.Ordinal);
        Assert.True(start >= 0, part);
        return new SourceSpan(start, part.Length);
    }
}
