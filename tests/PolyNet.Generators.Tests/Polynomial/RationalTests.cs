using System;
using System.Globalization;
using System.Numerics;
using System.Text;
using PolyNet.Generators.Polynomials;

namespace PolyNet.Generators.Tests.Polynomials;

public class RationalTests
{
    [Theory]
    [InlineData("3", "3", "1")]
    [InlineData("0.5", "1", "2")]
    [InlineData(".5", "1", "2")]
    [InlineData("3.", "3", "1")]
    [InlineData("0.1", "1", "10")]
    [InlineData("1e-3", "1", "1000")]
    [InlineData("2.5E+4", "25000", "1")]
    [InlineData("2.5e4", "25000", "1")]
    [InlineData("0.000", "0", "1")]
    [InlineData("007.50", "15", "2")]
    [InlineData("-0.25", "-1", "4")]
    [InlineData("1e0000000000000005", "100000", "1")]
    [InlineData("12.5e-1", "5", "4")]
    public void TryParse_reads_decimals_exactly(string text, string numerator, string denominator)
    {
        Assert.True(Rational.TryParse(text, out Rational value));
        Assert.Equal(BigInteger.Parse(numerator, CultureInfo.InvariantCulture), value.Numerator);
        Assert.Equal(BigInteger.Parse(denominator, CultureInfo.InvariantCulture), value.Denominator);
    }

