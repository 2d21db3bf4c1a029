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
/// <para>All passes walk the tree iteratively, so deeply nested input cannot overflow the stack.</para>
/// </remarks>
internal static class PolynomialExpander
{
    // Before multiplying polynomials with t1 and t2 terms, t1 * t2 products must stay under this.
    private const long MaxTermProducts = 20_000_000;

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

    // Children come before their parent and left subtrees before right ones, i.e. leaves in text order.
    private static List<ExpressionNode> PostOrder(ExpressionNode root, CancellationToken cancellationToken)
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
        foreach (ExpressionNode node in postOrder)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (node)
            {
                case VariableNode variable when !indexes.ContainsKey(variable.Name):
                    string parameters = names.IsEmpty
                        ? "the method has no parameters"
                        : "the parameters are " + string.Join(", ", names);
                    errors.Add(new ExpressionError(
                        ExpressionErrorKind.UnknownVariable,
                        $"'{variable.Name}' is not a parameter of the method; {parameters}",
                        variable.Span));
                    break;
                case NumberNode number when !Rational.TryParse(number.Text, out _):
                    errors.Add(new ExpressionError(ExpressionErrorKind.Syntax, $"the number '{number.Text}' is out of range", number.Span));
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
        var values = new Stack<Polynomial?>();
        foreach (ExpressionNode node in postOrder)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Polynomial? result;
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
                    result = values.Pop()?.Negate();
                    break;
                case PowerNode power:
                    result = values.Pop() is { } powerBase
                        ? GuardedPower(powerBase, power.Exponent, power.Span, out limit, cancellationToken)
                        : null;
                    break;
                case BinaryNode binary:
                    Polynomial? right = values.Pop();
                    Polynomial? left = values.Pop();
                    result = Combine(binary, left, right, errors, out limit, cancellationToken);
                    break;
                default:
                    result = null;
                    break;
            }

            if (limit is null && result is not null && result.TermCount > ExpressionLimits.MaxExpandedTerms)
            {
                limit = TermsError(result.TermCount, exact: true, node.Span);
            }

            // Size refusals stop everything: continuing could be just as expensive.
            if (limit is not null)
            {
                errors.Add(limit);
                return new ExpansionResult(null, errors.ToImmutable());
            }

            values.Push(result);
        }

        Polynomial? polynomial = values.Pop();
        if (errors.Count != 0 || polynomial is null)
        {
            return new ExpansionResult(null, errors.ToImmutable());
        }

        return new ExpansionResult(polynomial, ImmutableArray<ExpressionError>.Empty);
    }

    // Null operands come from subtrees that already reported an error; the other side is still checked.
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
            case BinaryOperator.Add:
                return left is not null && right is not null ? left.Add(right) : null;
            case BinaryOperator.Subtract:
                return left is not null && right is not null ? left.Subtract(right) : null;
            case BinaryOperator.Multiply:
                return left is not null && right is not null
                    ? GuardedMultiply(left, right, node.Span, out limit, cancellationToken)
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

                return left?.Scale(Rational.One / right.ConstantTerm);
            default:
                errors.Add(new ExpressionError(ExpressionErrorKind.Syntax, "this operator is not part of a polynomial expression", node.Span));
                return null;
        }
    }

    private static Polynomial? GuardedMultiply(Polynomial left, Polynomial right, SourceSpan span, out ExpressionError? limit, CancellationToken cancellationToken)
    {
        long products = (long)left.TermCount * right.TermCount;
        if (products > MaxTermProducts)
        {
            limit = TermsError(products, exact: false, span);
            return null;
        }

        Polynomial product = left.Multiply(right, cancellationToken);
        limit = product.TermCount > ExpressionLimits.MaxExpandedTerms ? TermsError(product.TermCount, exact: true, span) : null;
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
                Polynomial? next = GuardedMultiply(result, square, span, out limit, cancellationToken);
                if (next is null)
                {
                    return null;
                }

                result = next;
            }

            exponent >>= 1;
            if (exponent > 0)
            {
                square = GuardedMultiply(square, square, span, out limit, cancellationToken);
                if (square is null)
                {
                    return null;
                }
            }
        }

        return result;
    }

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
}
