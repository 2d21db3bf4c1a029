using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Numerics;
using System.Text;
using PolyNet.Generators.Parse;
using PolyNet.Generators.Polynomials;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Polynomials;

public class PolynomialExpanderTests
{
    private static readonly string[] Xyz = { "x", "y", "z" };

    private readonly ITestOutputHelper _output;

    public PolynomialExpanderTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Theory]
    [InlineData("x*y + 3*x*y*z", "x*y + 3*x*y*z")]
    [InlineData("(x+y)^2", "x^2 + 2*x*y + y^2")]
    [InlineData("(x-y)*(x+y)", "x^2 - y^2")]
    [InlineData("(1+x)^3", "1 + 3*x + 3*x^2 + x^3")]
    [InlineData("x/2", "0.5*x")]
    [InlineData("x/3", "1/3*x")]
    [InlineData("-x/3", "-1/3*x")]
    [InlineData("x/0.5", "2*x")]
    [InlineData("x/(1+2)", "1/3*x")]
    [InlineData("3*x - 3*x", "0")]
    [InlineData("0.1*x + 0.2*x - 0.3*x", "0")]
    [InlineData("0", "0")]
    [InlineData("2.5", "2.5")]
    [InlineData("-x^2", "-x^2")]
    [InlineData("(-x)^2", "x^2")]
    [InlineData("--x", "x")]
    [InlineData("+x", "x")]
    [InlineData("x^0", "1")]
    [InlineData("(x+y)^0", "1")]
    [InlineData("x^1", "x")]
    [InlineData("1e-3*x", "0.001*x")]
    [InlineData("1e-300*z", "1e-300*z")]
    [InlineData("3*x*y*z + x*y - 2*x + 1", "1 - 2*x + x*y + 3*x*y*z")]
    [InlineData("z^2 + y*z + y^2 + x*z + x*y + x^2 + z + y + x + 1", "1 + x + y + z + x^2 + x*y + x*z + y^2 + y*z + z^2")]
    [InlineData("y*x", "x*y")]
    [InlineData("z*y^2*x", "x*y^2*z")]
    [InlineData("(x - 1)*(x + 1) + 1", "x^2")]
    [InlineData("x*(y + z)/4 - 0.25*x*z", "0.25*x*y")]
    public void Expands_to_canonical_text(string expression, string expected)
    {
        Assert.Equal(expected, Expanded(expression, Xyz));
    }

    [Theory]
    [InlineData("x - (y + z)", "x - y - z")]
    [InlineData("x + (y + (z + 1))", "1 + x + y + z")]
    [InlineData("-(x + y) + x", "-y")]
    [InlineData("(x + y) - (x + y)", "0")]
    [InlineData("x + y - x - y + z", "z")]
    [InlineData("x - (y - (z - x))", "-y + z")]
    [InlineData("2*(x + y) - (x + y) - (x + y)", "0")]
    [InlineData("(x + y)*(x - y) + y^2", "x^2")]
    [InlineData("((x + 1) + (y + 1))^2 - (x + y + 2)^2", "0")]
    [InlineData("1/3 + 1/3 + 1/3 - x", "1 - x")]
    public void Sums_accumulate_whatever_their_nesting(string expression, string expected)
    {
        Assert.Equal(expected, Expanded(expression, Xyz));
    }

    [Fact]
    public void A_long_sum_of_distinct_terms_expands_to_all_of_them()
    {
        // Sums accumulate into one table: each term is added once, not merged again with every later term.
        var names = Enumerable.Range(0, 60).Select(i => "v" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var terms = new List<string>();
        for (int i = 0; i < names.Length; i++)
        {
            for (int j = i; j < names.Length; j++)
            {
                terms.Add($"{names[i]}*{names[j]}");
            }
        }

        string text = string.Join("+", terms.Take(900)) + "-" + terms[0];
        Polynomial polynomial = Expand(text, names);
        Assert.Equal(899, polynomial.TermCount);
    }

    [Fact]
    public void Thousands_of_unknown_names_are_each_reported_with_the_parameter_list()
    {
        string text = string.Join("+", Enumerable.Repeat("q", 4000));
        ExpansionResult result = Run(text, Xyz);
        Assert.Equal(4000, result.Errors.Length);
        Assert.All(result.Errors, e => Assert.Equal("'q' is not a parameter of the method; the parameters are x, y, z", e.Message));
    }

    [Fact]
    public void Canonical_text_follows_the_parameter_order()
    {
        Assert.Equal("1 + y + x + y^2 + y*x + x^2", Expanded("(1 + x + y)^2 - (x + y) - x*y", "y", "x"));
        Assert.Equal("1 + x + y + x^2 + x*y + y^2", Expanded("(1 + x + y)^2 - (x + y) - x*y", "x", "y"));
    }

    [Fact]
    public void Trinomial_square_has_six_terms()
    {
        Polynomial p = Expand("(x+y+z)^2", Xyz);
        Assert.Equal(6, p.TermCount);
        Assert.Equal("x^2 + 2*x*y + 2*x*z + y^2 + 2*y*z + z^2", p.ToCanonicalString());
    }

    [Fact]
    public void Large_coefficients_are_exact()
    {
        Polynomial power = Expand("(2*x)^64", Xyz);
        Assert.Equal(new Rational(BigInteger.Pow(2, 64)), power.Terms.Single().Coefficient);
        Assert.Equal("18446744073709551616*x^64", power.ToCanonicalString());

        Polynomial binomial = Expand("(x+y)^64", Xyz);
        Assert.Equal(65, binomial.TermCount);
        Rational middle = binomial.CoefficientOf(Monomial.FromExponents(new[] { 32, 32, 0 }));
        Assert.Equal(new Rational(BigInteger.Parse("1832624140942590534", CultureInfo.InvariantCulture)), middle);
        for (int k = 0; k <= 64; k++)
        {
            Assert.Equal(new Rational(Binomial(64, k)), binomial.CoefficientOf(Monomial.FromExponents(new[] { 64 - k, k, 0 })));
        }
    }

    [Fact]
    public void Variables_are_reported_in_parameter_order()
    {
        Polynomial p = Expand("z + y + x", Xyz);
        Assert.Equal(Xyz, p.Variables);
        Assert.Equal("x + y + z", p.ToCanonicalString());
    }

    [Theory]
    [InlineData("x*y + 3*x*y*z")]
    [InlineData("(x - 2*y + z/3)^5")]
    [InlineData("(0.1*x - 1e-300*y + 7)^3")]
    [InlineData("-(x + y)^4 / 7")]
    [InlineData("(x/3 - y/6)^3 - 1/9")]
    [InlineData("1e25*x + 1.5e-30*y - 123.456")]
    [InlineData("-x^2")]
    [InlineData("(x+y+z)^12")]
    [InlineData("0")]
    public void Canonical_text_round_trips(string expression)
    {
        Polynomial first = Expand(expression, Xyz);
        string text = first.ToCanonicalString();
        Polynomial second = Expand(text, Xyz);
        Assert.Equal(first, second);
        Assert.Equal(text, second.ToCanonicalString());
    }

    [Fact]
    public void Random_expressions_expand_to_their_value()
    {
        // Evaluating the tree exactly at rational points must agree with evaluating the expansion.
        var random = new Random(4242);
        var points = Enumerable.Range(0, 4)
            .Select(_ => new[] { RandomRational(random), RandomRational(random), RandomRational(random) })
            .ToArray();
        int checkedCount = 0;
        for (int i = 0; i < 400; i++)
        {
            string text = RandomExpression(random, 4);
            ParseResult parsed = ExpressionParser.Parse(text);
            Assert.True(parsed.Success, text);
            ExpansionResult result = PolynomialExpander.Expand(parsed.Root!, Xyz);
            if (!result.Errors.IsEmpty)
            {
                // Only division by something that is not a non-zero constant may fail here.
                Assert.All(result.Errors, e => Assert.StartsWith("division by", e.Message, StringComparison.Ordinal));
                continue;
            }

            foreach (Rational[] point in points)
            {
                Assert.Equal(EvaluateTree(parsed.Root!, point), EvaluatePolynomial(result.Polynomial!, point));
            }

            checkedCount++;
        }

        Assert.True(checkedCount > 200, checkedCount.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Unknown_variables_are_all_reported_in_order()
    {
        const string text = "x + w*y + v";
        ExpansionResult result = Run(text, Xyz);
        Assert.Null(result.Polynomial);
        Assert.Collection(
            result.Errors,
            e => AssertError(e, ExpressionErrorKind.UnknownVariable, "'w' is not a parameter of the method; the parameters are x, y, z", Span(text, "w")),
            e => AssertError(e, ExpressionErrorKind.UnknownVariable, "'v' is not a parameter of the method; the parameters are x, y, z", Span(text, "v")));
    }

    [Fact]
    public void Unknown_variables_are_matched_ordinally()
    {
        ExpansionResult result = Run("X", Xyz);
        AssertError(Assert.Single(result.Errors), ExpressionErrorKind.UnknownVariable, "'X' is not a parameter of the method; the parameters are x, y, z", new SourceSpan(0, 1));
    }

    [Fact]
    public void Unknown_variable_with_no_parameters()
    {
        ExpansionResult result = Run("x + 1");
        AssertError(Assert.Single(result.Errors), ExpressionErrorKind.UnknownVariable, "'x' is not a parameter of the method; the method has no parameters", new SourceSpan(0, 1));
        Assert.Equal("3", Expanded("1 + 2"));
    }

    [Fact]
    public void Out_of_range_numbers_are_reported()
    {
        const string text = "x + 1e5000*y";
        ExpansionResult result = Run(text, Xyz);
        Assert.Null(result.Polynomial);
        AssertError(
            Assert.Single(result.Errors),
            ExpressionErrorKind.LimitExceeded,
            "the number '1e5000' is out of range: it is above 10^1000; every number, written or computed, must be a fraction p/q in lowest terms with |p| and q at most 10^1000; rescale the expression (e.g. change units) to keep its numbers in that range",
            Span(text, "1e5000"));
    }

    [Fact]
    public void Division_by_a_variable_is_reported_at_the_divisor()
    {
        const string text = "x/y";
        AssertError(Assert.Single(Run(text, Xyz).Errors), ExpressionErrorKind.Syntax, "division by a variable is not a polynomial; divide only by numeric constants", Span(text, "y"));

        const string sum = "1 + x/(y + 1)";
        AssertError(Assert.Single(Run(sum, Xyz).Errors), ExpressionErrorKind.Syntax, "division by a variable is not a polynomial; divide only by numeric constants", Span(sum, "y + 1"));
    }

    [Fact]
    public void Division_by_zero_is_reported_at_the_divisor()
    {
        const string text = "x/0";
        AssertError(Assert.Single(Run(text, Xyz).Errors), ExpressionErrorKind.Syntax, "division by zero", Span(text, "0"));

        const string cancelled = "x/(y - y)";
        AssertError(Assert.Single(Run(cancelled, Xyz).Errors), ExpressionErrorKind.Syntax, "division by zero", Span(cancelled, "y - y"));

        const string decimals = "x/(0.1 + 0.2 - 0.3)";
        AssertError(Assert.Single(Run(decimals, Xyz).Errors), ExpressionErrorKind.Syntax, "division by zero", Span(decimals, "0.1 + 0.2 - 0.3"));
    }

    [Fact]
    public void Division_errors_in_separate_places_are_all_reported()
    {
        const string text = "x/y + z/0";
        ExpansionResult result = Run(text, Xyz);
        Assert.Null(result.Polynomial);
        Assert.Collection(
            result.Errors,
            e => AssertError(e, ExpressionErrorKind.Syntax, "division by a variable is not a polynomial; divide only by numeric constants", new SourceSpan(2, 1)),
            e => AssertError(e, ExpressionErrorKind.Syntax, "division by zero", new SourceSpan(8, 1)));
    }

    [Fact]
    public void Binding_errors_stop_before_division_checks()
    {
        ExpansionResult result = Run("x/y + w", Xyz);
        Assert.Equal(ExpressionErrorKind.UnknownVariable, Assert.Single(result.Errors).Kind);
    }

    [Fact]
    public void Trinomial_to_the_64th_is_accepted()
    {
        Stopwatch watch = Stopwatch.StartNew();
        Polynomial p = Expand("(x+y+z)^64", Xyz);
        watch.Stop();
        _output.WriteLine(FormattableString.Invariant($"(x+y+z)^64 expanded in {watch.Elapsed.TotalMilliseconds:F1} ms"));
        watch.Restart();
        Assert.Equal(p, Expand("(x+y+z)^64", Xyz));
        _output.WriteLine(FormattableString.Invariant($"(x+y+z)^64 expanded again in {watch.Elapsed.TotalMilliseconds:F1} ms"));
        Assert.Equal(2145, p.TermCount);
        Assert.Equal(64, p.TotalDegree);
    }

    [Fact]
    public void Eight_variables_to_the_10th_are_refused_before_expansion()
    {
        string[] variables = { "a", "b", "c", "d", "e", "f", "g", "h" };
        const string text = "(a+b+c+d+e+f+g+h)^10";
        ExpressionError error = AssertRefusedQuickly(text, variables);
        AssertError(error, ExpressionErrorKind.LimitExceeded, "expanding this gives up to 19,448 terms; the limit is 10,000", new SourceSpan(0, text.Length));
    }

    [Fact]
    public void Inhomogeneous_power_bound_counts_all_degrees()
    {
        const string text = "(x+y+z+1)^64";
        ExpressionError error = AssertRefusedQuickly(text, Xyz);
        AssertError(error, ExpressionErrorKind.LimitExceeded, "expanding this gives up to 47,905 terms; the limit is 10,000", new SourceSpan(0, text.Length));
    }

    [Fact]
    public void Degree_65_is_refused()
    {
        const string text = "x^64*y";
        ExpressionError error = AssertRefusedQuickly(text, Xyz);
        AssertError(error, ExpressionErrorKind.LimitExceeded, "a monomial of total degree 65 exceeds the limit of 64", new SourceSpan(0, text.Length));
    }

    [Fact]
    public void Product_of_big_powers_is_refused()
    {
        const string text = "(x+1)^64*(y+1)^64*(z+1)^64";
        ExpressionError error = AssertRefusedQuickly(text, Xyz);
        AssertError(error, ExpressionErrorKind.LimitExceeded, "a monomial of total degree 128 exceeds the limit of 64", Span(text, "(x+1)^64*(y+1)^64"));
    }

    [Fact]
    public void Nested_huge_power_is_refused()
    {
        const string text = "((x+y+z+1)^64)^64";
        ExpressionError error = AssertRefusedQuickly(text, Xyz);
        AssertError(error, ExpressionErrorKind.LimitExceeded, "expanding this gives up to 47,905 terms; the limit is 10,000", Span(text, "(x+y+z+1)^64"));
    }

    [Fact]
    public void Limit_errors_point_at_the_smallest_offending_subtree()
    {
        const string text = "1 + x^64*y - 2";
        ExpressionError error = AssertRefusedQuickly(text, Xyz);
        AssertError(error, ExpressionErrorKind.LimitExceeded, "a monomial of total degree 65 exceeds the limit of 64", Span(text, "x^64*y"));
    }

    [Fact]
    public void Separate_offending_subtrees_are_each_reported()
    {
        const string text = "x^64*y + z^64*z";
        ExpansionResult result = Run(text, Xyz);
        Assert.Null(result.Polynomial);
        Assert.Collection(
            result.Errors,
            e => AssertError(e, ExpressionErrorKind.LimitExceeded, "a monomial of total degree 65 exceeds the limit of 64", Span(text, "x^64*y")),
            e => AssertError(e, ExpressionErrorKind.LimitExceeded, "a monomial of total degree 65 exceeds the limit of 64", Span(text, "z^64*z")));
    }

    [Fact]
    public void Bounds_are_counted_before_cancellation()
    {
        // Expands to 0, but the pre-pass does not look at coefficients.
        const string text = "(x+y+z+1)^64 - (x+y+z+1)^64";
        ExpressionError error = AssertRefusedQuickly(text, Xyz);
        Assert.Equal(ExpressionErrorKind.LimitExceeded, error.Kind);
        Assert.Equal(new SourceSpan(0, 12), error.Span);
    }

    [Fact]
    public void Many_variables_to_a_high_power_are_refused_quickly()
    {
        string[] variables = Enumerable.Range(0, 200).Select(i => "v" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        string text = "(" + string.Join("+", variables) + ")^64";
        ExpressionError error = AssertRefusedQuickly(text, variables);
        AssertError(error, ExpressionErrorKind.LimitExceeded, "expanding this gives more than 1,000,000,000,000,000 terms; the limit is 10,000", new SourceSpan(0, text.Length));
    }

    [Fact]
    public void Sums_at_exactly_the_term_limit_are_accepted()
    {
        // 10,000 distinct monomials x^i*y^j (i, j < 100) would exceed the degree limit, so use 100 variables
        // with 100 distinct degree-2 terms per row instead: v_i*w_j.
        string[] v = Enumerable.Range(0, 100).Select(i => "v" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        string[] w = Enumerable.Range(0, 100).Select(i => "w" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
        string text = "(" + string.Join("+", v) + ")*(" + string.Join("+", w) + ")";
        Polynomial p = Expand(text, v.Concat(w).ToArray());
        Assert.Equal(10_000, p.TermCount);

        ExpansionResult over = Run(text + "+1", v.Concat(w).ToArray());
        AssertError(Assert.Single(over.Errors), ExpressionErrorKind.LimitExceeded, "expanding this gives up to 10,001 terms; the limit is 10,000", new SourceSpan(0, text.Length + 2));
    }

    [Fact]
    public void Long_flat_sums_do_not_overflow_the_stack()
    {
        var text = new StringBuilder("x");
        for (int i = 1; i < 3000; i++)
        {
            text.Append(i % 2 == 0 ? "+x" : "-y");
        }

        Assert.Equal("1500*x - 1500*y", Expanded(text.ToString(), Xyz));
        Assert.Equal("-x", Expanded(new string('-', 9999) + "x", Xyz));
    }

    [Fact]
    public void Deep_hand_built_trees_do_not_overflow_the_stack()
    {
        ExpressionNode node = new VariableNode("x", new SourceSpan(0, 1));
        for (int i = 0; i < 200_000; i++)
        {
            node = new NegateNode(node, new SourceSpan(0, 1));
        }

        ExpansionResult result = PolynomialExpander.Expand(node, Xyz);
        Assert.Equal("x", result.Polynomial!.ToCanonicalString());
    }

    [Fact]
    public void Cancellation_is_observed()
    {
        ParseResult parsed = ExpressionParser.Parse("(x+y+z)^64");
        using var source = new System.Threading.CancellationTokenSource();
        source.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => PolynomialExpander.Expand(parsed.Root!, Xyz, source.Token));
    }

    [Fact]
    public void Messages_ignore_the_current_culture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            ExpressionError error = AssertRefusedQuickly("(x+y+z+1)^64", Xyz);
            Assert.Equal("expanding this gives up to 47,905 terms; the limit is 10,000", error.Message);
            Assert.Equal("0.5*x + 1e-300*y", Expanded("x/2 + 1e-300*y", Xyz));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    private static ExpansionResult Run(string text, params string[] variables)
    {
        ParseResult parsed = ExpressionParser.Parse(text);
        Assert.True(parsed.Success, text + ": " + string.Join("; ", parsed.Errors.Select(e => e.Message)));
        return PolynomialExpander.Expand(parsed.Root!, variables);
    }

    private static Polynomial Expand(string text, params string[] variables)
    {
        ExpansionResult result = Run(text, variables);
        Assert.True(result.Errors.IsEmpty, text + ": " + string.Join("; ", result.Errors.Select(e => e.Message)));
        Assert.NotNull(result.Polynomial);
        return result.Polynomial!;
    }

    private static string Expanded(string text, params string[] variables) => Expand(text, variables).ToCanonicalString();

    private ExpressionError AssertRefusedQuickly(string text, string[] variables)
    {
        ParseResult parsed = ExpressionParser.Parse(text);
        Assert.True(parsed.Success, text);
        Stopwatch watch = Stopwatch.StartNew();
        ExpansionResult result = PolynomialExpander.Expand(parsed.Root!, variables);
        watch.Stop();
        _output.WriteLine(FormattableString.Invariant($"{(text.Length > 60 ? text.Substring(0, 60) + "..." : text)} refused in {watch.Elapsed.TotalMilliseconds:F2} ms"));
        Assert.Null(result.Polynomial);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"refusal took {watch.Elapsed.TotalMilliseconds} ms");
        return result.Errors.First();
    }

    private static void AssertError(ExpressionError error, ExpressionErrorKind kind, string message, SourceSpan span)
    {
        Assert.Equal(kind, error.Kind);
        Assert.Equal(message, error.Message);
        Assert.Equal(span, error.Span);
    }

    private static SourceSpan Span(string text, string part)
    {
        int start = text.IndexOf(part, StringComparison.Ordinal);
        Assert.True(start >= 0, part);
        return new SourceSpan(start, part.Length);
    }

    private static BigInteger Binomial(int n, int k)
    {
        BigInteger result = BigInteger.One;
        for (int i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }

    private static Rational RandomRational(Random random) => new(random.Next(-20, 21), random.Next(1, 7));

    private static string RandomExpression(Random random, int depth)
    {
        if (depth == 0 || random.Next(4) == 0)
        {
            return random.Next(3) switch
            {
                0 => random.Next(0, 10).ToString(CultureInfo.InvariantCulture),
                1 => (random.Next(1, 100) / 10.0).ToString("0.0", CultureInfo.InvariantCulture),
                _ => Xyz[random.Next(3)],
            };
        }

        string left = RandomExpression(random, depth - 1);
        string right = RandomExpression(random, depth - 1);
        return random.Next(7) switch
        {
            0 => $"({left} + {right})",
            1 => $"({left} - {right})",
            2 or 3 => $"{left}*{right}",
            4 => $"({left})/{random.Next(0, 5).ToString(CultureInfo.InvariantCulture)}",
            5 => $"({left})^{random.Next(0, 4).ToString(CultureInfo.InvariantCulture)}",
            _ => $"-({left})",
        };
    }

    private static Rational EvaluateTree(ExpressionNode node, Rational[] point)
    {
        switch (node)
        {
            case NumberNode number:
                Assert.True(Rational.TryParse(number.Text, out Rational value));
                return value;
            case VariableNode variable:
                return point[Array.IndexOf(Xyz, variable.Name)];
            case NegateNode negate:
                return -EvaluateTree(negate.Operand, point);
            case PowerNode power:
                Rational b = EvaluateTree(power.Base, point);
                Rational result = Rational.One;
                for (int i = 0; i < power.Exponent; i++)
                {
                    result *= b;
                }

                return result;
            case BinaryNode binary:
                Rational l = EvaluateTree(binary.Left, point);
                Rational r = EvaluateTree(binary.Right, point);
                return binary.Operator switch
                {
                    BinaryOperator.Add => l + r,
                    BinaryOperator.Subtract => l - r,
                    BinaryOperator.Multiply => l * r,
                    _ => l / r,
                };
            default:
                throw new InvalidOperationException();
        }
    }

    private static Rational EvaluatePolynomial(Polynomial polynomial, Rational[] point)
    {
        Rational sum = Rational.Zero;
        foreach ((Monomial monomial, Rational coefficient) in polynomial.Terms)
        {
            Rational term = coefficient;
            for (int v = 0; v < monomial.VariableCount; v++)
            {
                for (int e = 0; e < monomial[v]; e++)
                {
                    term *= point[v];
                }
            }

            sum += term;
        }

        return sum;
    }
}
