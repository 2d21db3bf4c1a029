using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using PolyNet.Generators.Network;
using PolyNet.Generators.Parse;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Compiler;

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

    public static CompiledHamiltonian Compile(HamiltonianInput input, CancellationToken cancellationToken = default) =>
        Compile(input, OperatingPoint.For(input.Precision), cancellationToken);

    /// <summary>Compiles with the gates at <paramref name="point"/> instead of their calibrated optimum.</summary>
    public static CompiledHamiltonian Compile(HamiltonianInput input, OperatingPoint point, CancellationToken cancellationToken = default)
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

        bool binary = input.HasBinaryVariables;
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

            terms.Add(new NetworkTerm(monomial, value));
        }

        // Bits and spins are one layer already: a depth limit only reshapes continuous Hamiltonians.
        int maxHiddenLayers = binary ? 0 : input.MaxHiddenLayers;
        if (DepthLimitCheck.Refusal(polynomial, terms, maxHiddenLayers, wholeExpression, cancellationToken) is { } refusal)
        {
            return CompiledHamiltonian.Failed(ImmutableArray.Create(refusal));
        }

        var built = binary
            ? BinaryNetworkBuilder.Build(variables, bounds, input.Kinds, polynomial, point, cancellationToken)
            : NetworkBuilder.Build(variables, bounds, terms.ToImmutable(), point, maxHiddenLayers, inputErrors: null, cancellationToken);
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
        bool Finite(double value) => Math.Abs(value) <= largest;
        return Finite(network.MaxError)
            && Finite(network.OutputConstant)
            && network.OutputTerms.All(t => Finite(t.Coefficient))
            && network.Gates.All(g => Finite(g.Bound) && g switch
            {
                MultiplyGate m => Finite(m.OutputScale) && m.LeftWeight > 0 && m.RightWeight > 0,
                SquareGate q => Finite(q.OutputScale) && q.Weight > 0,
                FlatGate f => Finite(f.OutputScale) && f.WeightedOperands.All(o => o.Weight > 0),
                _ => true,
            });
    }

    private static CompiledHamiltonian Refuse(SourceSpan span, string message) =>
        CompiledHamiltonian.Failed(ImmutableArray.Create(new ExpressionError(ExpressionErrorKind.LimitExceeded, message, span)));

    private static string Name(NumericPrecision precision) => precision == NumericPrecision.Double ? "double" : "float";
}
