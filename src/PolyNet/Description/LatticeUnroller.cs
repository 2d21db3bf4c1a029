using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PolyNet.Description;

/// <summary>
/// Unrolls a lattice's site template over every site: which template terms, output terms and gates each site keeps
/// (all of them with periodic boundaries; at an open edge, those that read nothing outside), and the whole-lattice
/// gate table, output map and sparse polynomial. Sites that leave the same reads outside share one
/// <see cref="SitePlan"/>, so the work per site is renaming only.
/// </summary>
/// <remarks>
/// At an open edge the template's affine output part (constant and input terms) cannot simply be kept or dropped
/// term by term: for spins, −s·t is 1 + s + t − 4·y(s)·y(t), so the constant and the linear terms are shared by
/// several polynomial terms. When every output gate's ideal polynomial is known (products of inputs through mul, sq,
/// flat and AND-like bit gates), the affine part of a site that drops gates is recomputed exactly as
/// P_kept − Σ kept gates' coefficient·ideal polynomial; otherwise (an unrecognized gate) input terms are kept by their
/// own reads.
/// </remarks>
internal sealed class LatticeUnroller
{
    private readonly ParsedLattice _lattice;
    private readonly ParsedDefinition _table;
    private readonly int _reads;
    private readonly int[][] _valueReads;   // per template value: the field reads (template inputs) it depends on
    private readonly int[][] _termReads;    // per template polynomial term: its field reads with a non-zero exponent
    private readonly TemplatePolynomial?[]? _ideal;   // per template value; null when not separable
    private readonly TemplatePolynomial? _templateTerms;
    private readonly Dictionary<string, SitePlan> _plans = new(StringComparer.Ordinal);

    public LatticeUnroller(ParsedLattice lattice)
    {
        _lattice = lattice;
        _table = lattice.SiteTable;
        _reads = lattice.Reads.Length;
        int values = _reads + _table.Gates.Length;
        _valueReads = new int[values][];
        for (int r = 0; r < _reads; r++)
        {
            _valueReads[r] = lattice.Reads[r].IsField ? [r] : [];
        }

        for (int k = 0; k < _table.Gates.Length; k++)
        {
            var union = new SortedSet<int>();
            foreach (int operand in _table.Gates[k].Operands)
            {
                union.UnionWith(_valueReads[operand]);
            }

            _valueReads[_reads + k] = [.. union];
        }

        var terms = _table.Terms;
        _termReads = new int[terms.Count][];
        for (int t = 0; t < terms.Count; t++)
        {
            var reads = new List<int>();
            for (int k = terms.Starts[t]; k < terms.Starts[t + 1]; k++)
            {
                if (lattice.Reads[terms.Inputs[k]].IsField)
                {
                    reads.Add(terms.Inputs[k]);
                }
            }

            _termReads[t] = [.. reads];
        }

        HasFlatGates = Array.Exists(_table.Gates, g => g.Kind == GateKind.Flat);
        if (lattice.Definition.Boundary == LatticeBoundary.Open)
        {
            (_ideal, _templateTerms) = Separate();
        }
    }

    public bool HasFlatGates { get; }

    /// <summary>The template's polynomial terms' supports over the field reads (for the clique counts).</summary>
    public IReadOnlyList<int[]> TermSupports => _termReads;

    /// <summary>Which template inputs read outside the lattice at some site: one plan per such set.</summary>
    public SitePlan Plan(bool[] outside)
    {
        var key = new StringBuilder(_reads);
        for (int r = 0; r < _reads; r++)
        {
            key.Append(outside[r] ? '1' : '0');
        }

        string text = key.ToString();
        if (!_plans.TryGetValue(text, out var plan))
        {
            plan = CreatePlan(outside);
            _plans.Add(text, plan);
        }

        return plan;
    }

    /// <summary>
    /// The exact neuron count of the network unrolled at <paramref name="extents"/>: per boundary class of sites, the
    /// gates its plan needs (counted by dimension, so huge lattices cost nothing); with flat gates, whose pairs may be
    /// shared across gates, by walking every site as the expansion does.
    /// </summary>
    public long CountNeurons(int[] extents)
    {
        if (HasFlatGates)
        {
            return Walk(extents, emit: false).Neurons;
        }

        long total = 0;
        foreach (var (outside, sites) in Classes(extents))
        {
            total = checked(total + (sites * Plan(outside).Neurons));
        }

        return total;
    }

