using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Compiler;
using PolyNet.Generators.Shared;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>
/// Writes the file-local class of a classifier: the shared gates' constants, <c>Energies&lt;TLane, L&gt;</c> (the gates once,
/// then one energy per category, generic over the lane type), the scalar entry points (softmax in double by
/// <c>PolyNet.Kernels.Softmax</c>), the batch (vector logits, lane-wise maximum and arg-maximum, exponentials and the
/// division in the lanes) and the description (docs/design.md §13).
/// </summary>
internal sealed class ClassifierClassEmitter
{
    private readonly ClassifierSpec _spec;
    private readonly CompiledClassifier _compiled;
    private readonly GeneratedNames _names;
    private readonly ForwardPassEmitter _forward;
    private readonly NumericPrecision _precision;
    private readonly int _count;

    public ClassifierClassEmitter(ClassifierSpec spec, CompiledClassifier compiled, GeneratedNames names)
    {
        _spec = spec;
        _compiled = compiled;
        _names = names;
        _precision = spec.Precision!.Value;
        _forward = new ForwardPassEmitter(compiled.Shared!, spec.Inputs, names);
        _count = spec.Categories.Count;
    }

    private string T => ParameterForms.Element(_precision);

    private string L => _names["L"];

    private IReadOnlyList<ParameterSpec> Inputs => _spec.Inputs;

    private string E(int y) => _names[$"e{y}"];

    private string Z(int y) => _names[$"z{y}"];

    public void Emit(IndentedWriter writer)
    {
        writer.CommentLines("/// ", $"<summary>The classifier <c>{Literals.Xml(_spec.Hierarchy.DisplayName(_spec.PlainName))}</c>: {_count} categories over shared neurons.</summary>");
        using (writer.Block($"file static class {NetworkClassEmitter.ClassName}"))
        {
            _forward.EmitConstants(writer);
            for (int y = 0; y < _count; y++)
            {
                var output = _compiled.Outputs[y];
                _forward.EmitOutputWeights(writer, output.Terms, output.AccumulatesInDouble, _names[$"OutputWeights{y}"]);
            }

            writer.Line($"// ln(prior / Σ priors) of {string.Join(", ", _spec.Categories.Select(c => Literals.Comment(c.Name)))}.");
            writer.Line($"private static ReadOnlySpan<double> {_names["LogPriors"]} => new double[] {{ {string.Join(", ", _compiled.LogPriors.Select(Literals.Double))} }};");
            writer.Line();
            EmitScalar(writer, logarithms: false);
            writer.Line();
            EmitScalar(writer, logarithms: true);
            writer.Line();
            EmitEnergies(writer);
            writer.Line();
            if (Inputs.Count > 0)
            {
                // Without inputs there are no rows: the batch overloads would repeat the scalar ones' signatures.
                EmitBatch(writer);
                writer.Line();
                EmitVectors(writer);
                writer.Line();
                EmitScalars(writer);
                writer.Line();
                EmitLogBatch(writer);
                writer.Line();
            }

            EmitDescription(writer);
        }
    }

    private string InputParameters => string.Join(string.Empty, Inputs.Select(p => $"{p.Type} {p.Identifier}, "));

    private string SpanParameters => string.Join(string.Empty, Inputs.Select(p => $"ReadOnlySpan<{ParameterForms.SpanElement(p, _precision)}> {p.Identifier}, "));

    private void EmitScalar(IndentedWriter writer, bool logarithms)
    {
        string destination = logarithms ? _names["logProbabilities"] : _spec.Probabilities.Identifier;
        string name = logarithms ? _names["LogProbabilities"] : _names["Evaluate"];
        writer.Line(logarithms
            ? "/// <summary>ln p(y | inputs) of one input, from the energies by a stable log-sum-exp.</summary>"
            : "/// <summary>p(y | inputs) of one input; returns the most probable category (the first on ties).</summary>");
        writer.WrappedLine($"public static {(logarithms ? "void" : "int")} {name}({InputParameters}Span<{T}> {destination})");
        using (writer.Braces())
        {
            EmitLengthCheck(writer, $"{destination}.Length", Literals.Int(_count), destination.TrimStart('_', '@'), $"one value per category ({_count})");
            foreach (var parameter in Inputs)
            {
                if (parameter.Kind == VariableKind.Spin)
                {
                    writer.Line($"SpinArguments.Validate({parameter.Identifier}, {Literals.String(parameter.Name)});");
                }
                else if (_spec.CheckBounds && parameter.Kind == VariableKind.Continuous)
                {
                    writer.Line($"BoundArguments.Validate({parameter.Identifier}, {Literals.Number(parameter.Bound, _precision)}, {Literals.String(parameter.Name)});");
                }
            }

            string arguments = string.Join(string.Empty, Inputs.Select(p => ParameterForms.ScalarValue(p, _precision) + ", "));
            string outs = string.Join(", ", Enumerable.Range(0, _count).Select(y => $"out {T} {E(y)}"));
            writer.WrappedLine($"{_names["Energies"]}<{T}, {ParameterForms.Lanes(_precision, 0)}>({arguments}{outs});");
            string energies = _names["energies"];
            writer.WrappedLine($"ReadOnlySpan<{T}> {energies} = stackalloc {T}[] {{ {string.Join(", ", Enumerable.Range(0, _count).Select(E))} }};");
            writer.Line(logarithms
                ? $"Softmax.LogProbabilities({energies}, {_names["LogPriors"]}, {destination});"
                : $"return Softmax.Probabilities({energies}, {_names["LogPriors"]}, {destination});");
        }
    }

