using System;
using System.Globalization;
using System.Linq;
using System.Text;
using PolyNet.Generators.Parse;

namespace PolyNet.Generators.Tests.Parse;

public class ExpressionParserTests
{
    private const string EmptyMessage = "the expression is empty; write a polynomial such as \"x*y + 3*x*y*z\"";
    private const string BadExponent = "the exponent must be a non-negative integer literal";

    [Theory]
    [InlineData("3", "3")]
    [InlineData("0.5", "0.5")]
    [InlineData("1e-3", "1e-3")]
    [InlineData("2.5E+4", "2.5E+4")]
    [InlineData(".5", ".5")]
    [InlineData("x", "x")]
    [InlineData("@in", "in")]
    [InlineData("_a1", "_a1")]
    [InlineData("x+y", "(+ x y)")]
    [InlineData("x-y", "(- x y)")]
    [InlineData("x\u2212y", "(- x y)")]
    [InlineData("x*y", "(* x y)")]
    [InlineData("x/2", "(/ x 2)")]
    [InlineData("x/y", "(/ x y)")]
    [InlineData("x^2", "(^ x 2)")]
    [InlineData("x^0", "(^ x 0)")]
    [InlineData("x^64", "(^ x 64)")]
    [InlineData("x^0064", "(^ x 64)")]
    [InlineData("2^3", "(^ 2 3)")]
    [InlineData("-x", "(neg x)")]
    [InlineData("\u2212x", "(neg x)")]
    [InlineData("+x", "x")]
    [InlineData("--x", "(neg (neg x))")]
    [InlineData("-+-x", "(neg (neg x))")]
    [InlineData("-x^2", "(neg (^ x 2))")]
    [InlineData("-2^2", "(neg (^ 2 2))")]
    [InlineData("(-x)^2", "(^ (neg x) 2)")]
    [InlineData("-x*y", "(* (neg x) y)")]
    [InlineData("x*-y", "(* x (neg y))")]
    [InlineData("x - -y", "(- x (neg y))")]
    [InlineData("x^2*y", "(* (^ x 2) y)")]
    [InlineData("2*x+3*y*z", "(+ (* 2 x) (* (* 3 y) z))")]
    [InlineData("x*y + 3*x*y*z", "(+ (* x y) (* (* (* 3 x) y) z))")]
    [InlineData("a-b-c", "(- (- a b) c)")]
    [InlineData("a/b/c", "(/ (/ a b) c)")]
    [InlineData("a-b+c", "(+ (- a b) c)")]
    [InlineData("a+b*c", "(+ a (* b c))")]
    [InlineData("(a+b)*c", "(* (+ a b) c)")]
    [InlineData("(x+y)*(x-y)", "(* (+ x y) (- x y))")]
    [InlineData("(x^2)^3", "(^ (^ x 2) 3)")]
    [InlineData("((x))", "x")]
    [InlineData("-(x+1)", "(neg (+ x 1))")]
    [InlineData("3*x*y + (x - 2.5e-3*y)^2/4 - z^64", "(- (+ (* (* 3 x) y) (/ (^ (- x (* 2.5e-3 y)) 2) 4)) (^ z 64))")]
    [InlineData(" \tx\n+\r\n y\u00a0* 2 ", "(+ x (* y 2))")]
    public void Parses_ToExpectedTree(string text, string expected)
    {
        Assert.Equal(expected, Print(ParseOk(text)));
    }

    [Fact]
    public void Leaves_HaveTokenSpans()
    {
        var root = Assert.IsType<BinaryNode>(ParseOk("  x + 10 "));

        Assert.Equal(new SourceSpan(2, 6), root.Span);
        Assert.Equal(new VariableNode("x", new SourceSpan(2, 1)), root.Left);
        Assert.Equal(new NumberNode("10", new SourceSpan(6, 2)), root.Right);
    }

    [Fact]
    public void VerbatimIdentifier_SpanCoversAt()
    {
        var root = Assert.IsType<BinaryNode>(ParseOk("@in*2"));

        Assert.Equal(new VariableNode("in", new SourceSpan(0, 3)), root.Left);
    }