    /// <summary>Writes the whole-lattice gate table, output map and sparse terms; counts the neurons it makes.</summary>
    public (SigmoidNetworkDefinition? Definition, long Neurons) Walk(int[] extents, bool emit, double maxError = 0)
    {
        var lattice = _lattice;
        var definition = lattice.Definition;
        var site = definition.Site;
        int dimensions = extents.Length;
        long siteCount = 1;
        foreach (int extent in extents)
        {
            siteCount = checked(siteCount * extent);
        }

        // The unrolled inputs: each parameter in order, a field as all its elements, row-major.
        var names = new List<string>();
        var inputBounds = new List<double>();
        var inputKinds = new List<InputKind>();
        var inputBase = new int[lattice.Parameters.Length];
        var index = new int[dimensions];
        for (int p = 0; p < lattice.Parameters.Length; p++)
        {
            inputBase[p] = names.Count;
            long count = lattice.IsField[p] ? siteCount : 1;
            Array.Clear(index);
            for (long e = 0; e < count; e++)
            {
                if (emit)
                {
                    names.Add(lattice.IsField[p] ? ElementName(lattice.Parameters[p], index) : lattice.Parameters[p]);
                    inputBounds.Add(lattice.ParameterBounds[p]);
                    inputKinds.Add(lattice.ParameterKinds[p]);
                }
                else
                {
                    names.Add("");
                }

                Next(index, extents);
            }
        }

        int inputCount = names.Count;
        var strides = new long[dimensions];
        long stride = 1;
        for (int d = dimensions - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= extents[d];
        }

        var gates = new StringBuilder();
        var output = new StringBuilder();
        var terms = new StringBuilder();
        var pairs = new HashSet<string>(StringComparer.Ordinal);
        var pairTerms = new List<(int Operand, double Weight)>();
        var element = new int[_reads];
        var outside = new bool[_reads];
        var renamed = new int[_table.Gates.Length];
        long neurons = 0;
        int gateCount = 0;
        double constant = 0;
        bool periodic = definition.Boundary == LatticeBoundary.Periodic;
        Array.Clear(index);
        long s;
        for (s = 0; s < siteCount; s++)
        {
            for (int r = 0; r < _reads; r++)
            {
                var read = lattice.Reads[r];
                outside[r] = false;
                if (read.Offsets is not { } offsets)
                {
                    element[r] = inputBase[read.Parameter];
                    continue;
                }

                long flat = 0;
                for (int d = 0; d < dimensions; d++)
                {
                    long at = (long)index[d] + offsets[d];
                    if (periodic)
                    {
                        at = ((at % extents[d]) + extents[d]) % extents[d];
                    }
                    else if (at < 0 || at >= extents[d])
                    {
                        outside[r] = true;
                        break;
                    }

                    flat += at * strides[d];
                }

                element[r] = outside[r] ? -1 : inputBase[read.Parameter] + (int)flat;
            }

            var plan = Plan(outside);
            constant += plan.Constant;
            foreach (int k in plan.Gates)
            {
                var gate = _table.Gates[k];
                renamed[k] = gateCount++;
                if (gate.Kind == GateKind.Flat)
                {
                    neurons += FlatNeurons(gate, Operand, pairs, pairTerms);
                }
                else
                {
                    neurons += GateNeurons(gate);
                }

                if (emit)
                {
                    gates.Append('%').Append(renamed[k].ToString(CultureInfo.InvariantCulture)).Append(" = ");
                    WriteGate(gates, gate, v => Name(v));
                    gates.Append('\n');
                }
            }

            if (emit)
            {
                foreach (var (value, coefficient) in plan.Output)
                {
                    output.Append(' ').Append(Name(value)).Append(' ').Append(N(coefficient));
                }

                var templateTerms = _table.Terms;
                foreach (int t in plan.Terms)
                {
                    if (terms.Length > 0)
                    {
                        terms.Append(';');
                    }

                    terms.Append(N(templateTerms.Coefficients[t]));
                    for (int k = templateTerms.Starts[t]; k < templateTerms.Starts[t + 1]; k++)
                    {
                        // Reads that wrap onto one element are named twice; the parser adds their exponents.
                        terms.Append(' ').Append(names[element[templateTerms.Inputs[k]]]);
                        if (templateTerms.Powers[k] != 1)
                        {
                            terms.Append('^').Append(templateTerms.Powers[k].ToString(CultureInfo.InvariantCulture));
                        }
                    }
                }
            }

            Next(index, extents);
        }

        if (!emit)
        {
            return (null, neurons);
        }

        // With periodic boundaries every site adds the template's constant: sites·constant, as documented.
        double outputConstant = periodic ? definition.Constant + (siteCount * _table.OutputConstant) : definition.Constant + constant;
        if (definition.Constant != 0)
        {
            if (terms.Length > 0)
            {
                terms.Append(';');
            }

            terms.Append(N(definition.Constant));
        }

        var unrolled = new SigmoidNetworkDefinition
        {
            Expression = definition.Expression,
            Polynomial = Display(extents),
            Precision = site.Precision,
            Inputs = names,
            InputBounds = inputBounds,
            InputKinds = inputKinds.TrueForAll(k => k == InputKind.Continuous) ? null : inputKinds,
            InputBound = site.InputBound,
            Terms = terms.ToString(),
            Gates = gates.ToString(),
            Output = N(outputConstant) + output.ToString(),
            MaxError = maxError,
        };
        return (unrolled, neurons);

        string Name(int value) => value < _reads
            ? names[element[value] >= 0 ? element[value] : throw new InvalidOperationException($"A kept term or gate of site {s} reads '{site.Inputs[value]}' outside the lattice.")]
            : "%" + renamed[value - _reads].ToString(CultureInfo.InvariantCulture);

        int Operand(int value) => value < _reads
            ? (element[value] >= 0 ? element[value] : throw new InvalidOperationException($"A gate of site {s} reads '{site.Inputs[value]}' outside the lattice."))
            : inputCount + renamed[value - _reads];
    }

