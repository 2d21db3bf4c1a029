using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using PolyNet.Generators.Parse;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Lattice;

/// <summary>
/// Checks how a lattice expression uses its sums, fields and extents, and finds the lattice's domain (the extents its
/// sums run over). Every misuse becomes an <see cref="ExpressionError"/> located on the offending text; nothing throws.
/// </summary>
/// <remarks>
/// The rules make every term translation invariant, so that one per-site template describes the whole lattice: every
/// sum runs over the same extents in the same order (a sum whose whole body is another sum counts as one sum with both
/// bindings), and a field read <c>s[i+a,j+b]</c> indexes dimension k with the sum's k-th index plus a constant. Both walks
/// are iterative: a long chain of terms cannot overflow the stack.
/// </remarks>
internal static class LatticeBinder
{
    public static LatticeBinding Bind(ExpressionNode root, IReadOnlyList<string> names, IReadOnlyList<ParameterRole> roles, CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++)
        {
            if (!parameters.ContainsKey(names[i]))
            {
                parameters.Add(names[i], i);
            }
        }

        var errors = ImmutableArray.CreateBuilder<ExpressionError>();
        ImmutableArray<int>? domain = null;
        ImmutableArray<string> indexNames = ImmutableArray<string>.Empty;
        var pending = new Stack<(ExpressionNode Node, ImmutableArray<SumBinding> Sum)>();
        pending.Push((root, default));
        while (pending.Count != 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (node, sum) = pending.Pop();
            switch (node)
            {
                case SumNode lattice when !sum.IsDefault:
                    errors.Add(Error(
                        "a sum inside a sum must be the whole body of the outer one; write one sum over all the indices, as in sum(i < rows, j < columns: …)",
                        lattice.Span));
                    break;

                case SumNode lattice:
                    var bindings = Merge(lattice, out var body);
                    if (CheckBindings(bindings, parameters, roles, errors))
                    {
                        var extents = bindings.Select(b => parameters[b.Extent]).ToImmutableArray();
                        if (domain is null)
                        {
                            domain = extents;
                            indexNames = bindings.Select(b => b.Index).ToImmutableArray();
                        }
                        else if (!domain.Value.SequenceEqual(extents))
                        {
                            string expected = string.Join(", ", domain.Value.Select(e => names[e]));
                            errors.Add(Error(
                                $"every sum of a lattice Hamiltonian runs over the same extents in the same order ({expected}); this one runs over ({string.Join(", ", bindings.Select(b => b.Extent))})",
                                SourceSpan.FromBounds(bindings[0].IndexSpan.Start, bindings[bindings.Length - 1].ExtentSpan.End)));
                        }

                        pending.Push((body, bindings));
                    }

                    break;

                case FieldNode field:
                    CheckField(field, sum, parameters, names, roles, errors);
                    break;

                case VariableNode variable:
                    CheckVariable(variable, sum, parameters, roles, errors);
                    break;

                case NegateNode negate:
                    pending.Push((negate.Operand, sum));
                    break;

                case PowerNode power:
                    pending.Push((power.Base, sum));
                    break;

                case BinaryNode binary:
                    pending.Push((binary.Right, sum));
                    pending.Push((binary.Left, sum));
                    break;
            }
        }