    [Fact]
    public void Negate_SpansFromMinusToOperandEnd_AndPowerFromBaseToExponent()
    {
        var negate = Assert.IsType<NegateNode>(ParseOk("-x^2"));
        var power = Assert.IsType<PowerNode>(negate.Operand);

        Assert.Equal(new SourceSpan(0, 4), negate.Span);
        Assert.Equal(new SourceSpan(1, 3), power.Span);
        Assert.Equal(new SourceSpan(3, 1), power.ExponentSpan);
        Assert.Equal(2, power.Exponent);
    }

    [Fact]
    public void NestedNegates_EachStartAtTheirMinus()
    {
        var outer = Assert.IsType<NegateNode>(ParseOk("- \u2212x"));
        var inner = Assert.IsType<NegateNode>(outer.Operand);

        Assert.Equal(new SourceSpan(0, 4), outer.Span);
        Assert.Equal(new SourceSpan(2, 2), inner.Span);
    }

    [Fact]
    public void UnaryPlus_LeavesNoTraceInSpans()
    {
        var root = ParseOk("+ x");

        Assert.Equal(new VariableNode("x", new SourceSpan(2, 1)), root);
    }

    [Fact]
    public void Parentheses_LeaveNoNode_ButWidenTheEnclosingSpan()
    {
        var product = Assert.IsType<BinaryNode>(ParseOk("(x+y)*(x-y)"));

        Assert.Equal(new SourceSpan(0, 11), product.Span);
        Assert.Equal(new SourceSpan(1, 3), product.Left.Span);
        Assert.Equal(new SourceSpan(7, 3), product.Right.Span);
    }

    [Fact]
    public void ParenthesizedOperand_WidensBinaryOnOneSide()
    {
        var sum = Assert.IsType<BinaryNode>(ParseOk("x + ( y )"));

        Assert.Equal(new SourceSpan(0, 9), sum.Span);
        Assert.Equal(new SourceSpan(6, 1), sum.Right.Span);
    }

    [Fact]
    public void ParenthesizedRoot_KeepsInnerSpan()
    {
        Assert.Equal(new SourceSpan(2, 3), ParseOk("((x+y))").Span);
    }

    [Fact]
    public void ParenthesizedBase_WidensPowerAndNegate()
    {
        var negate = Assert.IsType<NegateNode>(ParseOk("-(x+1)^2"));
        var power = Assert.IsType<PowerNode>(negate.Operand);

        Assert.Equal(new SourceSpan(0, 8), negate.Span);
        Assert.Equal(new SourceSpan(1, 7), power.Span);
        Assert.Equal(new SourceSpan(2, 3), power.Base.Span);
        Assert.Equal(new SourceSpan(7, 1), power.ExponentSpan);

        Assert.Equal(new SourceSpan(0, 4), ParseOk("-(x)").Span);
    }

    [Fact]
    public void Number_KeepsTextAsWritten()
    {
        Assert.Equal(new NumberNode("2.5E+4", new SourceSpan(1, 6)), ParseOk(" 2.5E+4"));
    }

