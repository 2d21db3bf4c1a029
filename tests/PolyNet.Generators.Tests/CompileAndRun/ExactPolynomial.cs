using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using PolyNet.Generators.Parse;
using PolyNet.Generators.Polynomials;

namespace PolyNet.Generators.Tests.CompileAndRun;

/// <summary>The expanded polynomial evaluated in exact rational arithmetic at double inputs.</summary>
internal sealed class ExactPolynomial
{
    private readonly Polynomial _polynomial;

    public ExactPolynomial(string expression, IReadOnlyList<string> variables)
    {
        var parsed = ExpressionParser.Parse(expression);
        Assert.True(parsed.Success);
        _polynomial = PolynomialExpander.Expand(parsed.Root!, variables).Polynomial!;
    }

    public int VariableCount => _polynomial.Variables.Length;

    /// <summary>S = Σ |c| ∏ B_i^r_i: the scale the accuracy requirements are stated in.</summary>
    public double Scale(IReadOnlyList<double> bounds) =>
        _polynomial.Terms.Sum(t => Math.Abs(t.Coefficient.ToDouble()) * Enumerable.Range(0, bounds.Count).Aggregate(1.0, (p, v) => p * Math.Pow(bounds[v], t.Monomial[v])));

    public Rational Evaluate(IReadOnlyList<double> inputs)
    {
        var values = inputs.Select(FromDouble).ToArray();
        Rational sum = Rational.Zero;
        foreach (var (monomial, coefficient) in _polynomial.Terms)
        {
            Rational product = coefficient;
            for (int v = 0; v < values.Length; v++)
            {
                for (int r = 0; r < monomial[v]; r++)
                {
                    product *= values[v];
                }
            }

            sum += product;
        }

        return sum;
    }

    /// <summary>∂/∂x_<paramref name="variable"/> of the polynomial at <paramref name="inputs"/>, exactly.</summary>
    public Rational Derivative(IReadOnlyList<double> inputs, int variable)
    {
        var values = inputs.Select(FromDouble).ToArray();
        Rational sum = Rational.Zero;
        foreach (var (monomial, coefficient) in _polynomial.Terms)
        {
            int exponent = monomial[variable];
            if (exponent == 0)
            {
                continue;
            }

            Rational product = coefficient * exponent;
            for (int v = 0; v < values.Length; v++)
            {
                for (int r = 0; r < monomial[v] - (v == variable ? 1 : 0); r++)
                {
                    product *= values[v];
                }
            }

            sum += product;
        }

        return sum;
    }

    /// <summary>The scale of ∂/∂x_<paramref name="variable"/>: Σ |c|·r·∏ B_i^r_i / B_variable over the terms that read it.</summary>
    public double DerivativeScale(IReadOnlyList<double> bounds, int variable) =>
        _polynomial.Terms.Where(t => t.Monomial[variable] > 0).Sum(t => Math.Abs(t.Coefficient.ToDouble()) * t.Monomial[variable]
            * Enumerable.Range(0, bounds.Count).Aggregate(1.0, (p, v) => p * Math.Pow(bounds[v], t.Monomial[v] - (v == variable ? 1 : 0))));

    /// <summary>|value − exact|, computed exactly and rounded once.</summary>
    public static double Distance(double value, Rational exact) => Math.Abs((FromDouble(value) - exact).ToDouble());

    public static Rational FromDouble(double value)
    {
        if (value == 0)
        {
            return Rational.Zero;
        }

        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent++;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        exponent -= 1075;
        BigInteger numerator = negative ? -mantissa : mantissa;
        return exponent >= 0
            ? new Rational(numerator * BigInteger.Pow(2, exponent), BigInteger.One)
            : new Rational(numerator, BigInteger.Pow(2, -exponent));
    }
}