    private string Display(int[] extents)
    {
        var site = _lattice.Definition.Site;
        string body = site.Polynomial.Length > 0 ? site.Polynomial : site.Expression;
        string text = $"Σ over {string.Join("×", extents)} sites ({_lattice.Definition.Boundary}) of ({body})";
        return _lattice.Definition.Constant == 0 ? text : text + " + " + N(_lattice.Definition.Constant);
    }

    /// <summary>The neurons a gate adds (a flat gate: two per pair, before any sharing).</summary>
    internal static int GateNeurons(Gate gate) => gate.Kind switch
    {
        GateKind.Multiply => 4,
        GateKind.Square => 2,
        GateKind.Bit => 1,
        _ => 2 * gate.PairCount,
    };

    /// <summary>The neurons a flat gate adds: two per pair not already made by an earlier pair (see <see cref="NetworkExpansion"/>).</summary>
    private static int FlatNeurons(Gate gate, Func<int, int> operand, HashSet<string> pairs, List<(int Operand, double Weight)> terms)
    {
        int m = gate.Operands.Length, neurons = 0;
        for (int j = 0; j < gate.PairCount; j++)
        {
            terms.Clear();
            for (int i = 0; i < m; i++)
            {
                int multiplier = gate.PairMultipliers[(j * m) + i];
                if (multiplier != 0)
                {
                    terms.Add((operand(gate.Operands[i]), multiplier * gate.Weights[i]));
                }
            }

            if (pairs.Add(NetworkExpansion.PairKey(gate.Bias, terms).Key))
            {
                neurons += 2;
            }
        }

        return neurons;
    }

    /// <summary>Writes a gate line's text after <c>%k = </c>, with its operands named by <paramref name="name"/>.</summary>
    private static void WriteGate(StringBuilder text, Gate gate, Func<int, string> name)
    {
        switch (gate.Kind)
        {
            case GateKind.Multiply:
                text.Append("mul ").Append(name(gate.Operands[0])).Append(' ').Append(name(gate.Operands[1]))
                    .Append(' ').Append(N(gate.Weights[0])).Append(' ').Append(N(gate.Weights[1])).Append(' ').Append(N(gate.Scale));
                break;
            case GateKind.Square:
                text.Append("sq ").Append(name(gate.Operands[0])).Append(' ').Append(N(gate.Weights[0])).Append(' ').Append(N(gate.Scale));
                break;
            case GateKind.Bit:
                text.Append("bit ").Append(N(gate.Bias));
                for (int i = 0; i < gate.Operands.Length; i++)
                {
                    text.Append(' ').Append(name(gate.Operands[i])).Append(' ').Append(N(gate.Weights[i]));
                }

                break;
            default:
                int m = gate.Operands.Length;
                text.Append("flat ").Append(N(gate.Bias)).Append(' ').Append(N(gate.Scale)).Append(gate.Even ? " even " : " odd ")
                    .Append(m.ToString(CultureInfo.InvariantCulture));
                for (int i = 0; i < m; i++)
                {
                    text.Append(' ').Append(name(gate.Operands[i])).Append(' ').Append(N(gate.Weights[i]));
                }

                text.Append(" :");
                for (int j = 0; j < gate.PairCount; j++)
                {
                    text.Append(j == 0 ? " " : "; ").Append(N(gate.PairCoefficients[j]));
                    for (int i = 0; i < m; i++)
                    {
                        text.Append(' ').Append(gate.PairMultipliers[(j * m) + i].ToString(CultureInfo.InvariantCulture));
                    }
                }

                break;
        }
    }

