using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Network;
using PolyNet.Generators.Shared;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>
/// Writes the body of <c>Gradient&lt;TLane, L&gt;</c>: the forward pass with each differentiated gate's local derivatives
/// taken from its own exponentials (<c>ILanes.MultiplyGateGradient</c> and the others), the output, then the backward pass,
/// one adjoint per value in reverse evaluation order: its output coefficient plus, for every gate that reads it, that
/// gate's adjoint times the gate's derivative with respect to it (docs/design.md §14). A value is differentiated when it
/// is a continuous input or a product gate that reads one; bit products and products of bits and spins alone are
/// constants of the continuous inputs and run as in the forward pass.
/// </summary>
internal sealed class GradientPassEmitter
{
    private readonly NetworkModel _network;
    private readonly IReadOnlyList<ParameterSpec> _parameters;
    private readonly GeneratedNames _names;
    private readonly ForwardPassEmitter _forward;
    private readonly bool[] _differentiated;

    public GradientPassEmitter(NetworkModel network, IReadOnlyList<ParameterSpec> parameters, GeneratedNames names, ForwardPassEmitter forward)
    {
        _network = network;
        _parameters = parameters;
        _names = names;
        _forward = forward;
        _differentiated = new bool[network.Gates.Length];
        for (int k = 0; k < network.Gates.Length; k++)
        {
            _differentiated[k] = network.Gates[k] is not BitProductGate && network.Gates[k].Operands.Any(IsDifferentiated);
        }
    }

    private string L => _names["L"];

    /// <summary>True for a continuous input and for a gate whose value depends on one.</summary>
    public bool IsDifferentiated(ValueRef value) =>
        value.IsGate ? _differentiated[value.Index] : _parameters[value.Index].Kind == VariableKind.Continuous;

    /// <summary>
    /// The statements; <paramref name="derivatives"/> names, per input, the variable that receives ∂/∂input (null for
    /// inputs that are not differentiated); the last statement returns the value.
    /// </summary>
    public void EmitBody(IndentedWriter writer, IReadOnlyList<string?> derivatives)
    {
        for (int k = 0; k < _network.Gates.Length; k++)
        {
            if (!_differentiated[k])
            {
                _forward.EmitGates(writer, [k]);
                continue;
            }

            EmitGate(writer, k);
        }

        string value = _names["value"];
        _forward.EmitOutput(writer, _network.OutputConstant, _network.OutputTerms, _network.AccumulatesOutputInDouble, value, _names["OutputWeights"]);
        writer.Line("// Backward: each value's adjoint is its output coefficient plus, for every gate reading it, that gate's adjoint times its derivative.");
        var uses = Uses();
        for (int k = _network.Gates.Length - 1; k >= 0; k--)
        {
            if (_differentiated[k])
            {
                writer.WrappedLine($"var {_names[$"a{k}"]} = {Adjoint(uses, ValueRef.Gate(k))};");
            }
        }

        for (int v = 0; v < derivatives.Count; v++)
        {
            if (derivatives[v] is { } target)
            {
                writer.WrappedLine($"{target} = {Adjoint(uses, ValueRef.Input(v))};");
            }
        }

        writer.Line($"return {value};");
    }

    private void EmitGate(IndentedWriter writer, int k)
    {
        string g = _names[$"g{k}"];
        string label = Literals.Comment(_network.Gates[k].Label);
        switch (_network.Gates[k])
        {
            case MultiplyGate multiply:
                var (wa, wb) = multiply.LeftWeight == multiply.RightWeight ? (_names[$"W{k}"], _names[$"W{k}"]) : (_names[$"W{k}a"], _names[$"W{k}b"]);
                writer.WrappedLine($"var {g} = {L}.MultiplyGateGradient({_forward.Value(multiply.Left)}, {_forward.Value(multiply.Right)}, {wa}, {wb}, {_names[$"S{k}"]}, out var {Partial(k, 0)}, out var {Partial(k, 1)});   // {label}");
                break;
            case SquareGate square:
                writer.WrappedLine($"var {g} = {L}.SquareGateGradient({_forward.Value(square.Operand)}, {_names[$"W{k}"]}, {_names[$"S{k}"]}, out var {Partial(k, 0)});   // {label}");
                break;
            case FlatGate flat:
                EmitFlat(writer, k, flat);
                break;
        }
    }

