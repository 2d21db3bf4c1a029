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
    /// <summary>
    /// The number rule (README "Limits"): every number, as written and as computed while expanding, is a fraction
    /// p/q in lowest terms with |p| ≤ 10^1000 and q ≤ 10^1000. Far beyond any double, and it bounds the size of
    /// every big integer the expander handles.
    /// </summary>
    public const int MaxDecimalExponent = 1000;

    // 10^MaxDecimalExponent, the largest allowed |numerator| and denominator.
    private static readonly BigInteger Limit = BigInteger.Pow(10, MaxDecimalExponent);
    private static readonly BigInteger NegativeLimit = -Limit;

    // Necessary conditions for a literal S·10^-m to be within the rule, checked before any big integer is built.
    // S does not end in 0, so it is not divisible by both 2 and 5: the reduced denominator keeps all m factors of
    // 5 or all m factors of 2, so q ≥ 2^m and m ≤ 1000·log2(10) ≈ 3321.9; and p ≥ S/5^m, so S ≤ 10^1000·5^3321
    // < 10^3322. They only decide whether the exact check is worth doing, so they err on the generous side.
    private const int MaxLiteralFractionDigits = 3322;
    private const int MaxLiteralSignificantDigits = 3323;

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

    /// <summary>True when |numerator| and the denominator are both at most 10^1000 (see <see cref="MaxDecimalExponent"/>).</summary>
    public bool IsWithinLimits => _numerator <= Limit && _numerator >= NegativeLimit && Denominator <= Limit;

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
    /// <c>2.5E+4</c>, optionally signed. Returns false for anything else, and for values outside the number rule
    /// (<see cref="IsWithinLimits"/>), such as <c>1e1001</c>, <c>1e-1001</c> or <c>0.</c> followed by 1,000 zeros and a 1.
    /// </summary>
    public static bool TryParse(string? invariantDecimalText, out Rational value) =>
        TryParse(invariantDecimalText, out value, out _);

    /// <summary>
    /// <see cref="TryParse(string?, out Rational)"/>, telling why well-formed text was refused:
    /// <paramref name="outOfRange"/> is then a reason such as "it is below 10^-1000" (null for malformed text).
    /// </summary>
    /// <remarks>
    /// Linear in the length of the text: the digits are scanned once, leading and trailing zeros cost no big-integer
    /// work, and a value is refused from its digit counts before any big integer is built. Only values that may be
    /// within the rule reach the exact check, and those have at most a few thousand significant digits.
    /// </remarks>
    public static bool TryParse(string? invariantDecimalText, out Rational value, out string? outOfRange)
    {
        value = Zero;
        outOfRange = null;
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

        int integerStart = position;
        position = SkipDigits(text, position);
        int integerEnd = position;
        int fractionStart = position;
        int fractionEnd = position;
        if (position < text.Length && text[position] == '.')
        {
            fractionStart = position + 1;
            position = SkipDigits(text, fractionStart);
            fractionEnd = position;
        }

        int integerDigits = integerEnd - integerStart;
        int fractionDigits = fractionEnd - fractionStart;
        if (integerDigits + fractionDigits == 0)
        {
            return false;
        }

        // Saturated: anything near the cap is far out of range, and long arithmetic below cannot overflow.
        const long ExponentCap = 1_000_000_000_000L;
        long exponent = 0;
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
                exponent = Math.Min(ExponentCap, (exponent * 10) + (text[position] - '0'));
                position++;
            }

            if (position == exponentStart)
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

        // The digits, integer part then fraction part, read as one sequence d[0..count).
        int count = integerDigits + fractionDigits;
        char DigitAt(int i) => i < integerDigits ? text[integerStart + i] : text[fractionStart + i - integerDigits];

        int first = 0;
        while (first < count && DigitAt(first) == '0')
        {
            first++;
        }

        if (first == count)
        {
            return true;
        }

        int last = count - 1;
        while (DigitAt(last) == '0')
        {
            last--;
        }

        // value = ±S · 10^scale with S = d[first..last], which does not end in 0.
        int significant = last - first + 1;
        long scale = exponent - fractionDigits + (count - 1 - last);
        long leadingPower = significant - 1 + scale;
        // 10^leadingPower ≤ |value| < 10^(leadingPower + 1); a value above 10^1000 or below 10^-1000 is out of range.
        if (leadingPower > MaxDecimalExponent)
        {
            outOfRange = AboveReason;
            return false;
        }

        if (leadingPower < -MaxDecimalExponent)
        {
            outOfRange = BelowReason;
            return false;
        }

        if (-scale > MaxLiteralFractionDigits || significant > MaxLiteralSignificantDigits)
        {
            outOfRange = LowestTermsReason(-scale > MaxLiteralFractionDigits ? "denominator" : "numerator");
            return false;
        }

        var digits = new char[significant];
        for (int i = 0; i < significant; i++)
        {
            digits[i] = DigitAt(first + i);
        }

        BigInteger mantissa = BigInteger.Parse(new string(digits), NumberStyles.None, CultureInfo.InvariantCulture);
        if (negative)
        {
            mantissa = -mantissa;
        }

        Rational parsed = scale >= 0
            ? new Rational(mantissa * BigInteger.Pow(10, (int)scale), BigInteger.One, normalised: true)
            : new Rational(mantissa, BigInteger.Pow(10, (int)-scale));
        if (!parsed.IsWithinLimits)
        {
            outOfRange = parsed.OutOfRangeReason();
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>
    /// Why a value outside the number rule is refused: "it is above 10^1000", "it is below 10^-1000", or "in lowest
    /// terms its denominator is above 10^1000" (likewise the numerator) for a fraction of ordinary size.
    /// </summary>
    public string OutOfRangeReason()
    {
        BigInteger magnitude = BigInteger.Abs(_numerator);
        BigInteger denominator = Denominator;
        if (magnitude > denominator * Limit)
        {
            return AboveReason;
        }

        if (!magnitude.IsZero && magnitude * Limit < denominator)
        {
            return BelowReason;
        }

        return LowestTermsReason(magnitude > Limit ? "numerator" : "denominator");
    }

    /// <summary>The order of magnitude for messages, such as <c>about 2.5e-995</c> (two significant digits); "0" for zero.</summary>
    public string Magnitude()
    {
        if (_numerator.IsZero)
        {
            return "0";
        }

        double log = BigInteger.Log10(BigInteger.Abs(_numerator)) - BigInteger.Log10(Denominator);
        double power = Math.Floor(log);
        double mantissa = Math.Round(Math.Pow(10, log - power), 1);
        if (mantissa >= 10)
        {
            mantissa /= 10;
            power++;
        }

        string sign = _numerator.Sign < 0 ? "-" : string.Empty;
        return "about " + sign + mantissa.ToString("0.#", CultureInfo.InvariantCulture) + "e" + power.ToString("0", CultureInfo.InvariantCulture);
    }

    private static string AboveReason => "it is above 10^" + MaxDecimalExponent.ToString(CultureInfo.InvariantCulture);

    private static string BelowReason => "it is below 10^-" + MaxDecimalExponent.ToString(CultureInfo.InvariantCulture);

    private static string LowestTermsReason(string part) =>
        "in lowest terms its " + part + " is above 10^" + MaxDecimalExponent.ToString(CultureInfo.InvariantCulture);

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
            return sign + FormatInteger(magnitude);
        }

        // A terminating decimal has a denominator 2^a * 5^b; then value = magnitude * 10^k / denominator * 10^-k.
        // The factors are found without a division per factor (which made a 10^n denominator cost O(n^2)):
        // the twos from the trailing zero bits, the fives by comparing the rest with the one power of 5 it could be.
        int twos = TrailingZeroBits(denominator);
        BigInteger rest = denominator >> twos;
        if (PowerOfFive(rest) is int fives)
        {
            int k = Math.Max(twos, fives);
            BigInteger scaled = (magnitude << (k - twos)) * BigInteger.Pow(5, k - fives);
            string text = FormatDecimal(scaled.ToString(CultureInfo.InvariantCulture), -k, allowFraction: true);
            if (text.Length != 0)
            {
                return sign + text;
            }
        }

        return sign + FormatInteger(magnitude) + "/" + FormatInteger(denominator);
    }

    public override string ToString() => ToCanonicalString();

    // Plain digits, or scientific notation when more than 20 trailing zeros would be written (3e999).
    private static string FormatInteger(BigInteger positive) =>
        FormatDecimal(positive.ToString(CultureInfo.InvariantCulture), 0, allowFraction: false);

    // The exponent b with value = 5^b, or null when value is not a power of 5. One exact comparison: 5^b has
    // about b·log10(5) digits, so the candidate is read off the value's logarithm and its neighbours are tried.
    private static int? PowerOfFive(BigInteger value)
    {
        if (value.IsOne)
        {
            return 0;
        }

        if (value.Sign <= 0 || value.IsEven || !(value % 5).IsZero)
        {
            return null;
        }

        int estimate = (int)Math.Round(BigInteger.Log(value) / Math.Log(5));
        for (int b = Math.Max(1, estimate - 1); b <= estimate + 1; b++)
        {
            if (BigInteger.Pow(5, b) == value)
            {
                return b;
            }
        }

        return null;
    }

    // Trailing zero bits of a positive value, read from its bytes (BigInteger.TrailingZeroCount is not in netstandard2.0).
    private static int TrailingZeroBits(BigInteger positive)
    {
        byte[] bytes = positive.ToByteArray();
        int index = 0;
        while (index < bytes.Length - 1 && bytes[index] == 0)
        {
            index++;
        }

        int bits = index * 8;
        for (int b = bytes[index]; b != 0 && (b & 1) == 0; b >>= 1)
        {
            bits++;
        }

        return bits;
    }

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

    private static int SkipDigits(string text, int position)
    {
        while (position < text.Length && IsDigit(text[position]))
        {
            position++;
        }

        return position;
    }

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
