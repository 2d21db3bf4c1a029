using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PolyNet.Description;

namespace PolyNet.Generators.Tests.Runtime;

/// <summary>Gate tables written programmatically for the runtime tests, with the generator's calibration constants.</summary>
internal static class TestNetworks
{
    public const double GateBias = -2.2924316695611777;
    public const double FlatOddBias = -3.1443184061549303;

    /// <summary>x·y as an even flat product (degree 2, pairs (1, 1) and (1, −1)) and x·y·z as an odd one (degree 3).</summary>
    public static SigmoidNetworkDefinition FlatEvenAndOdd { get; } = new()
    {
        Expression = "x*y + x*y*z",
        Polynomial = "x*y + x*y*z",
        Inputs = ["x", "y", "z"],
        InputBounds = [1.0, 1.0, 1.0],
        Terms = "1 1 1 0; 1 1 1 1",
        Gates = $"""
            %0 = {FlatProduct(GateBias, 0.002, even: true, ["x", "y"], [1, 1])}
            %1 = {FlatProduct(FlatOddBias, 0.00726, even: false, ["x", "y", "z"], [1, 1, 1])}
            """,
        Output = "0 %0 1 %1 1",
        MaxError = 1e-8,
    };

    /// <summary>
    /// A random network of <paramref name="gateCount"/> gates over continuous inputs of bound 1 and bits: mul, sq,
    /// even and odd flat products (some over the operands of an earlier flat gate, whose pairs they share, some with
    /// their pairs written negated) and bit products, some of which feed mul gates. Every value stays within [−1, 1].
    /// </summary>
    public static SigmoidNetworkDefinition RandomDag(int gateCount, int continuous, int bits, int seed)
    {
        var random = new Random(seed);
        var names = Enumerable.Range(0, continuous).Select(i => $"x{i}").Concat(Enumerable.Range(0, bits).Select(i => $"b{i}")).ToList();
        var products = Enumerable.Range(0, continuous).Select(i => $"x{i}").ToList();   // values a product gate may read
        var bitValues = Enumerable.Range(0, bits).Select(i => $"b{i}").ToList();
        var flatOperands = new List<string[]>();
        var gates = new StringBuilder();
        var output = new StringBuilder("0.5");
        double lambda = 0.00113;
        double mulScale = 1 / (4 * lambda * lambda * SigmoidDerivative(2, GateBias));
        for (int k = 0; k < gateCount; k++)
        {
            string line;
            int kind = random.Next(100);
            if (kind < 10 && bitValues.Count >= 2)
            {
                var operands = bitValues.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).Distinct().ToList();
                line = $"bit {N(40 * (0.5 - operands.Count))} " + string.Join(" ", operands.Select(o => $"{o} 40"));
            }
            else if (kind < 45)
            {
                string u = Pick(random, products), v = Pick(random, products, u);
                if (kind < 15 && k > 0)
                {
                    v = $"%{random.Next(k)}";   // maybe a bit product: a mixed gate
                }

                line = $"mul {u} {v} {N(lambda)} {N(lambda)} {N(mulScale)}";
            }
            else if (kind < 60)
            {
                line = $"sq {Pick(random, products)} {N(2 * lambda)} {N(mulScale)}";
            }
            else
            {
                bool even = kind < 75;
                int arity = even ? 2 : 3;
                var earlier = flatOperands.Where(o => o.Length == arity).ToList();
                string[] operands;
                if (earlier.Count > 0 && random.Next(4) == 0)
                {
                    operands = earlier[random.Next(earlier.Count)];
                }
                else
                {
                    var chosen = new List<string>();
                    while (chosen.Count < arity)
                    {
                        string operand = Pick(random, products);
                        if (!chosen.Contains(operand))
                        {
                            chosen.Add(operand);
                        }
                    }

                    operands = [.. chosen];
                }

                flatOperands.Add(operands);
                line = even
                    ? FlatProduct(GateBias, 0.002, even: true, operands, [1, 1], negate: random.Next(2) == 0)
                    : FlatProduct(FlatOddBias, 0.00726, even: false, operands, [1, 1, 1], negate: random.Next(2) == 0);
            }

            gates.Append(CultureInfo.InvariantCulture, $"%{k} = {line}\n");
            (line.StartsWith("bit", StringComparison.Ordinal) ? bitValues : products).Add($"%{k}");
            if (random.Next(3) == 0)
            {
                output.Append(CultureInfo.InvariantCulture, $" %{k} {N(Math.Round((2 * random.NextDouble()) - 1, 3))}");
            }
        }