        CheckProductsOfSums(root, errors, cancellationToken);
        return new LatticeBinding(domain ?? ImmutableArray<int>.Empty, indexNames, errors.ToImmutable());
    }

    /// <summary>The bindings of a sum and of the sums that are its whole body, outermost first.</summary>
    private static ImmutableArray<SumBinding> Merge(SumNode sum, out ExpressionNode body)
    {
        var bindings = ImmutableArray.CreateBuilder<SumBinding>();
        bindings.AddRange(sum.Bindings);
        body = sum.Body;
        while (body is SumNode inner)
        {
            bindings.AddRange(inner.Bindings);
            body = inner.Body;
        }

        return bindings.ToImmutable();
    }

    private static bool CheckBindings(ImmutableArray<SumBinding> bindings, Dictionary<string, int> parameters, IReadOnlyList<ParameterRole> roles, ImmutableArray<ExpressionError>.Builder errors)
    {
        int before = errors.Count;
        if (bindings.Length > LatticeLimits.MaxDimensions)
        {
            errors.Add(Error(
                $"a lattice has at most {LatticeLimits.MaxDimensions} dimensions; this sum has {bindings.Length} indices",
                SourceSpan.FromBounds(bindings[0].IndexSpan.Start, bindings[bindings.Length - 1].ExtentSpan.End)));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var binding in bindings)
        {
            if (!seen.Add(binding.Index))
            {
                errors.Add(Error($"the index '{binding.Index}' is bound twice; give each index of a sum its own name", binding.IndexSpan));
            }
            else if (parameters.ContainsKey(binding.Index))
            {
                errors.Add(Error($"the index '{binding.Index}' has the name of a parameter; rename the index", binding.IndexSpan));
            }

            if (!parameters.TryGetValue(binding.Extent, out int extent) || roles[extent] != ParameterRole.Extent)
            {
                errors.Add(Error(
                    $"the extent '{binding.Extent}' must be an int parameter of the method (the number of sites along this index)",
                    binding.ExtentSpan));
            }
        }

        return errors.Count == before;
    }

    private static void CheckField(
        FieldNode field,
        ImmutableArray<SumBinding> sum,
        Dictionary<string, int> parameters,
        IReadOnlyList<string> names,
        IReadOnlyList<ParameterRole> roles,
        ImmutableArray<ExpressionError>.Builder errors)
    {
        if (!parameters.TryGetValue(field.Field, out int parameter))
        {
            errors.Add(new ExpressionError(
                ExpressionErrorKind.UnknownVariable,
                $"'{field.Field}' is not a parameter of the method; the parameters are {string.Join(", ", names)}",
                field.FieldSpan));
            return;
        }

        if (roles[parameter] != ParameterRole.Field)
        {
            errors.Add(Error(
                roles[parameter] == ParameterRole.Extent
                    ? $"'{field.Field}' is an extent (an int parameter), not a field; only a ReadOnlySpan parameter takes indices"
                    : $"'{field.Field}' is not a field (a ReadOnlySpan parameter); write {field.Field} without indices",
                field.Span));
            return;
        }

        if (sum.IsDefault)
        {
            errors.Add(Error(
                $"the index '{field.Indices[0].Index}' is not bound: a field is read inside a sum, as in sum({field.Indices[0].Index} < n: {field.Field}[{field.Indices[0].Index}])",
                field.Indices[0].Span));
            return;
        }

        if (field.Indices.Count != sum.Length)
        {
            string plural = sum.Length == 1 ? "index" : "indices";
            errors.Add(Error(
                $"'{field.Field}' is read with {field.Indices.Count} {(field.Indices.Count == 1 ? "index" : "indices")}, but the sum runs over {sum.Length} extents ({string.Join(", ", sum.Select(b => b.Extent))}); read it with {sum.Length} {plural}, as in {field.Field}[{string.Join(",", sum.Select(b => b.Index))}]",
                field.Span));
            return;
        }

        for (int k = 0; k < sum.Length; k++)
        {
            var index = field.Indices[k];
            if (index.Index == sum[k].Index)
            {
                continue;
            }

            errors.Add(Error(
                sum.Any(b => b.Index == index.Index)
                    ? $"index {k + 1} of '{field.Field}' must be the sum's index '{sum[k].Index}' (plus or minus a constant): every field is stored with the sum's dimensions in order"
                    : $"'{index.Index}' is not an index of the enclosing sum; its indices are {string.Join(", ", sum.Select(b => b.Index))}",
                index.Span));
        }
    }

    private static void CheckVariable(
        VariableNode variable,
        ImmutableArray<SumBinding> sum,
        Dictionary<string, int> parameters,
        IReadOnlyList<ParameterRole> roles,
        ImmutableArray<ExpressionError>.Builder errors)
    {
        if (!sum.IsDefault && sum.Any(b => b.Index == variable.Name))
        {
            errors.Add(Error($"the index '{variable.Name}' is not a number: use it only inside a field's brackets, as in s[{variable.Name}]", variable.Span));
            return;
        }

        if (!parameters.TryGetValue(variable.Name, out int parameter))
        {
            errors.Add(new ExpressionError(
                ExpressionErrorKind.UnknownVariable,
                $"'{variable.Name}' is not a parameter of the method; the parameters are {string.Join(", ", parameters.Keys)}",
                variable.Span));
            return;
        }

        if (roles[parameter] == ParameterRole.Field)
        {
            errors.Add(Error($"'{variable.Name}' is a field: read one site of it with indices inside a sum, as in {variable.Name}[i]", variable.Span));
        }
        else if (roles[parameter] == ParameterRole.Extent)
        {
            errors.Add(Error($"'{variable.Name}' is an extent (an int parameter): it can only bound a sum index, as in sum(i < {variable.Name}: …)", variable.Span));
        }
    }

    // Bottom-up: a product (or a power) of two sums couples every site with every other one, which no per-site template describes.
    private static void CheckProductsOfSums(ExpressionNode root, ImmutableArray<ExpressionError>.Builder errors, CancellationToken cancellationToken)
    {
        var contains = new Stack<bool>();
        foreach (var node in PolynomialExpander.PostOrder(root, cancellationToken))
        {
            switch (node)
            {
                case SumNode:
                    contains.Push(true);
                    break;
                case NegateNode:
                    break;
                case PowerNode power:
                    bool powered = contains.Pop();
                    if (powered && power.Exponent > 1)
                    {
                        errors.Add(Error("a power of a sum multiplies sums together, which couples every site with every other; expand it inside one sum instead", power.Span));
                    }

                    contains.Push(powered);
                    break;
                case BinaryNode binary:
                    bool right = contains.Pop(), left = contains.Pop();
                    if (left && right && binary.Operator == BinaryOperator.Multiply)
                    {
                        errors.Add(Error("a product of two sums couples every site with every other, which no per-site template describes; multiply inside one sum instead", binary.Span));
                    }

                    contains.Push(left || right);
                    break;
                default:
                    contains.Push(false);
                    break;
            }
        }
    }

    private static ExpressionError Error(string message, SourceSpan span) => new(ExpressionErrorKind.Lattice, message, span);
}
