using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using PolyNet.Generators.Network;
using PolyNet.Generators.Parse;
using PolyNet.Generators.Polynomials;

namespace PolyNet.Generators.Pipeline;

/// <summary>
/// Runs the Roslyn-free stages for one expression. Shared by the generator (to emit code) and the analyzer
/// (to report diagnostics), so both always agree.
/// </summary>
internal static class HamiltonianCompiler
{
    public static CompiledHamiltonian Compile(
        string expression,
        IReadOnlyList<string> variables,
        IReadOnlyList<double> bounds,
        NumericPrecision precision,
        CancellationToken cancellationToken = default) =>
        Compile(HamiltonianInput.Continuous(expression, variables, bounds, precision), cancellationToken);

    public static CompiledHamiltonian Compile(HamiltonianInput input, CancellationToken cancellationToken = default)
    {
        string expression = input.Expression;
        IReadOnlyList<string> variables = input.Variables;
        IReadOnlyList<double> bounds = input.Bounds;
        NumericPrecision precision = input.Precision;
        var parsed = ExpressionParser.Parse(expression);
        if (!parsed.Success)
        {
            return CompiledHamiltonian.Failed(parsed.Errors);
        }

        var expansion = PolynomialExpander.Expand(parsed.Root!, variables, cancellationToken);
        if (!expansion.Succeeded)
        {
            return CompiledHamiltonian.Failed(expansion.Errors);
        }

        bool binary = input.Kinds.Any(kind => kind != VariableKind.Continuous);
        var polynomial = binary ? MultilinearReduction.Reduce(expansion.Polynomial!, input.Kinds) : expansion.Polynomial!;
        var wholeExpression = new SourceSpan(0, expression.Length);
        double largest = precision == NumericPrecision.Double ? double.MaxValue : float.MaxValue;
        var terms = ImmutableArray.CreateBuilder<NetworkTerm>(polynomial.TermCount);
        foreach (var (monomial, coefficient) in polynomial.Terms)
        {
            double value = coefficient.ToDouble();
            if (!(Math.Abs(value) <= largest))
            {
                return Refuse(wholeExpression, $"the coefficient of {monomial.ToText(variables)} is out of the range of {Name(precision)}");
            }

            terms.Add(new NetworkTerm(Enumerable.Range(0, variables.Count).Select(v => monomial[v]).ToImmutableArray(), value));
        }

        // Bits and spins are one layer already: a depth limit only reshapes continuous Hamiltonians.
        int maxHiddenLayers = binary ? 0 : input.MaxHiddenLayers;
        if (DepthLimitCheck.Refusal(polynomial, terms, maxHiddenLayers, wholeExpression, cancellationToken) is { } refusal)
        {
            return CompiledHamiltonian.Failed(ImmutableArray.Create(refusal));
        }

        var built = binary
            ? BinaryNetworkBuilder.Build(variables, bounds, input.Kinds, polynomial, precision, cancellationToken)
            : NetworkBuilder.Build(variables, bounds, terms.ToImmutable(), precision, cancellationToken, maxHiddenLayers: maxHiddenLayers);
        if (built.Network is not { } network)
        {
            return Refuse(wholeExpression, built.LimitMessage!);
        }

        if (!IsRepresentable(network, largest))
        {
            return Refuse(wholeExpression, $"the network's weights or error bound overflow {Name(precision)}; lower InputBound, the [Bound] values or the degree");
        }

        return new CompiledHamiltonian(polynomial, terms.MoveToImmutable(), network, ImmutableArray<ExpressionError>.Empty);
    }

    private static bool IsRepresentable(NetworkModel network, double largest)
    {
        static bool Finite(double value, double limit) => Math.Abs(value) <= limit;
        return Finite(network.MaxError, largest)
            && Finite(network.OutputBias, largest)
            && network.Gates.All(g => Finite(g.OutputScale, largest) && g.LeftWeight > 0 && Finite(g.Bound, largest))
            && network.OutputSynapses.All(s => Finite(s.Weight, largest))
            && network.Neurons.All(n => Finite(n.Bias, largest) && n.Synapses.All(s => Finite(s.Weight, largest)));
    }

    private static CompiledHamiltonian Refuse(SourceSpan span, string message) =>
        CompiledHamiltonian.Failed(ImmutableArray.Create(new ExpressionError(ExpressionErrorKind.LimitExceeded, message, span)));

    private static string Name(NumericPrecision precision) => precision == NumericPrecision.Double ? "double" : "float";
}
