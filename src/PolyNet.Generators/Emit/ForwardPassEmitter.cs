using System.Collections.Generic;
using System.Linq;
using System.Text;
using PolyNet.Generators.Network;

namespace PolyNet.Generators.Emit;

/// <summary>
/// Writes the forward pass gate by gate, every neuron evaluated, weights as constants, no allocation, in any
/// <see cref="Arithmetic"/> (the scalar method and each vector width of the batch overload share it).
/// </summary>
/// <remarks>
/// The two neurons of a ± pair share one exponential, and their sum is taken in closed form: with E = e^(−b)
/// and e = e^(−p), σ(b + p) = 1/(1 + E·e), σ(b − p) = e/(e + E), so
/// σ(b + p) + σ(b − p) − 2σ(b) = K·(e − 1)²/((e + E)(1 + E·e)) with K = E(E − 1)/(1 + E). That is exactly the
/// pair's output (the constant 2σ(b) cancels between the pairs of a gate, or moves into the output of a
/// square gate), computed without the cancellation of subtracting nearly equal sigmoids and with one division
/// per gate instead of four. The bias b is never added in floating point.
/// </remarks>
internal sealed class ForwardPassEmitter
{
    private readonly NetworkModel _network;
    private readonly Arithmetic _arithmetic;
    private readonly IReadOnlyList<string> _inputs;
    private readonly string _prefix;

    /// <param name="inputs">The expression that reads each input in this arithmetic (a parameter or a loaded vector).</param>
    /// <param name="localPrefix">Prefix that keeps generated locals clear of parameter names.</param>
    public ForwardPassEmitter(NetworkModel network, Arithmetic arithmetic, IReadOnlyList<string> inputs, string localPrefix)
    {
        _network = network;
        _arithmetic = arithmetic;
        _inputs = inputs;
        _prefix = localPrefix;
    }

    public void EmitGates(IndentedWriter writer)
    {
        for (int i = 0; i < _network.Gates.Length; i++)
        {
            EmitGate(writer, i, _network.Gates[i]);
        }
    }

    public string OutputExpression()
    {
        var terms = new List<(double Coefficient, string Value)>();
        for (int v = 0; v < _network.LinearTerms.Length; v++)
        {
            if (_network.LinearTerms[v] != 0)
            {
                terms.Add((_network.LinearTerms[v], _inputs[v]));
            }
        }

        foreach (var (gate, coefficient) in _network.GateTerms)
        {
            terms.Add((coefficient, Local("g", gate)));
        }

        if (_network.AccumulatesOutputInDouble)
        {
            return BitProductEmitter.OutputInDouble(_arithmetic, _network.OutputConstant, terms);
        }

        var text = new StringBuilder();
        if (_network.OutputConstant != 0 || terms.Count == 0)
        {
            text.Append(_arithmetic.Constant(_network.OutputConstant));
        }

        foreach (var (coefficient, value) in terms)
        {
            text.AppendTerm(coefficient, value, _arithmetic.Constant);
        }

        return text.ToString();
    }

    /// <summary>Underscores in front of generated local names until no parameter can collide with one.</summary>
    public static string LocalPrefix(IEnumerable<string> parameterNames)
    {
        const string Stems = "gpqeilrvmd";
        var names = parameterNames.ToList();
        string prefix = string.Empty;
        while (names.Any(n => n.Length > prefix.Length && n.StartsWith(prefix, System.StringComparison.Ordinal) && Stems.IndexOf(n[prefix.Length]) >= 0))
        {
            prefix += "_";
        }

        return prefix;
    }

    private void EmitGate(IndentedWriter writer, int index, GateModel gate)
    {
        if (gate.Kind == GateKind.BitProduct)
        {
            BitProductEmitter.EmitNeuron(writer, _arithmetic, gate, _network.Neurons[gate.FirstNeuron], v => _inputs[v], Local("p", index), Local("g", index));
            return;
        }

        if (gate.Flat is { } flat)
        {
            new FlatGateEmitter(_arithmetic, Value, name => _prefix + name).Emit(writer, index, gate, flat);
            return;
        }

        string type = _arithmetic.Type;
        string g = Local("g", index), p = Local("p", index), ep = Local("ep", index), dp = Local("dp", index);
        string left = Value(gate.Left), right = Value(gate.Right);
        string one = _arithmetic.Constant(1), e = _arithmetic.Constant(Sigmoid.ExpNegGateBias);
        string scale = _arithmetic.Constant(gate.OutputScale * Sigmoid.PairConstant);
        writer.Line($"// {gate.Label}: layer {gate.Layer}, neurons {gate.FirstNeuron}..{gate.FirstNeuron + gate.Kind.NeuronCount() - 1}, |value| <= {Literals.Short(gate.Bound)}, error <= {Literals.Short(gate.Error)}");
        if (gate.Kind == GateKind.Square)
        {
            string mp = Local("mp", index);
            writer.Line($"{type} {p} = {_arithmetic.Constant(gate.LeftWeight)} * {left};");
            writer.Line($"{type} {ep} = {_arithmetic.Exp("-" + p)};");
            writer.Line($"{type} {mp} = {ep} - {one};");
            writer.Line($"{type} {g} = {scale} * ({mp} * {mp}) / (({ep} + {e}) * ({one} + {e} * {ep}));");
            return;
        }

        string q = Local("q", index), eq = Local("eq", index), dq = Local("dq", index), mp2 = Local("mp", index), mq = Local("mq", index);
        string leftWeight = _arithmetic.Constant(gate.LeftWeight), rightWeight = _arithmetic.Constant(gate.RightWeight);
        writer.Line($"{type} {p} = {leftWeight} * {left} + {rightWeight} * {right};");
        writer.Line($"{type} {q} = {leftWeight} * {left} - {rightWeight} * {right};");
        writer.Line($"{type} {ep} = {_arithmetic.Exp("-" + p)};");
        writer.Line($"{type} {eq} = {_arithmetic.Exp("-" + q)};");
        writer.Line($"{type} {mp2} = {ep} - {one};");
        writer.Line($"{type} {mq} = {eq} - {one};");
        writer.Line($"{type} {dp} = ({ep} + {e}) * ({one} + {e} * {ep});");
        writer.Line($"{type} {dq} = ({eq} + {e}) * ({one} + {e} * {eq});");
        writer.Line($"{type} {g} = {scale} * ({mp2} * {mp2} * {dq} - {mq} * {mq} * {dp}) / ({dp} * {dq});");
    }

    private string Value(ValueRef value) => value.IsGate ? Local("g", value.Index) : _inputs[value.Index];

    private string Local(string stem, int index) => _prefix + stem + Literals.Int(index);
}