        output.Append(" x0 0.25");
        return new SigmoidNetworkDefinition
        {
            Expression = "random",
            Polynomial = "random",
            Inputs = names,
            InputBounds = names.Select(_ => 1.0).ToArray(),
            InputKinds = names.Select(n => n[0] == 'b' ? InputKind.Bit : InputKind.Continuous).ToArray(),
            Terms = "",
            Gates = gates.ToString(),
            Output = output.ToString(),
            MaxError = 1e-6,
        };
    }

    /// <summary>
    /// A flat product line ∏ operandᵢ^rᵢ of bound-1 operands: pairs from the vectors r − 2j whose first non-zero entry is
    /// positive (or, with <paramref name="negate"/>, all of them negated, their coefficients too when odd), coefficients
    /// ∏(−1)^jᵢ C(rᵢ, jᵢ), scale 1/((2λ)^d σ⁽ᵈ⁾(b)).
    /// </summary>
    public static string FlatProduct(double bias, double lambda, bool even, IReadOnlyList<string> operands, int[] exponents, bool negate = false)
    {
        int degree = exponents.Sum();
        double scale = 1 / (Math.Pow(2 * lambda, degree) * SigmoidDerivative(degree, bias));
        var pairs = new List<string>();
        var j = new int[exponents.Length];
        while (true)
        {
            var multipliers = exponents.Select((r, i) => r - (2 * j[i])).ToArray();
            int first = Array.FindIndex(multipliers, m => m != 0);
            if (first >= 0 && multipliers[first] > 0)
            {
                double coefficient = 1;
                for (int i = 0; i < j.Length; i++)
                {
                    coefficient *= (j[i] % 2 == 0 ? 1 : -1) * Binomial(exponents[i], j[i]);
                }

                if (negate)
                {
                    multipliers = multipliers.Select(m => -m).ToArray();
                    coefficient = even ? coefficient : -coefficient;
                }

                pairs.Add($"{N(coefficient)} {string.Join(" ", multipliers)}");
            }

            int digit = 0;
            while (digit < j.Length && ++j[digit] > exponents[digit])
            {
                j[digit++] = 0;
            }

            if (digit == j.Length)
            {
                break;
            }
        }

        return $"flat {N(bias)} {N(scale)} {(even ? "even" : "odd")} {operands.Count} {string.Join(" ", operands.Select(o => $"{o} {N(lambda)}"))} : {string.Join("; ", pairs)}";
    }

    /// <summary>σ⁽ᵏ⁾(t) from σ⁽ᵏ⁾ = P_k(σ), P_0 = s, P_(k+1) = P_k'(s)·(s − s²).</summary>
    public static double SigmoidDerivative(int order, double t)
    {
        double[] p = [0.0, 1.0];
        for (int k = 0; k < order; k++)
        {
            var next = new double[p.Length + 1];
            for (int power = 1; power < p.Length; power++)
            {
                next[power] += power * p[power];
                next[power + 1] -= power * p[power];
            }

            p = next;
        }

        double s = 1 / (1 + Math.Exp(-t)), result = 0;
        for (int i = p.Length - 1; i >= 0; i--)
        {
            result = (result * s) + p[i];
        }

        return result;
    }

    /// <summary>Random inputs: continuous ones uniform within ±bound·<paramref name="factor"/>, bits 0 or 1, spins ±1.</summary>
    public static double[] RandomInputs(SigmoidNetwork network, Random random, double factor = 1)
    {
        return Enumerable.Range(0, network.Inputs.Count).Select(i => network.InputKinds[i] switch
        {
            InputKind.Bit => random.Next(2),
            InputKind.Spin => (2 * random.Next(2)) - 1,
            _ => network.InputBounds[i] * factor * ((2 * random.NextDouble()) - 1),
        }).ToArray();
    }

    public static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Pick(Random random, List<string> values, string? not = null)
    {
        while (true)
        {
            // Recent values more often, so that the network grows deep as well as wide.
            int index = random.Next(2) == 0 ? values.Count - 1 - random.Next(Math.Min(values.Count, 8)) : random.Next(values.Count);
            if (values[index] != not || values.Count == 1)
            {
                return values[index];
            }
        }
    }

    private static double Binomial(int n, int k)
    {
        double result = 1;
        for (int i = 0; i < k; i++)
        {
            result = result * (n - i) / (i + 1);
        }

        return result;
    }
}
