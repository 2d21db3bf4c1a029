using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PolyNet.Generators.Polynomials;

namespace PolyNet.Generators.Network;

/// <summary>
/// One bit-product neuron σ(β(Σ_K y − k + ½)) over a set K of bit or spin inputs. A spin is read directly: with
/// y = (s + 1)/2 its weight is β/2 and the bias gains β/2, so the neuron's argument stays a multiple of β plus β/2.
/// </summary>
/// <param name="Bits">The input indices of K, ascending.</param>
/// <param name="Label">The product for comments, e.g. "a*b" or "y(s1)*y(s2)" with y(s) = (s + 1)/2.</param>
/// <param name="OutputCoefficient">Its coefficient in the output (0 when only gates read it).</param>
internal sealed record BitProduct(ImmutableArray<int> Bits, string Label, double OutputCoefficient, NeuronModel Neuron)
{
    public static BitProduct Create(IReadOnlyList<int> bits, IReadOnlyList<string> variables, IReadOnlyList<VariableKind> kinds, double beta)
    {
        int spins = bits.Count(v => kinds[v] == VariableKind.Spin);
        double bias = beta * (0.5 - bits.Count + (0.5 * spins));
        var synapses = bits.Select(v => new SynapseModel(v, kinds[v] == VariableKind.Spin ? beta / 2 : beta)).ToImmutableArray();
        string label = string.Join("*", bits.Select(v => kinds[v] == VariableKind.Spin ? $"y({variables[v]})" : variables[v]));

        // Layer 1; with every input 0 the preactivation is the bias itself, exactly.
        return new BitProduct(bits.ToImmutableArray(), label, 0, new NeuronModel(1, bias, synapses, bias));
    }
}