    private void EmitFlat(IndentedWriter writer, int k, FlatGate flat)
    {
        var scaled = new List<string>();
        for (int i = 0; i < flat.WeightedOperands.Count; i++)
        {
            string name = _names[$"o{k}_{i}"];
            scaled.Add(name);
            if (flat.Pairs.Any(p => p.IsDefinedHere && p.Multipliers[i] != 0))
            {
                writer.Line($"var {name} = {L}.Multiply({_forward.Value(flat.WeightedOperands[i].Value)}, {L}.Constant({_names[$"W{k}{ForwardPassEmitter.Suffix(i)}"]}));");
            }
        }

        string even = flat.IsEven ? "true" : "false";
        foreach (var pair in flat.Pairs.Where(p => p.IsDefinedHere))
        {
            var terms = pair.Multipliers.Select((m, i) => ((double)m, scaled[i])).Where(t => t.Item1 != 0).ToList();
            string method = _forward.MaxPreactivation(flat, pair) <= GateExpRange.For(_network.Precision) ? "FlatPairNearZeroGradient" : "FlatPairGradient";
            writer.WrappedLine($"var {_names[$"f{pair.Id}"]} = {L}.{method}({_forward.Combination(terms, null)}, {_names[$"E{k}"]}, even: {even}, out var {_names[$"h{pair.Id}"]});");
        }

        _forward.EmitSum(writer, flat.Pairs.Select(p => (p.Coefficient, _names[$"f{p.Id}"])).ToList(), 0, _names[$"p{k}"]);
        writer.Line($"var {_names[$"g{k}"]} = {L}.Multiply({_names[$"p{k}"]}, {L}.Constant({_names[$"S{k}"]}));   // {Literals.Comment(flat.Label)}");

        // ∂g/∂operandᵢ = S·wᵢ·Σ pairs coefficient·mᵢ·f'(p).
        for (int i = 0; i < flat.WeightedOperands.Count; i++)
        {
            if (!IsDifferentiated(flat.WeightedOperands[i].Value))
            {
                continue;
            }

            var slopes = flat.Pairs.Where(p => p.Multipliers[i] != 0).Select(p => (p.Coefficient * p.Multipliers[i], _names[$"h{p.Id}"])).ToList();
            string factor = _forward.Number(flat.OutputScale * flat.WeightedOperands[i].Weight);
            writer.WrappedLine($"var {Partial(k, i)} = {L}.Multiply({_forward.Combination(slopes, null)}, {L}.Constant({factor}));");
        }
    }

    /// <summary>The local derivative of gate <paramref name="k"/> with respect to its operand <paramref name="slot"/>.</summary>
    private string Partial(int k, int slot) => _names[$"g{k}_{slot}"];

    /// <summary>For every differentiated value: its output coefficient and the (gate, operand slot) pairs that read it.</summary>
    private Dictionary<ValueRef, (double Coefficient, List<(int Gate, int Slot)> Readers)> Uses()
    {
        var uses = new Dictionary<ValueRef, (double Coefficient, List<(int Gate, int Slot)> Readers)>();
        (double, List<(int, int)>) Entry(ValueRef value) => uses.TryGetValue(value, out var entry) ? entry : (0, new List<(int, int)>());
        foreach (var term in _network.OutputTerms)
        {
            var entry = Entry(term.Value);
            uses[term.Value] = (entry.Item1 + term.Coefficient, entry.Item2);
        }

        for (int k = 0; k < _network.Gates.Length; k++)
        {
            if (!_differentiated[k])
            {
                continue;
            }

            var operands = _network.Gates[k] switch
            {
                MultiplyGate multiply => new[] { multiply.Left, multiply.Right },
                SquareGate square => new[] { square.Operand },
                FlatGate flat => flat.WeightedOperands.Select(o => o.Value).ToArray(),
                _ => System.Array.Empty<ValueRef>(),
            };
            for (int slot = 0; slot < operands.Length; slot++)
            {
                if (IsDifferentiated(operands[slot]))
                {
                    var entry = Entry(operands[slot]);
                    entry.Item2.Add((k, slot));
                    uses[operands[slot]] = entry;
                }
            }
        }

        return uses;
    }

    /// <summary>Σ over the value's uses, as lane operations: the output coefficient first, then each reader's adjoint × derivative.</summary>
    private string Adjoint(Dictionary<ValueRef, (double Coefficient, List<(int Gate, int Slot)> Readers)> uses, ValueRef value)
    {
        if (!uses.TryGetValue(value, out var entry))
        {
            return $"{L}.Constant({_forward.Number(0)})";
        }

        string? sum = entry.Coefficient != 0 ? $"{L}.Constant({_forward.Number(entry.Coefficient)})" : null;
        foreach (var (gate, slot) in entry.Readers.OrderByDescending(r => r.Gate).ThenBy(r => r.Slot))
        {
            string term = $"{L}.Multiply({_names[$"a{gate}"]}, {Partial(gate, slot)})";
            sum = sum is null ? term : $"{L}.Add({sum}, {term})";
        }

        return sum ?? $"{L}.Constant({_forward.Number(0)})";
    }
}
