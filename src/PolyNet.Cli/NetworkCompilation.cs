using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PolyNet.Generators.Compiler;
using PolyNet.Generators.Emit;
using PolyNet.Generators.Parse;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Shared;
using PolyNet.Generators.Spec;

namespace PolyNet.Cli;

/// <summary>
/// One expression run through the generator's Roslyn-free stages (parse, expand, plan, build), the way the generator
/// and the analyzer run it, and the runtime's <see cref="SigmoidNetwork"/> built from the description generated code would hold.
/// </summary>
internal sealed class NetworkCompilation
{
    private NetworkCompilation(NetworkRequest request, HamiltonianInput? input, CompiledHamiltonian compiled, SigmoidNetwork? network)
    {
        Request = request;
        Input = input;
        Compiled = compiled;
        Network = network;
    }

    public NetworkRequest Request { get; }

    /// <summary>What the compiler was given; null when the expression does not parse.</summary>
    public HamiltonianInput? Input { get; }

    public CompiledHamiltonian Compiled { get; }

    /// <summary>The runtime network; null when compilation failed.</summary>
    public SigmoidNetwork? Network { get; }

    public ImmutableArray<ExpressionError> Errors => Compiled.Errors;

    public bool Succeeded => Network is not null;

    /// <summary>The variables, in order of first appearance in the expression.</summary>
    public IReadOnlyList<string> Variables => Input?.Variables ?? (IReadOnlyList<string>)[];

    /// <summary>Compiles <paramref name="request"/>; throws <see cref="UsageException"/> when --spin or --bits name a variable the expression does not use.</summary>
    public static NetworkCompilation Compile(NetworkRequest request)
    {
        var parsed = ExpressionParser.Parse(request.Expression);
        if (!parsed.Success)
        {
            return new NetworkCompilation(request, null, CompiledHamiltonian.Failed(parsed.Errors), null);
        }

        var variables = VariablesOf(parsed.Root!);
        foreach (string name in request.Spins.Concat(request.Bits))
        {
            if (!variables.Contains(name, StringComparer.Ordinal))
            {
                throw new UsageException($"'{name}' is not a variable of the expression (its variables: {(variables.Count == 0 ? "none" : string.Join(", ", variables))})");
            }
        }

        var kinds = variables.Select(request.KindOf).ToList();
        var input = new HamiltonianInput(
            request.Expression,
            variables.ToEquatableArray(),
            kinds.Select(kind => kind == VariableKind.Continuous ? request.Bound : 1.0).ToEquatableArray(),
            kinds.ToEquatableArray(),
            request.Precision,
            request.MaxHiddenLayers);
        var compiled = HamiltonianCompiler.Compile(input);
        if (!compiled.Succeeded)
        {
            return new NetworkCompilation(request, input, compiled, null);
        }

        if (compiled.Lattice is not null)
        {
            // Lattice sums need field and extent parameters, which a command line has no way to declare.
            var whole = new SourceSpan(0, request.Expression.Length);
            var refused = CompiledHamiltonian.Failed(ImmutableArray.Create(new ExpressionError(
                ExpressionErrorKind.Lattice, "polynet compiles plain polynomials; lattice sums need a [Hamiltonian] method with field parameters", whole)));
            return new NetworkCompilation(request, input, refused, null);
        }

        return new NetworkCompilation(request, input, compiled, new SigmoidNetwork(Definition(request, input, compiled)));
    }

    /// <summary>The same compilation at another depth limit (0 = the deep network).</summary>
    public NetworkCompilation AtDepth(int maxHiddenLayers) => Compile(Request with { MaxHiddenLayers = maxHiddenLayers });

    /// <summary>The definition generated code would write for this network (<see cref="NetworkDescription"/>).</summary>
    private static SigmoidNetworkDefinition Definition(NetworkRequest request, HamiltonianInput input, CompiledHamiltonian compiled)
    {
        var parameters = input.Variables.Select((name, i) => new ParameterSpec(name, name, "double", string.Empty, input.Bounds[i], input.Kinds[i])).ToList();
        var description = NetworkDescription.For(request.Expression, compiled, parameters, request.Bound);
        return new SigmoidNetworkDefinition
        {
            Expression = description.Expression,
            Polynomial = description.Polynomial,
            Precision = description.Precision == NumericPrecision.Double ? NetworkPrecision.Double : NetworkPrecision.Single,
            Inputs = description.Inputs,
            InputBounds = description.InputBounds,
            InputKinds = description.InputKinds?.Select(Kind).ToList(),
            InputBound = description.InputBound,
            Terms = description.TermsText,
            Gates = description.GatesText,
            Output = description.OutputText,
            MaxError = description.MaxError,
            MaxGradientError = description.MaxGradientError,
        };
    }

    private static InputKind Kind(VariableKind kind) => kind switch
    {
        VariableKind.Bit => InputKind.Bit,
        VariableKind.Spin => InputKind.Spin,
        _ => InputKind.Continuous,
    };

    /// <summary>The names the expression reads, in order of first appearance.</summary>
    private static List<string> VariablesOf(ExpressionNode root) =>
        PolynomialExpander.PostOrder(root, default).OfType<VariableNode>().Select(v => v.Name).Distinct(StringComparer.Ordinal).ToList();
}
