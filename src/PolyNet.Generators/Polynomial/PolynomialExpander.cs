using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using PolyNet.Generators.Parse;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Polynomials;

/// <summary>
/// Binds an expression tree to the method's parameters and multiplies it out into a canonical
/// <see cref="Polynomial"/>. Every problem becomes an <see cref="ExpressionError"/>; nothing throws for any input.
/// </summary>
/// <remarks>
/// <para>Work happens in three passes: binding (unknown names, unreadable numbers), a size pre-pass
/// (<see cref="SizeEstimate"/>) that refuses expressions whose expansion could exceed
/// <see cref="ExpressionLimits.MaxTotalDegree"/> or <see cref="ExpressionLimits.MaxExpandedTerms"/> before anything is
/// multiplied out, and the expansion itself, which guards every multiplication again.</para>
/// <para>The pre-pass bounds are counted before cancellation: terms that would cancel out still count toward the
/// limits.</para>
/// <para>The number rule (<see cref="Rational.IsWithinLimits"/>) holds for every literal (checked while binding) and for
/// every coefficient of every intermediate result: each sum, difference, product, quotient and power, including the
/// partial products of a power. The first coefficient outside it is refused on the operation that computed it, so
/// big integers stay small and every coefficient of an accepted expansion prints as text that reads back.</para>
/// <para>Chains of '+' and '-' accumulate into one dictionary instead of merging sorted term lists pairwise, so a
/// sum of n distinct terms costs O(n log n), not O(n^2).</para>
/// <para>All passes walk the tree iteratively, so deeply nested input cannot overflow the stack.</para>
/// </remarks>
internal static class PolynomialExpander
{
    // Before multiplying polynomials with t1 and t2 terms, t1 * t2 products must stay under this.
    private const long MaxTermProducts = 20_000_000;

    // Literals longer than this are shortened in messages ("0.00000000000000…00000001").
    private const int MaxQuotedNumberLength = 40;

    // The number rule and what to do about it, at the end of every out-of-range message.
    private static readonly string NumberRule = string.Format(
        CultureInfo.InvariantCulture,
        "every number, written or computed, must be a fraction p/q in lowest terms with |p| and q at most 10^{0}; rescale the expression (e.g. change units) to keep its numbers in that range",
        Rational.MaxDecimalExponent);

    /// <summary>
    /// Expands <paramref name="root"/> over <paramref name="variables"/> (the parameter names, in order).
    /// Cancellation surfaces as <see cref="OperationCanceledException"/>, as Roslyn expects.
    /// </summary>
    internal static ExpansionResult Expand(ExpressionNode root, IReadOnlyList<string> variables, CancellationToken cancellationToken = default)
    {
        ImmutableArray<string> names = variables.ToImmutableArray();
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            if (!indexes.ContainsKey(names[i]))
            {
                indexes.Add(names[i], i);
            }
        }

        List<ExpressionNode> postOrder = PostOrder(root, cancellationToken);

        ImmutableArray<ExpressionError> errors = Bind(postOrder, names, indexes, cancellationToken);
        if (!errors.IsEmpty)
        {
            return new ExpansionResult(null, errors);
        }

        errors = CheckLimits(postOrder, names.Length, indexes, cancellationToken);
        if (!errors.IsEmpty)
        {
            return new ExpansionResult(null, errors);
        }

