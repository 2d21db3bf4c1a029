using System.Linq;
using System.Text;
using PolyNet.Generators.Compiler;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>
/// Writes the network's description: a <c>SigmoidNetworkDefinition</c> (names, bounds, the polynomial, the gate table,
/// the output map, MaxError) that the runtime turns into a <c>SigmoidNetwork</c> on first use, and, for networks run
/// from their table, the <c>GateProgram</c> built from it.
/// </summary>
internal static class DescriptionEmitter
{
    public static void Emit(IndentedWriter writer, HamiltonianSpec spec, CompiledHamiltonian compiled, GeneratedNames names, bool programForKernel)
    {
        var network = compiled.Network!;
        writer.Line("/// <summary>The network's weights, sizes and error bound, built on first use.</summary>");
        writer.Line($"public static SigmoidNetwork {names["Description"]} => {names["Lazy"]}.{names["Network"]};");
        writer.Line();
        using (writer.Block($"private static class {names["Lazy"]}"))
        {
            writer.Line($"public static readonly SigmoidNetwork {names["Network"]} = new({names["Definition"]});");
            if (programForKernel)
            {
                writer.Line($"public static readonly GateProgram {names["Program"]} = GateProgram.Create({names["Definition"]});");
            }

            writer.Line();
            writer.Line($"private static SigmoidNetworkDefinition {names["Definition"]} => new()");
            using (writer.Braces(";"))
            {
                WriteDefinitionBody(writer, spec.Expression, compiled, spec.Parameters, spec.InputBound);
            }
        }
    }

    /// <summary>The properties of a <c>SigmoidNetworkDefinition</c> initializer, for a network over <paramref name="inputs"/>.</summary>
    internal static void WriteDefinitionBody(IndentedWriter writer, string expression, CompiledHamiltonian compiled, System.Collections.Generic.IReadOnlyList<ParameterSpec> inputs, double inputBound)
    {
        var description = NetworkDescription.For(expression, compiled, inputs, inputBound);
        WriteString(writer, "Expression", description.Expression);
        WriteString(writer, "Polynomial", description.Polynomial);
        writer.Line($"Precision = NetworkPrecision.{description.Precision},");
        writer.WrappedLine($"Inputs = new string[] {{ {string.Join(", ", description.Inputs.Select(Literals.String))} }},");
        writer.WrappedLine($"InputBounds = new double[] {{ {string.Join(", ", description.InputBounds.Select(Literals.Double))} }},");
        if (description.InputKinds is { } kinds)
        {
            writer.WrappedLine($"InputKinds = new InputKind[] {{ {string.Join(", ", kinds.Select(kind => "InputKind." + kind))} }},");
        }

        writer.Line($"InputBound = {Literals.Double(description.InputBound)},");
        var terms = description.Terms.Select((t, i) => t + (i < description.Terms.Count - 1 ? ";" : string.Empty));
        WriteTable(writer, "Terms", ForwardPassEmitter.Chunk(terms));
        WriteTable(writer, "Gates", description.Gates);
        WriteTable(writer, "Output", ForwardPassEmitter.Chunk(description.Output));
        writer.Line($"MaxError = {Literals.Double(description.MaxError)},");
        writer.Line($"MaxGradientError = {Literals.Double(description.MaxGradientError)},");
    }

    /// <summary>"Name = "text"," with a long text split into concatenated literals, one per line.</summary>
    internal static void WriteString(IndentedWriter writer, string name, string text)
    {
        var pieces = Literals.Strings(text);
        if (pieces.Count == 1)
        {
            writer.Line($"{name} = {pieces[0]},");
            return;
        }

        writer.Line($"{name} =");
        for (int i = 0; i < pieces.Count; i++)
        {
            writer.Line($"    {(i == 0 ? string.Empty : "+ ")}{pieces[i]}{(i == pieces.Count - 1 ? "," : string.Empty)}");
        }
    }

    /// <summary>
    /// "Name = """ … """," with one table line per source line; an empty table (the zero polynomial's terms, an affine
    /// polynomial's gates) is "", because a multi-line raw literal must have at least one line of content.
    /// </summary>
    internal static void WriteTable(IndentedWriter writer, string name, System.Collections.Generic.IEnumerable<string> lines)
    {
        var table = lines.ToList();
        if (table.Count == 0)
        {
            writer.Line($"{name} = \"\",");
            return;
        }

        writer.Line($"{name} = \"\"\"");
        foreach (string line in table)
        {
            writer.Line("    " + line);
        }

        writer.Line("    \"\"\",");
    }

    /// <summary>"coefficient e1 e2 …" for one polynomial term.</summary>
    internal static string Term(double coefficient, System.Collections.Generic.IEnumerable<int> exponents) =>
        new StringBuilder(Literals.Double(coefficient)).Append(' ').Append(string.Join(" ", exponents.Select(Literals.Int))).ToString();
}
