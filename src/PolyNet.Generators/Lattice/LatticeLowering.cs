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
/// Turns a lattice expression into its per-site template (docs/design.md §12): every field read becomes a variable named
/// by its offsets (<c>s[i+1,j]</c>), every sum becomes its body times a marker variable, and the whole is expanded once.
/// Terms with the marker are the site's; the rest must be a constant. On a periodic lattice each site term is then
/// translated so that its first read sits at the site, which merges copies of one term written from different sites
/// (a bond counted from both ends is one term, computed once).
/// </summary>
internal static class LatticeLowering
{
    // Not an identifier, so no parameter or read can have this name.
    private const string SiteMarker = "#site";

    public static LatticeLoweringResult Lower(
        ExpressionNode root,
        IReadOnlyList<string> names,
        IReadOnlyList<ParameterRole> roles,
        BoundaryKind boundary,
        CancellationToken cancellationToken)
    {
        var binding = LatticeBinder.Bind(root, names, roles, cancellationToken);
        if (!binding.Errors.IsEmpty)
        {
            return LatticeLoweringResult.Failed(binding.Errors);
        }

        if (binding.Domain.IsEmpty)
        {
            int field = Enumerable.Range(0, names.Count).FirstOrDefault(i => roles[i] != ParameterRole.Scalar);
            return LatticeLoweringResult.Failed(ImmutableArray.Create(new ExpressionError(
                ExpressionErrorKind.Lattice,
                $"the method has lattice parameters ('{names[field]}') but the expression has no sum; write the lattice terms as sum(i < n: …)",
                new SourceSpan(0, 0))));
        }

        var reads = new ReadTable(names, binding.IndexNames);
        var rewritten = Rewrite(root, reads, cancellationToken);
        var variables = names.Concat(reads.Names).Append(SiteMarker).ToImmutableArray();
        var expansion = PolynomialExpander.Expand(rewritten, variables, cancellationToken);
        if (!expansion.Succeeded)
        {
            return LatticeLoweringResult.Failed(expansion.Errors);
        }

        var polynomial = expansion.Polynomial!;
        int marker = variables.Length - 1;
        Rational constant = Rational.Zero;
        var siteTerms = new Dictionary<string, (Dictionary<int, int> Exponents, Rational Coefficient)>(StringComparer.Ordinal);
        foreach (var (monomial, coefficient) in polynomial.Terms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (monomial[marker] == 0)
            {
                if (!monomial.IsConstant)
                {
                    return LatticeLoweringResult.Failed(ImmutableArray.Create(OutsideSums(root, names, roles, cancellationToken)));
                }

                constant += coefficient;
                continue;
            }

            // A term in one sum (the binder refuses products of sums, so the marker's exponent is 1).
            var exponents = new Dictionary<int, int>();
            for (int v = 0; v < marker; v++)
            {
                if (monomial[v] != 0)
                {
                    exponents[v] = monomial[v];
                }
            }

            if (boundary == BoundaryKind.Periodic)
            {
                exponents = reads.Translate(exponents, names.Count);
            }

            string key = string.Join(";", exponents.OrderBy(e => e.Key).Select(e => e.Key + "^" + e.Value));
            siteTerms[key] = siteTerms.TryGetValue(key, out var existing)
                ? (existing.Exponents, existing.Coefficient + coefficient)
                : (exponents, coefficient);
        }

        return Build(binding, names, roles, reads, siteTerms.Values.Where(t => t.Coefficient != Rational.Zero).ToList(), constant);
    }

    private static LatticeLoweringResult Build(
        LatticeBinding binding,
        IReadOnlyList<string> names,
        IReadOnlyList<ParameterRole> roles,
        ReadTable reads,
        List<(Dictionary<int, int> Exponents, Rational Coefficient)> terms,
        Rational constant)
    {
        // The template's inputs: the field reads that remain, sorted, then every scalar parameter in order.
        var used = terms.SelectMany(t => t.Exponents.Keys).Where(v => v >= names.Count).Distinct()
            .Select(v => reads[v - names.Count]).OrderBy(r => r, ReadOrder.Instance).ToList();
        if (used.Count > LatticeLimits.MaxReads)
        {
            return LatticeLoweringResult.Failed(ImmutableArray.Create(new ExpressionError(
                ExpressionErrorKind.LimitExceeded,
                $"one site's terms read {used.Count} different sites; the limit is {LatticeLimits.MaxReads}",
                new SourceSpan(0, 0))));
        }

        var templateReads = used
            .Select(r => new LatticeRead(r.Parameter, r.Offsets.ToImmutableArray(), reads.NameOf(r.Parameter, r.Offsets)))
            .Concat(Enumerable.Range(0, names.Count).Where(p => roles[p] == ParameterRole.Scalar)
                .Select(p => new LatticeRead(p, ImmutableArray<int>.Empty, names[p])))
            .ToImmutableArray();
        var position = new Dictionary<int, int>();
        for (int i = 0; i < templateReads.Length; i++)
        {
            var read = templateReads[i];
            position[read.IsField ? names.Count + reads.IdOf(read.Parameter, read.Offsets.ToArray()) : read.Parameter] = i;
        }

        var variables = templateReads.Select(r => r.Name).ToImmutableArray();
        var site = Polynomial.FromTerms(variables, terms.Select(t =>
        {
            var exponents = new int[variables.Length];
            foreach (var pair in t.Exponents)
            {
                exponents[position[pair.Key]] = pair.Value;
            }

            return (Monomial.FromExponents(exponents), t.Coefficient);
        }));
        return new LatticeLoweringResult(new LatticeTemplate(binding.Domain, binding.IndexNames, templateReads, site, constant), ImmutableArray<ExpressionError>.Empty);
    }

