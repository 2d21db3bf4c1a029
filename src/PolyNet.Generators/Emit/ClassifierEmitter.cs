using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Compiler;
using PolyNet.Generators.Shared;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>
/// Writes one generated file per classifier (a method with [Category] attributes): the containing types re-opened with
/// the method, its batch overload, <c>&lt;Method&gt;LogProbabilities</c> (scalar and batch) and <c>&lt;Method&gt;Network</c>,
/// and the file-local class that computes the shared network, the energies and the softmax. When the classifier cannot
/// be compiled every member still exists and throws the diagnostic's message.
/// </summary>
internal static class ClassifierEmitter
{
    private const string Generated = "global::PolyNet.Generated." + NetworkClassEmitter.ClassName;

    public static string Emit(ClassifierSpec spec, CompiledClassifier? compiled)
    {
        string? failure = spec.ShapeError ?? FailureMessage(spec, compiled);
        var writer = new IndentedWriter();
        var names = new GeneratedNames(spec.Parameters.Select(p => p.Name));
        string subject = $"the Boltzmann classifier of {Literals.Comment(spec.Hierarchy.DisplayName(spec.PlainName))}";
        HeaderComment.Emit(writer, subject, failure is null ? compiled!.Shared : null);
        writer.Line("#nullable enable");
        writer.Line();
        if (spec.Hierarchy.Namespace.Length > 0)
        {
            using (writer.Block($"namespace {spec.Hierarchy.Namespace}"))
            {
                EmitTypes(writer, spec, 0, failure, names);
            }
        }
        else
        {
            EmitTypes(writer, spec, 0, failure, names);
        }

        if (failure is null)
        {
            writer.Line();
            using (writer.Block("namespace PolyNet.Generated"))
            {
                foreach (string directive in new[] { "System", "System.Runtime.CompilerServices", "System.Runtime.InteropServices", "System.Runtime.Intrinsics", "PolyNet.Kernels" })
                {
                    writer.Line($"using {directive};");
                }

                writer.Line();
                new ClassifierClassEmitter(spec, compiled!, names).Emit(writer);
            }
        }

        return writer.ToString();
    }

    private static string? FailureMessage(ClassifierSpec spec, CompiledClassifier? compiled)
    {
        if (compiled is null)
        {
            return "the method's shape is not supported";
        }

        if (compiled.Errors.IsEmpty)
        {
            return compiled.Succeeded ? null : "the classifier has no category";
        }

        var (category, error) = compiled.Errors[0];
        return $"{DiagnosticIds.For(error.Kind)}: category '{spec.Categories[category].Name}': {error.Message}";
    }

    private static void EmitTypes(IndentedWriter writer, ClassifierSpec spec, int depth, string? failure, GeneratedNames names)
    {
        if (depth < spec.Hierarchy.Types.Count)
        {
            var type = spec.Hierarchy.Types[depth];
            using (writer.Block($"partial {type.Keyword} {type.Name}{type.TypeParameters}"))
            {
                EmitTypes(writer, spec, depth + 1, failure, names);
            }

            return;
        }

        EmitMembers(writer, spec, failure, names);
    }

    private static void EmitMembers(IndentedWriter writer, ClassifierSpec spec, string? failure, GeneratedNames names)
    {
        string Throw() => $"throw new global::System.InvalidOperationException({string.Join(" + ", Literals.Strings(failure!))})";
        string T = ParameterForms.Element(spec.Precision ?? NumericPrecision.Double);
        string categories = string.Join(", ", spec.Categories.Select(c => Literals.Xml(c.Name)));
        string probabilities = spec.Probabilities.Identifier;
        var inputs = spec.Inputs.Select(p => $"{p.Type} {p.Identifier}").ToList();
        string inputArguments = string.Join(", ", spec.Inputs.Select(p => p.Identifier));

        if (spec.Documentation.Count > 0)
        {
            foreach (string line in spec.Documentation)
            {
                writer.Line("///" + line);
            }
        }
        else
        {
            writer.CommentLines("/// ", $"<summary>The posterior p(y | inputs) = softmax(−H_y − μ_y) over the categories {categories}, written to <paramref name=\"{Literals.Xml(spec.Probabilities.Name)}\"/> in that order{(spec.ReturnsIndex ? "; returns the index of the most probable one" : string.Empty)}.</summary>");
        }

        writer.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{HamiltonianEmitter.GeneratorName}\", \"{HamiltonianEmitter.GeneratorVersion}\")]");
        string call = $"{Generated}.{names["Evaluate"]}({inputArguments}{(inputArguments.Length > 0 ? ", " : string.Empty)}{probabilities})";
        var parameters = spec.Parameters.Select(p => $"{p.Type} {p.Identifier}").ToList();
        if (failure is null && !spec.ReturnsIndex)
        {
            // A void classifier discards the index.
            WriteBlockMember(writer, $"{spec.Signature}(", parameters, $"_ = {call};");
        }
        else
        {
            WriteMember(writer, $"{spec.Signature}(", parameters, failure is null ? call + ";" : Throw() + ";");
        }

