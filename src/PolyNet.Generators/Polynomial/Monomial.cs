using System;
using System.Collections.Generic;
using System.Text;

namespace PolyNet.Generators.Polynomials;

/// <summary>
/// An immutable product of variables with non-negative exponents, one exponent per method parameter in parameter
/// order. Equal exponent vectors are equal monomials.
/// </summary>
/// <remarks>
/// Ordering (<see cref="CompareTo"/>) is the canonical term order: total degree ascending, then the exponent vectors
/// compared lexicographically in descending order, so <c>1, x, y, x^2, x*y, y^2</c>.
/// </remarks>
internal sealed class Monomial : IEquatable<Monomial>, IComparable<Monomial>, IReadOnlyList<int>
{
    // Never handed out: callers read exponents through the indexer.
    private readonly int[] _exponents;
    private readonly int _hashCode;

    private Monomial(int[] exponents)
    {
        _exponents = exponents;
        int degree = 0;
        int hash = 17;
        foreach (int exponent in exponents)
        {
            degree += exponent;
            hash = unchecked((hash * 31) + exponent);
        }

        TotalDegree = degree;
        _hashCode = hash;
    }

    /// <summary>Number of variables (method parameters) this monomial ranges over.</summary>
    public int VariableCount => _exponents.Length;

    public int TotalDegree { get; }

    public bool IsConstant => TotalDegree == 0;

    public int this[int variableIndex] => _exponents[variableIndex];

    int IReadOnlyCollection<int>.Count => _exponents.Length;

    /// <summary>True when every exponent is even (the monomial is a square).</summary>
    public bool IsSquare
    {
        get
        {
            foreach (int exponent in _exponents)
            {
                if (exponent % 2 != 0)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>True when <paramref name="other"/> = this × (some monomial).</summary>
    public bool Divides(Monomial other)
    {
        for (int i = 0; i < _exponents.Length; i++)
        {
            if (_exponents[i] > other._exponents[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>this / <paramref name="factor"/>; the factor must divide this monomial.</summary>
    public Monomial Divide(Monomial factor)
    {
        var exponents = new int[_exponents.Length];
        for (int i = 0; i < exponents.Length; i++)
        {
            exponents[i] = _exponents[i] - factor._exponents[i];
            if (exponents[i] < 0)
            {
                throw new ArgumentException("the factor does not divide the monomial", nameof(factor));
            }
        }

        return new Monomial(exponents);
    }

    /// <summary>The square root of a square monomial (every exponent halved).</summary>
    public Monomial SquareRoot()
    {
        var exponents = new int[_exponents.Length];
        for (int i = 0; i < exponents.Length; i++)
        {
            exponents[i] = _exponents[i] / 2;
        }

        return new Monomial(exponents);
    }

    /// <summary>The indices of the variables with a non-zero exponent, ascending.</summary>
    public IEnumerable<int> Support()
    {
        for (int i = 0; i < _exponents.Length; i++)
        {
            if (_exponents[i] != 0)
            {
                yield return i;
            }
        }
    }

    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)_exponents).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The monomial 1 over <paramref name="variableCount"/> variables.</summary>
    public static Monomial Constant(int variableCount)
    {
        if (variableCount < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(variableCount));
        }

        return new Monomial(new int[variableCount]);
    }

    /// <summary>The single variable at <paramref name="variableIndex"/>.</summary>
    public static Monomial Variable(int variableCount, int variableIndex)
    {
        if (variableIndex < 0 || variableIndex >= variableCount)
        {
            throw new ArgumentOutOfRangeException(nameof(variableIndex));
        }

        var exponents = new int[variableCount];
        exponents[variableIndex] = 1;
        return new Monomial(exponents);
    }

    /// <summary>Creates a monomial from exponents (copied), for example <c>[1, 2, 0]</c> for <c>x*y^2</c>.</summary>
    public static Monomial FromExponents(IReadOnlyList<int> exponents)
    {
        var copy = new int[exponents.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            if (exponents[i] < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(exponents));
            }

            copy[i] = exponents[i];
        }

        return new Monomial(copy);
    }

    public Monomial Multiply(Monomial other)
    {
        if (other._exponents.Length != _exponents.Length)
        {
            throw new ArgumentException("monomials over different variables", nameof(other));
        }

        if (other.IsConstant)
        {
            return this;
        }

        if (IsConstant)
        {
            return other;
        }

        var exponents = new int[_exponents.Length];
        for (int i = 0; i < exponents.Length; i++)
        {
            exponents[i] = _exponents[i] + other._exponents[i];
        }

        return new Monomial(exponents);
    }

    /// <summary>Text such as <c>x*y^2*z</c>; the constant monomial prints as <c>1</c>.</summary>
    public string ToText(IReadOnlyList<string> variableNames)
    {
        if (variableNames.Count != _exponents.Length)
        {
            throw new ArgumentException("one name per variable is needed", nameof(variableNames));
        }

        if (IsConstant)
        {
            return "1";
        }

        var text = new StringBuilder();
        for (int i = 0; i < _exponents.Length; i++)
        {
            int exponent = _exponents[i];
            if (exponent == 0)
            {
                continue;
            }

            if (text.Length != 0)
            {
                text.Append('*');
            }

            text.Append(variableNames[i]);
            if (exponent > 1)
            {
                text.Append('^').Append(exponent.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>Canonical term order: total degree ascending, then exponent vectors lexicographically descending.</summary>
    public int CompareTo(Monomial? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (TotalDegree != other.TotalDegree)
        {
            return TotalDegree.CompareTo(other.TotalDegree);
        }

        int length = Math.Min(_exponents.Length, other._exponents.Length);
        for (int i = 0; i < length; i++)
        {
            if (_exponents[i] != other._exponents[i])
            {
                // Higher power of an earlier variable comes first: x^2 before x*y before y^2.
                return other._exponents[i].CompareTo(_exponents[i]);
            }
        }

        return _exponents.Length.CompareTo(other._exponents.Length);
    }

    public bool Equals(Monomial? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (_hashCode != other._hashCode || _exponents.Length != other._exponents.Length)
        {
            return false;
        }

        for (int i = 0; i < _exponents.Length; i++)
        {
            if (_exponents[i] != other._exponents[i])
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is Monomial other && Equals(other);

    public override int GetHashCode() => _hashCode;

    public override string ToString()
    {
        var names = new string[_exponents.Length];
        for (int i = 0; i < names.Length; i++)
        {
            names[i] = "v" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return ToText(names);
    }
}
