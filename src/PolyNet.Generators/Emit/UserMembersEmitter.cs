using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PolyNet.Generators.Compiler;
using PolyNet.Generators.Network;
using PolyNet.Generators.Shared;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>
/// Writes the members added to the user's type: the implementation of the [Hamiltonian] method (with the network's
/// summary in its documentation), the batch overload and the <c>&lt;Method&gt;Network</c> property. Each delegates to the
/// generated network class; when the Hamiltonian cannot be compiled, each throws the diagnostic's message instead.
/// </summary>
internal static class UserMembersEmitter
{
    private const string Generated = "global::PolyNet.Generated." + NetworkClassEmitter.ClassName;


    public static void Emit(IndentedWriter writer, HamiltonianSpec spec, CompiledHamiltonian? compiled, string? failure, GeneratedNames names)
    {
        string parameters = string.Join(", ", spec.Parameters.Select(p => $"{p.Modifier}{p.Type} {p.Identifier}"));
        WriteMethodDocumentation(writer, spec, failure is null ? compiled!.Network : null, failure);
        writer.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{HamiltonianEmitter.GeneratorName}\", \"{HamiltonianEmitter.GeneratorVersion}\")]");
        string body = failure is null
            ? $"{Generated}.{names["Evaluate"]}({string.Join(", ", spec.Parameters.Select(p => p.Identifier))});"
            : $"throw new global::System.InvalidOperationException({string.Join(" + ", Literals.Strings(failure))});";
        WriteMember(writer, $"{spec.Signature}(", spec.Parameters.Select(p => $"{p.Modifier}{p.Type} {p.Identifier}").ToList(), ")", body);

        if (spec.Input.HasLatticeParameters)
        {
            EmitLatticeMembers(writer, spec, failure, names);
            return;
        }

        if (spec.IsCompilable)
        {
            writer.Line();
            EmitBatch(writer, spec, failure, names);
            if (spec.Gradient)
            {
                EmitGradient(writer, spec, failure, names);
            }
        }