    /// <summary>The tree with field reads as variables and every sum as its body times the site marker.</summary>
    private static ExpressionNode Rewrite(ExpressionNode root, ReadTable reads, CancellationToken cancellationToken)
    {
        var values = new Stack<ExpressionNode>();
        foreach (var node in PolynomialExpander.PostOrder(root, cancellationToken))
        {
            switch (node)
            {
                case SumNode sum:
                    var body = sum.Body;
                    while (body is SumNode inner)
                    {
                        body = inner.Body;
                    }

                    // The binder keeps sums out of sum bodies, so this recursion is one level deep.
                    values.Push(new BinaryNode(BinaryOperator.Multiply, Rewrite(body, reads, cancellationToken), new VariableNode(SiteMarker, sum.Span), sum.Span));
                    break;
                case FieldNode field:
                    values.Push(new VariableNode(reads.Register(field), field.Span));
                    break;
                case NegateNode negate:
                    values.Push(negate with { Operand = values.Pop() });
                    break;
                case PowerNode power:
                    values.Push(power with { Base = values.Pop() });
                    break;
                case BinaryNode binary:
                    var right = values.Pop();
                    values.Push(binary with { Left = values.Pop(), Right = right });
                    break;
                default:
                    values.Push(node);
                    break;
            }
        }

        return values.Pop();
    }

    // The first scalar written outside every sum, else the whole expression.
    private static ExpressionError OutsideSums(ExpressionNode root, IReadOnlyList<string> names, IReadOnlyList<ParameterRole> roles, CancellationToken cancellationToken)
    {
        var span = PolynomialExpander.PostOrder(root, cancellationToken).OfType<VariableNode>().Select(v => (SourceSpan?)v.Span).FirstOrDefault()
            ?? root.Span;
        return new ExpressionError(
            ExpressionErrorKind.Lattice,
            "in a lattice Hamiltonian every term that is not a constant belongs inside a sum; move it into the sum (it is then counted once per site)",
            span);
    }

    /// <summary>The distinct field reads seen so far, numbered in order of appearance.</summary>
    private sealed class ReadTable(IReadOnlyList<string> names, ImmutableArray<string> indexNames)
    {
        private readonly List<(int Parameter, int[] Offsets)> _reads = new();
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);

        public IEnumerable<string> Names => _reads.Select(r => NameOf(r.Parameter, r.Offsets));

        public (int Parameter, int[] Offsets) this[int id] => _reads[id];

        public string Register(FieldNode field)
        {
            int parameter = 0;
            while (names[parameter] != field.Field)
            {
                parameter++;
            }

            int[] offsets = field.Indices.Select(i => i.Offset).ToArray();
            IdOf(parameter, offsets);
            return NameOf(parameter, offsets);
        }

        public int IdOf(int parameter, IReadOnlyList<int> offsets)
        {
            string key = parameter + ":" + string.Join(",", offsets);
            if (!_ids.TryGetValue(key, out int id))
            {
                id = _reads.Count;
                _ids.Add(key, id);
                _reads.Add((parameter, offsets.ToArray()));
            }

            return id;
        }

        /// <summary><c>s[i+1,j]</c>: the read written with the first sum's index names.</summary>
        public string NameOf(int parameter, IReadOnlyList<int> offsets) =>
            names[parameter] + "[" + string.Join(",", offsets.Select((o, k) => indexNames[k] + (o > 0 ? "+" + o : o < 0 ? o.ToString(System.Globalization.CultureInfo.InvariantCulture) : ""))) + "]";

        /// <summary>
        /// The term moved by a whole number of sites so that its smallest read (by field, then offsets) sits at offset 0:
        /// on a torus, summing a term over all sites does not depend on where it is written from.
        /// </summary>
        public Dictionary<int, int> Translate(Dictionary<int, int> exponents, int firstRead)
        {
            var fieldReads = exponents.Keys.Where(v => v >= firstRead).Select(v => (Id: v, Read: _reads[v - firstRead])).ToList();
            if (fieldReads.Count == 0)
            {
                return exponents;
            }

            var anchor = fieldReads.Select(r => r.Read).OrderBy(r => r, ReadOrder.Instance).First().Offsets;
            var moved = new Dictionary<int, int>();
            foreach (var pair in exponents)
            {
                int v = pair.Key, e = pair.Value;
                if (v < firstRead)
                {
                    moved[v] = e;
                    continue;
                }

                var read = _reads[v - firstRead];
                int[] offsets = read.Offsets.Select((o, k) => o - anchor[k]).ToArray();
                moved[firstRead + IdOf(read.Parameter, offsets)] = e;
            }

            return moved;
        }
    }

    /// <summary>Reads by field (parameter order), then offsets lexicographically (after translation the site's own read comes first).</summary>
    private sealed class ReadOrder : IComparer<(int Parameter, int[] Offsets)>
    {
        public static readonly ReadOrder Instance = new();

        public int Compare((int Parameter, int[] Offsets) x, (int Parameter, int[] Offsets) y)
        {
            if (x.Parameter != y.Parameter)
            {
                return x.Parameter.CompareTo(y.Parameter);
            }

            for (int k = 0; k < x.Offsets.Length; k++)
            {
                if (x.Offsets[k] != y.Offsets[k])
                {
                    return x.Offsets[k].CompareTo(y.Offsets[k]);
                }
            }

            return 0;
        }
    }
}
