using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Network;
using PolyNet.Generators.Shared;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>
/// The gradient of a lattice Hamiltonian ([Hamiltonian(Gradient = true)]): one pass over the sites, each site's template
/// network differentiated by backpropagation with respect to its continuous field reads, each derivative added to the
/// gradient entry of the site that read it (docs/design.md §14.5). Cost linear in the sites.
/// </summary>
internal sealed partial class LatticeClassEmitter
{
    /// <summary>The continuous fields, in parameter order: the gradient holds their derivatives one field after the other.</summary>
    private List<int> ContinuousFields => _layout.Fields.Where(f => _layout.Parameters[f].Kind == VariableKind.Continuous).ToList();

    /// <summary>Whether template input k is differentiated: a read of a continuous field.</summary>
    private bool IsDifferentiatedRead(int k) => Reads[k].IsField && _layout.Parameters[Reads[k].Parameter].Kind == VariableKind.Continuous;

    private void EmitGradient(IndentedWriter writer)
    {
        var fields = ContinuousFields;
        string gradient = GradientEntryEmitter.GradientSpanName(_spec);
        string sites = _names["sites"], total = _names["total"];
        writer.Line("/// <summary>The network's energy of the whole lattice and its derivative with respect to every site of every continuous field.</summary>");
        writer.WrappedLine($"public static {T} {_names["Evaluate"]}{_names["Gradient"]}({Parameters}, Span<{T}> {gradient})");
        using (writer.Braces())
        {
            writer.Line($"int {sites} = {_names["Validate"]}({Arguments});");
            writer.Line($"GradientArguments.RequireLength({gradient}.Length, {fields.Count} * {sites}, {Literals.String(gradient)});");
            writer.Line($"{gradient}.Slice(0, {fields.Count} * {sites}).Clear();");
            writer.Line($"var {total} = new NeumaierSum();");
            EmitSweepDispatch(writer, _names["GradientSweep"], $"{Arguments}, {gradient}, {sites}, ref {total}");
            writer.Line($"return ({T})({_names["Constant"]} + {total}.Value);");
        }
    }

    /// <summary>
    /// Every site once: whole vectors of sites whose reads need no wrapping run the template's backward pass in vector lanes
    /// and add each read's derivatives to the gradient as a vector; the other sites go one at a time.
    /// </summary>
    private void EmitGradientSweep(IndentedWriter writer)
    {
        var fields = ContinuousFields;
        int inner = _layout.Dimensions - 1;
        string gradient = GradientEntryEmitter.GradientSpanName(_spec);
        string sites = _names["sites"], total = _names["total"], end = _names["end"], rg = _names["rg"];
        writer.Line("/// <summary>Every site: whole vectors of sites whose reads need no wrapping, the others one at a time.</summary>");
        writer.WrappedLine($"private static void {_names["GradientSweep"]}<TLane, {L}>({Parameters}, Span<{T}> {gradient}, int {sites}, ref NeumaierSum {total})");
        writer.Line("    where TLane : unmanaged");
        using (writer.Block($"    where {L} : ILanes<{L}, TLane, {T}>"))
        {
            writer.Line($"ref {T} {rg} = ref MemoryMarshal.GetReference({gradient});");
            string row = $"for (int {_names[$"c{inner}"]} = 0; {_names[$"c{inner}"]} < {_layout.Extent(inner).Identifier}; {_names[$"c{inner}"]}++) {total}.Add({GradientAtCall(_names[$"c{inner}"])});";
            var (scopes, bases) = EmitRows(writer, rowWriter => rowWriter.WrappedLine(row));
            var (low, high) = _template.OffsetRange(inner);
            string x = X(inner), extent = _layout.Extent(inner).Identifier;
            writer.Line($"int {x} = 0;");
            if (low < 0)
            {
                writer.Line($"for (; {x} < {-low} && {x} < {extent}; {x}++) {total}.Add({GradientAtCall(x)});");
            }

            writer.Line($"int {end} = {extent}{(high > 0 ? $" - {high}" : string.Empty)};");
            writer.Line($"TLane {_names["keep"]} = {L}.Constant(1);");
            using (writer.Block($"for (; {x} + {L}.Count <= {end}; {x} += {L}.Count)"))
            {
                EmitVectorLoads(writer, bases, x);
                if (BoundsCheck() is { } inBounds)
                {
                    writer.WrappedLine($"if (!({inBounds}))");
                    using (writer.Braces())
                    {
                        writer.Line("// A read outside its bound: these sites take the scalar pass, exact for every input.");
                        string k0 = _names[$"c{inner}"];
                        writer.WrappedLine($"for (int {k0} = {x}; {k0} < {x} + {L}.Count; {k0}++) {total}.Add({GradientAtCall(k0)});");
                        writer.Line("continue;");
                    }
                }

                EmitVectorGradient(writer, bases, x);
            }

            // The interior sites short of a whole vector: one vector ending at the interior's end, the lanes already counted
            // multiplied by 0 (a 0/1 mask from LatticeArguments' ramp), so only the wrapped sites remain one at a time.
            string start = _names["start"];
            using (writer.Block($"if ({x} < {end} && {end} >= {L}.Count)"))
            {
                writer.Line($"int {start} = {end} - {L}.Count;");
                EmitVectorLoads(writer, bases, start);
                var inBounds = BoundsCheck();
                using (inBounds is null ? (System.IDisposable?)null : writer.Block($"if ({inBounds})"))
                {
                    writer.Line($"{_names["keep"]} = {L}.Load(ref MemoryMarshal.GetReference(LatticeArguments.{(_precision == NumericPrecision.Double ? "DoubleRamp" : "SingleRamp")}), (nuint)(LatticeArguments.RampZeros - ({x} - {start})));");
                    EmitVectorGradient(writer, bases, start);
                    writer.Line($"{x} = {end};");
                }
            }

            writer.Line($"for (; {x} < {extent}; {x}++) {total}.Add({GradientAtCall(x)});");
            for (int i = scopes.Count - 1; i >= 0; i--)
            {
                scopes[i].Dispose();
            }
        }
    }