    [Fact]
    public void TryParse_keeps_tiny_and_huge_values_exact()
    {
        Assert.True(Rational.TryParse("1e-300", out Rational tiny));
        Assert.Equal(BigInteger.One, tiny.Numerator);
        Assert.Equal(BigInteger.Pow(10, 300), tiny.Denominator);

        Assert.True(Rational.TryParse("1e1000", out Rational huge));
        Assert.Equal(BigInteger.Pow(10, 1000), huge.Numerator);
        Assert.True(Rational.TryParse("1e-1000", out Rational smallest));
        Assert.Equal(BigInteger.Pow(10, 1000), smallest.Denominator);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("e5")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("1.2.3")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1,5")]
    [InlineData("x")]
    [InlineData("1e1001")]
    [InlineData("1e-1001")]
    [InlineData("1e5000")]
    [InlineData("1e99999999999999999999")]
    [InlineData("٣")]
    public void TryParse_refuses_malformed_or_out_of_range_text(string text)
    {
        Assert.False(Rational.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_ignores_the_current_culture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.True(Rational.TryParse("2.5", out Rational value));
            Assert.Equal(new Rational(5, 2), value);
            Assert.Equal("2.5", value.ToCanonicalString());
            Assert.Equal("1e-300", Parse("1e-300").ToCanonicalString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Arithmetic_is_exact()
    {
        Assert.Equal(new Rational(1, 2), new Rational(1, 3) + new Rational(1, 6));
        Assert.Equal(Parse("0.3"), Parse("0.1") + Parse("0.2"));
        Assert.True((Parse("0.1") + Parse("0.2") - Parse("0.3")).IsZero);
        Assert.Equal(new Rational(-1, 6), new Rational(1, 3) - new Rational(1, 2));
        Assert.Equal(new Rational(2, 9), new Rational(2, 3) * new Rational(1, 3));
        Assert.Equal(new Rational(-3, 2), new Rational(1, 2) / new Rational(-1, 3));
        Assert.Equal(new Rational(-1, 2), -new Rational(1, 2));
        Assert.Equal(new Rational(1, 2), new Rational(-1, 2).Abs());
        Assert.Throws<DivideByZeroException>(() => Rational.One / Rational.Zero);
    }

    [Fact]
    public void Values_are_normalised()
    {
        var value = new Rational(6, -4);
        Assert.Equal(new BigInteger(-3), value.Numerator);
        Assert.Equal(new BigInteger(2), value.Denominator);
        Assert.Equal(-1, value.Sign);
        Assert.Equal(new Rational(-3, 2), value);
        Assert.Equal(new Rational(-3, 2).GetHashCode(), value.GetHashCode());
        Assert.Equal(Rational.Zero, new Rational(0, 7));
        Assert.Equal(default(Rational), new Rational(0, -7));
        Assert.Equal(BigInteger.One, default(Rational).Denominator);
        Assert.True(default(Rational).IsZero);
        Assert.Equal(0, default(Rational).Sign);
        Assert.Equal(1, Rational.One.Sign);
    }

    [Fact]
    public void Comparison_orders_by_value()
    {
        Assert.True(new Rational(1, 3) < new Rational(1, 2));
        Assert.True(new Rational(-1, 2) < new Rational(-1, 3));
        Assert.True(new Rational(7, 1) > 6);
        Assert.Equal(0, new Rational(2, 4).CompareTo(new Rational(1, 2)));
        Assert.True(new Rational(1, 2) <= new Rational(1, 2));
        Assert.True(new Rational(1, 2) >= new Rational(1, 3));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("3", "3")]
    [InlineData("-3", "-3")]
    [InlineData("0.5", "0.5")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("0.001", "0.001")]
    [InlineData("2.50", "2.5")]
    [InlineData("1000", "1000")]
    [InlineData("12.345", "12.345")]
    [InlineData("1e-300", "1e-300")]
    [InlineData("-1e-300", "-1e-300")]
    [InlineData("25e-302", "2.5e-301")]
    [InlineData("1e20", "100000000000000000000")]
    [InlineData("1e21", "1e21")]
    [InlineData("1.5e25", "1.5e25")]
    [InlineData("1e-20", "0.00000000000000000001")]
    [InlineData("1e-22", "1e-22")]
    [InlineData("18446744073709551616", "18446744073709551616")]
    [InlineData("0.123456789012345678901234567891", "0.123456789012345678901234567891")]
    public void Canonical_strings_are_exact_decimals(string text, string expected)
    {
        Assert.Equal(expected, Parse(text).ToCanonicalString());
    }

    [Fact]
    public void Canonical_strings_use_a_fraction_when_the_decimal_does_not_terminate()
    {
        Assert.Equal("1/3", new Rational(1, 3).ToCanonicalString());
        Assert.Equal("-2/3", new Rational(-2, 3).ToCanonicalString());
        Assert.Equal("7/6", new Rational(7, 6).ToCanonicalString());

        // 2^-200 terminates but needs 140 significant digits; the fraction is shorter.
        var tiny = new Rational(BigInteger.One, BigInteger.Pow(2, 200));
        Assert.Equal("1/" + BigInteger.Pow(2, 200).ToString(CultureInfo.InvariantCulture), tiny.ToCanonicalString());
    }

    [Fact]
    public void Canonical_decimal_strings_parse_back_to_the_same_value()
    {
        var random = new Random(20240611);
        for (int i = 0; i < 2000; i++)
        {
            Rational value = Parse(RandomDecimal(random));
            Assert.True(Rational.TryParse(value.ToCanonicalString(), out Rational back), value.ToCanonicalString());
            Assert.Equal(value, back);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("0.1")]
    [InlineData("1e-300")]
    [InlineData("9007199254740993")]
    [InlineData("9007199254740995")]
    [InlineData("2.4703282292062327e-324")]
    [InlineData("2.4703282292062328e-324")]
    [InlineData("4.9406564584124654e-324")]
    [InlineData("2.2250738585072011e-308")]
    [InlineData("2.2250738585072012e-308")]
    [InlineData("2.2250738585072014e-308")]
    [InlineData("1.7976931348623157e308")]
    [InlineData("1.7976931348623158e308")]
    [InlineData("1.7976931348623159e308")]
    [InlineData("1e-400")]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("-0.3")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("0.30000000000000004")]
    public void ToDouble_matches_double_parse_on_edge_cases(string text)
    {
        AssertSameDouble(text);
    }

    [Fact]
    public void ToDouble_matches_double_parse_bit_for_bit_on_random_decimals()
    {
        var random = new Random(12345);
        for (int i = 0; i < 10_000; i++)
        {
            AssertSameDouble(RandomDecimal(random));
        }
    }

    [Fact]
    public void ToDouble_is_correctly_rounded_for_quotients_of_exact_integers()
    {
        // IEEE division of two exactly representable integers is correctly rounded, so it is a reference.
        var random = new Random(777);
        for (int i = 0; i < 10_000; i++)
        {
            long p = NextLong(random) - (1L << 52);
            long q = NextLong(random) + 1;
            var value = new Rational(p, q);
            Assert.Equal(BitConverter.DoubleToInt64Bits(p / (double)q), BitConverter.DoubleToInt64Bits(value.ToDouble()));
        }

        Assert.Equal(1.0 / 3.0, new Rational(1, 3).ToDouble());
    }

    private static long NextLong(Random random) => (long)(random.NextDouble() * (1L << 53)) >> random.Next(0, 50);

    private static void AssertSameDouble(string text)
    {
        Assert.True(Rational.TryParse(text, out Rational value), text);
        double expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        double actual = value.ToDouble();
        if (value.IsZero)
        {
            // An exact zero has no sign, so "-0.0" reads as +0.
            expected = 0.0;
        }

        Assert.True(
            BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual),
            $"{text}: expected {expected:R}, got {actual:R}");
    }

    private static Rational Parse(string text)
    {
        Assert.True(Rational.TryParse(text, out Rational value), text);
        return value;
    }

    // Mixes short and 17-25 digit mantissas with exponents that reach into overflow and the subnormal range.
    private static string RandomDecimal(Random random)
    {
        var text = new StringBuilder();
        if (random.Next(4) == 0)
        {
            text.Append('-');
        }

        int digits = random.Next(3) == 0 ? random.Next(17, 26) : random.Next(1, 17);
        int point = random.Next(-1, digits + 1);
        for (int i = 0; i < digits; i++)
        {
            if (i == point)
            {
                text.Append('.');
            }

            text.Append((char)('0' + random.Next(10)));
        }

        switch (random.Next(4))
        {
            case 0:
                break;
            case 1:
                text.Append('e').Append(random.Next(-30, 30).ToString(CultureInfo.InvariantCulture));
                break;
            default:
                text.Append(random.Next(2) == 0 ? 'E' : 'e').Append(random.Next(-345, 320).ToString(CultureInfo.InvariantCulture));
                break;
        }

        return text.ToString();
    }
}
