using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PolyNet.Generators.Network;

namespace PolyNet.Generators.Emit;

/// <summary>
/// Writes what networks over bits and spins add to the forward pass: the one-neuron bit product
/// σ(Σ w·x + bias) = 1/(1 + e^(−t)) with the full-range exponential (the argument reaches ±β·k), and, for float
/// networks, the output sum accumulated in double and rounded to float once.
/// </summary>
internal static class BitProductEmitter
{
    /// <param name="input">Reads input v in this arithmetic (a converted parameter or a widened vector).</param>
    public static void EmitNeuron(IndentedWriter writer, Arithmetic arithmetic, GateModel gate, NeuronModel neuron, Func<int, string> input, string argument, string value)
    {
        writer.Line($"// {gate.Label}: layer {gate.Layer}, neuron {gate.FirstNeuron}, bit product, error <= {Literals.Short(gate.Error)}");
        var sum = new StringBuilder();
        foreach (var synapse in neuron.Synapses)
        {
            sum.AppendTerm(synapse.Weight, input(synapse.Source), arithmetic.Constant, omitUnit: false);
        }

        sum.Append(neuron.Bias < 0 ? " - " : " + ").Append(arithmetic.Constant(Math.Abs(neuron.Bias)));
        string one = arithmetic.Constant(1);
        writer.Line($"{arithmetic.Type} {argument} = {sum};");
        writer.Line($"{arithmetic.Type} {value} = {one} / ({one} + {arithmetic.ExpFullRange("-" + argument)});");
    }

    /// <summary>
    /// constant + Σ coefficient·value in double, rounded to float once: each float value converts exactly, so the only
    /// roundings are those of a double sum and the final one.
    /// </summary>
    public static string OutputInDouble(Arithmetic arithmetic, double constant, IReadOnlyList<(double Coefficient, string Value)> terms)
    {
        if (arithmetic.VectorClass is not { } vector)
        {
            return $"(float)({Sum(constant, terms.Select(t => (t.Coefficient, $"(double){t.Value}")), Literals.Double)})";
        }

        string Create(double c) => $"{vector}.Create({Literals.Double(c)})";
        string lower = Sum(constant, terms.Select(t => (t.Coefficient, $"{vector}.WidenLower({t.Value})")), Create);
        string upper = Sum(constant, terms.Select(t => (t.Coefficient, $"{vector}.WidenUpper({t.Value})")), Create);
        return $"{vector}.Narrow({lower}, {upper})";
    }

    private static string Sum(double constant, IEnumerable<(double Coefficient, string Value)> terms, Func<double, string> literal)
    {
        var text = new StringBuilder(literal(constant));
        foreach (var (coefficient, value) in terms)
        {
            text.AppendTerm(coefficient, value, literal, omitUnit: false);
        }

        return text.ToString();
    }
}
