using System.Collections.Generic;
using System.Linq;
using System.Text;
using PolyNet.Generators.Network;
using PolyNet.Generators.Shared;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>
/// Writes the network's constants (one group per gate, with what they mean) and the body of <c>Forward&lt;TLane, L&gt;</c>:
/// one line per gate in evaluation order, then the output sum, in the arithmetic of the lane type <c>L</c>
/// (<c>PolyNet.Kernels.ILanes</c>), so the same text serves the scalar method and every vector width.
/// </summary>
internal sealed class ForwardPassEmitter
{
    /// <summary>Output sums in double of at most this many terms pass their terms one by one (<c>ILanes.SumInDouble</c>).</summary>
    private const int InlineDoubleSumTerms = 8;

    private readonly NetworkModel _network;
    private readonly IReadOnlyList<ParameterSpec> _parameters;
    private readonly GeneratedNames _names;
    private readonly NumericPrecision _precision;

    public ForwardPassEmitter(NetworkModel network, IReadOnlyList<ParameterSpec> parameters, GeneratedNames names)
    {
        _network = network;
        _parameters = parameters;
        _names = names;
        _precision = network.Precision;
    }

    private string Type => _precision == NumericPrecision.Double ? "double" : "float";

    private string L => _names["L"];

    /// <summary>The constants, grouped and commented by gate.</summary>
    public void EmitConstants(IndentedWriter writer)
    {
        if (_network.Gates.OfType<BitProductGate>().Any())
        {
            double beta = _network.Gates.OfType<BitProductGate>().First().Inputs[0].Weight;
            var weights = _network.Gates.OfType<BitProductGate>().SelectMany(g => g.Inputs).Select(i => i.Weight).Distinct().OrderByDescending(w => w).ToList();
            writer.Line($"// Bit products: σ(β·(Σ bits − k + ½)) with β = {Literals.Short(weights[0])}; a spin s enters as y = (s + 1)/2, weight β/2.");
            writer.Line($"private const {Type} {_names["Beta"]} = {Number(weights[0])};");
            if (weights.Count > 1)
            {
                writer.Line($"private const {Type} {_names["HalfBeta"]} = {Number(weights[1])};");
            }
        }

        int neuron = 0;
        for (int k = 0; k < _network.Gates.Length; k++)
        {
            var gate = _network.Gates[k];
            string neurons = gate.NeuronCount == 1 ? $"neuron {neuron}" : gate.NeuronCount == 0 ? "shared neurons" : $"neurons {neuron}-{neuron + gate.NeuronCount - 1}";
            writer.CommentLines("// ", $"Gate {k}, {Literals.Comment(gate.Label)}: {Describe(gate)}, {neurons} in layer {gate.Layer}; |value| <= {Literals.Short(gate.Bound)}, error <= {Literals.Short(gate.Error)}.");
            neuron += gate.NeuronCount;
            switch (gate)
            {
                case MultiplyGate multiply when multiply.LeftWeight == multiply.RightWeight:
                    writer.Line($"private const {Type} {_names[$"W{k}"]} = {Number(multiply.LeftWeight)}, {_names[$"S{k}"]} = {Number(multiply.OutputScale)};");
                    break;
                case MultiplyGate multiply:
                    writer.Line($"private const {Type} {_names[$"W{k}a"]} = {Number(multiply.LeftWeight)}, {_names[$"W{k}b"]} = {Number(multiply.RightWeight)}, {_names[$"S{k}"]} = {Number(multiply.OutputScale)};");
                    break;
                case SquareGate square:
                    writer.Line($"private const {Type} {_names[$"W{k}"]} = {Number(square.Weight)}, {_names[$"S{k}"]} = {Number(square.OutputScale)};");
                    break;
                case BitProductGate bit:
                    writer.Line($"private const {Type} {_names[$"B{k}"]} = {Number(bit.Bias)};");
                    break;
                case FlatGate flat:
                    var weights = flat.WeightedOperands.Select((o, i) => $"{_names[$"W{k}{Suffix(i)}"]} = {Number(o.Weight)}");
                    writer.WrappedLine($"private const {Type} {string.Join(", ", weights)};");
                    writer.Line($"private const double {_names[$"E{k}"]} = {Literals.Double(flat.ExpNegBias)};   // e^(−b), b = {Literals.Short(flat.Bias)}");
                    writer.Line($"private const {Type} {_names[$"S{k}"]} = {Number(flat.OutputScale)};");
                    break;
            }
        }
    }

