using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;

namespace PolyNet.Generators.Polynomials;

/// <summary>
/// An immutable, fully expanded polynomial with exact rational coefficients over the method's parameters.
/// </summary>
/// <remarks>
/// <para>Canonical form: like terms are merged, zero coefficients are dropped, and <see cref="Terms"/> is sorted in
/// canonical order: total degree ascending (the constant term first), then, within one degree, by exponent vector
/// compared lexicographically in descending order over the parameter order. For parameters <c>(x, y)</c> that is
/// <c>1, x, y, x^2, x*y, y^2, x^3, ...</c>. Two polynomials are equal exactly when their variables and terms are.</para>
/// <para><see cref="ToCanonicalString"/> prints the terms in this order, for example <c>1 - 2*x + x*y + 3*x*y*z</c>,
/// and reading that text back gives the same polynomial.</para>
/// </remarks>
internal sealed class Polynomial : IEquatable<Polynomial>
{
    private Polynomial(ImmutableArray<string> variables, ImmutableArray<(Monomial Monomial, Rational Coefficient)> terms)
    {
        Variables = variables;
        Terms = terms;
    }

    /// <summary>The variable names, in parameter order.</summary>
    public ImmutableArray<string> Variables { get; }

    /// <summary>The non-zero terms in canonical order (see the type remarks).</summary>
    public ImmutableArray<(Monomial Monomial, Rational Coefficient)> Terms { get; }

    public int TermCount => Terms.Length;

    public bool IsZero => Terms.IsEmpty;

    /// <summary>True for the zero polynomial and for non-zero constants.</summary>
    public bool IsConstant => Terms.IsEmpty || (Terms.Length == 1 && Terms[0].Monomial.IsConstant);

    /// <summary>The constant term (zero when there is none).</summary>
    public Rational ConstantTerm => !Terms.IsEmpty && Terms[0].Monomial.IsConstant ? Terms[0].Coefficient : Rational.Zero;

    /// <summary>The highest total degree of a term; 0 for constants, including the zero polynomial.</summary>
    public int TotalDegree => Terms.IsEmpty ? 0 : Terms[Terms.Length - 1].Monomial.TotalDegree;

    public static Polynomial Zero(ImmutableArray<string> variables) =>
        new(variables, ImmutableArray<(Monomial, Rational)>.Empty);

    public static Polynomial Constant(ImmutableArray<string> variables, Rational value) =>
        value.IsZero
            ? Zero(variables)
            : new(variables, ImmutableArray.Create((Monomial.Constant(variables.Length), value)));

    public static Polynomial Variable(ImmutableArray<string> variables, int variableIndex) =>
        new(variables, ImmutableArray.Create((Monomial.Variable(variables.Length, variableIndex), Rational.One)));

    /// <summary>Builds a polynomial from terms in any order; like terms are added and zero terms dropped.</summary>
    public static Polynomial FromTerms(ImmutableArray<string> variables, IEnumerable<(Monomial Monomial, Rational Coefficient)> terms)
    {
        var sums = new Dictionary<Monomial, Rational>();
        foreach ((Monomial monomial, Rational coefficient) in terms)
        {
            if (monomial.VariableCount != variables.Length)
            {
                throw new ArgumentException("a monomial does not match the variables", nameof(terms));
            }

            sums[monomial] = sums.TryGetValue(monomial, out Rational sum) ? sum + coefficient : coefficient;
        }

        return FromSums(variables, sums);
    }

    public Rational CoefficientOf(Monomial monomial)
    {
        foreach ((Monomial m, Rational c) in Terms)
        {
            if (m.Equals(monomial))
            {
                return c;
            }
        }

        return Rational.Zero;
    }

    public Polynomial Negate()
    {
        var builder = ImmutableArray.CreateBuilder<(Monomial, Rational)>(Terms.Length);
        foreach ((Monomial monomial, Rational coefficient) in Terms)
        {
            builder.Add((monomial, -coefficient));
        }

        return new Polynomial(Variables, builder.MoveToImmutable());
    }

    public Polynomial Scale(Rational factor)
    {
        if (factor.IsZero)
        {
            return Zero(Variables);
        }

        if (factor.IsOne)
        {
            return this;
        }

        var builder = ImmutableArray.CreateBuilder<(Monomial, Rational)>(Terms.Length);
        foreach ((Monomial monomial, Rational coefficient) in Terms)
        {
            builder.Add((monomial, coefficient * factor));
        }

        return new Polynomial(Variables, builder.MoveToImmutable());
    }

    public Polynomial Add(Polynomial other) => Merge(other, negateOther: false);

    public Polynomial Subtract(Polynomial other) => Merge(other, negateOther: true);

    /// <summary>Multiplies out; the caller bounds the work (TermCount × TermCount products) beforehand.</summary>
    public Polynomial Multiply(Polynomial other, CancellationToken cancellationToken = default)
    {
        RequireSameVariables(other);
        if (IsZero || other.IsZero)
        {
            return Zero(Variables);
        }

        if (IsConstant)
        {
            return other.Scale(ConstantTerm);
        }

        if (other.IsConstant)
        {
            return Scale(other.ConstantTerm);
        }

        var sums = new Dictionary<Monomial, Rational>();
        foreach ((Monomial leftMonomial, Rational leftCoefficient) in Terms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach ((Monomial rightMonomial, Rational rightCoefficient) in other.Terms)
            {
                Monomial product = leftMonomial.Multiply(rightMonomial);
                Rational coefficient = leftCoefficient * rightCoefficient;
                sums[product] = sums.TryGetValue(product, out Rational sum) ? sum + coefficient : coefficient;
            }
        }

        return FromSums(Variables, sums);
    }

