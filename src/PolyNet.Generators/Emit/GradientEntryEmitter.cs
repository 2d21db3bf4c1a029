using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Network;
using PolyNet.Generators.Shared;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>
/// Writes the gradient members of a network class (for [Hamiltonian(Gradient = true)]): <c>Gradient&lt;TLane, L&gt;</c>,
/// written once for every lane type, the scalar entry that fills a span with one derivative per continuous input, and
/// the batch entry with one destination span per derivative, which runs whole vectors like the value's batch and sends
/// vectors with an input outside its bound to the exact scalar pass.
/// </summary>
internal sealed class GradientEntryEmitter
{
    private readonly HamiltonianSpec _spec;
    private readonly NetworkModel _network;
    private readonly GeneratedNames _names;
    private readonly GradientPassEmitter _pass;
    private readonly NumericPrecision _precision;
    private readonly List<ParameterSpec> _used;
    private readonly List<ParameterSpec> _continuous;
    private readonly bool _unrolled;

    public GradientEntryEmitter(HamiltonianSpec spec, NetworkModel network, GeneratedNames names, ForwardPassEmitter forward, bool unrolled)
    {
        _spec = spec;
        _network = network;
        _names = names;
        _precision = network.Precision;
        _pass = new GradientPassEmitter(network, spec.Parameters, names, forward);
        var used = network.UsedInputs;
        _used = spec.Parameters.Where((_, v) => used.Contains(v)).ToList();
        _continuous = spec.Parameters.Where(p => p.Kind == VariableKind.Continuous).ToList();
        _unrolled = unrolled;
    }

    private string T => ParameterForms.Element(_precision);

    private string L => _names["L"];

    /// <summary>The user-facing name of the scalar method's gradient span.</summary>
    public static string GradientSpanName(HamiltonianSpec spec) => FreeName(spec, "gradient");

    /// <summary>The user-facing name of the batch method's energy destination.</summary>
    public static string EnergyName(HamiltonianSpec spec) => FreeName(spec, "energy");

    /// <summary>The user-facing name of the batch destination of ∂/∂<paramref name="parameter"/>: "d" + its name.</summary>
    public static string DerivativeName(HamiltonianSpec spec, ParameterSpec parameter) => FreeName(spec, "d" + parameter.Name);

    /// <summary>
    /// <paramref name="wanted"/>, or with "Span" appended until it names no parameter, no generated identifier, no other
    /// destination ("energy") and no keyword ("d" + "o" is <c>do</c>).
    /// </summary>
    private static string FreeName(HamiltonianSpec spec, string wanted)
    {
        string name = wanted;
        string energy = wanted == "energy" ? string.Empty : FreeName(spec, "energy");
        while (spec.Parameters.Any(p => p.Name == name) || GeneratedNames.IsReserved(name) || name == energy || Keywords.Contains(name))
        {
            name += "Span";
        }

        return name;
    }

    // The C# keywords that "d" + a parameter name can spell.
    private static readonly HashSet<string> Keywords = ["do", "default", "decimal", "delegate", "double"];

    public void Emit(IndentedWriter writer)
    {
        EmitScalar(writer);
        writer.Line();
        EmitGradient(writer);
        writer.Line();
        EmitBatch(writer);
        writer.Line();
        EmitVectors(writer);
        writer.Line();
        EmitScalars(writer);
    }

    private void EmitGradient(IndentedWriter writer)
    {
        var parameters = _used.Select(p => $"TLane {p.Identifier}")
            .Concat(_used.Where(p => p.Kind == VariableKind.Continuous).Select(p => $"out TLane {_names[$"d{Index(p)}"]}"));
        writer.Line("/// <summary>The network and its derivatives with respect to the continuous inputs, once for every lane type.</summary>");
        writer.Line(_unrolled ? "[MethodImpl(MethodImplOptions.AggressiveInlining)]" : "[MethodImpl(MethodImplOptions.NoInlining)]");
        writer.WrappedLine($"private static TLane {_names["Gradient"]}<TLane, {L}>({string.Join(", ", parameters)})");
        writer.Line("    where TLane : unmanaged");
        using (writer.Block($"    where {L} : ILanes<{L}, TLane, {T}>"))
        {
            if (_unrolled)
            {
                var targets = _spec.Parameters.Select((p, v) => _used.Contains(p) && p.Kind == VariableKind.Continuous ? _names[$"d{v}"] : null).ToList();
                _pass.EmitBody(writer, targets);
                return;
            }

            // Too many gates to unroll: the gate table runs forward and backward as a program.
            string inputs = _names["inputs"], gradient = _names["gradients"];
            writer.Line($"Span<TLane> {inputs} = stackalloc TLane[{_spec.Parameters.Count}];");
            writer.Line($"Span<TLane> {gradient} = stackalloc TLane[{_spec.Parameters.Count}];");
            for (int v = 0; v < _spec.Parameters.Count; v++)
            {
                var parameter = _spec.Parameters[v];
                writer.Line($"{inputs}[{v}] = {(_used.Contains(parameter) ? parameter.Identifier : "default")};");
            }

            writer.Line($"var {_names["value"]} = {_names["Lazy"]}.{_names["Program"]}.EvaluateGradient<TLane, {L}, {T}>({inputs}, {gradient});");
            foreach (var parameter in _used.Where(p => p.Kind == VariableKind.Continuous))
            {
                writer.Line($"{_names[$"d{Index(parameter)}"]} = {gradient}[{Index(parameter)}];");
            }

            writer.Line($"return {_names["value"]};");
        }
    }