    /// <summary>The statements of the forward pass; the last one returns the output.</summary>
    public void EmitBody(IndentedWriter writer)
    {
        for (int k = 0; k < _network.Gates.Length; k++)
        {
            EmitGate(writer, k, _network.Gates[k]);
        }

        EmitOutput(writer, _network.OutputConstant, _network.OutputTerms, _network.AccumulatesOutputInDouble, null, _names["OutputWeights"]);
    }

    /// <summary>
    /// constant + Σ coefficient·value, returned (<paramref name="local"/> null) or into a new local; summed in double when
    /// <paramref name="inDouble"/> (float networks over bits and spins), with <paramref name="weights"/> naming the
    /// coefficients' array when there are more than eight terms.
    /// </summary>
    public void EmitOutput(IndentedWriter writer, double constant, IReadOnlyList<OutputTerm> terms, bool inDouble, string? local, string weights)
    {
        string head = local is null ? "return " : $"var {local} = ";
        if (inDouble && terms.Count > 0 && terms.Count <= InlineDoubleSumTerms)
        {
            // Up to eight terms are passed one by one: no stackalloc, so the forward pass stays inlinable.
            var arguments = Enumerable.Range(0, InlineDoubleSumTerms).Select(t => t < terms.Count
                ? $"{Value(terms[t].Value)}, {Literals.Double(terms[t].Coefficient)}"
                : "default, 0");
            writer.WrappedLine($"{head}{L}.SumInDouble({Literals.Double(constant)}, {string.Join(", ", arguments)});");
            return;
        }

        if (inDouble && terms.Count > 0)
        {
            string values = local is null ? _names["values"] : local + "Values";
            writer.Line($"Span<TLane> {values} = stackalloc TLane[{terms.Count}];");
            for (int t = 0; t < terms.Count; t++)
            {
                writer.Line($"{values}[{t}] = {Value(terms[t].Value)};");
            }

            writer.Line($"{head}{L}.SumInDouble({Literals.Double(constant)}, {values}, {weights});");
            return;
        }

        EmitSum(writer, terms.Select(t => (t.Coefficient, Value(t.Value))).ToList(), constant, local);
    }

    /// <summary>
    /// constant + Σ coefficient·value into the local <paramref name="target"/> (or returned when it is null): one
    /// expression when it fits on a line, else one statement per term (the same operations in the same order).
    /// </summary>
    internal void EmitSum(IndentedWriter writer, IReadOnlyList<(double Coefficient, string Value)> terms, double constant, string? target)
    {
        double? start = constant == 0 && terms.Count > 0 ? null : constant;
        string whole = Combination(terms, start);
        string head = target is null ? "return " : $"var {target} = ";
        if (writer.CurrentIndent + head.Length + whole.Length + 1 <= IndentedWriter.MaxLineLength)
        {
            writer.Line($"{head}{whole};");
            return;
        }

        string sum = target ?? _names["sum"];
        int first = start is null ? 1 : 0;
        writer.Line($"var {sum} = {Combination(terms.Take(first).ToList(), start)};");
        foreach (var term in terms.Skip(first))
        {
            writer.WrappedLine($"{sum} = {Combination([term], null, sum)};");
        }

        if (target is null)
        {
            writer.Line($"return {sum};");
        }
    }

    /// <summary>The output coefficients of a network that sums its output in double (see <see cref="EmitBody"/>).</summary>
    public void EmitOutputWeights(IndentedWriter writer) =>
        EmitOutputWeights(writer, _network.OutputTerms, _network.AccumulatesOutputInDouble, _names["OutputWeights"]);

    /// <summary>The coefficients' array <paramref name="name"/> of an output summed in double with more than eight terms (else nothing).</summary>
    public void EmitOutputWeights(IndentedWriter writer, IReadOnlyList<OutputTerm> terms, bool inDouble, string name)
    {
        if (!inDouble || terms.Count <= InlineDoubleSumTerms)
        {
            return;
        }

        writer.Line($"private static ReadOnlySpan<double> {name} => new double[]");
        using (writer.Braces(";"))
        {
            foreach (var line in Chunk(terms.Select(t => Literals.Double(t.Coefficient) + ","), 8))
            {
                writer.Line(line);
            }
        }
    }