    [Theory]
    // Empty.
    [InlineData("", EmptyMessage, 0, 0)]
    [InlineData("   ", EmptyMessage, 0, 3)]
    [InlineData("\t\r\n", EmptyMessage, 0, 3)]
    // Characters and numbers.
    [InlineData("x % y", "unexpected character '%'", 2, 1)]
    [InlineData("1e", "malformed number '1e'", 0, 2)]
    [InlineData("x + 1.", "malformed number '1.'", 4, 2)]
    // Implicit multiplication.
    [InlineData("3x", "missing '*' between 3 and x", 0, 2)]
    [InlineData("2(x+1)", "missing '*' between 2 and (", 0, 2)]
    [InlineData("(x)(y)", "missing '*' between ) and (", 2, 2)]
    [InlineData("x y", "missing '*' between x and y", 0, 3)]
    [InlineData("x*y z", "missing '*' between y and z", 2, 3)]
    [InlineData("2 3", "missing '*' between 2 and 3", 0, 3)]
    [InlineData("(x+1) 2", "missing '*' between ) and 2", 4, 3)]
    [InlineData("x^2 y", "missing '*' between 2 and y", 2, 3)]
    [InlineData("-x y", "missing '*' between x and y", 1, 3)]
    [InlineData("@in x", "missing '*' between @in and x", 0, 5)]
    [InlineData("2ex", "missing '*' between 2 and ex", 0, 3)]
    [InlineData("(x y)", "missing '*' between x and y", 1, 3)]
    // Missing operands.
    [InlineData("x +", "expected a number, a variable or '(' after '+'", 2, 1)]
    [InlineData("x -", "expected a number, a variable or '(' after '-'", 2, 1)]
    [InlineData("x \u2212", "expected a number, a variable or '(' after '\u2212'", 2, 1)]
    [InlineData("x *", "expected a number, a variable or '(' after '*'", 2, 1)]
    [InlineData("x /", "expected a number, a variable or '(' after '/'", 2, 1)]
    [InlineData("x * / y", "expected a number, a variable or '(' after '*'", 2, 1)]
    [InlineData("(x+)", "expected a number, a variable or '(' after '+'", 2, 1)]
    [InlineData("x + -", "expected a number, a variable or '(' after '-'", 4, 1)]
    [InlineData("* x", "expected a number, a variable or '(' before '*'", 0, 1)]
    [InlineData("/x", "expected a number, a variable or '(' before '/'", 0, 1)]
    [InlineData("^2", "expected a number, a variable or '(' before '^'", 0, 1)]
    [InlineData("(*x)", "expected a number, a variable or '(' before '*'", 1, 1)]
    [InlineData("x*(", "expected a number, a variable or '(' after '('", 2, 1)]
    [InlineData("x**2", "'**' is not an operator; write x^2 for powers", 1, 2)]
    // Parentheses.
    [InlineData("(x+1", "missing ')' to close the '(' here", 0, 1)]
    [InlineData("((x)", "missing ')' to close the '(' here", 0, 1)]
    [InlineData("y*(x+(1)", "missing ')' to close the '(' here", 2, 1)]
    [InlineData("x+1)", "unmatched ')'", 3, 1)]
    [InlineData(")", "unmatched ')'", 0, 1)]
    [InlineData(") + x", "unmatched ')'", 0, 1)]
    [InlineData("(x))", "unmatched ')'", 3, 1)]
    [InlineData("()", "empty parentheses", 0, 2)]
    [InlineData("x*( )", "empty parentheses", 2, 3)]
    // Exponents.
    [InlineData("x^-1", BadExponent, 2, 2)]
    [InlineData("x^ - 1", BadExponent, 3, 3)]
    [InlineData("x^+2", BadExponent, 2, 2)]
    [InlineData("x^y", BadExponent, 2, 1)]
    [InlineData("x^1.5", BadExponent, 2, 3)]
    [InlineData("x^1e2", BadExponent, 2, 3)]
    [InlineData("x^.5", BadExponent, 2, 2)]
    [InlineData("x^(2)", BadExponent, 2, 3)]
    [InlineData("x^(2+(1))*y", BadExponent, 2, 7)]
    [InlineData("x^(2", BadExponent, 2, 2)]
    [InlineData("x^-", BadExponent, 2, 1)]
    [InlineData("x^", "expected a non-negative integer exponent after '^'", 1, 1)]
    [InlineData("x^*2", "expected a non-negative integer exponent after '^'", 1, 1)]
    [InlineData("(x^)", "expected a non-negative integer exponent after '^'", 2, 1)]
    [InlineData("x^2^3", "chained '^' is ambiguous; add parentheses", 3, 1)]
    [InlineData("x ^ 2 ^ 3", "chained '^' is ambiguous; add parentheses", 6, 1)]
    [InlineData("x^^2", "expected a non-negative integer exponent after '^'", 1, 1)]
    // A comma outside a sum or a field's brackets.
    [InlineData("0,5", "unexpected ','; use '.' as the decimal separator", 1, 1)]
    [InlineData("x, y", "unexpected ','", 1, 1)]
    public void SyntaxError_HasMessageAndSpan(string text, string message, int start, int length)
    {
        AssertSingleError(text, ExpressionErrorKind.Syntax, message, start, length);
    }