    private void EmitLengthCheck(IndentedWriter writer, string actual, string expected, string name, string what)
    {
        writer.WrappedLine($"if ({actual} != {expected})");
        using (writer.Braces())
        {
            writer.WrappedLine($"throw new ArgumentException($\"The span '{name}' must hold {what}, but its length is {{{actual}}}.\", {Literals.String(name)});");
        }
    }

    /// <summary>Gates per chunk of a large shared network (see <see cref="EmitEnergies"/>).</summary>
    private const int ChunkGates = 6;

    private void EmitEnergies(IndentedWriter writer)
    {
        var shared = _compiled.Shared!;
        string parameters = string.Join(string.Empty, Inputs.Select(p => $"TLane {p.Identifier}, "));
        string outs = string.Join(", ", Enumerable.Range(0, _count).Select(y => $"out TLane {E(y)}"));
        writer.Line("/// <summary>The shared gates once, then every category's energy, for every lane type.</summary>");

        // Not inlined: its callers keep their own inlining budget for the softmax.
        writer.Line("[MethodImpl(MethodImplOptions.NoInlining)]");
        writer.WrappedLine($"private static void {_names["Energies"]}<TLane, {L}>({parameters}{outs})");
        writer.Line("    where TLane : unmanaged");
        bool chunked = shared.Gates.Length > 2 * ChunkGates && _compiled.Outputs.All(o => !o.AccumulatesInDouble);
        var kept = chunked ? KeptGates() : null;
        using (writer.Block($"    where {L} : ILanes<{L}, TLane, {T}>"))
        {
            if (!chunked)
            {
                _forward.EmitGates(writer, Enumerable.Range(0, shared.Gates.Length));
                for (int y = 0; y < _count; y++)
                {
                    var output = _compiled.Outputs[y];
                    string local = _names[$"u{y}"];
                    writer.Line($"// {Literals.Comment(_spec.Categories[y].Name)}");
                    _forward.EmitOutput(writer, output.Constant, output.Terms, output.AccumulatesInDouble, local, _names[$"OutputWeights{y}"]);
                    writer.Line($"{E(y)} = {local};");
                }

                return;
            }

            // A large network is evaluated in chunks of gates, each its own method: in one method of hundreds of gates
            // the JIT stops inlining the gates' arithmetic. Each chunk adds its gates' terms to the energies; a gate
            // that a later chunk reads is kept in the scratch span.
            // The chunks share one span: the inputs, then the gates a later chunk reads, then the energies.
            string state = _names["state"];
            int energies = Inputs.Count + kept!.Count;
            writer.Line($"Span<TLane> {state} = stackalloc TLane[{energies + _count}];");
            for (int v = 0; v < Inputs.Count; v++)
            {
                writer.Line($"{state}[{v}] = {Inputs[v].Identifier};");
            }

            for (int y = 0; y < _count; y++)
            {
                var output = _compiled.Outputs[y];
                string local = _names[$"u{y}"];
                writer.Line($"// {Literals.Comment(_spec.Categories[y].Name)}: the constant and the linear terms; the chunks add the rest");
                _forward.EmitOutput(writer, output.Constant, output.Terms.Where(t => !t.Value.IsGate).ToList(), false, local, _names[$"OutputWeights{y}"]);
                writer.Line($"{state}[{energies + y}] = {local};");
            }

            for (int c = 0; c * ChunkGates < shared.Gates.Length; c++)
            {
                writer.Line($"{_names[$"Chunk{c}"]}<TLane, {L}>({state});");
            }

            for (int y = 0; y < _count; y++)
            {
                writer.Line($"{E(y)} = {state}[{energies + y}];");
            }
        }

        if (!chunked)
        {
            return;
        }

        for (int c = 0; c * ChunkGates < shared.Gates.Length; c++)
        {
            writer.Line();
            EmitChunk(writer, c, kept!);
        }
    }