    /// <summary>Raises to a non-negative power by repeated squaring; <c>p^0</c> is 1.</summary>
    public Polynomial Power(int exponent, CancellationToken cancellationToken = default)
    {
        if (exponent < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(exponent));
        }

        Polynomial result = Constant(Variables, Rational.One);
        Polynomial square = this;
        while (exponent > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((exponent & 1) == 1)
            {
                result = result.Multiply(square, cancellationToken);
            }

            exponent >>= 1;
            if (exponent > 0)
            {
                square = square.Multiply(square, cancellationToken);
            }
        }

        return result;
    }

    public static Polynomial operator +(Polynomial left, Polynomial right) => left.Add(right);

    public static Polynomial operator -(Polynomial left, Polynomial right) => left.Subtract(right);

    public static Polynomial operator *(Polynomial left, Polynomial right) => left.Multiply(right);

    public static Polynomial operator -(Polynomial value) => value.Negate();

    /// <summary>
    /// Canonical text: terms in canonical order joined by <c> + </c>, or <c> - </c> before a negative coefficient
    /// (whose magnitude is printed); a leading negative term starts with <c>-</c>; a coefficient of 1 is omitted;
    /// non-terminating coefficients print as <c>p/q</c> (<c>1/3*x</c>); the zero polynomial prints <c>0</c>.
    /// </summary>
    public string ToCanonicalString()
    {
        if (Terms.IsEmpty)
        {
            return "0";
        }

        var text = new StringBuilder();
        for (int i = 0; i < Terms.Length; i++)
        {
            (Monomial monomial, Rational coefficient) = Terms[i];
            bool negative = coefficient.Sign < 0;
            if (i == 0)
            {
                if (negative)
                {
                    text.Append('-');
                }
            }
            else
            {
                text.Append(negative ? " - " : " + ");
            }

            Rational magnitude = coefficient.Abs();
            if (monomial.IsConstant)
            {
                text.Append(magnitude.ToCanonicalString());
            }
            else
            {
                if (!magnitude.IsOne)
                {
                    text.Append(magnitude.ToCanonicalString()).Append('*');
                }

                text.Append(monomial.ToText(Variables));
            }
        }

        return text.ToString();
    }

    public override string ToString() => ToCanonicalString();

    public bool Equals(Polynomial? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (!SameVariables(other) || Terms.Length != other.Terms.Length)
        {
            return false;
        }

        for (int i = 0; i < Terms.Length; i++)
        {
            if (!Terms[i].Monomial.Equals(other.Terms[i].Monomial) || Terms[i].Coefficient != other.Terms[i].Coefficient)
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is Polynomial other && Equals(other);

    public override int GetHashCode()
    {
        int hash = Terms.Length;
        foreach ((Monomial monomial, Rational coefficient) in Terms)
        {
            hash = unchecked((hash * 31) + monomial.GetHashCode());
            hash = unchecked((hash * 31) + coefficient.GetHashCode());
        }

        return hash;
    }

    private static Polynomial FromSums(ImmutableArray<string> variables, Dictionary<Monomial, Rational> sums)
    {
        var terms = new List<(Monomial Monomial, Rational Coefficient)>(sums.Count);
        foreach (KeyValuePair<Monomial, Rational> pair in sums)
        {
            if (!pair.Value.IsZero)
            {
                terms.Add((pair.Key, pair.Value));
            }
        }

        terms.Sort(static (a, b) => a.Monomial.CompareTo(b.Monomial));
        return new Polynomial(variables, terms.ToImmutableArray());
    }

    // Both term lists are already in canonical order, so a linear merge keeps the result canonical.
    private Polynomial Merge(Polynomial other, bool negateOther)
    {
        RequireSameVariables(other);
        var builder = ImmutableArray.CreateBuilder<(Monomial, Rational)>(Terms.Length + other.Terms.Length);
        int i = 0;
        int j = 0;
        while (i < Terms.Length || j < other.Terms.Length)
        {
            int order = i == Terms.Length ? 1
                : j == other.Terms.Length ? -1
                : Terms[i].Monomial.CompareTo(other.Terms[j].Monomial);
            if (order < 0)
            {
                builder.Add(Terms[i++]);
                continue;
            }

            Rational right = negateOther ? -other.Terms[j].Coefficient : other.Terms[j].Coefficient;
            if (order > 0)
            {
                builder.Add((other.Terms[j++].Monomial, right));
                continue;
            }

            Rational sum = Terms[i].Coefficient + right;
            if (!sum.IsZero)
            {
                builder.Add((Terms[i].Monomial, sum));
            }

            i++;
            j++;
        }

        return new Polynomial(Variables, builder.ToImmutable());
    }

    private bool SameVariables(Polynomial other)
    {
        if (Variables == other.Variables)
        {
            return true;
        }

        if (Variables.Length != other.Variables.Length)
        {
            return false;
        }

        for (int i = 0; i < Variables.Length; i++)
        {
            if (!string.Equals(Variables[i], other.Variables[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private void RequireSameVariables(Polynomial other)
    {
        if (!SameVariables(other))
        {
            throw new ArgumentException("polynomials over different variables", nameof(other));
        }
    }
}
