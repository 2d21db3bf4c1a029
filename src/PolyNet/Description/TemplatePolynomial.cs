using System;
using System.Collections.Generic;

namespace PolyNet.Description;

/// <summary>
/// A small polynomial over a site template's inputs, for the open-boundary split of <see cref="LatticeUnroller"/>:
/// monomials keyed by their exponent vector (one char per input), products reduced by s² = 1 for spins and y² = y for bits.
/// </summary>
internal sealed class TemplatePolynomial
{
    private readonly int _inputs;
    private readonly Dictionary<string, double> _terms = new(StringComparer.Ordinal);

    public TemplatePolynomial(int inputs) => _inputs = inputs;

    /// <summary>The monomials with their coefficients (exponents one per input).</summary>
    public IEnumerable<(int[] Exponents, double Coefficient)> Terms
    {
        get
        {
            foreach (var (key, coefficient) in _terms)
            {
                var exponents = new int[_inputs];
                for (int r = 0; r < _inputs; r++)
                {
                    exponents[r] = key[r];
                }

                yield return (exponents, coefficient);
            }
        }
    }

    public static TemplatePolynomial One(int inputs)
    {
        var one = new TemplatePolynomial(inputs);
        one.AddConstant(1);
        return one;
    }

    public static TemplatePolynomial Variable(int inputs, int input)
    {
        var variable = new TemplatePolynomial(inputs);
        var key = new char[inputs];
        key[input] = (char)1;
        variable.Add(new string(key), 1);
        return variable;
    }

    public void AddConstant(double constant) => Add(new string('\0', _inputs), constant);

    public void Add(TemplatePolynomial other, double scale)
    {
        foreach (var (key, coefficient) in other._terms)
        {
            Add(key, scale * coefficient);
        }
    }

    /// <summary>Adds scale × term <paramref name="term"/> of a parsed polynomial.</summary>
    public void AddTerm(ParsedTerms terms, int term, double scale)
    {
        var key = new char[_inputs];
        for (int k = terms.Starts[term]; k < terms.Starts[term + 1]; k++)
        {
            key[terms.Inputs[k]] = (char)Math.Min(terms.Powers[k], char.MaxValue);
        }

        Add(new string(key), scale * terms.Coefficients[term]);
    }

    public TemplatePolynomial Scaled(double scale)
    {
        var scaled = new TemplatePolynomial(_inputs);
        scaled.Add(this, scale);
        return scaled;
    }

    public TemplatePolynomial Times(TemplatePolynomial other, IReadOnlyList<InputKind> kinds)
    {
        var product = new TemplatePolynomial(_inputs);
        var key = new char[_inputs];
        foreach (var (left, a) in _terms)
        {
            foreach (var (right, b) in other._terms)
            {
                for (int r = 0; r < _inputs; r++)
                {
                    int exponent = Math.Min(left[r] + right[r], char.MaxValue);
                    key[r] = (char)(kinds[r] switch
                    {
                        InputKind.Spin => exponent % 2,
                        InputKind.Bit => Math.Min(exponent, 1),
                        _ => exponent,
                    });
                }

                product.Add(new string(key), a * b);
            }
        }

        return product;
    }

    /// <summary>The largest |coefficient| (0 for the zero polynomial).</summary>
    public double MaxAbs()
    {
        double max = 0;
        foreach (double coefficient in _terms.Values)
        {
            max = Math.Max(max, Math.Abs(coefficient));
        }

        return max;
    }

    private void Add(string key, double coefficient) =>
        _terms[key] = _terms.TryGetValue(key, out double existing) ? existing + coefficient : coefficient;
}