    /// <summary>The lines of the gates <paramref name="gates"/> only (in evaluation order), for passes that need a part of the network.</summary>
    public void EmitGates(IndentedWriter writer, IEnumerable<int> gates)
    {
        foreach (int k in gates.OrderBy(k => k))
        {
            EmitGate(writer, k, _network.Gates[k]);
        }
    }

    // A lattice writes a gate several times (the sweep, the boundary sites, each one-site update): its levels are found once.
    private readonly Dictionary<int, BitProductLevels?> _levels = new();

    private BitProductLevels? Levels(int k, BitProductGate gate)
    {
        if (!_levels.TryGetValue(k, out var levels))
        {
            levels = BitProductLevels.For(gate, v => _parameters[v].Kind);
            _levels.Add(k, levels);
        }

        return levels;
    }

    private void EmitGate(IndentedWriter writer, int k, Gate gate)
    {
        string g = _names[$"g{k}"];
        string label = Literals.Comment(gate.Label);
        switch (gate)
        {
            case MultiplyGate multiply:
                var (wa, wb) = multiply.LeftWeight == multiply.RightWeight ? (_names[$"W{k}"], _names[$"W{k}"]) : (_names[$"W{k}a"], _names[$"W{k}b"]);
                writer.Line($"var {g} = {L}.MultiplyGate({Value(multiply.Left)}, {Value(multiply.Right)}, {wa}, {wb}, {_names[$"S{k}"]});   // {label}");
                break;
            case SquareGate square:
                writer.Line($"var {g} = {L}.SquareGate({Value(square.Operand)}, {_names[$"W{k}"]}, {_names[$"S{k}"]});   // {label}");
                break;
            case BitProductGate bit:
                string sum = $"{L}.Constant({_names[$"B{k}"]})";
                double beta = bit.Inputs.Max(i => i.Weight);
                foreach (var input in bit.Inputs)
                {
                    sum = $"{L}.MultiplyAdd({Value(input.Value)}, {(input.Weight == beta ? _names["Beta"] : _names["HalfBeta"])}, {sum})";
                }

                if (Levels(k, bit) is { } levels)
                {
                    // Bits and spins give the preactivation a few values: σ of each is a constant, picked by comparisons.
                    string t = _names[$"t{k}"];
                    writer.WrappedLine($"var {t} = {sum};");
                    string value = $"{L}.Constant({Literals.Double(levels.Values[0])})";
                    for (int j = 0; j < levels.Thresholds.Count; j++)
                    {
                        value = $"{L}.Step({t}, {Literals.Double(levels.Thresholds[j])}, {value}, {Literals.Double(levels.Values[j + 1])})";
                    }

                    writer.WrappedLine($"var {g} = {value};   // {label}");
                    break;
                }

                writer.WrappedLine($"var {g} = {L}.Sigmoid({sum});   // {label}");
                break;
            case FlatGate flat:
                EmitFlat(writer, k, flat);
                break;
        }
    }

    private void EmitFlat(IndentedWriter writer, int k, FlatGate flat)
    {
        var scaled = EmitScaledOperands(writer, k, flat);
        string even = flat.IsEven ? "true" : "false";
        foreach (var pair in flat.Pairs.Where(p => p.IsDefinedHere))
        {
            var terms = pair.Multipliers.Select((m, i) => ((double)m, scaled[i])).Where(t => t.Item1 != 0).ToList();
            string method = MaxPreactivation(flat, pair) <= GateExpRange.For(_precision) ? "FlatPairNearZero" : "FlatPair";
            writer.WrappedLine($"var {_names[$"f{pair.Id}"]} = {L}.{method}({Combination(terms, null)}, {_names[$"E{k}"]}, even: {even});");
        }

        EmitFlatOutput(writer, k, flat);
    }