    private void EmitScalar(IndentedWriter writer)
    {
        string gradient = GradientSpanName(_spec);
        string parameters = string.Join(", ", _spec.Parameters.Select(p => $"{p.Type} {p.Identifier}").Append($"Span<{T}> {gradient}"));
        writer.Line("/// <summary>The network and its derivatives for one input; exact for every input.</summary>");
        writer.WrappedLine($"public static {T} {_names["Evaluate"]}{_names["Gradient"]}({parameters})");
        using (writer.Braces())
        {
            writer.Line($"GradientArguments.RequireLength({gradient}.Length, {_continuous.Count}, {Literals.String(gradient)});");
            ParameterForms.EmitValueChecks(writer, _spec, _precision);
            var derivatives = _used.Where(p => p.Kind == VariableKind.Continuous).Select(p => $"out var {_names[$"d{Index(p)}"]}");
            string arguments = string.Join(", ", _used.Select(p => ParameterForms.ScalarValue(p, _precision)).Concat(derivatives));
            writer.WrappedLine($"var {_names["value"]} = {_names["Gradient"]}<{T}, {ParameterForms.Lanes(_precision, 0)}>({arguments});");
            for (int j = 0; j < _continuous.Count; j++)
            {
                writer.Line($"{gradient}[{j}] = {(_used.Contains(_continuous[j]) ? _names[$"d{Index(_continuous[j])}"] : Literals.Number(0, _precision))};");
            }

            writer.Line($"return {_names["value"]};");
        }
    }

    /// <summary>The batch's spans: the inputs, the energy, one derivative per continuous input.</summary>
    private List<string> BatchParameters() =>
        _spec.Parameters.Select(p => $"ReadOnlySpan<{ParameterForms.SpanElement(p, _precision)}> {p.Identifier}")
            .Concat(Destinations().Select(d => $"Span<{T}> {d}")).ToList();

    private List<string> Destinations() => new[] { EnergyName(_spec) }.Concat(_continuous.Select(p => DerivativeName(_spec, p))).ToList();

    private string BatchArguments() => string.Join(", ", _spec.Parameters.Select(p => p.Identifier).Concat(Destinations()));

    private void EmitBatch(IndentedWriter writer)
    {
        var destinations = Destinations();
        string energy = destinations[0];
        writer.Line("/// <summary>The network and its derivatives for every index, in the widest vectors the machine has; arguments are checked first.</summary>");
        writer.WrappedLine($"public static void {_names["Evaluate"]}{_names["Gradient"]}({string.Join(", ", BatchParameters())})");
        using (writer.Braces())
        {
            string length = _names["length"];
            writer.Line($"int {length} = {energy}.Length;");
            var others = _spec.Parameters.Select(p => (p.Name, p.Identifier)).Concat(destinations.Skip(1).Select(d => (Name: d, Identifier: d))).ToList();
            if (others.Count > 0)
            {
                writer.WrappedLine($"if ({string.Join(" || ", others.Select(o => $"{o.Identifier}.Length != {length}"))})");
                using (writer.Braces())
                {
                    string spans = string.Join(", ", others.Select(o => $"({Literals.String(o.Name)}, {o.Identifier}.Length)"));
                    writer.WrappedLine($"BatchArguments.ThrowLengthMismatch({Literals.String(energy)}, {length}, {spans});");
                }
            }

            foreach (var parameter in _continuous)
            {
                foreach (string destination in destinations)
                {
                    writer.Line($"BatchArguments.ValidateOverlap({parameter.Identifier}, {destination}, {Literals.String(parameter.Name)});");
                }
            }

            for (int a = 0; a < destinations.Count; a++)
            {
                for (int b = a + 1; b < destinations.Count; b++)
                {
                    writer.Line($"GradientArguments.ValidateSeparate<{T}>({destinations[a]}, {Literals.String(destinations[a])}, {destinations[b]}, {Literals.String(destinations[b])});");
                }
            }

            ParameterForms.EmitValueChecks(writer, _spec, _precision);

            foreach (var parameter in _continuous.Where(p => !_used.Contains(p)))
            {
                writer.Line($"{DerivativeName(_spec, parameter)}.Clear();   // the network does not read {Literals.Comment(parameter.Name)}");
            }

            ParameterForms.EmitVectorDispatch(writer, _names, _precision, length, BatchArguments(), _names["GradientVectors"], _names["GradientScalars"]);
        }
    }

