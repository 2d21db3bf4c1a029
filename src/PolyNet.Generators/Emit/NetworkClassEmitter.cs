using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Compiler;
using PolyNet.Generators.Network;
using PolyNet.Generators.Shared;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>
/// Writes the file-local class that holds one network: its constants, the forward pass (written once, generic over the
/// lane type), the scalar and batch entry points, and the description. It lives in the generated namespace
/// <c>PolyNet.Generated</c> with its own <c>using</c> directives, so nothing the user declares can shadow a name in it.
/// </summary>
internal sealed class NetworkClassEmitter
{
    public const string ClassName = "Network";

    private readonly HamiltonianSpec _spec;
    private readonly CompiledHamiltonian _compiled;
    private readonly NetworkModel _network;
    private readonly GeneratedNames _names;
    private readonly ForwardPassEmitter _forward;
    private readonly NumericPrecision _precision;
    private readonly List<ParameterSpec> _used;
    private readonly bool _unrolled;

    public NetworkClassEmitter(HamiltonianSpec spec, CompiledHamiltonian compiled, GeneratedNames names)
    {
        _spec = spec;
        _compiled = compiled;
        _network = compiled.Network!;
        _precision = _network.Precision;
        _names = names;
        _forward = new ForwardPassEmitter(_network, spec.Parameters, _names);
        var used = _network.UsedInputs;
        _used = spec.Parameters.Where((_, v) => used.Contains(v)).ToList();
        _unrolled = _network.Gates.Length <= ExpressionLimits.MaxUnrolledGates;
    }

    private string T => ParameterForms.Element(_precision);

    private string L => _names["L"];

    private string Destination => _names["destination"];

    public void Emit(IndentedWriter writer)
    {
        writer.CommentLines("/// ", $"<summary>The network of <c>{Literals.Xml(_spec.Hierarchy.DisplayName(_spec.PlainName))}</c>, compiled from <c>{Literals.Xml(_spec.Expression)}</c>.</summary>");
        using (writer.Block($"file static class {ClassName}"))
        {
            if (_unrolled)
            {
                _forward.EmitConstants(writer);
                _forward.EmitOutputWeights(writer);
                writer.Line();
            }

            EmitScalar(writer);
            writer.Line();
            EmitForward(writer);
            writer.Line();
            EmitBatch(writer);
            writer.Line();
            EmitVectors(writer);
            writer.Line();
            EmitScalars(writer);
            writer.Line();
            if (_spec.Gradient)
            {
                new GradientEntryEmitter(_spec, _network, _names, _forward, _unrolled).Emit(writer);
                writer.Line();
            }

            DescriptionEmitter.Emit(writer, _spec, _compiled, _names, programForKernel: !_unrolled);
        }
    }

    private void EmitScalar(IndentedWriter writer)
    {
        string parameters = string.Join(", ", _spec.Parameters.Select(p => $"{p.Type} {p.Identifier}"));
        writer.Line("/// <summary>The forward pass for one input; exact for every input (saturated gates, never NaN from finite input).</summary>");
        writer.WrappedLine($"public static {T} {_names["Evaluate"]}({parameters})");
        using (writer.Braces())
        {
            ParameterForms.EmitValueChecks(writer, _spec, _precision);

            string arguments = string.Join(", ", _used.Select(p => ParameterForms.ScalarValue(p, _precision)));
            writer.WrappedLine($"return {_names["Forward"]}<{T}, {ParameterForms.Lanes(_precision, 0)}>({arguments});");
        }
    }

    private void EmitForward(IndentedWriter writer)
    {
        string parameters = string.Join(", ", _used.Select(p => $"TLane {p.Identifier}"));
        writer.Line("/// <summary>The network, once for every lane type: scalars, and vectors whose inputs are all inside their bounds.</summary>");
        writer.Line(_unrolled ? "[MethodImpl(MethodImplOptions.AggressiveInlining)]" : "[MethodImpl(MethodImplOptions.NoInlining)]");
        writer.WrappedLine($"private static TLane {_names["Forward"]}<TLane, {L}>({parameters})");
        writer.Line("    where TLane : unmanaged");
        using (writer.Block($"    where {L} : ILanes<{L}, TLane, {T}>"))
        {
            if (_unrolled)
            {
                _forward.EmitBody(writer);
                return;
            }

            // Too many gates to unroll: the gate table runs as a program (docs/design.md §10).
            string inputs = _names["inputs"];
            writer.Line($"Span<TLane> {inputs} = stackalloc TLane[{_spec.Parameters.Count}];");
            for (int v = 0; v < _spec.Parameters.Count; v++)
            {
                var parameter = _spec.Parameters[v];
                writer.Line($"{inputs}[{v}] = {(_used.Contains(parameter) ? parameter.Identifier : "default")};");
            }

            writer.Line($"return {_names["Lazy"]}.{_names["Program"]}.Evaluate<TLane, {L}, {T}>({inputs});");
        }
    }

