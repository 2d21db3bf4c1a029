using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Compiler;
using PolyNet.Generators.Shared;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>
/// The values of the runtime's <c>SigmoidNetworkDefinition</c> for one compiled network: generated code writes them as an
/// object initializer (<see cref="DescriptionEmitter"/>), the polynet tool builds a <c>SigmoidNetwork</c> from them.
/// </summary>
/// <param name="InputKinds">Each input's kind; null when every input is continuous.</param>
/// <param name="Terms">"coefficient e1 e2 …" per polynomial term, in canonical order.</param>
/// <param name="Gates">The gate table, one "%k = …" line per gate (<see cref="GateTableEmitter.Gates"/>).</param>
/// <param name="Output">The output map's tokens: the constant, then "value coefficient" per output term.</param>
internal sealed record NetworkDescription(
    string Expression,
    string Polynomial,
    NumericPrecision Precision,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<double> InputBounds,
    IReadOnlyList<VariableKind>? InputKinds,
    double InputBound,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> Gates,
    IReadOnlyList<string> Output,
    double MaxError,
    double MaxGradientError)
{
    /// <summary>The definition's <c>Terms</c> text: the terms separated by "; ".</summary>
    public string TermsText => string.Join("; ", Terms);

    /// <summary>The definition's <c>Gates</c> text: one gate per line.</summary>
    public string GatesText => string.Join("\n", Gates);

    /// <summary>The definition's <c>Output</c> text.</summary>
    public string OutputText => string.Join(" ", Output);

    /// <summary>The description of <paramref name="compiled"/>'s network over <paramref name="inputs"/>.</summary>
    public static NetworkDescription For(string expression, CompiledHamiltonian compiled, IReadOnlyList<ParameterSpec> inputs, double inputBound)
    {
        var network = compiled.Network!;
        return new NetworkDescription(
            expression,
            compiled.Polynomial!.ToCanonicalString(),
            network.Precision,
            inputs.Select(p => p.Name).ToList(),
            network.InputBounds,
            inputs.Any(p => p.Kind != VariableKind.Continuous) ? inputs.Select(p => p.Kind).ToList() : null,
            inputBound,
            compiled.Terms.Select(t => DescriptionEmitter.Term(t.Coefficient, t.Monomial)).ToList(),
            GateTableEmitter.Gates(network, inputs).ToList(),
            GateTableEmitter.OutputTokens(network, inputs).ToList(),
            network.MaxError,
            compiled.MaxGradientError);
    }
}