    private void EmitVectors(IndentedWriter writer)
    {
        writer.Line("/// <summary>Whole vectors from the start; returns how many elements it computed.</summary>");
        writer.WrappedLine($"private static nuint {_names["GradientVectors"]}<TLane, {L}>({string.Join(", ", BatchParameters())})");
        writer.Line("    where TLane : unmanaged");
        using (writer.Block($"    where {L} : ILanes<{L}, TLane, {T}>"))
        {
            var destinations = Destinations();
            foreach (var parameter in _used)
            {
                writer.Line($"ref {ParameterForms.SpanElement(parameter, _precision)} {_names[$"r{Index(parameter)}"]} = ref MemoryMarshal.GetReference({parameter.Identifier});");
            }

            writer.Line($"ref {T} {_names["rd"]} = ref MemoryMarshal.GetReference({destinations[0]});");
            foreach (var parameter in _used.Where(p => p.Kind == VariableKind.Continuous))
            {
                writer.Line($"ref {T} {_names[$"e{Index(parameter)}"]} = ref MemoryMarshal.GetReference({DerivativeName(_spec, parameter)});");
            }

            string i = _names["i"], length = _names["length"];
            writer.Line($"nuint {length} = (nuint){destinations[0]}.Length, {i} = 0;");
            var continuousUsed = _used.Where(p => p.Kind == VariableKind.Continuous).ToList();
            using (writer.Block("while (true)"))
            {
                using (writer.Block($"for (; {i} + (nuint){L}.Count <= {length}; {i} += (nuint){L}.Count)"))
                {
                    foreach (var parameter in _used)
                    {
                        int v = Index(parameter);
                        writer.WrappedLine($"TLane {_names[$"v{v}"]} = {ParameterForms.Load(parameter, L, _names[$"r{v}"], i)};");
                    }

                    var checks = continuousUsed.Select(p => $"{L}.AllWithin({_names[$"v{Index(p)}"]}, {Literals.Number(p.Bound, _precision)})");
                    writer.WrappedLine($"if (!({string.Join(" & ", checks)}))");
                    using (writer.Braces())
                    {
                        writer.Line("break;");
                    }

                    var arguments = _used.Select(p => _names[$"v{Index(p)}"]).Concat(continuousUsed.Select(p => $"out var {_names[$"d{Index(p)}"]}"));
                    writer.WrappedLine($"{L}.Store({_names["Gradient"]}<TLane, {L}>({string.Join(", ", arguments)}), ref {_names["rd"]}, {i});");
                    foreach (var parameter in continuousUsed)
                    {
                        writer.Line($"{L}.Store({_names[$"d{Index(parameter)}"]}, ref {_names[$"e{Index(parameter)}"]}, {i});");
                    }
                }

                using (writer.Block($"if ({i} + (nuint){L}.Count > {length})"))
                {
                    writer.Line($"return {i};");
                }

                writer.Line("// An input outside its bound: this vector's lanes take the scalar pass, exact for every input.");
                writer.WrappedLine($"{_names["GradientScalars"]}({BatchArguments()}, {i}, {i} + (nuint){L}.Count);");
                writer.Line($"{i} += (nuint){L}.Count;");
            }
        }
    }

    private void EmitScalars(IndentedWriter writer)
    {
        string start = _names["start"], end = _names["end"], i = _names["i"];
        writer.Line("/// <summary>Elements [start, end) one at a time.</summary>");
        writer.Line("[MethodImpl(MethodImplOptions.NoInlining)]");
        writer.WrappedLine($"private static void {_names["GradientScalars"]}({string.Join(", ", BatchParameters())}, nuint {start}, nuint {end})");
        using (writer.Braces())
        {
            using (writer.Block($"for (nuint {i} = {start}; {i} < {end}; {i}++)"))
            {
                var continuousUsed = _used.Where(p => p.Kind == VariableKind.Continuous).ToList();
                var arguments = _used.Select(p => Element(p, i)).Concat(continuousUsed.Select(p => $"out var {_names[$"d{Index(p)}"]}"));
                writer.WrappedLine($"{Destinations()[0]}[(int){i}] = {_names["Gradient"]}<{T}, {ParameterForms.Lanes(_precision, 0)}>({string.Join(", ", arguments)});");
                foreach (var parameter in continuousUsed)
                {
                    writer.Line($"{DerivativeName(_spec, parameter)}[(int){i}] = {_names[$"d{Index(parameter)}"]};");
                }
            }
        }
    }

    /// <summary>Element <paramref name="i"/> of a parameter's span as a number of the network's arithmetic.</summary>
    private string Element(ParameterSpec parameter, string i)
    {
        string element = $"{parameter.Identifier}[(int){i}]";
        return parameter.Kind switch
        {
            VariableKind.Bit => $"({element} ? {Literals.Number(1, _precision)} : {Literals.Number(0, _precision)})",
            VariableKind.Spin => $"({T}){element}",
            _ => element,
        };
    }

    private int Index(ParameterSpec parameter) => ParameterForms.IndexOf(_spec, parameter);
}