    private void EmitBatch(IndentedWriter writer)
    {
        var spans = _spec.Parameters.Select(p => $"ReadOnlySpan<{ParameterForms.SpanElement(p, _precision)}> {p.Identifier}").Append($"Span<{T}> {Destination}");
        writer.Line("/// <summary>The forward pass for every index, in the widest vectors the machine has; arguments are checked first.</summary>");
        writer.WrappedLine($"public static void {_names["Evaluate"]}({string.Join(", ", spans)})");
        using (writer.Braces())
        {
            string length = _names["length"];
            writer.Line($"int {length} = {Destination}.Length;");
            if (_spec.Parameters.Count > 0)
            {
                writer.WrappedLine($"if ({string.Join(" || ", _spec.Parameters.Select(p => $"{p.Identifier}.Length != {length}"))})");
                using (writer.Braces())
                {
                    string inputs = string.Join(", ", _spec.Parameters.Select(p => $"({Literals.String(p.Name)}, {p.Identifier}.Length)"));
                    writer.WrappedLine($"BatchArguments.ThrowLengthMismatch({Literals.String(BatchDestinationName(_spec))}, {length}, {inputs});");
                }
            }

            foreach (var parameter in _spec.Parameters)
            {
                if (parameter.Kind == VariableKind.Continuous)
                {
                    writer.Line($"BatchArguments.ValidateOverlap({parameter.Identifier}, {Destination}, {Literals.String(parameter.Name)});");
                }
            }

            ParameterForms.EmitValueChecks(writer, _spec, _precision);

            string arguments = string.Join(", ", _spec.Parameters.Select(p => p.Identifier).Append(Destination));
            ParameterForms.EmitVectorDispatch(writer, _names, _precision, length, arguments);
        }
    }

    private void EmitVectors(IndentedWriter writer)
    {
        var spans = _spec.Parameters.Select(p => $"ReadOnlySpan<{ParameterForms.SpanElement(p, _precision)}> {p.Identifier}").Append($"Span<{T}> {Destination}");
        writer.Line("/// <summary>Whole vectors from the start; returns how many elements it computed.</summary>");
        writer.WrappedLine($"private static nuint {_names["Vectors"]}<TLane, {L}>({string.Join(", ", spans)})");
        writer.Line("    where TLane : unmanaged");
        using (writer.Block($"    where {L} : ILanes<{L}, TLane, {T}>"))
        {
            foreach (var parameter in _used)
            {
                int v = Index(parameter);
                string element = ParameterForms.SpanElement(parameter, _precision);
                writer.Line($"ref {element} {_names[$"r{v}"]} = ref MemoryMarshal.GetReference({parameter.Identifier});");
            }

            string i = _names["i"], length = _names["length"], rd = _names["rd"];
            writer.Line($"ref {T} {rd} = ref MemoryMarshal.GetReference({Destination});");
            writer.Line($"nuint {length} = (nuint){Destination}.Length, {i} = 0;");
            var continuous = _used.Where(p => p.Kind == VariableKind.Continuous).ToList();
            string forward = $"{_names["Forward"]}<TLane, {L}>({string.Join(", ", _used.Select(p => _names[$"v{Index(p)}"]))})";
            if (continuous.Count == 0)
            {
                EmitVectorLoop(writer, forward, null);
                writer.Line($"return {i};");
                return;
            }

            // The call to the scalar pass stays out of the hot loop, so that the loop keeps its constants in registers.
            using (writer.Block("while (true)"))
            {
                var checks = continuous.Select(p => $"{L}.AllWithin({_names[$"v{Index(p)}"]}, {Literals.Number(p.Bound, _precision)})");
                EmitVectorLoop(writer, forward, string.Join(" & ", checks));
                using (writer.Block($"if ({i} + (nuint){L}.Count > {length})"))
                {
                    writer.Line($"return {i};");
                }

                writer.Line("// An input outside its bound: this vector's lanes take the scalar pass, exact for every input.");
                string arguments = string.Join(", ", _spec.Parameters.Select(p => p.Identifier).Append(Destination));
                writer.WrappedLine($"{_names["Scalars"]}({arguments}, {i}, {i} + (nuint){L}.Count);");
                writer.Line($"{i} += (nuint){L}.Count;");
            }
        }
    }

    /// <summary>The loop over whole vectors; with <paramref name="inBounds"/>, it stops at the first vector outside the bounds.</summary>
    private void EmitVectorLoop(IndentedWriter writer, string forward, string? inBounds)
    {
        string i = _names["i"], length = _names["length"], rd = _names["rd"];
        using (writer.Block($"for (; {i} + (nuint){L}.Count <= {length}; {i} += (nuint){L}.Count)"))
        {
            foreach (var parameter in _used)
            {
                int v = Index(parameter);
                writer.WrappedLine($"TLane {_names[$"v{v}"]} = {ParameterForms.Load(parameter, L, _names[$"r{v}"], i)};");
            }

            if (inBounds is not null)
            {
                writer.WrappedLine($"if (!({inBounds}))");
                using (writer.Braces())
                {
                    writer.Line("break;");
                }
            }

            writer.WrappedLine($"{L}.Store({forward}, ref {rd}, {i});");
        }
    }

    private void EmitScalars(IndentedWriter writer)
    {
        var spans = _spec.Parameters.Select(p => $"ReadOnlySpan<{ParameterForms.SpanElement(p, _precision)}> {p.Identifier}").Append($"Span<{T}> {Destination}");
        string start = _names["start"], end = _names["end"], i = _names["i"];
        writer.Line("/// <summary>Elements [start, end) one at a time.</summary>");
        writer.Line("[MethodImpl(MethodImplOptions.NoInlining)]");
        writer.WrappedLine($"private static void {_names["Scalars"]}({string.Join(", ", spans)}, nuint {start}, nuint {end})");
        using (writer.Braces())
        {
            using (writer.Block($"for (nuint {i} = {start}; {i} < {end}; {i}++)"))
            {
                string arguments = string.Join(", ", _spec.Parameters.Select(p => $"{p.Identifier}[(int){i}]"));
                writer.WrappedLine($"{Destination}[(int){i}] = {_names["Evaluate"]}({arguments});");
            }
        }
    }

    private int Index(ParameterSpec parameter) => ParameterForms.IndexOf(_spec, parameter);

    /// <summary>The destination's name in the user-facing batch overload: "destination", unless a parameter has it.</summary>
    public static string BatchDestinationName(HamiltonianSpec spec) =>
        spec.Parameters.Any(p => p.Name == "destination") ? "destinationSpan" : "destination";
}
