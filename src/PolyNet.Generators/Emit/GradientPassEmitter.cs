using System;
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
    private readonly Func<int, bool> _differentiatedInput;

    /// <param name="differentiatedInput">Which inputs are differentiated: by default every continuous one.</param>
    public GradientPassEmitter(NetworkModel network, IReadOnlyList<ParameterSpec> parameters, GeneratedNames names, ForwardPassEmitter forward, Func<int, bool>? differentiatedInput = null)
    {
        _network = network;
        _parameters = parameters;
        _names = names;
        _forward = forward;
        _differentiatedInput = differentiatedInput ?? (v => parameters[v].Kind == VariableKind.Continuous);
        _differentiated = new bool[network.Gates.Length];
        for (int k = 0; k < network.Gates.Length; k++)
        {
            _differentiated[k] = network.Gates[k] is not BitProductGate && network.Gates[k].Operands.Any(IsDifferentiated);
        }
    }

    private string L => _names["L"];

    /// <summary>True for a continuous input and for a gate whose value depends on one.</summary>
    public bool IsDifferentiated(ValueRef value) =>
        value.IsGate ? _differentiated[value.Index] : _differentiatedInput(value.Index);

    /// <summary>
    /// The statements; <paramref name="derivatives"/> names, per input, the variable that receives ∂/∂input (null for
    /// inputs that are not differentiated); the last statement returns the value.
    /// </summary>
    public void EmitBody(IndentedWriter writer, IReadOnlyList<string?> derivatives)
    {
        EmitGates(writer);
        string value = _names["value"];
        _forward.EmitOutput(writer, _network.OutputConstant, _network.OutputTerms, _network.AccumulatesOutputInDouble, value, _names["OutputWeights"]);
        EmitBackward(writer, derivatives);
        writer.Line($"return {value};");
    }

    /// <summary>Every gate in evaluation order: differentiated ones with their local derivatives, the others as in the forward pass.</summary>
    public void EmitGates(IndentedWriter writer)
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
    }

    /// <summary>
    /// The adjoints, then <paramref name="derivatives"/>[v] = ∂output/∂input v for each named target. With
    /// <paramref name="termCondition"/>, output term t counts only where its condition (a C# bool expression) holds: an
    /// open lattice's boundary sites drop the terms that read outside.
    /// </summary>
    /// <param name="seedScale">A lane value (0 or 1 per lane) every output coefficient is multiplied by, or null: lanes a
    /// lattice's overlapping last vector has already counted pass no derivative on.</param>
    public void EmitBackward(IndentedWriter writer, IReadOnlyList<string?> derivatives, Func<int, string?>? termCondition = null, string? seedScale = null)
    {
        writer.Line("// Backward: each value's adjoint is its output coefficient plus, for every gate reading it, that gate's adjoint times its derivative.");
        var uses = Uses();
        for (int k = _network.Gates.Length - 1; k >= 0; k--)
        {
            if (_differentiated[k])
            {
                writer.WrappedLine($"var {_names[$"a{k}"]} = {Adjoint(uses, ValueRef.Gate(k), termCondition, seedScale)};");
            }
        }

        for (int v = 0; v < derivatives.Count; v++)
        {
            if (derivatives[v] is { } target)
            {
                writer.WrappedLine($"{target} = {Adjoint(uses, ValueRef.Input(v), termCondition, seedScale)};");
            }
        }
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
        var scaled = _forward.EmitScaledOperands(writer, k, flat);

        string even = flat.IsEven ? "true" : "false";
        foreach (var pair in flat.Pairs.Where(p => p.IsDefinedHere))
        {
            var terms = pair.Multipliers.Select((m, i) => ((double)m, scaled[i])).Where(t => t.Item1 != 0).ToList();
            string method = _forward.MaxPreactivation(flat, pair) <= GateExpRange.For(_network.Precision) ? "FlatPairNearZeroGradient" : "FlatPairGradient";
            writer.WrappedLine($"var {_names[$"f{pair.Id}"]} = {L}.{method}({_forward.Combination(terms, null)}, {_names[$"E{k}"]}, even: {even}, out var {_names[$"h{pair.Id}"]});");
        }

        _forward.EmitFlatOutput(writer, k, flat);

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

    /// <summary>An output coefficient as the backward pass seeds it: times the seed scale, when there is one.</summary>
    private string Seed(string coefficient, string? seedScale) => seedScale is null ? coefficient : $"{L}.Multiply({coefficient}, {seedScale})";

    /// <summary>The local derivative of gate <paramref name="k"/> with respect to its operand <paramref name="slot"/>.</summary>
    private string Partial(int k, int slot) => _names[$"g{k}_{slot}"];

    /// <summary>For every differentiated value: the output terms that read it and the (gate, operand slot) pairs that read it.</summary>
    private Dictionary<ValueRef, (List<int> Terms, List<(int Gate, int Slot)> Readers)> Uses()
    {
        var uses = new Dictionary<ValueRef, (List<int> Terms, List<(int Gate, int Slot)> Readers)>();
        (List<int> Terms, List<(int Gate, int Slot)> Readers) Entry(ValueRef value)
        {
            if (!uses.TryGetValue(value, out var entry))
            {
                entry = (new List<int>(), new List<(int Gate, int Slot)>());
                uses.Add(value, entry);
            }

            return entry;
        }

        for (int t = 0; t < _network.OutputTerms.Length; t++)
        {
            Entry(_network.OutputTerms[t].Value).Terms.Add(t);
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
                _ => Array.Empty<ValueRef>(),
            };
            for (int slot = 0; slot < operands.Length; slot++)
            {
                if (IsDifferentiated(operands[slot]))
                {
                    Entry(operands[slot]).Readers.Add((k, slot));
                }
            }
        }

        return uses;
    }

    /// <summary>Σ over the value's uses, as lane operations: its output coefficients first, then each reader's adjoint × derivative.</summary>
    private string Adjoint(Dictionary<ValueRef, (List<int> Terms, List<(int Gate, int Slot)> Readers)> uses, ValueRef value, Func<int, string?>? termCondition, string? seedScale)
    {
        string zero = $"{L}.Constant({_forward.Number(0)})";
        if (!uses.TryGetValue(value, out var entry))
        {
            return zero;
        }

        string? sum = null;
        var conditioned = entry.Terms.Select(t => (Term: t, Condition: termCondition?.Invoke(t))).ToList();
        double fixedCoefficient = conditioned.Where(c => c.Condition is null).Sum(c => _network.OutputTerms[c.Term].Coefficient);
        if (fixedCoefficient != 0)
        {
            sum = Seed($"{L}.Constant({_forward.Number(fixedCoefficient)})", seedScale);
        }

        foreach (var (term, condition) in conditioned.Where(c => c.Condition is not null))
        {
            string coefficient = Seed($"{L}.Constant({condition} ? {_forward.Number(_network.OutputTerms[term].Coefficient)} : {_forward.Number(0)})", seedScale);
            sum = sum is null ? coefficient : $"{L}.Add({sum}, {coefficient})";
        }

        foreach (var (gate, slot) in entry.Readers.OrderByDescending(r => r.Gate).ThenBy(r => r.Slot))
        {
            string term = $"{L}.Multiply({_names[$"a{gate}"]}, {Partial(gate, slot)})";
            sum = sum is null ? term : $"{L}.Add({sum}, {term})";
        }

        return sum ?? zero;
    }
}