    /// <summary>One vector of sites from <paramref name="x"/>: its energy into the total, each read's derivatives added to the gradient entries it read.</summary>
    private void EmitVectorGradient(IndentedWriter writer, Dictionary<string, string> bases, string x)
    {
        int inner = _layout.Dimensions - 1;
        var fields = ContinuousFields;
        var differentiated = Enumerable.Range(0, Reads.Count).Where(IsDifferentiatedRead).ToList();
        string call = $"{_names["SiteGradient"]}<TLane, {L}>({string.Join(", ", Reads.Select((_, k) => Q(k)))}, ulong.MaxValue, {_names["keep"]}, {string.Join(", ", differentiated.Select(k => $"out var {_names[$"d{k}"]}"))})";
        writer.WrappedLine($"{_names["total"]}.Add({call});");
        writer.Line("// Each read's derivatives belong to the sites it read: one vector of gradient entries per read.");
        foreach (int k in differentiated)
        {
            string key = string.Join(",", Enumerable.Range(0, inner).Select(d => Reads[k].Offsets[d]));
            int field = fields.IndexOf(Reads[k].Parameter);
            string offset = field == 0 ? string.Empty : $"{field} * {_names["sites"]} + ";
            string index = $"(nuint)({offset}{(inner == 0 ? string.Empty : bases[key] + " + ")}{x}{Offset(Reads[k].Offsets[inner])})";
            string slot = _names[$"e{k}"];
            writer.Line($"nuint {slot} = {index};");
            writer.Line($"{L}.Store({L}.Add({L}.Load(ref {_names["rg"]}, {slot}), {_names[$"d{k}"]}), ref {_names["rg"]}, {slot});");
        }
    }

    /// <summary>GradientAt(…) for the current outer coordinates and <paramref name="innermost"/> along the innermost extent.</summary>
    private string GradientAtCall(string innermost)
    {
        var coordinates = Enumerable.Range(0, _layout.Dimensions - 1).Select(X).Append(innermost);
        return $"{_names["GradientAt"]}({Arguments}, {GradientEntryEmitter.GradientSpanName(_spec)}, {_names["sites"]}, {string.Join(", ", coordinates)})";
    }

    private void EmitGradientAt(IndentedWriter writer)
    {
        var fields = ContinuousFields;
        string gradient = GradientEntryEmitter.GradientSpanName(_spec);
        string sites = _names["sites"], inside = _names["inside"], sum = _names["sum"];
        var coordinates = string.Join(", ", Enumerable.Range(0, _layout.Dimensions).Select(d => $"int {X(d)}"));
        writer.Line("/// <summary>One site: its energy, and its derivatives added to the gradient entries of the sites it reads.</summary>");
        writer.Line("[MethodImpl(MethodImplOptions.NoInlining)]");
        writer.WrappedLine($"private static double {_names["GradientAt"]}({Parameters}, Span<{T}> {gradient}, int {sites}, {coordinates})");
        using (writer.Braces())
        {
            writer.Line($"ulong {inside} = ulong.MaxValue;");
            var spins = Enumerable.Range(0, Reads.Count).Where(IsSpinRead).ToList();
            bool averaged = _substitute && spins.Count > 0;
            if (averaged)
            {
                writer.Line($"ulong {_names["outside"]} = 0;");
            }

            for (int k = 0; k < Reads.Count; k++)
            {
                EmitGather(writer, k, Enumerable.Range(0, _layout.Dimensions).Select(X).ToList());
            }

            var differentiated = Enumerable.Range(0, Reads.Count).Where(IsDifferentiatedRead).ToList();
            string call = $"{_names["SiteGradient"]}<{T}, {ScalarLanes}>({string.Join(", ", Reads.Select((_, k) => Q(k)))}, {inside}, {Literals.Number(1, _precision)}, {string.Join(", ", differentiated.Select(k => $"out var {_names[$"d{k}"]}"))})";
            if (!averaged)
            {
                writer.WrappedLine($"double {sum} = {call};");
            }
            else
            {
                // Outside spins of an open lattice: the site's energy, and so its derivatives, is the mean over their values.
                string count = _names["count"];
                writer.Line($"double {sum} = 0;");
                foreach (int k in differentiated)
                {
                    writer.Line($"{T} {_names[$"e{k}"]} = 0;");
                }

                EmitOverOutsideSpins(writer, spins, body =>
                {
                    body.WrappedLine($"{sum} += {call};");
                    foreach (int k in differentiated)
                    {
                        body.Line($"{_names[$"e{k}"]} += {_names[$"d{k}"]};");
                    }
                });
                writer.Line($"{sum} /= {count};");
                foreach (int k in differentiated)
                {
                    writer.Line($"var {_names[$"d{k}"]}_ = {_names[$"e{k}"]} / {count};");
                }
            }

            foreach (int k in differentiated)
            {
                var coordinates2 = Enumerable.Range(0, _layout.Dimensions).Select(d => _names[$"c{k}_{d}"]).ToList();
                int field = fields.IndexOf(Reads[k].Parameter);
                string offset = field == 0 ? string.Empty : $"{field} * {sites} + ";
                string derivative = averaged ? $"{_names[$"d{k}"]}_" : _names[$"d{k}"];
                string add = $"{gradient}[{offset}{_layout.RowMajor(coordinates2)}] += {derivative};";
                writer.WrappedLine(_open ? $"if ({_names[$"in{k}"]}) {add}" : add);
            }

            writer.Line($"return {sum};");
        }
    }