        return Multiply(postOrder, names, indexes, cancellationToken);
    }

    /// <summary>
    /// The nodes with children before their parent and left subtrees before right ones, i.e. leaves in text order; a
    /// lattice sum counts as one leaf (its body is not visited).
    /// </summary>
    internal static List<ExpressionNode> PostOrder(ExpressionNode root, CancellationToken cancellationToken)
    {
        var order = new List<ExpressionNode>();
        var pending = new Stack<(ExpressionNode Node, bool ChildrenDone)>();
        pending.Push((root, false));
        while (pending.Count != 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (ExpressionNode node, bool childrenDone) = pending.Pop();
            if (childrenDone)
            {
                order.Add(node);
                continue;
            }

            pending.Push((node, true));
            switch (node)
            {
                case NegateNode negate:
                    pending.Push((negate.Operand, false));
                    break;
                case BinaryNode binary:
                    pending.Push((binary.Right, false));
                    pending.Push((binary.Left, false));
                    break;
                case PowerNode power:
                    pending.Push((power.Base, false));
                    break;
            }
        }

        return order;
    }

    private static ImmutableArray<ExpressionError> Bind(
        List<ExpressionNode> postOrder,
        ImmutableArray<string> names,
        Dictionary<string, int> indexes,
        CancellationToken cancellationToken)
    {
        var errors = ImmutableArray.CreateBuilder<ExpressionError>();
        string? parameters = null;
        foreach (ExpressionNode node in postOrder)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case VariableNode variable when !indexes.ContainsKey(variable.Name):
                    // Built once: thousands of unknown names must not join the parameter list thousands of times.
                    parameters ??= names.IsEmpty
                        ? "the method has no parameters"
                        : "the parameters are " + string.Join(", ", names);
                    errors.Add(new ExpressionError(
                        ExpressionErrorKind.UnknownVariable,
                        $"'{variable.Name}' is not a parameter of the method; {parameters}",
                        variable.Span));
                    break;
                case NumberNode number when !Rational.TryParse(number.Text, out _, out string? outOfRange):
                    // The lexer only produces well-formed literals, so a refusal is the number rule's.
                    errors.Add(outOfRange is null
                        ? new ExpressionError(ExpressionErrorKind.Syntax, $"malformed number '{Quote(number.Text)}'", number.Span)
                        : new ExpressionError(ExpressionErrorKind.LimitExceeded, $"the number '{Quote(number.Text)}' is out of range: {outOfRange}; {NumberRule}", number.Span));
                    break;
                case PowerNode power when power.Exponent < 0:
                    errors.Add(new ExpressionError(ExpressionErrorKind.Syntax, "the exponent must be a non-negative integer", power.ExponentSpan));
                    break;
                case NumberNode or VariableNode or NegateNode or BinaryNode or PowerNode:
                    break;
                default:
                    errors.Add(new ExpressionError(ExpressionErrorKind.Syntax, "this is not part of a polynomial expression", node.Span));
                    break;
            }
        }

        return errors.ToImmutable();
    }

    // Bottom-up size bounds; the first node whose bound exceeds a limit is reported and its ancestors stay silent.
    private static ImmutableArray<ExpressionError> CheckLimits(
        List<ExpressionNode> postOrder,
        int variableCount,
        Dictionary<string, int> indexes,
        CancellationToken cancellationToken)
    {
        var errors = ImmutableArray.CreateBuilder<ExpressionError>();
        var values = new Stack<SizeEstimate?>();
        foreach (ExpressionNode node in postOrder)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SizeEstimate? estimate;
            switch (node)
            {
                case NumberNode:
                    estimate = SizeEstimate.Constant(variableCount);
                    break;
                case VariableNode variable:
                    estimate = SizeEstimate.Variable(variableCount, indexes[variable.Name]);
                    break;
                case NegateNode:
                    estimate = values.Pop();
                    break;
                case PowerNode power:
                    SizeEstimate? powerBase = values.Pop();
                    estimate = powerBase is { } b ? SizeEstimate.Power(b, power.Exponent) : null;
                    break;
                case BinaryNode binary:
                    SizeEstimate? right = values.Pop();
                    SizeEstimate? left = values.Pop();
                    if (left is not { } l || right is not { } r)
                    {
                        estimate = null;
                    }
                    else
                    {
                        estimate = binary.Operator switch
                        {
                            BinaryOperator.Add or BinaryOperator.Subtract => SizeEstimate.Sum(l, r),
                            BinaryOperator.Multiply => SizeEstimate.Product(l, r),

                            // The divisor must expand to a constant (checked while expanding), so it leaves the size alone.
                            _ => l,
                        };
                    }

                    break;
                default:
                    estimate = null;
                    break;
            }

            if (estimate is { } e)
            {
                ExpressionError? error = LimitError(e, node.Span);
                if (error is not null)
                {
                    errors.Add(error);
                    estimate = null;
                }
            }

            values.Push(estimate);
        }

        return errors.ToImmutable();
    }

    private static ExpressionError? LimitError(SizeEstimate estimate, SourceSpan span)
    {
        if (estimate.MaxDegree > ExpressionLimits.MaxTotalDegree)
        {
            return new ExpressionError(
                ExpressionErrorKind.LimitExceeded,
                $"a monomial of total degree {FormatDegree(estimate.MaxDegree)} exceeds the limit of {ExpressionLimits.MaxTotalDegree.ToString(CultureInfo.InvariantCulture)}",
                span);
        }

        if (estimate.Terms > ExpressionLimits.MaxExpandedTerms)
        {
            return TermsError(estimate.Terms, exact: false, span);
        }

        return null;
    }

    private static ExpansionResult Multiply(
        List<ExpressionNode> postOrder,
        ImmutableArray<string> names,
        Dictionary<string, int> indexes,
        CancellationToken cancellationToken)
    {
        var errors = ImmutableArray.CreateBuilder<ExpressionError>();

        // Each entry is a Polynomial, a SumBuilder (an open chain of '+'/'-'), or null (a subtree that reported an error).
        var values = new Stack<object?>();
        foreach (ExpressionNode node in postOrder)
        {
            cancellationToken.ThrowIfCancellationRequested();
            object? result;
            ExpressionError? limit = null;
            switch (node)
            {
                case NumberNode number:
                    _ = Rational.TryParse(number.Text, out Rational value);
                    result = Polynomial.Constant(names, value);
                    break;
                case VariableNode variable:
                    result = Polynomial.Variable(names, indexes[variable.Name]);
                    break;
                case NegateNode:
                    result = Materialize(values.Pop())?.Negate();
                    break;
                case PowerNode power:
                    result = Materialize(values.Pop()) is { } powerBase
                        ? GuardedPower(powerBase, power.Exponent, power.Span, out limit, cancellationToken)
                        : null;
                    break;
                case BinaryNode { Operator: BinaryOperator.Add or BinaryOperator.Subtract } sum:
                    object? addend = values.Pop();
                    result = Accumulate(sum, values.Pop(), addend, out limit);
                    break;
                case BinaryNode binary:
                    Polynomial? right = Materialize(values.Pop());
                    Polynomial? left = Materialize(values.Pop());
                    result = Combine(binary, left, right, errors, out limit, cancellationToken);
                    break;
                default:
                    result = null;
                    break;
            }

            int terms = result switch
            {
                Polynomial polynomial => polynomial.TermCount,
                SumBuilder builder => builder.Count,
                _ => 0,
            };
            if (limit is null && terms > ExpressionLimits.MaxExpandedTerms)
            {
                limit = TermsError(terms, exact: true, node.Span);
            }

            // Size refusals stop everything: continuing could be just as expensive.
            if (limit is not null)
            {
                errors.Add(limit);
                return new ExpansionResult(null, errors.ToImmutable());
            }

            values.Push(result);
        }

        Polynomial? expanded = Materialize(values.Pop());
        if (errors.Count != 0 || expanded is null)
        {
            return new ExpansionResult(null, errors.ToImmutable());
        }

        return new ExpansionResult(expanded, ImmutableArray<ExpressionError>.Empty);
    }

    private static Polynomial? Materialize(object? value) => value switch
    {
        SumBuilder builder => builder.ToPolynomial(),
        _ => (Polynomial?)value,
    };

    // left ± right, added into an open sum where there is one: the left operand of a chain, or the right one of '+'.
    private static SumBuilder? Accumulate(BinaryNode node, object? left, object? right, out ExpressionError? limit)
    {
        limit = null;
        if (left is null || right is null)
        {
            return null;
        }

        bool subtract = node.Operator == BinaryOperator.Subtract;
        SumBuilder builder;
        Polynomial addend;
        if (left is SumBuilder open)
        {
            builder = open;
            addend = Materialize(right)!;
        }
        else if (right is SumBuilder openRight && !subtract)
        {
            builder = openRight;
            addend = (Polynomial)left;
        }
        else
        {
            builder = new SumBuilder((Polynomial)left);
            addend = Materialize(right)!;
        }

        if (builder.Add(addend, subtract) is { } outOfRange)
        {
            limit = RangeError(subtract ? "difference" : "sum", outOfRange.Monomial, outOfRange.Coefficient, addend.Variables, node.Span);
            return null;
        }

        return builder;
    }

    // Products, quotients and powers; null operands come from subtrees that already reported an error, the other side is still checked.
    private static Polynomial? Combine(
        BinaryNode node,
        Polynomial? left,
        Polynomial? right,
        ImmutableArray<ExpressionError>.Builder errors,
        out ExpressionError? limit,
        CancellationToken cancellationToken)
    {
        limit = null;
        switch (node.Operator)
        {
            case BinaryOperator.Multiply:
                return left is not null && right is not null
                    ? GuardedMultiply(left, right, "product", node.Span, out limit, cancellationToken)
                    : null;
            case BinaryOperator.Divide:
                if (right is null)
                {
                    return null;
                }

                if (!right.IsConstant)
                {
                    errors.Add(new ExpressionError(
                        ExpressionErrorKind.Syntax,
                        "division by a variable is not a polynomial; divide only by numeric constants",
                        node.Right.Span));
                    return null;
                }

                if (right.IsZero)
                {
                    errors.Add(new ExpressionError(ExpressionErrorKind.Syntax, "division by zero", node.Right.Span));
                    return null;
                }

                if (left is null)
                {
                    return null;
                }

                Polynomial quotient = left.Scale(Rational.One / right.ConstantTerm);
                limit = CoefficientError(quotient, "quotient", node.Span);
                return limit is null ? quotient : null;
            default:
                errors.Add(new ExpressionError(ExpressionErrorKind.Syntax, "this operator is not part of a polynomial expression", node.Span));
                return null;
        }
    }

    private static Polynomial? GuardedMultiply(Polynomial left, Polynomial right, string operation, SourceSpan span, out ExpressionError? limit, CancellationToken cancellationToken)
    {
        long products = (long)left.TermCount * right.TermCount;
        if (products > MaxTermProducts)
        {
            limit = TermsError(products, exact: false, span);
            return null;
        }

        Polynomial product = left.Multiply(right, cancellationToken);
        limit = product.TermCount > ExpressionLimits.MaxExpandedTerms
            ? TermsError(product.TermCount, exact: true, span)
            : CoefficientError(product, operation, span);
        return limit is null ? product : null;
    }

    // Repeated squaring with every intermediate product guarded like any other multiplication.
    private static Polynomial? GuardedPower(Polynomial value, int exponent, SourceSpan span, out ExpressionError? limit, CancellationToken cancellationToken)
    {
        limit = null;
        Polynomial result = Polynomial.Constant(value.Variables, Rational.One);
        Polynomial? square = value;
        while (exponent > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((exponent & 1) == 1)
            {
                Polynomial? next = GuardedMultiply(result, square, "power", span, out limit, cancellationToken);
                if (next is null)
                {
                    return null;
                }

                result = next;
            }

            exponent >>= 1;
            if (exponent > 0)
            {
                square = GuardedMultiply(square, square, "power", span, out limit, cancellationToken);
                if (square is null)
                {
                    return null;
                }
            }
        }

        return result;
    }

    // The first coefficient outside the number rule, as an error on the operation that computed it.
    private static ExpressionError? CoefficientError(Polynomial value, string operation, SourceSpan span)
    {
        foreach ((Monomial monomial, Rational coefficient) in value.Terms)
        {
            if (!coefficient.IsWithinLimits)
            {
                return RangeError(operation, monomial, coefficient, value.Variables, span);
            }
        }

        return null;
    }

    private static ExpressionError RangeError(string operation, Monomial monomial, Rational coefficient, ImmutableArray<string> names, SourceSpan span)
    {
        string what = monomial.IsConstant ? "a constant term" : "a coefficient of " + monomial.ToText(names);
        return new ExpressionError(
            ExpressionErrorKind.LimitExceeded,
            $"this {operation} gives {what} of {coefficient.Magnitude()}, out of range: {coefficient.OutOfRangeReason()}; {NumberRule}",
            span);
    }

    // A long literal is shown by its ends: the span underlines all of it anyway.
    private static string Quote(string number) =>
        number.Length <= MaxQuotedNumberLength
            ? number
            : number.Substring(0, (MaxQuotedNumberLength / 2) - 1) + "…" + number.Substring(number.Length - (MaxQuotedNumberLength / 2));

    private static ExpressionError TermsError(double terms, bool exact, SourceSpan span)
    {
        // Bounds beyond 10^15 are no longer exact in a double, so they are not printed digit by digit.
        string count = terms > 1e15
            ? "more than 1,000,000,000,000,000"
            : (exact ? string.Empty : "up to ") + terms.ToString("N0", CultureInfo.InvariantCulture);
        return new ExpressionError(
            ExpressionErrorKind.LimitExceeded,
            $"expanding this gives {count} terms; the limit is {ExpressionLimits.MaxExpandedTerms.ToString("N0", CultureInfo.InvariantCulture)}",
            span);
    }

    private static string FormatDegree(double degree) =>
        degree >= 1e15 ? "more than 1,000,000,000,000,000" : ((long)degree).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// An open sum: the terms of a '+'/'-' chain collected by monomial, so each addend costs its own size instead of
    /// the size of everything added so far. Only the coefficients an addend changes are checked against the number
    /// rule; the rest were checked when they were computed.
    /// </summary>
    private sealed class SumBuilder
    {
        private readonly ImmutableArray<string> _variables;
        private readonly Dictionary<Monomial, Rational> _terms;

        public SumBuilder(Polynomial first)
        {
            _variables = first.Variables;
            _terms = new Dictionary<Monomial, Rational>(first.TermCount);
            foreach ((Monomial monomial, Rational coefficient) in first.Terms)
            {
                _terms.Add(monomial, coefficient);
            }
        }

        /// <summary>The number of non-zero terms (cancelled terms are removed).</summary>
        public int Count => _terms.Count;

        /// <summary>Adds (or subtracts) <paramref name="addend"/>; returns the first resulting coefficient outside the number rule.</summary>
        public (Monomial Monomial, Rational Coefficient)? Add(Polynomial addend, bool subtract)
        {
            foreach ((Monomial monomial, Rational coefficient) in addend.Terms)
            {
                Rational term = subtract ? -coefficient : coefficient;
                if (!_terms.TryGetValue(monomial, out Rational sum))
                {
                    _terms.Add(monomial, term);
                    continue;
                }

                sum += term;
                if (sum.IsZero)
                {
                    _terms.Remove(monomial);
                    continue;
                }

                _terms[monomial] = sum;
                if (!sum.IsWithinLimits)
                {
                    return (monomial, sum);
                }
            }

            return null;
        }

        public Polynomial ToPolynomial()
        {
            var terms = new List<(Monomial, Rational)>(_terms.Count);
            foreach (KeyValuePair<Monomial, Rational> pair in _terms)
            {
                terms.Add((pair.Key, pair.Value));
            }

            return Polynomial.FromTerms(_variables, terms);
        }
    }
}