        if (!spec.IsCompilable)
        {
            return;
        }

        string spans = string.Join(", ", spec.Inputs.Select(p => p.Identifier));
        string prefix = spans.Length > 0 ? spans + ", " : string.Empty;
        var spanInputs = spec.Inputs.Select(p => $"global::System.ReadOnlySpan<{ParameterForms.SpanElement(p, spec.Precision!.Value)}> {p.Identifier}").ToList();
        string logProbabilities = names["logProbabilities"];

        // Without inputs there are no rows, and the batch overloads would repeat the scalar ones' signatures.
        if (spec.Inputs.Count > 0)
        {
            EmitBatchMembers(writer, spec, failure, names, spanInputs, prefix, T);
        }

        writer.Line();
        writer.CommentLines("/// ", $"<summary>ln p(y | inputs) for every category, computed as a log-sum-exp with the largest logit subtracted: no underflow where the probabilities would round to 0.</summary>");
        WriteMember(
            writer,
            $"{spec.Accessibility} static void {spec.PlainName}LogProbabilities(",
            inputs.Append($"global::System.Span<{T}> {logProbabilities}").ToList(),
            failure is null ? $"{Generated}.{names["LogProbabilities"]}({inputArguments}{(inputArguments.Length > 0 ? ", " : string.Empty)}{logProbabilities});" : Throw() + ";");

        if (spec.EmitsNetworkProperty)
        {
            writer.Line();
            writer.CommentLines("/// ", "<summary>The classifier's description: categories, priors, each category's Hamiltonian as a sigmoid network over the shared neurons, MaxError on the probabilities, and reference evaluations.</summary>");
            writer.WrappedLine($"{spec.Accessibility} static global::PolyNet.BoltzmannClassifier {spec.PlainName}Network => {(failure is null ? $"{Generated}.{names["Description"]}" : Throw())};");
        }
    }

    /// <summary>The batch overloads (rows of inputs): the probabilities with the categories, and the log-probabilities.</summary>
    private static void EmitBatchMembers(IndentedWriter writer, ClassifierSpec spec, string? failure, GeneratedNames names, List<string> spanInputs, string prefix, string T)
    {
        string Throw() => $"throw new global::System.InvalidOperationException({string.Join(" + ", Literals.Strings(failure!))})";
        string probabilities = spec.Probabilities.Identifier;
        string categoryIndexes = names["categories"], logProbabilities = names["logProbabilities"];
        writer.Line();
        writer.CommentLines("/// ", $"<summary>The posteriors of every row: row i's inputs are element i of each span; <paramref name=\"{Literals.Xml(spec.Probabilities.Name)}\"/> holds one row of {spec.Categories.Count} probabilities per input row (row-major), <paramref name=\"{categoryIndexes}\"/> the most probable category of each.</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A length does not match (every span is checked before anything is written).</exception>");
        WriteMember(
            writer,
            $"{spec.Accessibility} static void {spec.MethodName}(",
            spanInputs.Append($"global::System.Span<{T}> {probabilities}").Append($"global::System.Span<int> {categoryIndexes}").ToList(),
            failure is null ? $"{Generated}.{names["Evaluate"]}({prefix}{probabilities}, {categoryIndexes});" : Throw() + ";");

        writer.Line();
        writer.CommentLines("/// ", $"<summary>ln p(y | inputs) of every row, row-major (one row of {spec.Categories.Count} per input row).</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A length does not match (every span is checked before anything is written).</exception>");
        WriteMember(
            writer,
            $"{spec.Accessibility} static void {spec.PlainName}LogProbabilities(",
            spanInputs.Append($"global::System.Span<{T}> {logProbabilities}").ToList(),
            failure is null ? $"{Generated}.{names["LogProbabilities"]}({prefix}{logProbabilities});" : Throw() + ";");
    }

    /// <summary>"head(p1, p2) => body" on one line when it fits, else one parameter per line.</summary>
    private static void WriteMember(IndentedWriter writer, string head, IReadOnlyList<string> parameters, string body)
    {
        string line = $"{head}{string.Join(", ", parameters)}) => {body}";
        if (writer.CurrentIndent + line.Length <= IndentedWriter.MaxLineLength)
        {
            writer.Line(line);
            return;
        }

        writer.Line(head);
        for (int i = 0; i < parameters.Count; i++)
        {
            writer.Line($"    {parameters[i]}{(i < parameters.Count - 1 ? "," : ")")}");
        }

        writer.WrappedLine($"    => {body}");
    }

    /// <summary>"head(p1, p2) { body }" for a body that is a statement.</summary>
    private static void WriteBlockMember(IndentedWriter writer, string head, IReadOnlyList<string> parameters, string body)
    {
        writer.WrappedLine($"{head}{string.Join(", ", parameters)})");
        using (writer.Braces())
        {
            writer.WrappedLine(body);
        }
    }
}