    /// <summary>
    /// The boundary classes of the sites with their counts: per dimension, the positions between consecutive
    /// breakpoints (where some read starts or stops being outside) share which reads are outside; the classes are the
    /// combinations across dimensions. Periodic lattices have one class, nothing outside.
    /// </summary>
    private List<(bool[] Outside, long Sites)> Classes(int[] extents)
    {
        var classes = new List<(bool[] Outside, long Sites)>();
        if (_lattice.Definition.Boundary == LatticeBoundary.Periodic)
        {
            long sites = 1;
            foreach (int extent in extents)
            {
                sites = checked(sites * extent);
            }

            classes.Add((new bool[_reads], sites));
            return classes;
        }

        var perDimension = new List<(bool[] Outside, long Length)>[extents.Length];
        for (int d = 0; d < extents.Length; d++)
        {
            long n = extents[d];
            var breakpoints = new SortedSet<long> { 0, n };
            foreach (var read in _lattice.Reads)
            {
                if (read.Offsets is { } offsets)
                {
                    breakpoints.Add(Math.Clamp(-(long)offsets[d], 0, n));
                    breakpoints.Add(Math.Clamp(n - offsets[d], 0, n));
                }
            }

            var intervals = new List<(bool[] Outside, long Length)>();
            long previous = -1;
            foreach (long point in breakpoints)
            {
                if (previous >= 0 && point > previous)
                {
                    var outside = new bool[_reads];
                    for (int r = 0; r < _reads; r++)
                    {
                        if (_lattice.Reads[r].Offsets is { } offsets)
                        {
                            long at = previous + offsets[d];
                            outside[r] = at < 0 || at >= n;
                        }
                    }

                    intervals.Add((outside, point - previous));
                }

                previous = point;
            }

            perDimension[d] = intervals;
        }

        Combine(0, new bool[_reads], 1);
        return classes;

        void Combine(int d, bool[] outside, long sites)
        {
            if (d == perDimension.Length)
            {
                classes.Add(((bool[])outside.Clone(), sites));
                return;
            }

            foreach (var (dimensionOutside, length) in perDimension[d])
            {
                var combined = (bool[])outside.Clone();
                for (int r = 0; r < _reads; r++)
                {
                    combined[r] |= dimensionOutside[r];
                }

                Combine(d + 1, combined, checked(sites * length));
            }
        }
    }

