using System.Collections.Generic;
using System.Linq;
using System.Text;
using PolyNet.Generators.Network;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>
/// Writes the scalar forward pass: gate by gate, every neuron evaluated, weights as constants, no allocation.
/// </summary>
/// <remarks>
/// The two neurons of a ± pair share one exponential: with E = e^(−b) and e = e^(−p),
/// σ(b + p) = 1/(1 + E·e) and σ(b − p) = e/(e + E). The bias b is never added in floating point, which also
/// keeps the rounding of each neuron small.
/// </remarks>
internal sealed class ForwardPassEmitter
{
    private readonly NetworkModel _network;
    private readonly HamiltonianSpec _spec;
    private readonly string _prefix;
    private readonly string _type;
    private readonly string _exp;
    private readonly string _one;
    private readonly string _e;

    public ForwardPassEmitter(HamiltonianSpec spec, NetworkModel network)
    {
        _spec = spec;
        _network = network;
        _prefix = LocalPrefix(spec.Parameters.Select(p => p.Identifier.TrimStart('@')));
        bool isDouble = network.Precision == NumericPrecision.Double;
        _type = isDouble ? "double" : "float";
        _exp = isDouble ? "global::System.Math.Exp" : "global::System.MathF.Exp";
        _one = isDouble ? "1.0" : "1f";
        _e = Number(Sigmoid.ExpNegGateBias);
    }

    public void EmitBody(IndentedWriter writer)
    {
        for (int i = 0; i < _network.Gates.Length; i++)
        {
            EmitGate(writer, i, _network.Gates[i]);
        }

        writer.Line($"return {OutputExpression()};");
    }

    private void EmitGate(IndentedWriter writer, int index, GateModel gate)
    {
        string g = Local("g", index), p = Local("p", index), ep = Local("ep", index);
        string left = Value(gate.Left), right = Value(gate.Right);
        writer.Line($"// {gate.Label}: layer {gate.Layer}, neurons {gate.FirstNeuron}..{gate.FirstNeuron + gate.Kind.NeuronCount() - 1}, |value| <= {Literals.Short(gate.Bound)}, error <= {Literals.Short(gate.Error)}");
        if (gate.Kind == GateKind.Square)
        {
            writer.Line($"{_type} {p} = {Number(gate.LeftWeight)} * {left};");
            writer.Line($"{_type} {ep} = {_exp}(-{p});");
            writer.Line($"{_type} {g} = {Number(gate.OutputScale)} * ({Pair(ep)} - {Number(2 * Sigmoid.Value(Sigmoid.GateBias))});");
            return;
        }

        string q = Local("q", index), eq = Local("eq", index);
        writer.Line($"{_type} {p} = {Number(gate.LeftWeight)} * {left} + {Number(gate.RightWeight)} * {right};");
        writer.Line($"{_type} {q} = {Number(gate.LeftWeight)} * {left} - {Number(gate.RightWeight)} * {right};");
        writer.Line($"{_type} {ep} = {_exp}(-{p});");
        writer.Line($"{_type} {eq} = {_exp}(-{q});");
        writer.Line($"{_type} {g} = {Number(gate.OutputScale)} * ({Pair(ep)} - {Pair(eq)});");
    }

    /// <summary>σ(b + p) + σ(b − p) from e = e^(−p).</summary>
    private string Pair(string e) => $"({_one} / ({_one} + {_e} * {e}) + {e} / ({e} + {_e}))";

    private string OutputExpression()
    {
        var terms = new List<(double Coefficient, string Value)>();
        for (int v = 0; v < _network.LinearTerms.Length; v++)
        {
            if (_network.LinearTerms[v] != 0)
            {
                terms.Add((_network.LinearTerms[v], _spec.Parameters[v].Identifier));
            }
        }

        foreach (var (gate, coefficient) in _network.GateTerms)
        {
            terms.Add((coefficient, Local("g", gate)));
        }

        var text = new StringBuilder();
        if (_network.OutputConstant != 0 || terms.Count == 0)
        {
            text.Append(Number(_network.OutputConstant));
        }

        foreach (var (coefficient, value) in terms)
        {
            bool negative = coefficient < 0;
            double magnitude = negative ? -coefficient : coefficient;
            string product = magnitude == 1 ? value : $"{Number(magnitude)} * {value}";
            if (text.Length == 0)
            {
                text.Append(negative ? "-" : string.Empty).Append(product);
            }
            else
            {
                text.Append(negative ? " - " : " + ").Append(product);
            }
        }

        return text.ToString();
    }

    private string Value(ValueRef value) => value.IsGate ? Local("g", value.Index) : _spec.Parameters[value.Index].Identifier;

    private string Local(string stem, int index) => _prefix + stem + Literals.Int(index);

    private string Number(double value) => Literals.Number(value, _network.Precision);

    /// <summary>Underscores in front of local names until no parameter could collide with them.</summary>
    private static string LocalPrefix(IEnumerable<string> parameterNames)
    {
        var names = parameterNames.ToList();
        string prefix = string.Empty;
        while (names.Any(n => n.StartsWith(prefix, System.StringComparison.Ordinal) && n.Length > prefix.Length
            && "gpqe".IndexOf(n[prefix.Length]) >= 0))
        {
            prefix += "_";
        }

        return prefix;
    }
}
