using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Network;

/// <summary>
/// One bit-product neuron σ(β(Σ_K y − k + ½)) over a set K of bit or spin inputs (docs/design.md §6). A spin is read
/// directly: with y = (s + 1)/2 its weight is β/2 and the bias gains β/2, so the neuron's argument stays a multiple of
/// β plus β/2.
/// </summary>
/// <param name="Bits">The input indices of K, ascending.</param>
/// <param name="Label">The product for comments, e.g. "a*b" or "y(s1)*y(s2)" with y(s) = (s + 1)/2.</param>
/// <param name="OutputCoefficient">Its coefficient in the output (0 when only gates read it).</param>
internal sealed record BitProduct(EquatableArray<int> Bits, string Label, double OutputCoefficient, EquatableArray<WeightedValue> Inputs, double Bias)
{
    public static BitProduct Create(IReadOnlyList<int> bits, IReadOnlyList<string> variables, IReadOnlyList<VariableKind> kinds, double beta)
    {
        int spins = bits.Count(v => kinds[v] == VariableKind.Spin);
        double bias = beta * (0.5 - bits.Count + (0.5 * spins));
        var inputs = bits.Select(v => new WeightedValue(ValueRef.Input(v), kinds[v] == VariableKind.Spin ? beta / 2 : beta)).ToEquatableArray();
        string label = string.Join("*", bits.Select(v => kinds[v] == VariableKind.Spin ? $"y({variables[v]})" : variables[v]));
        return new BitProduct(bits.ToEquatableArray(), label, 0, inputs, bias);
    }

    public BitProductGate ToGate(double error) => new(Inputs, Bias, Label, error);
}
