using System;
using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Network;
using PolyNet.Generators.Network.Flat;

namespace PolyNet.Generators.Emit;

/// <summary>
/// Writes a flat product gate (DESIGN.md §2.5): every neuron evaluated, two per exponential. With E = e^(−b)
/// and e = e^(−p): σ(b + p) = 1/(1 + E·e) and σ(b − p) = e/(e + E). Even degree: the pair enters as
/// σ(b+p) + σ(b−p) − 2σ(b) = K(e − 1)²/((e + E)(1 + E·e)), K = E(E − 1)/(1 + E) (the 2σ(b) terms cancel
/// over the whole product); odd degree: σ(b+p) − σ(b−p) = E(1 − e²)/((1 + E·e)(e + E)). Pairs that an
/// earlier gate already evaluated (identical neurons) are read, not recomputed.
/// </summary>
internal sealed class FlatGateEmitter
{
    private const int TermsPerLine = 4;

    private readonly Arithmetic _arithmetic;
    private readonly Func<ValueRef, string> _value;
    private readonly Func<string, string> _local;

    /// <param name="value">The expression of an operand (an input or an earlier gate's local).</param>
    /// <param name="local">Prefixes a generated local name so it cannot collide with a parameter.</param>
    public FlatGateEmitter(Arithmetic arithmetic, Func<ValueRef, string> value, Func<string, string> local)
    {
        _arithmetic = arithmetic;
        _value = value;
        _local = local;
    }

    public void Emit(IndentedWriter writer, int index, GateModel gate, FlatProductModel flat)
    {
        string type = _arithmetic.Type;
        int shared = flat.Pairs.Count(p => !p.IsDefinedHere);
        writer.Line($"// {gate.Label}: flat product of degree {flat.Degree}, layer {gate.Layer}, {flat.NeuronCount} neurons{(shared > 0 ? $" ({2 * shared} shared)" : string.Empty)}, |value| <= {Literals.Short(gate.Bound)}, error <= {Literals.Short(gate.Error)}");
        var scaled = new List<string>();
        for (int i = 0; i < flat.Operands.Length; i++)
        {
            string name = _local($"gw{index}_{i}");
            scaled.Add(name);
            if (flat.Pairs.Any(p => p.IsDefinedHere && p.Multipliers[i] != 0))
            {
                writer.Line($"{type} {name} = {_arithmetic.Constant(flat.OperandWeights[i])} * {_value(flat.Operands[i])};");
            }
        }

        string one = _arithmetic.Constant(1), e = _arithmetic.Constant(flat.ExpNegBias);
        foreach (var pair in flat.Pairs.Where(p => p.IsDefinedHere))
        {
            string p = _local($"pf{pair.Id}"), ep = _local($"ef{pair.Id}"), dp = _local($"df{pair.Id}");
            writer.Line($"{type} {p} = {Preactivation(pair, scaled)};");
            writer.Line($"{type} {ep} = {_arithmetic.Exp("-" + p)};");
            if (flat.IsEven)
            {
                string mp = _local($"mf{pair.Id}");
                writer.Line($"{type} {mp} = {ep} - {one};");
                writer.Line($"{type} {dp} = {mp} * {mp} / (({ep} + {e}) * ({one} + {e} * {ep}));");
            }
            else
            {
                writer.Line($"{type} {dp} = ({one} - {ep} * {ep}) / (({one} + {e} * {ep}) * ({ep} + {e}));");
            }
        }

        double constant = flat.IsEven ? Sigmoid.PairConstantFor(flat.ExpNegBias) : flat.ExpNegBias;
        var terms = flat.Pairs.Select((pair, k) => Term(pair, k == 0)).ToList();
        writer.Line($"{type} {_local("g" + Literals.Int(index))} = {_arithmetic.Constant(flat.OutputScale * constant)} * ({string.Concat(terms.Take(TermsPerLine))}{(terms.Count <= TermsPerLine ? ");" : string.Empty)}");
        for (int start = TermsPerLine; start < terms.Count; start += TermsPerLine)
        {
            bool last = start + TermsPerLine >= terms.Count;
            writer.Line($"    {string.Concat(terms.Skip(start).Take(TermsPerLine)).TrimStart()}{(last ? ");" : string.Empty)}");
        }
    }

    private string Term(FlatPair pair, bool first) => SignedTerm.Format(pair.Coefficient, _local($"df{pair.Id}"), _arithmetic.Constant, first);

    private string Preactivation(FlatPair pair, List<string> scaled)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < pair.Multipliers.Length; i++)
        {
            if (pair.Multipliers[i] != 0)
            {
                text.AppendTerm(pair.Multipliers[i], scaled[i], _arithmetic.Constant);
            }
        }

        return text.ToString();
    }
}
