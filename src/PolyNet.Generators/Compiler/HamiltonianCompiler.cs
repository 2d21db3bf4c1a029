using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using PolyNet.Generators.Lattice;
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
        var parsed = ExpressionParser.Parse(expression);
        if (!parsed.Success)
        {
            return CompiledHamiltonian.Failed(parsed.Errors);
        }

        if (input.HasLatticeParameters || ContainsLatticeSyntax(parsed.Root!, cancellationToken))
        {
            return CompileLattice(input, parsed.Root!, point, cancellationToken);
        }

        var expansion = PolynomialExpander.Expand(parsed.Root!, input.Variables, cancellationToken);
        if (!expansion.Succeeded)
        {
            return CompiledHamiltonian.Failed(expansion.Errors);
        }

        return CompilePolynomial(expansion.Polynomial!, input.Bounds, input.Kinds, input.Precision, input.MaxHiddenLayers, new SourceSpan(0, expression.Length), point, null, cancellationToken);
    }

    /// <summary>A lattice Hamiltonian: its per-site template, compiled like any polynomial over the template's reads.</summary>
    private static CompiledHamiltonian CompileLattice(HamiltonianInput input, ExpressionNode root, OperatingPoint point, CancellationToken cancellationToken)
    {
        var roles = Enumerable.Range(0, input.Variables.Count).Select(input.RoleOf).ToList();
        var lowered = LatticeLowering.Lower(root, input.Variables, roles, input.Boundary, cancellationToken);
        if (lowered.Template is not { } template)
        {
            return CompiledHamiltonian.Failed(lowered.Errors);
        }

        var bounds = template.Reads.Select(r => input.Bounds[r.Parameter]).ToList();
        var kinds = template.Reads.Select(r => input.Kinds[r.Parameter]).ToList();
        var whole = new SourceSpan(0, input.Expression.Length);
        var compiled = CompilePolynomial(template.SitePolynomial, bounds, kinds, input.Precision, input.MaxHiddenLayers, whole, point, template, cancellationToken);
        if (compiled.Network is { } network && network.Gates.Length > ExpressionLimits.MaxUnrolledGates)
        {
            // The sweep, the boundary sites and the one-site updates are written out per gate.
            return Refuse(whole, $"one site's network has {network.Gates.Length} gates; a lattice template may have at most {ExpressionLimits.MaxUnrolledGates}: split the sum or lower its degree");
        }

        return compiled;
    }

    private static bool ContainsLatticeSyntax(ExpressionNode root, CancellationToken cancellationToken) =>
        PolynomialExpander.PostOrder(root, cancellationToken).Any(n => n is SumNode or FieldNode);

    /// <summary>Polynomial → network: the stages after expansion, shared by plain and lattice Hamiltonians.</summary>
    private static CompiledHamiltonian CompilePolynomial(
        Polynomial expanded,
        IReadOnlyList<double> bounds,
        IReadOnlyList<VariableKind> kindList,
        NumericPrecision precision,
        int maxHiddenLayersRequested,
        SourceSpan wholeExpression,
        OperatingPoint point,
        LatticeTemplate? lattice,
        CancellationToken cancellationToken)
    {
        var variables = expanded.Variables;
        var kinds = kindList.ToEquatableArray();
        bool binary = kinds.Any(kind => kind != VariableKind.Continuous);
        var polynomial = binary ? MultilinearReduction.Reduce(expanded, kinds) : expanded;
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
        int maxHiddenLayers = binary ? 0 : maxHiddenLayersRequested;
        if (DepthLimitCheck.Refusal(polynomial, terms, maxHiddenLayers, wholeExpression, cancellationToken) is { } refusal)
        {
            return CompiledHamiltonian.Failed(ImmutableArray.Create(refusal));
        }

        var built = binary
            ? BinaryNetworkBuilder.Build(variables, bounds, kinds, polynomial, point, cancellationToken)
            : NetworkBuilder.Build(variables, bounds, terms.ToImmutable(), point, maxHiddenLayers, inputErrors: null, cancellationToken);
        if (built.Network is not { } network)
        {
            return Refuse(wholeExpression, built.LimitMessage!);
        }

        if (!IsRepresentable(network, largest))
        {
            return Refuse(wholeExpression, $"the network's weights or error bound overflow {Name(precision)}; lower InputBound, the [Bound] values or the degree");
        }

        return new CompiledHamiltonian(polynomial, terms.MoveToImmutable(), network, ImmutableArray<ExpressionError>.Empty, lattice, kinds);
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
