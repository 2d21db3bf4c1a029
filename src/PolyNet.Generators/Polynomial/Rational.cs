using System;
using System.Globalization;
using System.Numerics;
using System.Text;

namespace PolyNet.Generators.Polynomials;

/// <summary>
/// An exact rational number. Always normalised: numerator and denominator share no factor and the
/// denominator is positive, so structural equality is numeric equality.
/// </summary>
internal readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    // Written decimal exponents beyond this are refused: the value would only underflow or overflow a double anyway.
    private const int MaxDecimalExponent = 1000;

    // Plain notation is used while at most this many padding zeros are needed ("0.001", "3000").
    private const int MaxPaddingZeros = 20;

    // Terminating decimals with more significant digits than this print as "p/q", which is then shorter.
    private const int MaxDecimalDigits = 30;

    private readonly BigInteger _numerator;

    // Zero only in default(Rational), which therefore means 0/1.
    private readonly BigInteger _denominator;

    private Rational(BigInteger numerator, BigInteger denominator, bool normalised)
    {
        _ = normalised;
        _numerator = numerator;
        _denominator = denominator;
    }

    /// <summary>Creates the integer <paramref name="value"/>.</summary>
    public Rational(BigInteger value)
        : this(value, BigInteger.One, normalised: true)
    {
    }

    /// <summary>Creates <paramref name="numerator"/>/<paramref name="denominator"/>; the denominator must not be zero.</summary>
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }

        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        if (!denominator.IsOne)
        {
            BigInteger gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
            if (!gcd.IsOne)
            {
                numerator /= gcd;
                denominator /= gcd;
            }
        }

        _numerator = numerator;
        _denominator = denominator;
    }

    public static Rational Zero => default;

    public static Rational One => new(BigInteger.One, BigInteger.One, normalised: true);

    public BigInteger Numerator => _numerator;

    public BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    public bool IsZero => _numerator.IsZero;

    public bool IsOne => _numerator.IsOne && Denominator.IsOne;

    public bool IsInteger => Denominator.IsOne;

    public int Sign => _numerator.Sign;

    public Rational Abs() => _numerator.Sign < 0 ? -this : this;

    public static implicit operator Rational(int value) => new(value, BigInteger.One, normalised: true);

    public static implicit operator Rational(BigInteger value) => new(value, BigInteger.One, normalised: true);

    public static Rational operator -(Rational value) => new(-value._numerator, value.Denominator, normalised: true);

    public static Rational operator +(Rational left, Rational right)
    {
        // Integer coefficients are the common case; skip the gcd for them.
        if (left.IsInteger && right.IsInteger)
        {
            return new Rational(left._numerator + right._numerator, BigInteger.One, normalised: true);
        }

        return new Rational(
            (left._numerator * right.Denominator) + (right._numerator * left.Denominator),
            left.Denominator * right.Denominator);
    }

    public static Rational operator -(Rational left, Rational right) => left + (-right);

    public static Rational operator *(Rational left, Rational right)
    {
        if (left.IsInteger && right.IsInteger)
        {
            return new Rational(left._numerator * right._numerator, BigInteger.One, normalised: true);
        }

        return new Rational(left._numerator * right._numerator, left.Denominator * right.Denominator);
    }

    /// <summary>Divides; callers check for a zero divisor first (a zero divisor throws <see cref="DivideByZeroException"/>).</summary>
    public static Rational operator /(Rational left, Rational right)
    {
        if (right.IsZero)
        {
            throw new DivideByZeroException();
        }

        return new Rational(left._numerator * right.Denominator, left.Denominator * right._numerator);
    }

    public static bool operator ==(Rational left, Rational right) => left.Equals(right);

    public static bool operator !=(Rational left, Rational right) => !left.Equals(right);

    public static bool operator <(Rational left, Rational right) => left.CompareTo(right) < 0;

    public static bool operator >(Rational left, Rational right) => left.CompareTo(right) > 0;

    public static bool operator <=(Rational left, Rational right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Rational left, Rational right) => left.CompareTo(right) >= 0;

    public bool Equals(Rational other) => _numerator.Equals(other._numerator) && Denominator.Equals(other.Denominator);

    public override bool Equals(object? obj) => obj is Rational other && Equals(other);

    public override int GetHashCode() => unchecked((_numerator.GetHashCode() * 397) ^ Denominator.GetHashCode());

    public int CompareTo(Rational other)
    {
        if (IsInteger && other.IsInteger)
        {
            return _numerator.CompareTo(other._numerator);
        }

        return (_numerator * other.Denominator).CompareTo(other._numerator * Denominator);
    }

    /// <summary>
    /// Parses a culture-invariant decimal literal exactly: <c>3</c>, <c>0.5</c>, <c>.5</c>, <c>3.</c>, <c>1e-3</c>,
    /// <c>2.5E+4</c>, optionally signed. Returns false for anything else, and for written exponents beyond ±1000.
    /// </summary>
    public static bool TryParse(string? invariantDecimalText, out Rational value)
    {
        value = Zero;
        if (invariantDecimalText is null || invariantDecimalText.Length == 0)
        {
            return false;
        }

        string text = invariantDecimalText;
        int position = 0;
        bool negative = false;
        if (text[0] == '+' || text[0] == '-')
        {
            negative = text[0] == '-';
            position++;
        }

        var digits = new StringBuilder();
        int integerDigits = 0;
        while (position < text.Length && IsDigit(text[position]))
        {
            digits.Append(text[position]);
            integerDigits++;
            position++;
        }

        int fractionDigits = 0;
        if (position < text.Length && text[position] == '.')
        {
            position++;
            while (position < text.Length && IsDigit(text[position]))
            {
                digits.Append(text[position]);
                fractionDigits++;
                position++;
            }
        }

        if (integerDigits + fractionDigits == 0)
        {
            return false;
        }

        int exponent = 0;
        if (position < text.Length && (text[position] == 'e' || text[position] == 'E'))
        {
            position++;
            bool negativeExponent = false;
            if (position < text.Length && (text[position] == '+' || text[position] == '-'))
            {
                negativeExponent = text[position] == '-';
                position++;
            }

            int exponentStart = position;
            while (position < text.Length && IsDigit(text[position]))
            {
                // Saturate instead of overflowing; anything this large is refused below.
                if (exponent <= MaxDecimalExponent)
                {
                    exponent = (exponent * 10) + (text[position] - '0');
                }

                position++;
            }

            if (position == exponentStart || exponent > MaxDecimalExponent)
            {
                return false;
            }

            if (negativeExponent)
            {
                exponent = -exponent;
            }
        }

        if (position != text.Length)
        {
            return false;
        }

        BigInteger mantissa = BigInteger.Parse(digits.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        if (negative)
        {
            mantissa = -mantissa;
        }

        int scale = exponent - fractionDigits;
        value = scale >= 0
            ? new Rational(mantissa * BigInteger.Pow(10, scale), BigInteger.One, normalised: true)
            : new Rational(mantissa, BigInteger.Pow(10, -scale));
        return true;
    }

    /// <summary>The nearest double (round half to even), ±infinity beyond the double range, ±0 below it.</summary>
    public double ToDouble()
    {
        if (_numerator.IsZero)
        {
            return 0.0;
        }

        bool negative = _numerator.Sign < 0;
        BigInteger numerator = BigInteger.Abs(_numerator);
        BigInteger denominator = Denominator;

        // Scale so the integer quotient carries 65-66 bits: 53 kept plus enough guard bits; the remainder is the sticky bit.
        int shift = 65 - (BitLength(numerator) - BitLength(denominator));
        BigInteger quotient = shift >= 0
            ? BigInteger.DivRem(numerator << shift, denominator, out BigInteger remainder)
            : BigInteger.DivRem(numerator, denominator << -shift, out remainder);
        bool sticky = !remainder.IsZero;
        int quotientBits = BitLength(quotient);

        // value = (quotient + fraction) * 2^-shift, so its leading bit has weight 2^leadingExponent.
        long leadingExponent = quotientBits - 1L - shift;
        if (leadingExponent > 1023)
        {
            return negative ? double.NegativeInfinity : double.PositiveInfinity;
        }

        // Normal doubles keep 53 bits; subnormals keep the bits down to weight 2^-1074.
        long keep = leadingExponent >= -1022 ? 53 : leadingExponent + 1075;
        if (keep < 0)
        {
            return negative ? -0.0 : 0.0;
        }

        int drop = quotientBits - (int)keep;
        var mantissa = (ulong)(quotient >> drop);
        BigInteger dropped = quotient & ((BigInteger.One << drop) - 1);
        int versusHalf = dropped.CompareTo(BigInteger.One << (drop - 1));
        if (versusHalf > 0 || (versusHalf == 0 && (sticky || (mantissa & 1UL) == 1UL)))
        {
            mantissa++;
        }

        long exponent = leadingExponent - keep + 1;
        long bits;
        if (keep == 53)
        {
            if (mantissa == 1UL << 53)
            {
                mantissa >>= 1;
                exponent++;
            }

            long biased = exponent + 1075;
            if (biased >= 2047)
            {
                return negative ? double.NegativeInfinity : double.PositiveInfinity;
            }

            bits = (biased << 52) | (long)(mantissa & ((1UL << 52) - 1));
        }
        else
        {
            // Subnormal: the raw bits are the mantissa; rounding up to 2^52 lands exactly on the smallest normal.
            bits = (long)mantissa;
        }

        double result = BitConverter.Int64BitsToDouble(bits);
        return negative ? -result : result;
    }

    /// <summary>
    /// Exact text that our number grammar reads back to the same value: integers and short terminating decimals in
    /// plain notation (<c>3</c>, <c>-0.5</c>, <c>0.001</c>), scientific notation when many padding zeros would be
    /// needed (<c>1e-300</c>, <c>2.5e40</c>), and <c>p/q</c> for non-terminating values (<c>1/3</c>) or decimals with
    /// more than 30 significant digits.
    /// </summary>
    public string ToCanonicalString()
    {
        if (_numerator.IsZero)
        {
            return "0";
        }

        string sign = _numerator.Sign < 0 ? "-" : string.Empty;
        BigInteger magnitude = BigInteger.Abs(_numerator);
        BigInteger denominator = Denominator;

        if (denominator.IsOne)
        {
            return sign + FormatDecimal(magnitude.ToString(CultureInfo.InvariantCulture), 0, allowFraction: false);
        }

        // A terminating decimal has a denominator 2^a * 5^b; then value = magnitude * 10^k / denominator * 10^-k.
        BigInteger rest = denominator;
        int twos = 0;
        int fives = 0;
        while (rest.IsEven)
        {
            rest >>= 1;
            twos++;
        }

        while ((rest % 5).IsZero)
        {
            rest /= 5;
            fives++;
        }

        if (rest.IsOne)
        {
            int k = Math.Max(twos, fives);
            BigInteger scaled = magnitude * BigInteger.Pow(2, k - twos) * BigInteger.Pow(5, k - fives);
            string text = FormatDecimal(scaled.ToString(CultureInfo.InvariantCulture), -k, allowFraction: true);
            if (text.Length != 0)
            {
                return sign + text;
            }
        }

        return sign + magnitude.ToString(CultureInfo.InvariantCulture) + "/" + denominator.ToString(CultureInfo.InvariantCulture);
    }

    public override string ToString() => ToCanonicalString();

    /// <summary>Formats digits * 10^exponent; returns empty when a fraction has too many digits for decimal form.</summary>
    private static string FormatDecimal(string digits, int exponent, bool allowFraction)
    {
        int trailing = 0;
        while (trailing < digits.Length - 1 && digits[digits.Length - 1 - trailing] == '0')
        {
            trailing++;
        }

        string significant = digits.Substring(0, digits.Length - trailing);
        exponent += trailing;

        if (allowFraction && significant.Length > MaxDecimalDigits)
        {
            return string.Empty;
        }

        int pointPosition = significant.Length + exponent;
        int padding = exponent >= 0 ? exponent : Math.Max(0, -pointPosition);
        if (padding > MaxPaddingZeros && significant.Length <= MaxDecimalDigits)
        {
            int scientificExponent = pointPosition - 1;
            string mantissa = significant.Length == 1 ? significant : significant.Substring(0, 1) + "." + significant.Substring(1);
            return mantissa + "e" + scientificExponent.ToString(CultureInfo.InvariantCulture);
        }

        if (exponent >= 0)
        {
            return significant + new string('0', exponent);
        }

        if (pointPosition > 0)
        {
            return significant.Substring(0, pointPosition) + "." + significant.Substring(pointPosition);
        }

        return "0." + new string('0', -pointPosition) + significant;
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    // BigInteger.GetBitLength is not available on netstandard2.0.
    private static int BitLength(BigInteger positive)
    {
        byte[] bytes = positive.ToByteArray();
        int top = bytes.Length - 1;
        while (top > 0 && bytes[top] == 0)
        {
            top--;
        }

        int bits = top * 8;
        for (int b = bytes[top]; b != 0; b >>= 1)
        {
            bits++;
        }

        return bits;
    }
}
