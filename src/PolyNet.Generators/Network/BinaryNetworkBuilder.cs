using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Network;

/// <summary>
/// Compiles a Hamiltonian over bits, spins and continuous variables (docs/design.md §6). The reduced polynomial is
/// rewritten over bits (s = 2y − 1); every bit set K of a non-linear term becomes ONE neuron σ(β(Σ_K y − k + ½)) in
/// hidden layer 1, reading spins directly (y = (s + 1)/2 folded into its weights and bias); linear and constant terms
/// go to the output map. A mixed term c·∏_K y·∏ s·m(x) keeps its spins (exact gate inputs of bound 1) and treats the
/// product of its bools as one more continuous input of bound 1 whose error is the neuron's (a single bool needs no
/// neuron: it feeds the gate directly), and hands the term to <see cref="NetworkBuilder"/>'s gates. When a gate reads
/// a bit-product neuron, every gate sits one layer deeper than in a continuous network.
/// </summary>
internal static class BinaryNetworkBuilder
{
    public static NetworkBuildResult Build(
        IReadOnlyList<string> variables,
        IReadOnlyList<double> bounds,
        IReadOnlyList<VariableKind> kinds,
        Polynomial reduced,
        OperatingPoint point,
        CancellationToken cancellationToken)
    {
        var precision = point.Precision;
        if (MultilinearReduction.BitFormTermCount(reduced, kinds, ExpressionLimits.MaxExpandedTerms) > ExpressionLimits.MaxExpandedTerms)
        {
            return new NetworkBuildResult(null, string.Format(
                CultureInfo.InvariantCulture,
                "rewriting the spins as bits (s = 2y − 1) gives more than {0:N0} terms, the limit; use fewer spins per monomial",
                ExpressionLimits.MaxExpandedTerms));
        }

        // |value| ≤ 1 for bits and spins, whatever bound the caller had for them.
        var valueBounds = Enumerable.Range(0, variables.Count).Select(v => kinds[v] == VariableKind.Continuous ? bounds[v] : 1.0).ToArray();
        var layout = new BinaryLayout(variables, kinds, precision, point.Beta);
        foreach (var (monomial, coefficient) in MultilinearReduction.SpinsToBits(reduced, kinds).Terms)
        {
            cancellationToken.ThrowIfCancellationRequested();
            layout.Add(monomial, coefficient);
        }

        // |H| ≤ Σ|c|·∏ bound^r over the user's own (reduced) polynomial: bounds the float output's final rounding.
        double valueBound = reduced.Terms.Sum(t => Math.Abs(t.Coefficient.ToDouble()) * Enumerable.Range(0, variables.Count)
            .Aggregate(1.0, (product, v) => product * Math.Pow(valueBounds[v], t.Monomial[v])));

        NetworkModel? gates = null;
        if (layout.GateTerms.Count > 0)
        {
            var built = NetworkBuilder.Build(layout.GateVariableNames, layout.GateVariableBounds(valueBounds), layout.GateTerms, point, maxHiddenLayers: 0, layout.GateVariableErrors, cancellationToken);
            if (built.Network is null)
            {
                return built;
            }

            gates = built.Network;
        }

        return new NetworkBuildResult(Compose(layout, gates, valueBounds, precision, valueBound), null);
    }

    /// <param name="bounds">|value| ≤ bound per input, 1 for bits and spins.</param>
    private static NetworkModel Compose(BinaryLayout layout, NetworkModel? gateNetwork, IReadOnlyList<double> bounds, NumericPrecision precision, double valueBound)
    {
        int inputs = layout.VariableCount;
        var gates = new List<Gate>();
        var output = new List<OutputTerm>();
        double errorSum = 0, gatePartMagnitude = 0;
        double magnitude = Math.Abs(layout.Constant);
        double constant = layout.Constant;
        double[] linear = layout.Linear;
        for (int v = 0; v < inputs; v++)
        {
            if (linear[v] != 0)
            {
                output.Add(new OutputTerm(ValueRef.Input(v), linear[v]));
            }

            magnitude += Math.Abs(linear[v]) * bounds[v];
        }

        foreach (var product in layout.Products)
        {
            gates.Add(product.ToGate(layout.NeuronError));
            if (product.OutputCoefficient != 0)
            {
                output.Add(new OutputTerm(ValueRef.Gate(gates.Count - 1), product.OutputCoefficient));
                errorSum += Math.Abs(product.OutputCoefficient) * layout.NeuronError;
                magnitude += Math.Abs(product.OutputCoefficient) * (1 + layout.NeuronError);
            }
        }

        if (gateNetwork is not null)
        {
            var remap = new GateNetworkRemap(layout, gates.Count);
            gates.AddRange(gateNetwork.Gates.Select(remap.Gate));
            constant += gateNetwork.OutputConstant;
            foreach (var term in gateNetwork.OutputTerms)
            {
                output.Add(term with { Value = remap.Value(term.Value) });
                if (term.Value.IsGate)
                {
                    var model = gateNetwork.Gates[term.Value.Index];
                    errorSum += Math.Abs(term.Coefficient) * model.Error;
                    gatePartMagnitude += Math.Abs(term.Coefficient) * (model.Bound + model.Error);
                }
            }
        }

        // The output sum: n terms in double (γ_n) plus one u per coefficient. Float networks accumulate in double and
        // round to float once: one float u of |result| ≤ valueBound + error, plus the gates' coefficients, which the
        // gate network stores rounded to float.
        magnitude += gatePartMagnitude;
        double rounding = NumericPrecision.Double.OutputSumRounding(layout.TermCount, magnitude);
        if (precision == NumericPrecision.Single)
        {
            rounding += precision.UnitRoundoff() * (gatePartMagnitude + valueBound + errorSum);
        }

        return new NetworkModel(
            precision,
            bounds.ToImmutableArray(),
            gates.ToImmutableArray(),
            constant,
            output.ToImmutableArray(),
            NetworkBuilder.RoundUp(errorSum + rounding),
            accumulatesOutputInDouble: precision == NumericPrecision.Single);
    }
}