    private SitePlan CreatePlan(bool[] outside)
    {
        var table = _table;
        int gateCount = table.Gates.Length;
        bool anyOutside = Array.IndexOf(outside, true) >= 0;

        // Output gate terms and polynomial terms are kept when they read nothing outside; gates when a kept term needs them.
        var needed = new bool[gateCount];
        var output = new List<(int Value, double Coefficient)>();
        var droppedGates = new List<int>();
        for (int t = 0; t < table.OutputValues.Length; t++)
        {
            int value = table.OutputValues[t];
            if (value < _reads)
            {
                continue;
            }

            if (ReadsOutside(_valueReads[value], outside))
            {
                droppedGates.Add(t);
            }
            else
            {
                needed[value - _reads] = true;
            }
        }

        for (int k = gateCount - 1; k >= 0; k--)
        {
            if (needed[k])
            {
                foreach (int operand in table.Gates[k].Operands)
                {
                    if (operand >= _reads)
                    {
                        needed[operand - _reads] = true;
                    }
                }
            }
        }

        var keptTerms = new List<int>();
        var droppedTerms = new List<int>();
        for (int t = 0; t < table.Terms.Count; t++)
        {
            (ReadsOutside(_termReads[t], outside) ? droppedTerms : keptTerms).Add(t);
        }

        // The affine part: the template's own when nothing is outside (or the template is not separable: by reads).
        double constant = table.OutputConstant;
        if (!anyOutside || _ideal is null)
        {
            for (int t = 0; t < table.OutputValues.Length; t++)
            {
                int value = table.OutputValues[t];
                if (value < _reads && !outside[value])
                {
                    output.Add((value, table.OutputCoefficients[t]));
                }
            }
        }
        else
        {
            // A' = A − P_dropped + Σ dropped gates' c·Q: what the kept gates leave of the kept polynomial.
            var correction = new TemplatePolynomial(_reads);
            foreach (int t in droppedTerms)
            {
                correction.AddTerm(table.Terms, t, -1);
            }

            foreach (int t in droppedGates)
            {
                correction.Add(_ideal[table.OutputValues[t]]!, table.OutputCoefficients[t]);
            }

            double scale = Math.Max(1, correction.MaxAbs() + _templateTerms!.MaxAbs());
            var linear = new double[_reads];
            foreach (var (exponents, coefficient) in correction.Terms)
            {
                int degree = 0, at = -1;
                for (int r = 0; r < _reads; r++)
                {
                    if (exponents[r] != 0)
                    {
                        degree += exponents[r];
                        at = r;
                    }
                }

                if (degree == 0)
                {
                    constant += coefficient;
                }
                else if (degree == 1)
                {
                    linear[at] += coefficient;
                }
                else if (Math.Abs(coefficient) > Tolerance * scale)
                {
                    throw new InvalidOperationException($"The site template of '{_lattice.Definition.Expression}' does not split at the open boundary: dropping the terms that read outside leaves a non-affine remainder.");
                }
            }

            for (int t = 0; t < table.OutputValues.Length; t++)
            {
                if (table.OutputValues[t] < _reads)
                {
                    linear[table.OutputValues[t]] += table.OutputCoefficients[t];
                }
            }

            for (int r = 0; r < _reads; r++)
            {
                if (outside[r] && Math.Abs(linear[r]) > Tolerance * scale)
                {
                    throw new InvalidOperationException($"The site template of '{_lattice.Definition.Expression}' does not split at the open boundary: its linear part still reads '{_lattice.Site.Inputs[r]}' outside the lattice.");
                }

                if (!outside[r] && linear[r] != 0)
                {
                    output.Add((r, linear[r]));
                }
            }
        }

        var gates = new List<int>();
        long neurons = 0;
        for (int k = 0; k < gateCount; k++)
        {
            if (needed[k])
            {
                gates.Add(k);
                neurons += GateNeurons(table.Gates[k]);
            }
        }

        for (int t = 0; t < table.OutputValues.Length; t++)
        {
            int value = table.OutputValues[t];
            if (value >= _reads && needed[value - _reads] && !ReadsOutside(_valueReads[value], outside))
            {
                output.Add((value, table.OutputCoefficients[t]));
            }
        }

        return new SitePlan([.. gates], [.. output], constant, [.. keptTerms], neurons);
    }

    private const double Tolerance = 1e-9;

    /// <summary>
    /// Every template value's ideal polynomial over the template inputs (reduced by s² = 1 and y² = y), when the
    /// template output is exactly its affine part plus Σ coefficient·(gate's ideal polynomial) = the template's Terms;
    /// (null, null) otherwise.
    /// </summary>
    private (TemplatePolynomial?[]?, TemplatePolynomial?) Separate()
    {
        var kinds = _lattice.Site.InputKinds;
        var ideal = new TemplatePolynomial?[_reads + _table.Gates.Length];
        for (int r = 0; r < _reads; r++)
        {
            ideal[r] = TemplatePolynomial.Variable(_reads, r);
        }

        // A bit gate with a recognized ideal is itself a truth value (0 or 1) for the bit gates that read it.
        var isBit = new bool[ideal.Length];
        for (int r = 0; r < _reads; r++)
        {
            isBit[r] = kinds[r] == InputKind.Bit;
        }

        for (int k = 0; k < _table.Gates.Length; k++)
        {
            ideal[_reads + k] = Ideal(_table.Gates[k], ideal, isBit, kinds);
            isBit[_reads + k] = _table.Gates[k].Kind == GateKind.Bit && ideal[_reads + k] is not null;
        }

        var terms = new TemplatePolynomial(_reads);
        for (int t = 0; t < _table.Terms.Count; t++)
        {
            terms.AddTerm(_table.Terms, t, 1);
        }

        // P − A − Σ c·Q must vanish.
        var rest = new TemplatePolynomial(_reads);
        rest.Add(terms, 1);
        rest.AddConstant(-_table.OutputConstant);
        for (int t = 0; t < _table.OutputValues.Length; t++)
        {
            if (ideal[_table.OutputValues[t]] is not { } q)
            {
                return (null, null);
            }

            rest.Add(q, -_table.OutputCoefficients[t]);
        }

        double scale = Math.Max(1, terms.MaxAbs());
        return rest.MaxAbs() <= Tolerance * scale ? (ideal, terms) : (null, null);
    }