    /// <summary>The gates read by a later chunk than their own, numbered in the scratch span.</summary>
    private Dictionary<int, int> KeptGates()
    {
        var kept = new Dictionary<int, int>();
        var gates = _compiled.Shared!.Gates;
        for (int k = 0; k < gates.Length; k++)
        {
            foreach (var operand in gates[k].Operands.Where(o => o.IsGate && o.Index / ChunkGates < k / ChunkGates))
            {
                if (!kept.ContainsKey(operand.Index))
                {
                    kept.Add(operand.Index, kept.Count);
                }
            }
        }

        return kept;
    }

    private void EmitChunk(IndentedWriter writer, int chunk, Dictionary<int, int> kept)
    {
        var gates = _compiled.Shared!.Gates;
        int first = chunk * ChunkGates, end = System.Math.Min(gates.Length, first + ChunkGates);
        int energies = Inputs.Count + kept.Count;
        string state = _names["state"];
        writer.Line($"/// <summary>Gates {first}–{end - 1} and their terms in the energies.</summary>");
        writer.Line("[MethodImpl(MethodImplOptions.NoInlining)]");
        writer.WrappedLine($"private static void {_names[$"Chunk{chunk}"]}<TLane, {L}>(Span<TLane> {state})");
        writer.Line("    where TLane : unmanaged");
        using (writer.Block($"    where {L} : ILanes<{L}, TLane, {T}>"))
        {
            var operands = Enumerable.Range(first, end - first).SelectMany(k => gates[k].Operands).Distinct().ToList();
            foreach (var input in operands.Where(o => !o.IsGate).Select(o => o.Index).OrderBy(v => v))
            {
                writer.Line($"var {Inputs[input].Identifier} = {state}[{input}];");
            }

            foreach (int k in operands.Where(o => o.IsGate && o.Index < first).Select(o => o.Index).OrderBy(k => k))
            {
                writer.Line($"var {_names[$"g{k}"]} = {state}[{Inputs.Count + kept[k]}];");
            }

            _forward.EmitGates(writer, Enumerable.Range(first, end - first));
            for (int k = first; k < end; k++)
            {
                if (kept.TryGetValue(k, out int slot))
                {
                    writer.Line($"{state}[{Inputs.Count + slot}] = {_names[$"g{k}"]};");
                }
            }

            for (int y = 0; y < _count; y++)
            {
                var terms = _compiled.Outputs[y].Terms.Where(t => t.Value.IsGate && t.Value.Index >= first && t.Value.Index < end).ToList();
                if (terms.Count == 0)
                {
                    continue;
                }

                string sum = $"{state}[{energies + y}]";
                foreach (var term in terms)
                {
                    sum = $"{L}.MultiplyAdd({_forward.Value(term.Value)}, {Literals.Double(term.Coefficient)}, {sum})";
                }

                writer.WrappedLine($"{state}[{energies + y}] = {sum};");
            }
        }
    }

    private void EmitBatch(IndentedWriter writer)
    {
        string probabilities = _spec.Probabilities.Identifier, categories = _names["categories"], rows = _names["rows"];
        writer.Line("/// <summary>Every row: lengths and values checked first, then whole vectors of rows, then the rest one at a time.</summary>");
        writer.WrappedLine($"public static void {_names["Evaluate"]}({SpanParameters}Span<{T}> {probabilities}, Span<int> {categories})");
        using (writer.Braces())
        {
            writer.Line($"int {rows} = {categories}.Length;");
            EmitRowChecks(writer, rows, probabilities);
            string arguments = string.Join(string.Empty, Inputs.Select(p => p.Identifier + ", ")) + $"{probabilities}, {categories}";
            ParameterForms.EmitVectorDispatch(writer, _names, _precision, rows, arguments);
        }
    }

