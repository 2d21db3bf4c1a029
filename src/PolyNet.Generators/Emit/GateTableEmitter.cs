using System.Collections.Generic;
using System.Linq;
using System.Text;
using PolyNet.Generators.Network;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>
/// Writes the network as the runtime's gate table (<c>SigmoidNetworkDefinition.Gates</c>, version 1): one gate per line,
/// <c>%k = kind operands weights scale</c>, values named by their input or <c>%k</c>, then the output map. The runtime
/// expands it into neurons for <c>SigmoidNetwork</c> and runs it as a program for networks too large to unroll.
/// </summary>
internal static class GateTableEmitter
{
    public static IEnumerable<string> Gates(NetworkModel network, IReadOnlyList<ParameterSpec> parameters)
    {
        for (int k = 0; k < network.Gates.Length; k++)
        {
            string Value(ValueRef value) => value.IsGate ? $"%{value.Index}" : parameters[value.Index].Name;
            var gate = network.Gates[k];
            string line = gate switch
            {
                MultiplyGate m => $"mul {Value(m.Left)} {Value(m.Right)} {D(m.LeftWeight)} {D(m.RightWeight)} {D(m.OutputScale)}",
                SquareGate q => $"sq {Value(q.Operand)} {D(q.Weight)} {D(q.OutputScale)}",
                BitProductGate b => $"bit {D(b.Bias)} " + string.Join(" ", b.Inputs.Select(i => $"{Value(i.Value)} {D(i.Weight)}")),
                FlatGate f => Flat(f, Value),
                _ => string.Empty,
            };
            yield return $"%{k} = {line}";
        }
    }

    /// <summary>The output map: the constant, then "value coefficient" for every output term.</summary>
    public static IEnumerable<string> OutputTokens(NetworkModel network, IReadOnlyList<ParameterSpec> parameters)
    {
        yield return D(network.OutputConstant);
        foreach (var term in network.OutputTerms)
        {
            yield return (term.Value.IsGate ? $"%{term.Value.Index}" : parameters[term.Value.Index].Name) + " " + D(term.Coefficient);
        }
    }

    private static string Flat(FlatGate flat, System.Func<ValueRef, string> value)
    {
        var text = new StringBuilder($"flat {D(flat.Bias)} {D(flat.OutputScale)} {(flat.IsEven ? "even" : "odd")} {flat.WeightedOperands.Count}");
        foreach (var operand in flat.WeightedOperands)
        {
            text.Append(' ').Append(value(operand.Value)).Append(' ').Append(D(operand.Weight));
        }

        text.Append(" :");
        for (int p = 0; p < flat.Pairs.Count; p++)
        {
            var pair = flat.Pairs[p];
            text.Append(p == 0 ? " " : " ; ").Append(D(pair.Coefficient));
            foreach (int multiplier in pair.Multipliers)
            {
                text.Append(' ').Append(Literals.Int(multiplier));
            }
        }

        return text.ToString();
    }

    private static string D(double value) => Literals.Double(value);
}