    [Theory]
    [InlineData("x^65", "exponent 65 exceeds the limit of 64", 2, 2)]
    [InlineData("y + x^ 100", "exponent 100 exceeds the limit of 64", 7, 3)]
    [InlineData("x^99999999999999999999999", "exponent 99999999999999999999999 exceeds the limit of 64", 2, 23)]
    [InlineData("x^2147483648", "exponent 2147483648 exceeds the limit of 64", 2, 10)]
    [InlineData("x^65^2", "exponent 65 exceeds the limit of 64", 2, 2)]
    public void LargeExponent_IsLimitExceeded(string text, string message, int start, int length)
    {
        AssertSingleError(text, ExpressionErrorKind.LimitExceeded, message, start, length);
    }

    [Fact]
    public void TooLongExpression_IsRefusedBeforeLexing()
    {
        // The '%' would be a syntax error: the limit must win because nothing is lexed.
        var text = "%" + new string(' ', ExpressionLimits.MaxExpressionLength);

        AssertSingleError(
            text,
            ExpressionErrorKind.LimitExceeded,
            "the expression has 10,001 characters; the limit is 10,000",
            ExpressionLimits.MaxExpressionLength,
            1);
    }

    [Fact]
    public void TooLongExpression_SpanCoversEverythingBeyondTheLimit()
    {
        var result = ExpressionParser.Parse(new string('x', 12_345));

        var error = Assert.Single(result.Errors);
        Assert.Equal("the expression has 12,345 characters; the limit is 10,000", error.Message);
        Assert.Equal(new SourceSpan(10_000, 2_345), error.Span);
    }

    [Fact]
    public void ExpressionAtTheLengthLimit_Parses()
    {
        var text = "x" + string.Concat(Enumerable.Repeat("+x", (ExpressionLimits.MaxExpressionLength - 1) / 2)) + " ";
        Assert.Equal(ExpressionLimits.MaxExpressionLength, text.Length);

        Assert.True(ExpressionParser.Parse(text).Success);
    }

    [Fact]
    public void LongSignChain_DoesNotRecurse()
    {
        var text = new string('-', 9_999) + "x";

        var node = ParseOk(text);

        var depth = 0;
        while (node is NegateNode negate)
        {
            Assert.Equal(SourceSpan.FromBounds(depth, text.Length), negate.Span);
            node = negate.Operand;
            depth++;
        }

        Assert.Equal(9_999, depth);
    }

    [Fact]
    public void DeepParentheses_AreRefusedWithoutStackOverflow()
    {
        var depth = ExpressionParser.MaxParenthesisDepth;
        Assert.True(ExpressionParser.Parse(new string('(', depth) + "x" + new string(')', depth)).Success);

        var text = new string('(', 4_999) + "x" + new string(')', 5_000);
        AssertSingleError(
            text,
            ExpressionErrorKind.LimitExceeded,
            "parentheses are nested more than 256 deep; simplify the expression",
            depth,
            1);

        // Unclosed as well: still a clean error.
        Assert.False(ExpressionParser.Parse(new string('(', 10_000)).Success);
    }

    [Fact]
    public void Division_ByVariable_IsLeftToLaterStages()
    {
        Assert.Equal("(/ 1 (+ x y))", Print(ParseOk("1/(x+y)")));
    }

