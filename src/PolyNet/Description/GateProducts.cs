using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PolyNet.Description;

/// <summary>
/// The product each gate of a parsed table computes, as a label like <c>x*y^2*z</c>: exponent maps multiplied along the
/// gates, factors in input order. mul(u, v) is u·v, sq(u) is u², a flat gate ∏ operandᵢ^rᵢ with rᵢ the largest |mᵢ| of
/// its pairs (the pair of all-positive multipliers has mᵢ = rᵢ), a bit gate the product of its operands, a spin read by
/// a bit gate entering as <c>y(s)</c> = (s + 1)/2 (the generator's own labels).
/// </summary>
internal static class GateProducts
{
    /// <summary>One label per gate, in table order.</summary>
    public static string[] Labels(ParsedDefinition parsed)
    {
        var products = new SortedDictionary<Factor, int>[parsed.InputCount + parsed.Gates.Length];
        for (int i = 0; i < parsed.InputCount; i++)
        {
            products[i] = new() { [new Factor(i, Shifted: false)] = 1 };
        }

        var labels = new string[parsed.Gates.Length];
        for (int k = 0; k < parsed.Gates.Length; k++)
        {
            var gate = parsed.Gates[k];
            var product = new SortedDictionary<Factor, int>();
            for (int i = 0; i < gate.Operands.Length; i++)
            {
                int operand = gate.Operands[i];
                var factors = products[operand];
                if (gate.Kind == GateKind.Bit && operand < parsed.InputCount && parsed.InputKinds[operand] == InputKind.Spin)
                {
                    factors = new() { [new Factor(operand, Shifted: true)] = 1 };
                }

                Multiply(product, factors, Exponent(gate, i));
            }

            products[parsed.InputCount + k] = product;
            labels[k] = Format(product, parsed.Inputs);
        }

        return labels;
    }

    /// <summary>The power of operand i in its gate's product.</summary>
    private static int Exponent(Gate gate, int i)
    {
        switch (gate.Kind)
        {
            case GateKind.Square:
                return 2;
            case GateKind.Flat:
                int exponent = 0, m = gate.Operands.Length;
                for (int j = 0; j < gate.PairCount; j++)
                {
                    exponent = Math.Max(exponent, Math.Abs(gate.PairMultipliers[(j * m) + i]));
                }

                return exponent;
            default:
                return 1;
        }
    }

    private static void Multiply(SortedDictionary<Factor, int> product, SortedDictionary<Factor, int> factors, int power)
    {
        if (power == 0)
        {
            return;
        }

        foreach (var (factor, exponent) in factors)
        {
            product[factor] = checked((product.TryGetValue(factor, out int earlier) ? earlier : 0) + (exponent * power));
        }
    }

    private static string Format(SortedDictionary<Factor, int> product, string[] inputs)
    {
        if (product.Count == 0)
        {
            return "1";
        }

        var label = new StringBuilder();
        foreach (var (factor, exponent) in product)
        {
            if (label.Length > 0)
            {
                label.Append('*');
            }

            label.Append(factor.Shifted ? $"y({inputs[factor.Input]})" : inputs[factor.Input]);
            if (exponent != 1)
            {
                label.Append('^').Append(exponent.ToString(CultureInfo.InvariantCulture));
            }
        }

        return label.ToString();
    }

    /// <summary>An input, or a spin's y(s) = (s + 1)/2; ordered by input, the input before its y.</summary>
    private readonly record struct Factor(int Input, bool Shifted) : IComparable<Factor>
    {
        public int CompareTo(Factor other) => Input != other.Input ? Input.CompareTo(other.Input) : Shifted.CompareTo(other.Shifted);
    }
}