    /// <summary>Every input has one element per row, the destination K per row, the values are valid: checked before anything is written.</summary>
    private void EmitRowChecks(IndentedWriter writer, string rows, string destination)
    {
        string plain = destination.TrimStart('_', '@');
        foreach (var parameter in Inputs)
        {
            EmitLengthCheck(writer, $"{parameter.Identifier}.Length", rows, parameter.Name, $"one value per row ({{{rows}}})");
        }

        EmitLengthCheck(writer, $"(long){destination}.Length", $"(long){rows} * {_count}", plain, $"{_count} values per row ({{{rows}}} rows)");
        foreach (var parameter in Inputs)
        {
            if (parameter.Kind == VariableKind.Continuous)
            {
                writer.Line($"BatchArguments.ValidateOverlap({parameter.Identifier}, {destination}, {Literals.String(parameter.Name)});");
            }

            if (parameter.Kind == VariableKind.Spin)
            {
                writer.Line($"SpinArguments.Validate({parameter.Identifier}, {Literals.String(parameter.Name)});");
            }
            else if (_spec.CheckBounds && parameter.Kind == VariableKind.Continuous)
            {
                writer.Line($"BoundArguments.Validate({parameter.Identifier}, {Literals.Number(parameter.Bound, _precision)}, {Literals.String(parameter.Name)});");
            }
        }
    }

    private void EmitVectors(IndentedWriter writer)
    {
        string probabilities = _spec.Probabilities.Identifier, categories = _names["categories"];
        string i = _names["i"], length = _names["length"], rp = _names["rp"], rc = _names["rc"];
        writer.Line("/// <summary>Whole vectors of rows while their inputs are inside the bounds; returns how many rows it computed.</summary>");
        writer.WrappedLine($"private static nuint {_names["Vectors"]}<TLane, {L}>({SpanParameters}Span<{T}> {probabilities}, Span<int> {categories})");
        writer.Line("    where TLane : unmanaged");
        using (writer.Block($"    where {L} : ILanes<{L}, TLane, {T}>"))
        {
            for (int v = 0; v < Inputs.Count; v++)
            {
                writer.Line($"ref {ParameterForms.SpanElement(Inputs[v], _precision)} {_names[$"r{v}"]} = ref MemoryMarshal.GetReference({Inputs[v].Identifier});");
            }

            writer.Line($"ref {T} {rp} = ref MemoryMarshal.GetReference({probabilities});");
            writer.Line($"ref int {rc} = ref MemoryMarshal.GetReference({categories});");
            writer.Line($"nuint {length} = (nuint){categories}.Length, {i} = 0;");
            writer.Line($"Span<TLane> {_names["columns"]} = stackalloc TLane[{_count}];   // one vector of rows' probabilities, category by category");
            using (writer.Block($"for (; {i} + (nuint){L}.Count <= {length}; {i} += (nuint){L}.Count)"))
            {
                for (int v = 0; v < Inputs.Count; v++)
                {
                    writer.WrappedLine($"TLane {_names[$"v{v}"]} = {ParameterForms.Load(Inputs[v], L, _names[$"r{v}"], i)};");
                }

                var checks = Enumerable.Range(0, Inputs.Count).Where(v => Inputs[v].Kind == VariableKind.Continuous)
                    .Select(v => $"{L}.AllWithin({_names[$"v{v}"]}, {Literals.Number(Inputs[v].Bound, _precision)})").ToList();
                if (checks.Count > 0)
                {
                    writer.WrappedLine($"if (!({string.Join(" & ", checks)}))");
                    using (writer.Braces())
                    {
                        writer.Line("break;   // an input outside its bound: the rest takes the scalar pass, exact for every input");
                    }
                }

                string arguments = string.Join(string.Empty, Enumerable.Range(0, Inputs.Count).Select(v => _names[$"v{v}"] + ", "));
                writer.WrappedLine($"{_names["Energies"]}<TLane, {L}>({arguments}{string.Join(", ", Enumerable.Range(0, _count).Select(y => $"out TLane {E(y)}"))});");
                for (int y = 0; y < _count; y++)
                {
                    writer.Line($"TLane {Z(y)} = {L}.Subtract({L}.Constant({Literals.Double(_compiled.LogPriors[y])}), {E(y)});");
                }

                // The largest logit and its first index, lane by lane; then exp(z − largest) and their sum.
                string top = _names["top"], best = _names["best"], sum = _names["sum"];
                writer.Line($"TLane {top} = {Z(0)}, {best} = {L}.Constant(0);");
                for (int y = 1; y < _count; y++)
                {
                    writer.Line($"{best} = {L}.SelectGreater({Z(y)}, {top}, {L}.Constant({y}), {best});");
                    writer.Line($"{top} = {L}.SelectGreater({Z(y)}, {top}, {Z(y)}, {top});");
                }

                for (int y = 0; y < _count; y++)
                {
                    writer.Line($"{Z(y)} = {L}.Exp({L}.Subtract({Z(y)}, {top}));");
                }

                writer.WrappedLine($"TLane {sum} = {string.Join(string.Empty, Enumerable.Range(1, _count - 1).Select(_ => $"{L}.Add("))}{Z(0)}{string.Join(string.Empty, Enumerable.Range(1, _count - 1).Select(y => $", {Z(y)})"))};");
                string inverse = _names["inverse"], columns = _names["columns"];
                writer.Line($"TLane {inverse} = {L}.Divide({L}.Constant(1), {sum});   // one division, K multiplications");
                for (int y = 0; y < _count; y++)
                {
                    writer.Line($"{columns}[{y}] = {L}.Multiply({Z(y)}, {inverse});");
                }

                writer.Line($"{L}.StoreRows({columns}, ref {rp}, {i} * {_count});");

                writer.Line($"{L}.StoreInt32({best}, ref {rc}, {i});");
            }

            writer.Line($"return {i};");
        }
    }