    /// <summary>One site's energy (the terms whose reads are all inside) and its derivatives with respect to its continuous field reads.</summary>
    private void EmitSiteGradient(IndentedWriter writer)
    {
        var differentiated = Enumerable.Range(0, Reads.Count).Where(IsDifferentiatedRead).ToList();
        var pass = new GradientPassEmitter(_network, _layout.ReadInputs, _names, _forward, IsDifferentiatedRead);
        string inside = _names["inside"], sum = _names["sum"];
        string keep = _names["keep"];
        var parameters = Reads.Select((_, k) => $"TLane {Q(k)}").Append($"ulong {inside}").Append($"TLane {keep}").Concat(differentiated.Select(k => $"out TLane {_names[$"d{k}"]}"));
        writer.Line("/// <summary>");
        writer.Line("/// One site's energy (terms with a read outside dropped) and its derivatives with respect to its continuous field reads,");
        writer.Line("/// lanes multiplied by keep (1, or 0 for the sites an overlapping last vector has already counted).");
        writer.Line("/// </summary>");
        writer.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        writer.WrappedLine($"private static double {_names["SiteGradient"]}<TLane, {L}>({string.Join(", ", parameters)})");
        writer.Line("    where TLane : unmanaged");
        using (writer.Block($"    where {L} : ILanes<{L}, TLane, {T}>"))
        {
            pass.EmitGates(writer);
            writer.Line($"double {sum} = {Literals.Double(_network.OutputConstant)};");
            for (int t = 0; t < _network.OutputTerms.Length; t++)
            {
                var term = _network.OutputTerms[t];
                string add = $"{sum} += {Literals.Double(term.Coefficient)} * {L}.SumToDouble({L}.Multiply({_forward.Value(term.Value)}, {keep}));";
                writer.WrappedLine(TermCondition(t) is { } condition ? $"if ({condition}) {add}" : add);
            }

            var targets = Reads.Select((_, k) => IsDifferentiatedRead(k) ? _names[$"d{k}"] : null).ToList();
            pass.EmitBackward(writer, targets, TermCondition, keep);
            writer.Line($"return {sum};");
        }
    }

    /// <summary>
    /// MaxGradientError of one gradient entry (docs/design.md §14.5): the sum over the reads of its field of each read's
    /// bound, plus the rounding of adding those R derivatives in the working precision (γ_R of their magnitudes); the
    /// largest over the continuous fields, 0 without any.
    /// </summary>
    private double LatticeGradientError()
    {
        var analysis = _compiled.GradientAnalysis;
        double u = _precision.UnitRoundoff(), worst = 0;
        foreach (int field in ContinuousFields)
        {
            var reads = Enumerable.Range(0, Reads.Count).Where(k => IsDifferentiatedRead(k) && Reads[k].Parameter == field).ToList();
            double gamma = reads.Count * u / (1 - (reads.Count * u));
            double bound = reads.Sum(k => analysis[k].Error) + (gamma * reads.Sum(k => analysis[k].Magnitude));
            worst = System.Math.Max(worst, bound);
        }

        return NetworkBuilder.RoundUp(worst);
    }

    /// <summary>The condition under which output term t counts at a site: all its reads inside an open lattice (null: always).</summary>
    private string? TermCondition(int t)
    {
        ulong mask = _layout.Mask(t);
        return _open && !_substitute && mask != 0 ? $"({_names["inside"]} & {Hex(mask)}) == {Hex(mask)}" : null;
    }
}