    /// <summary>The polynomial a gate approximates, from its kind; null when not recognized.</summary>
    private static TemplatePolynomial? Ideal(Gate gate, TemplatePolynomial?[] ideal, bool[] isBit, IReadOnlyList<InputKind> kinds)
    {
        switch (gate.Kind)
        {
            case GateKind.Multiply:
                return ideal[gate.Operands[0]] is { } u && ideal[gate.Operands[1]] is { } v ? u.Times(v, kinds) : null;
            case GateKind.Square:
                return ideal[gate.Operands[0]] is { } w ? w.Times(w, kinds) : null;
            case GateKind.Flat:
            {
                int m = gate.Operands.Length, degree = 0;
                var product = TemplatePolynomial.One(kinds.Count);
                for (int i = 0; i < m; i++)
                {
                    int power = 0;
                    for (int j = 0; j < gate.PairCount; j++)
                    {
                        power = Math.Max(power, Math.Abs(gate.PairMultipliers[(j * m) + i]));
                    }

                    degree += power;
                    for (int e = 0; e < power; e++)
                    {
                        if (ideal[gate.Operands[i]] is not { } operand)
                        {
                            return null;
                        }

                        product = product.Times(operand, kinds);
                    }
                }

                return (degree % 2 == 0) == gate.Even ? product : null;
            }

            default:
            {
                // An AND of truth values: spins (1 + s)/2, bits and bit gates as they are; all true gives a clearly
                // positive preactivation, any single false a clearly negative one (weights positive).
                var product = TemplatePolynomial.One(kinds.Count);
                double allTrue = gate.Bias;
                double smallestWeight = double.PositiveInfinity;
                int inputs = kinds.Count;
                for (int i = 0; i < gate.Operands.Length; i++)
                {
                    int operand = gate.Operands[i];
                    double weight = gate.Weights[i];
                    TemplatePolynomial truth;
                    double falseDrop;
                    if (operand < inputs && kinds[operand] == InputKind.Spin)
                    {
                        truth = TemplatePolynomial.Variable(inputs, operand).Scaled(0.5);
                        truth.AddConstant(0.5);
                        falseDrop = 2 * weight;
                    }
                    else if (isBit[operand] && ideal[operand] is not null)
                    {
                        truth = ideal[operand]!;
                        falseDrop = weight;
                    }
                    else
                    {
                        return null;
                    }

                    if (!(weight > 0))
                    {
                        return null;
                    }

                    allTrue += weight;
                    smallestWeight = Math.Min(smallestWeight, falseDrop);
                    product = product.Times(truth, kinds);
                }

                return allTrue >= 10 && allTrue - smallestWeight <= -10 ? product : null;
            }
        }
    }

    private static bool ReadsOutside(int[] reads, bool[] outside)
    {
        foreach (int r in reads)
        {
            if (outside[r])
            {
                return true;
            }
        }

        return false;
    }

    internal static string ElementName(string field, int[] index)
    {
        var name = new StringBuilder(field).Append('[');
        for (int d = 0; d < index.Length; d++)
        {
            name.Append(d == 0 ? "" : ",").Append(index[d].ToString(CultureInfo.InvariantCulture));
        }

        return name.Append(']').ToString();
    }

    /// <summary>Advances a row-major index tuple (the last dimension fastest).</summary>
    private static void Next(int[] index, int[] extents)
    {
        for (int d = index.Length - 1; d >= 0; d--)
        {
            if (++index[d] < extents[d])
            {
                return;
            }

            index[d] = 0;
        }
    }

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>What one class of sites keeps of the template.</summary>
/// <param name="Gates">The template gates to copy, ascending.</param>
/// <param name="Output">The output terms (template input or gate value, coefficient), the affine ones first.</param>
/// <param name="Constant">The site's output constant.</param>
/// <param name="Terms">The template polynomial terms kept.</param>
/// <param name="Neurons">The neurons of the gates, before any sharing of flat pairs.</param>
internal sealed record SitePlan(int[] Gates, (int Value, double Coefficient)[] Output, double Constant, int[] Terms, long Neurons);