    private void EmitScalars(IndentedWriter writer)
    {
        string probabilities = _spec.Probabilities.Identifier, categories = _names["categories"];
        string start = _names["start"], end = _names["end"], i = _names["i"];
        writer.Line("/// <summary>Rows [start, end) one at a time, by the scalar method.</summary>");
        writer.Line("[MethodImpl(MethodImplOptions.NoInlining)]");
        writer.WrappedLine($"private static void {_names["Scalars"]}({SpanParameters}Span<{T}> {probabilities}, Span<int> {categories}, nuint {start}, nuint {end})");
        using (writer.Braces())
        {
            using (writer.Block($"for (nuint {i} = {start}; {i} < {end}; {i}++)"))
            {
                string arguments = string.Join(string.Empty, Inputs.Select(p => $"{p.Identifier}[(int){i}], "));
                writer.WrappedLine($"{categories}[(int){i}] = {_names["Evaluate"]}({arguments}{probabilities}.Slice((int){i} * {_count}, {_count}));");
            }
        }
    }

    private void EmitLogBatch(IndentedWriter writer)
    {
        string destination = _names["logProbabilities"], rows = _names["rows"], i = _names["i"];
        writer.Line("/// <summary>ln p(y | inputs) of every row, one row at a time (lengths and values checked first).</summary>");
        writer.WrappedLine($"public static void {_names["LogProbabilities"]}({SpanParameters}Span<{T}> {destination})");
        using (writer.Braces())
        {
            writer.Line(Inputs.Count > 0 ? $"int {rows} = {Inputs[0].Identifier}.Length;" : $"int {rows} = {destination}.Length / {_count};");
            EmitRowChecks(writer, rows, destination);
            using (writer.Block($"for (int {i} = 0; {i} < {rows}; {i}++)"))
            {
                string arguments = string.Join(string.Empty, Inputs.Select(p => $"{p.Identifier}[{i}], "));
                writer.WrappedLine($"{_names["LogProbabilities"]}({arguments}{destination}.Slice({i} * {_count}, {_count}));");
            }
        }
    }

    private void EmitDescription(IndentedWriter writer)
    {
        writer.Line("/// <summary>The classifier's description, built on first use.</summary>");
        writer.Line($"public static BoltzmannClassifier {_names["Description"]} => {_names["Lazy"]}.{_names["Classifier"]};");
        writer.Line();
        using (writer.Block($"private static class {_names["Lazy"]}"))
        {
            writer.Line($"public static readonly BoltzmannClassifier {_names["Classifier"]} = new({_names["Definition"]});");
            writer.Line();
            writer.Line($"private static BoltzmannClassifierDefinition {_names["Definition"]} => new()");
            using (writer.Braces(";"))
            {
                writer.WrappedLine($"Categories = new string[] {{ {string.Join(", ", _spec.Categories.Select(c => Literals.String(c.Name)))} }},");
                writer.WrappedLine($"Priors = new double[] {{ {string.Join(", ", _spec.Categories.Select(c => Literals.Double(c.Prior)))} }},");
                writer.Line($"NeuronCount = {Literals.Int(_compiled.Shared!.NeuronCount)},");
                writer.Line($"MaxError = {Literals.Double(_compiled.MaxError)},");
                writer.Line("Hamiltonians = new SigmoidNetworkDefinition[]");
                using (writer.Braces(","))
                {
                    for (int y = 0; y < _count; y++)
                    {
                        writer.Line("new()");
                        using (writer.Braces(","))
                        {
                            DescriptionEmitter.WriteDefinitionBody(writer, _spec.Categories[y].Expression, _compiled.Categories[y], Inputs, _spec.InputBound);
                        }
                    }
                }
            }
        }
    }
}