        if (spec.EmitsNetworkProperty)
        {
            writer.Line();
            string expression = Literals.Xml(spec.Expression);
            writer.CommentLines("/// ", failure is null
                ? $"<summary>The sigmoid network compiled from <c>{expression}</c>: neurons, weights, error bound, and a neuron-by-neuron interpreter.</summary>"
                : "<summary>Not available: the Hamiltonian did not compile (see the build's PNET diagnostics).</summary>");
            writer.Line($"/// <remarks>Generated for <see cref=\"{Literals.Xml(CrefName(spec))}\"/>.</remarks>");
            string value = failure is null ? $"{Generated}.{names["Description"]}" : $"throw new global::System.InvalidOperationException({string.Join(" + ", Literals.Strings(failure))})";
            writer.WrappedLine($"{spec.Accessibility} static global::PolyNet.SigmoidNetwork {spec.PlainName}Network => {value};");
        }
    }

    /// <summary>A lattice method's <c>Delta</c> per field, its <c>Lattice</c> description and its unrolled <c>Network(extents)</c>.</summary>
    private static void EmitLatticeMembers(IndentedWriter writer, HamiltonianSpec spec, string? failure, GeneratedNames names)
    {
        string Throw() => $"throw new global::System.InvalidOperationException({string.Join(" + ", Literals.Strings(failure!))})";
        string cref = Literals.Xml(CrefName(spec));
        string element = ParameterForms.Element(spec.Precision ?? NumericPrecision.Double);
        var parameters = spec.Parameters.Select(p => $"{p.Type} {p.Identifier}").ToList();
        foreach (var field in spec.Parameters.Where(p => p.Role == ParameterRole.Field))
        {
            bool continuous = field.Kind == VariableKind.Continuous;
            string suffix = LatticeClassEmitter.DeltaSuffix(spec, field);
            string site = names["site"], newValue = names["newValue"];
            string change = continuous ? $"is set to <paramref name=\"{newValue}\"/>" : field.Kind == VariableKind.Spin ? "is flipped" : "is toggled";
            writer.Line();
            writer.CommentLines("/// ", $"<summary>The change of <see cref=\"{cref}\"/> when <c>{Literals.Xml(field.Name)}[{site}]</c> (a row-major index) {change}, computed from only the neurons that read that site: its cost does not depend on the lattice's size.</summary>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A field's length is not the product of the extents.</exception>");
            writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">An extent is negative, the site is outside the lattice, or a spin is not -1 or +1.</exception>");
            writer.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{HamiltonianEmitter.GeneratorName}\", \"{HamiltonianEmitter.GeneratorVersion}\")]");
            var deltaParameters = parameters.Append($"int {site}").ToList();
            if (continuous)
            {
                deltaParameters.Add($"{element} {newValue}");
            }

            string deltaArguments = string.Join(", ", spec.Parameters.Select(p => p.Identifier).Append(site).Concat(continuous ? new[] { newValue } : System.Array.Empty<string>()));
            string body = failure is null ? $"{Generated}.{names["Delta"]}{suffix}({deltaArguments});" : Throw() + ";";
            WriteMember(writer, $"{spec.Accessibility} static {element} {spec.PlainName}Delta{suffix}(", deltaParameters, ")", body);
        }

        if (spec.Gradient)
        {
            string gradient = GradientEntryEmitter.GradientSpanName(spec);
            var fields = spec.Parameters.Where(p => p.Role == ParameterRole.Field && p.Kind == VariableKind.Continuous).Select(p => Literals.Xml(p.Name)).ToList();
            writer.Line();
            writer.CommentLines("/// ", $"<summary>The energy of <see cref=\"{cref}\"/> and its derivative with respect to every site of {string.Join(", ", fields)}, by backpropagation through each site's network in one pass over the lattice: <paramref name=\"{gradient}\"/> holds one field after the other, each row-major.</summary>");
            writer.CommentLines("/// ", "<remarks>The derivative of the network, not of the polynomial: each entry is within <c>LatticeNetwork.MaxGradientError</c> of the polynomial's inside the bounds.</remarks>");
            string needed = fields.Count == 1 ? "the number of sites" : $"{fields.Count} × the number of sites";
            writer.Line($"/// <exception cref=\"global::System.ArgumentException\">A field's length is not the product of the extents, or <paramref name=\"{gradient}\"/> is shorter than {needed}.</exception>");
            writer.Line(spec.Parameters.Any(p => p.Kind == VariableKind.Spin)
                ? "/// <exception cref=\"global::System.ArgumentOutOfRangeException\">An extent is negative, or a spin is not -1 or +1.</exception>"
                : "/// <exception cref=\"global::System.ArgumentOutOfRangeException\">An extent is negative.</exception>");
            writer.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"{HamiltonianEmitter.GeneratorName}\", \"{HamiltonianEmitter.GeneratorVersion}\")]");
            string body = failure is null
                ? $"{Generated}.{names["Evaluate"]}{names["Gradient"]}({string.Join(", ", spec.Parameters.Select(p => p.Identifier).Append(gradient))});"
                : Throw() + ";";
            WriteMember(writer, $"{spec.Accessibility} static {element} {spec.PlainName}Gradient(", parameters.Append($"global::System.Span<{element}> {gradient}").ToList(), ")", body);
        }

        if (!spec.EmitsNetworkProperty)
        {
            return;
        }

        writer.Line();
        writer.CommentLines("/// ", $"<summary>The lattice network of <see cref=\"{cref}\"/>: the per-site template (neurons, synapses and layers per site, cliques), MaxErrorPerSite, MaxError(sites), and the unrolled network of any size.</summary>");
        writer.WrappedLine($"{spec.Accessibility} static global::PolyNet.LatticeNetwork {spec.PlainName}Lattice => {(failure is null ? $"{Generated}.{names["Lattice"]}" : Throw())};");
        writer.Line();
        var extents = spec.Input.Roles.Select((role, i) => (role, i)).Where(e => e.role == ParameterRole.Extent).Select(e => spec.Parameters[e.i]).ToList();
        writer.CommentLines("/// ", $"<summary>The whole lattice's sigmoid network at this size, unrolled neuron by neuron, with its polynomial and error bound (for checks, export and the interpreter).</summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">An extent is not positive, or the network would exceed LatticeNetwork.MaxUnrolledNeurons.</exception>");
        string unrolled = failure is null ? $"{Generated}.{names["Lattice"]}.Unroll({string.Join(", ", extents.Select(e => e.Identifier))});" : Throw() + ";";
        WriteMember(writer, $"{spec.Accessibility} static global::PolyNet.SigmoidNetwork {spec.PlainName}Network(", extents.Select(e => $"int {e.Identifier}").ToList(), ")", unrolled);
    }

    /// <summary>
    /// &lt;Method&gt;Gradient for [Hamiltonian(Gradient = true)]: the scalar form (returns the energy, fills a span with one
    /// derivative per continuous input) and the batch form (an energy span and one span per derivative).
    /// </summary>
    private static void EmitGradient(IndentedWriter writer, HamiltonianSpec spec, string? failure, GeneratedNames names)
    {
        var precision = spec.Precision!.Value;
        string element = ParameterForms.Element(precision);
        string cref = Literals.Xml(CrefName(spec));
        string Body(IEnumerable<string> arguments) => failure is null
            ? $"{Generated}.{names["Evaluate"]}{names["Gradient"]}({string.Join(", ", arguments)});"
            : $"throw new global::System.InvalidOperationException({string.Join(" + ", Literals.Strings(failure))});";
        var continuous = spec.Parameters.Where(p => p.Kind == VariableKind.Continuous).ToList();
        string order = string.Join(", ", continuous.Select(p => "∂/∂" + Literals.Xml(p.Name)));
        string gradient = GradientEntryEmitter.GradientSpanName(spec);
        string generatedCode = $"[global::System.CodeDom.Compiler.GeneratedCode(\"{HamiltonianEmitter.GeneratorName}\", \"{HamiltonianEmitter.GeneratorVersion}\")]";

        writer.Line();
        writer.CommentLines("/// ", $"<summary>Evaluates the network of <see cref=\"{cref}\"/> and its derivatives with respect to the continuous inputs, by backpropagation through the network's own neurons: returns the energy and writes {order} to <paramref name=\"{gradient}\"/>.</summary>");
        writer.CommentLines("/// ", "<remarks>The derivative of the network, not of the polynomial: within <c>MaxGradientError</c> of the polynomial's inside the bounds (see the Network property); exact for every input, like the method itself.</remarks>");
        writer.Line($"/// <exception cref=\"global::System.ArgumentException\"><paramref name=\"{gradient}\"/> has fewer than {continuous.Count} elements.</exception>");
        writer.Line(generatedCode);
        var scalarParameters = spec.Parameters.Select(p => $"{p.Modifier}{p.Type} {p.Identifier}").Append($"global::System.Span<{element}> {gradient}").ToList();
        WriteMember(writer, $"{spec.Accessibility} static {element} {spec.PlainName}Gradient(", scalarParameters, ")", Body(spec.Parameters.Select(p => p.Identifier).Append(gradient)));

        string energy = GradientEntryEmitter.EnergyName(spec);
        var destinations = continuous.Select(p => GradientEntryEmitter.DerivativeName(spec, p)).ToList();
        writer.Line();
        // The scalar overload by its signature: a bare method name would be an ambiguous cref (CS0419) beside this batch overload.
        string scalarCref = Literals.Xml(spec.PlainName + "Gradient(" + string.Join(", ", spec.Parameters.Select(p => p.Type.Replace("global::", string.Empty)).Append($"System.Span<{element}>")).Replace("<", "{").Replace(">", "}") + ")");
        writer.CommentLines("/// ", $"<summary>Evaluates <see cref=\"{scalarCref}\"/> for every index: <c>{energy}[i]</c> and {string.Join(", ", destinations.Select(d => $"<c>{d}[i]</c>"))}.</summary>");
        writer.Line("/// <remarks>Every span must have the same length. A destination may be an input itself (computed in place) but must not");
        writer.Line("/// overlap an input at another offset, nor another destination. Whole vectors run in Vector512/256/128 registers.</remarks>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A length differs, or spans overlap as described.</exception>");
        writer.Line(generatedCode);
        var batchParameters = spec.Parameters.Select(p => $"global::System.ReadOnlySpan<{ParameterForms.SpanElement(p, precision)}> {p.Identifier}")
            .Append($"global::System.Span<{element}> {energy}")
            .Concat(destinations.Select(d => $"global::System.Span<{element}> {d}")).ToList();
        WriteMember(writer, $"{spec.Accessibility} static void {spec.PlainName}Gradient(", batchParameters, ")", Body(spec.Parameters.Select(p => p.Identifier).Append(energy).Concat(destinations)));
    }

    private static void EmitBatch(IndentedWriter writer, HamiltonianSpec spec, string? failure, GeneratedNames names)
    {
        var precision = spec.Precision!.Value;
        string element = ParameterForms.Element(precision);
        string destination = NetworkClassEmitter.BatchDestinationName(spec);
        string name = Literals.Xml(spec.PlainName);
        string call = $"{name}({string.Join(", ", spec.Parameters.Select(p => p.Identifier + "[i]"))})";
        writer.CommentLines("/// ", $"<summary>Evaluates the network of <see cref=\"{Literals.Xml(CrefName(spec))}\"/> for every index: <c>{destination}[i] = {call}</c>.</summary>");
        writer.Line("/// <remarks>Every span must have the destination's length. The destination may be one of the inputs itself (computed in");
        writer.Line("/// place) but must not overlap an input at another offset. Whole vectors run in Vector512/256/128 registers.</remarks>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A length differs, or an input overlaps the destination at another offset.</exception>");
        if (spec.Parameters.Any(p => p.Kind == VariableKind.Spin))
        {
            writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">A spin is not -1 or +1 (every element is checked before anything is written).</exception>");
        }

        if (spec.CheckBounds)
        {
            writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">An input is outside its bound (every element is checked before anything is written).</exception>");
        }

        var parameters = spec.Parameters.Select(p => $"global::System.ReadOnlySpan<{ParameterForms.SpanElement(p, precision)}> {p.Identifier}")
            .Append($"global::System.Span<{element}> {destination}").ToList();
        string body = failure is null
            ? $"{Generated}.{names["Evaluate"]}({string.Join(", ", spec.Parameters.Select(p => p.Identifier).Append(destination))});"
            : $"throw new global::System.InvalidOperationException({string.Join(" + ", Literals.Strings(failure))});";
        WriteMember(writer, $"{spec.Accessibility} static void {spec.MethodName}(", parameters, ")", body);
    }

    /// <summary>"head(p1, p2) => body" on one line when it fits, else one parameter per line.</summary>
    private static void WriteMember(IndentedWriter writer, string head, IReadOnlyList<string> parameters, string close, string body)
    {
        string line = $"{head}{string.Join(", ", parameters)}{close} => {body}";
        if (writer.CurrentIndent + line.Length <= IndentedWriter.MaxLineLength)
        {
            writer.Line(line);
            return;
        }

        writer.Line(head);
        for (int i = 0; i < parameters.Count; i++)
        {
            writer.Line($"    {parameters[i]}{(i < parameters.Count - 1 ? "," : close)}");
        }

        writer.WrappedLine($"    => {body}");
    }

    private static void WriteMethodDocumentation(IndentedWriter writer, HamiltonianSpec spec, NetworkModel? network, string? failure)
    {
        if (spec.Documentation.Count > 0)
        {
            // C# shows the implementation's comment when both parts have one: repeat the user's, then add ours.
            foreach (string line in spec.Documentation)
            {
                writer.Line("///" + line);
            }
        }
        else
        {
            writer.CommentLines("/// ", $"<summary>Evaluates the sigmoid network compiled from <c>{Literals.Xml(spec.Expression)}</c>.</summary>");
        }

        if (network is null)
        {
            writer.CommentLines("/// ", "<remarks>Not compiled: " + Literals.Xml(failure ?? string.Empty) + "</remarks>");
            return;
        }

        writer.Line("/// <remarks>");
        writer.CommentLines("/// ", $"The network: {network.NeuronCount.ToString("N0", CultureInfo.InvariantCulture)} sigmoid neurons in {Layers(network.HiddenLayers)}; "
            + $"|network − polynomial| ≤ {Literals.Short(network.MaxError)} for {Literals.Xml(Bounds(spec))}.");
        writer.Line(spec.CheckBounds
            ? "/// Inputs outside their bounds throw <see cref=\"global::System.ArgumentOutOfRangeException\"/> (CheckBounds)."
            : "/// Outside the bounds it still computes the network (saturated gates, never NaN from finite input); CheckBounds = true makes them a contract.");
        writer.Line($"/// Weights and an interpreter: <see cref=\"{Literals.Xml(spec.PlainName)}Network\"/>.");
        writer.Line("/// </remarks>");
    }

    private static string Bounds(HamiltonianSpec spec)
    {
        var parts = new List<string>();
        foreach (var group in spec.Parameters.Where(p => p.Kind == VariableKind.Continuous).GroupBy(p => p.Bound))
        {
            parts.Add(string.Join(", ", group.Select(p => $"|{p.Name}|")) + " ≤ " + Literals.Short(group.Key));
        }

        foreach (var kind in new[] { VariableKind.Bit, VariableKind.Spin })
        {
            var names = spec.Parameters.Where(p => p.Kind == kind).Select(p => p.Name).ToList();
            if (names.Count > 0)
            {
                parts.Add((kind == VariableKind.Bit ? "bits " : "spins ") + string.Join(", ", names));
            }
        }

        return parts.Count == 0 ? "every input" : string.Join("; ", parts);
    }

    private static string Layers(int count) => count == 1 ? "1 hidden layer" : $"{count} hidden layers";

    private static string CrefName(HamiltonianSpec spec) =>
        spec.MethodName + "(" + string.Join(", ", spec.Parameters.Select(p => p.Type.Replace("global::", string.Empty).Replace("<", "{").Replace(">", "}"))) + ")";
}