    [Fact]
    public void Parsing_IsCultureInvariant()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            foreach (var name in new[] { "de-DE", "fr-FR", "ar-SA", "tr-TR" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(name);
                Assert.Equal("(* 0.5 (^ I 2))", Print(ParseOk("0.5*I^2")));
                Assert.Equal(
                    "the expression has 10,001 characters; the limit is 10,000",
                    Assert.Single(ExpressionParser.Parse(new string('x', 10_001)).Errors).Message);
                Assert.Equal(
                    "exponent 65 exceeds the limit of 64",
                    Assert.Single(ExpressionParser.Parse("x^65").Errors).Message);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Fuzz_RandomStrings_NeverThrow_AndSpansStayInside()
    {
        const string alphabet = "xyz0123456789.e+-*/^() \t\u2212@_a%";
        var random = new Random(20_240_611);
        var text = new StringBuilder();
        var successes = 0;
        for (var n = 0; n < 20_000; n++)
        {
            text.Clear();
            var length = random.Next(31);
            for (var i = 0; i < length; i++)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            if (CheckInvariants(text.ToString()))
            {
                successes++;
            }
        }

        // Sanity: the generator of strings exercises both outcomes.
        Assert.InRange(successes, 1, 19_999);
    }

    [Fact]
    public void Fuzz_EveryPrefix_NeverThrows_AndSpansStayInside()
    {
        const string text = "3*x*y + (x - 2.5e-3*y)^2/4 - z^64";
        for (var length = 0; length <= text.Length; length++)
        {
            CheckInvariants(text.Substring(0, length));
        }

        Assert.True(CheckInvariants(text));
    }

    /// <summary>Parses and checks what must hold for every input; returns whether parsing succeeded.</summary>
    private static bool CheckInvariants(string text)
    {
        ParseResult result;
        try
        {
            result = ExpressionParser.Parse(text);
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"Parse threw for \"{Escape(text)}\"", ex);
        }

        Assert.Equal(result.Root is not null, result.Errors.IsEmpty);
        Assert.Equal(result.Success, result.Root is not null);
        foreach (var error in result.Errors)
        {
            Assert.False(string.IsNullOrEmpty(error.Message));
            Assert.True(
                error.Span.Start >= 0 && error.Span.Length >= 0 && error.Span.End <= text.Length,
                $"error span {error.Span} outside \"{Escape(text)}\": {error.Message}");
        }

        if (result.Root is { } root)
        {
            CheckNode(text, root, new SourceSpan(0, text.Length));
        }

        return result.Success;
    }

    // Every node lies inside its parent, and leaves are exactly their source text.
    private static void CheckNode(string text, ExpressionNode node, SourceSpan parent)
    {
        Assert.True(node.Span.Start >= parent.Start && node.Span.End <= parent.End, $"{node.Span} outside {parent} in \"{Escape(text)}\"");
        var source = text.Substring(node.Span.Start, node.Span.Length);
        switch (node)
        {
            case NumberNode number:
                Assert.Equal(source, number.Text);
                Assert.True(double.TryParse(number.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
                break;
            case VariableNode variable:
                Assert.True(source == variable.Name || source == "@" + variable.Name);
                break;
            case NegateNode negate:
                CheckNode(text, negate.Operand, negate.Span);
                break;
            case BinaryNode binary:
                CheckNode(text, binary.Left, binary.Span);
                CheckNode(text, binary.Right, binary.Span);
                Assert.True(binary.Left.Span.End <= binary.Right.Span.Start);
                break;
            case PowerNode power:
                CheckNode(text, power.Base, power.Span);
                Assert.InRange(power.Exponent, 0, ExpressionLimits.MaxExponent);
                Assert.Equal(power.Span.End, power.ExponentSpan.End);
                break;
            default:
                throw new InvalidOperationException("unknown node " + node.GetType().Name);
        }
    }

    private static ExpressionNode ParseOk(string text)
    {
        var result = ExpressionParser.Parse(text);
        Assert.True(result.Success, string.Join("; ", result.Errors.Select(e => $"{e.Message} {e.Span}")));
        return result.Root!;
    }

    private static void AssertSingleError(string text, ExpressionErrorKind kind, string message, int start, int length)
    {
        var result = ExpressionParser.Parse(text);

        Assert.False(result.Success);
        Assert.Null(result.Root);
        var error = Assert.Single(result.Errors);
        Assert.Equal(message, error.Message);
        Assert.Equal(kind, error.Kind);
        Assert.Equal(new SourceSpan(start, length), error.Span);
    }

    /// <summary>The tree as an S-expression: <c>(+ (* 2 x) 3)</c>; unary minus prints as <c>neg</c>.</summary>
    private static string Print(ExpressionNode node) => node switch
    {
        NumberNode number => number.Text,
        VariableNode variable => variable.Name,
        NegateNode negate => $"(neg {Print(negate.Operand)})",
        PowerNode power => $"(^ {Print(power.Base)} {power.Exponent.ToString(CultureInfo.InvariantCulture)})",
        BinaryNode binary => $"({Symbol(binary.Operator)} {Print(binary.Left)} {Print(binary.Right)})",
        _ => throw new InvalidOperationException("unknown node " + node.GetType().Name),
    };

    private static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c < ' ' || c > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
}
