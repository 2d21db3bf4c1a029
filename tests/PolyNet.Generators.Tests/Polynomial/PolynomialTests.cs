using System;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using PolyNet.Generators.Polynomials;

namespace PolyNet.Generators.Tests.Polynomials;

public class PolynomialTests
{
    private static readonly ImmutableArray<string> Xyz = ImmutableArray.Create("x", "y", "z");

    private static Polynomial X => Polynomial.Variable(Xyz, 0);

    private static Polynomial Y => Polynomial.Variable(Xyz, 1);

    private static Polynomial Z => Polynomial.Variable(Xyz, 2);

    private static Polynomial C(Rational value) => Polynomial.Constant(Xyz, value);

    [Fact]
    public void Monomial_text_degree_and_equality()
    {
        Monomial m = Monomial.FromExponents(new[] { 1, 2, 1 });
        Assert.Equal("x*y^2*z", m.ToText(Xyz));
        Assert.Equal(4, m.TotalDegree);
        Assert.False(m.IsConstant);
        Assert.Equal(2, m[1]);
        Assert.Equal(m, Monomial.FromExponents(new[] { 1, 2, 1 }));
        Assert.Equal(m.GetHashCode(), Monomial.FromExponents(new[] { 1, 2, 1 }).GetHashCode());
        Assert.NotEqual(m, Monomial.FromExponents(new[] { 1, 1, 2 }));
        Assert.Equal("1", Monomial.Constant(3).ToText(Xyz));
        Assert.True(Monomial.Constant(3).IsConstant);
        Assert.Equal(Monomial.FromExponents(new[] { 2, 3, 1 }), m.Multiply(Monomial.Variable(3, 0)).Multiply(Monomial.Variable(3, 1)));
    }

    [Fact]
    public void Monomial_keeps_its_exponents_when_the_source_array_changes()
    {
        int[] exponents = { 1, 0, 0 };
        Monomial m = Monomial.FromExponents(exponents);
        exponents[0] = 5;
        Assert.Equal(1, m[0]);
    }

    [Fact]
    public void Monomial_order_is_degree_then_descending_exponent_vectors()
    {
        string[] expected = { "1", "x", "y", "z", "x^2", "x*y", "x*z", "y^2", "y*z", "z^2", "x^3" };
        Monomial[] shuffled = expected
            .Select(text => ParseMonomial(text))
            .Reverse()
            .ToArray();
        Array.Sort(shuffled);
        Assert.Equal(expected, shuffled.Select(m => m.ToText(Xyz)));
    }

    [Fact]
    public void Arithmetic_and_canonical_text()
    {
        Polynomial p = C(1) - C(2) * X + X * Y + C(3) * X * Y * Z;
        Assert.Equal("1 - 2*x + x*y + 3*x*y*z", p.ToCanonicalString());
        Assert.Equal("-1 + 2*x - x*y - 3*x*y*z", (-p).ToCanonicalString());
        Assert.Equal("-x^2", (-(X * X)).ToCanonicalString());
        Assert.Equal("0.5*x", X.Scale(new Rational(1, 2)).ToCanonicalString());
        Assert.Equal("1/3*x - 1/3*y", (X - Y).Scale(new Rational(1, 3)).ToCanonicalString());
        Assert.Equal("0", (X - X).ToCanonicalString());
        Assert.Equal("0", Polynomial.Zero(Xyz).ToCanonicalString());
        Assert.Equal("-0.5", C(new Rational(-1, 2)).ToCanonicalString());
        Assert.Equal(3, p.TotalDegree);
        Assert.Equal(4, p.TermCount);
        Assert.Equal(new Rational(3), p.CoefficientOf(Monomial.FromExponents(new[] { 1, 1, 1 })));
        Assert.Equal(Rational.Zero, p.CoefficientOf(Monomial.FromExponents(new[] { 0, 0, 1 })));
    }

    [Fact]
    public void Constants_are_recognised()
    {
        Assert.True(Polynomial.Zero(Xyz).IsConstant);
        Assert.True(Polynomial.Zero(Xyz).IsZero);
        Assert.True(C(5).IsConstant);
        Assert.Equal(new Rational(5), C(5).ConstantTerm);
        Assert.False(X.IsConstant);
        Assert.False((X + C(1)).IsConstant);
        Assert.Equal(new Rational(1), (X + C(1)).ConstantTerm);
        Assert.Equal(0, C(5).TotalDegree);
    }

    [Fact]
    public void Power_matches_repeated_multiplication()
    {
        Polynomial p = X + C(2) * Y - Z + C(new Rational(1, 3));
        Polynomial product = C(1);
        for (int e = 0; e <= 9; e++)
        {
            Assert.Equal(product, p.Power(e));
            product *= p;
        }
    }

    [Fact]
    public void Equality_is_by_value()
    {
        Polynomial a = (X + Y) * (X - Y);
        Polynomial b = X * X - Y * Y;
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, X * X + Y * Y);

        // Same terms over other parameter names are a different polynomial.
        var other = ImmutableArray.Create("a", "b", "c");
        Assert.NotEqual(Polynomial.Variable(other, 0), X);
        Assert.Throws<ArgumentException>(() => Polynomial.Variable(other, 0).Add(X));
    }

    [Fact]
    public void FromTerms_merges_like_terms_and_sorts()
    {
        Monomial x = Monomial.Variable(3, 0);
        Monomial one = Monomial.Constant(3);
        Polynomial p = Polynomial.FromTerms(Xyz, new[] { (x, (Rational)2), (one, (Rational)1), (x, (Rational)(-2)), (one, (Rational)4) });
        Assert.Equal("5", p.ToCanonicalString());
    }

    [Fact]
    public void Big_coefficients_stay_exact()
    {
        Polynomial p = (C(2) * X).Power(64);
        Assert.Equal("18446744073709551616*x^64", p.ToCanonicalString());
        Assert.Equal(new Rational(BigInteger.Pow(2, 64)), p.Terms.Single().Coefficient);
    }

    private static Monomial ParseMonomial(string text)
    {
        var exponents = new int[3];
        if (text != "1")
        {
            foreach (string factor in text.Split('*'))
            {
                string[] parts = factor.Split('^');
                exponents[Xyz.IndexOf(parts[0])] += parts.Length == 1 ? 1 : int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return Monomial.FromExponents(exponents);
    }
}