    /// <summary>o{k}_{i} = operand i × its weight, for the operands this gate's own pairs read; returns every operand's name.</summary>
    internal List<string> EmitScaledOperands(IndentedWriter writer, int k, FlatGate flat)
    {
        var scaled = new List<string>();
        for (int i = 0; i < flat.WeightedOperands.Count; i++)
        {
            string name = _names[$"o{k}_{i}"];
            scaled.Add(name);
            if (flat.Pairs.Any(p => p.IsDefinedHere && p.Multipliers[i] != 0))
            {
                writer.Line($"var {name} = {L}.Multiply({Value(flat.WeightedOperands[i].Value)}, {L}.Constant({_names[$"W{k}{Suffix(i)}"]}));");
            }
        }

        return scaled;
    }

    /// <summary>The flat product's value from its pairs f{id}: p{k} = Σ coefficient·pair, g{k} = p{k}·S{k}.</summary>
    internal void EmitFlatOutput(IndentedWriter writer, int k, FlatGate flat)
    {
        EmitSum(writer, flat.Pairs.Select(p => (p.Coefficient, _names[$"f{p.Id}"])).ToList(), 0, _names[$"p{k}"]);
        writer.Line($"var {_names[$"g{k}"]} = {L}.Multiply({_names[$"p{k}"]}, {L}.Constant({_names[$"S{k}"]}));   // {Literals.Comment(flat.Label)}");
    }

    /// <summary>constant + Σ coefficient·value as nested lane operations, left to right.</summary>
    internal string Combination(IReadOnlyList<(double Coefficient, string Value)> terms, double? constant, string? accumulator = null)
    {
        string? sum = constant is { } c ? $"{L}.Constant({Number(c)})" : accumulator;
        foreach (var (coefficient, value) in terms)
        {
            sum = sum is null
                ? coefficient == 1 ? value : $"{L}.Multiply({value}, {L}.Constant({Number(coefficient)}))"
                : coefficient == 1 ? $"{L}.Add({sum}, {value})"
                : coefficient == -1 ? $"{L}.Subtract({sum}, {value})"
                : $"{L}.MultiplyAdd({value}, {Number(coefficient)}, {sum})";
        }

        return sum ?? $"{L}.Constant({Number(0)})";
    }

    /// <summary>
    /// An upper bound on |p| of one pair for in-bound inputs: Σ |mᵢ·wᵢ|·Sᵢ, Sᵢ the operand's bound as computed (its bound
    /// plus its error), with a margin for the rounding of the weighted sum.
    /// </summary>
    internal double MaxPreactivation(FlatGate flat, FlatPair pair)
    {
        double sum = 0;
        for (int i = 0; i < flat.WeightedOperands.Count; i++)
        {
            var operand = flat.WeightedOperands[i];
            double bound = operand.Value.IsGate
                ? _network.Gates[operand.Value.Index].Bound + _network.Gates[operand.Value.Index].Error
                : _network.InputBounds[operand.Value.Index];
            sum += System.Math.Abs(pair.Multipliers[i] * operand.Weight) * bound;
        }

        return sum * (1 + 1e-6);
    }

    /// <summary>The local (a gate's output) or parameter that holds <paramref name="value"/>.</summary>
    public string Value(ValueRef value) => value.IsGate ? _names[$"g{value.Index}"] : _parameters[value.Index].Identifier;

    internal string Number(double value) => Literals.Number(value, _precision);

    private static string Describe(Gate gate) => gate switch
    {
        MultiplyGate => "multiplication",
        SquareGate => "square",
        BitProductGate => "bit product",
        FlatGate flat => $"flat product of degree {flat.Degree}",
        _ => "gate",
    };

    /// <summary>"a", "b", … for operand i of a flat gate's weights (then "_26", … for very wide ones).</summary>
    internal static string Suffix(int i) => i < 26 ? ((char)('a' + i)).ToString() : "_" + Literals.Int(i);

    /// <summary>The items joined by spaces into lines of at most about 110 characters (an item longer than that gets its own line).</summary>
    internal static IEnumerable<string> Chunk(IEnumerable<string> items, int _ = 0)
    {
        const int Width = 110;
        var line = new StringBuilder();
        foreach (string item in items)
        {
            if (line.Length > 0 && line.Length + 1 + item.Length > Width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length == 0 ? string.Empty : " ").Append(item);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }
}
