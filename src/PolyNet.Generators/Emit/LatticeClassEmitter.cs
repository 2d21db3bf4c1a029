using System;
using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Compiler;
using PolyNet.Generators.Lattice;
using PolyNet.Generators.Network;
using PolyNet.Generators.Shared;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>
/// Writes the file-local class of a lattice Hamiltonian (docs/design.md §12): the per-site template's forward pass
/// (generic over the lane type, as for any network), a sweep over the sites that runs whole vectors of sites along the
/// innermost extent and takes boundary sites one at a time, the energy change of one site from only the terms that read
/// it, and the <c>LatticeNetworkDefinition</c> of the description.
/// </summary>
internal sealed partial class LatticeClassEmitter
{
    /// <summary>
    /// Vectors of site energies summed in the lane type before the block goes into the double total: 16 in double; 1 in
    /// float, whose every vector is widened and summed in double (float sums would round at 6e-8 per addition).
    /// </summary>
    public static int BlockVectors(NumericPrecision precision) => precision == NumericPrecision.Double ? 16 : 1;

    private readonly HamiltonianSpec _spec;
    private readonly CompiledHamiltonian _compiled;
    private readonly LatticeTemplate _template;
    private readonly NetworkModel _network;
    private readonly GeneratedNames _names;
    private readonly LatticeLayout _layout;
    private readonly ForwardPassEmitter _forward;
    private readonly NumericPrecision _precision;
    private readonly bool _open;

    public LatticeClassEmitter(HamiltonianSpec spec, CompiledHamiltonian compiled, GeneratedNames names)
    {
        _spec = spec;
        _compiled = compiled;
        _template = compiled.Lattice!;
        _network = compiled.Network!;
        _names = names;
        _precision = _network.Precision;
        _layout = new LatticeLayout(spec, _template, _network, names);
        _forward = new ForwardPassEmitter(_network, _layout.ReadInputs, names);
        _open = spec.Input.Boundary == BoundaryKind.Open;
        _wide = _network.AccumulatesOutputInDouble;
        _substitute = _open && _template.Reads.Any(r => r.IsField && spec.Parameters[r.Parameter].Kind != VariableKind.Continuous);
    }

    // Open lattices over bits or spins: the network's output terms mix several monomials (a spin product expands into bit
    // products), so terms cannot be dropped one by one. Instead an outside bit or number reads as 0, which zeroes exactly
    // the monomials that read it, and the site is averaged over both values of every outside spin, which does the same
    // for spins (docs/design.md §12.3).
    private readonly bool _substitute;

    // A float network over bits or spins sums its output in double (§6). The sweep then adds every site's output terms
    // into double accumulators directly (ForwardInDouble), without rounding each site to float and widening it again.
    private readonly bool _wide;

    /// <summary>Vectors of sites added into the double accumulators of a float network over bits or spins before they are flushed.</summary>
    private const int WideBlockVectors = 16;

    private string T => ParameterForms.Element(_precision);

    private string ScalarLanes => ParameterForms.Lanes(_precision, 0);

    private string L => _names["L"];

    private string Parameters => string.Join(", ", _spec.Parameters.Select(p => $"{p.Type} {p.Identifier}"));

    private string Arguments => string.Join(", ", _spec.Parameters.Select(p => p.Identifier));

    private IReadOnlyList<LatticeRead> Reads => _template.Reads;

    private string Q(int k) => _names[$"q{k}"];

    private string X(int d) => _names[$"x{d}"];

    public void Emit(IndentedWriter writer)
    {
        writer.CommentLines("/// ", $"<summary>The lattice network of <c>{Literals.Xml(_spec.Hierarchy.DisplayName(_spec.PlainName))}</c>, compiled from <c>{Literals.Xml(_spec.Expression)}</c>.</summary>");
        using (writer.Block($"file static class {NetworkClassEmitter.ClassName}"))
        {
            _forward.EmitConstants(writer);
            _forward.EmitOutputWeights(writer);
            writer.Line($"private const double {_names["Constant"]} = {Literals.Double(_template.Constant.ToDouble())};   // the terms outside every sum");
            writer.Line();
            EmitEvaluate(writer);
            writer.Line();
            EmitValidate(writer);
            writer.Line();
            EmitForward(writer);
            writer.Line();
            if (_wide)
            {
                EmitForwardInDouble(writer);
                writer.Line();
            }

            EmitSweep(writer);
            writer.Line();
            EmitSiteAt(writer);
            writer.Line();
            EmitMaskedSite(writer, _names["Site"], "One site's energy: the terms whose reads are all inside the lattice (mask bit k: read k is inside).", Enumerable.Range(0, _network.OutputTerms.Length).ToList(), withConstant: true);
            foreach (int k in _layout.FieldReads)
            {
                writer.Line();
                var terms = Enumerable.Range(0, _network.OutputTerms.Length).Where(t => _layout.TermReads[t].Contains(k)).ToList();
                EmitMaskedSite(writer, _names[$"Touching{k}"], $"The terms of one site that read {Reads[k].Name}: the neurons an update of that read changes.", terms, withConstant: false);
            }

            foreach (int field in _layout.Fields)
            {
                writer.Line();
                EmitDelta(writer, field);
                if (!_open)
                {
                    writer.Line();
                    EmitSlowDelta(writer, field);
                }
            }

            if (_spec.Gradient)
            {
                writer.Line();
                EmitGradient(writer);
                writer.Line();
                EmitGradientSweep(writer);
                writer.Line();
                EmitGradientAt(writer);
                writer.Line();
                EmitSiteGradient(writer);
            }

            writer.Line();
            EmitDescription(writer);
        }
    }

    /// <summary>The name of the delta method of a field: "Delta" for a lattice with one field, else "Delta_" + the field.</summary>
    public static string DeltaSuffix(HamiltonianSpec spec, ParameterSpec field) =>
        spec.Parameters.Count(p => p.Role == ParameterRole.Field) == 1 ? string.Empty : char.ToUpperInvariant(field.Name[0]) + field.Name.Substring(1);

    private void EmitEvaluate(IndentedWriter writer)
    {
        writer.Line("/// <summary>The network's energy of the whole lattice; arguments are checked first.</summary>");
        writer.WrappedLine($"public static {T} {_names["Evaluate"]}({Parameters})");
        using (writer.Braces())
        {
            string sites = _names["sites"], total = _names["total"];
            writer.Line($"int {sites} = {_names["Validate"]}({Arguments});");
            writer.Line($"var {total} = new NeumaierSum();");
            EmitSweepDispatch(writer, _names["Sweep"], $"{Arguments}, ref {total}");
            writer.Line($"return ({T})({_names["Constant"]} + {total}.Value);");
        }
    }

    /// <summary>
    /// <paramref name="sweep"/>&lt;lanes&gt;(<paramref name="arguments"/>) in the widest vectors whose width the innermost
    /// extent reaches, the scalar lanes when it reaches none or when a continuous scalar parameter is outside its bound
    /// (vector lanes are exact inside the bounds only).
    /// </summary>
    private void EmitSweepDispatch(IndentedWriter writer, string sweep, string arguments)
    {
        var scalars = _layout.Parameters.Where(p => p.Role == ParameterRole.Scalar && p.Kind == VariableKind.Continuous).ToList();
        string keyword = "if";
        if (scalars.Count > 0)
        {
            var outside = scalars.Select(p => $"!(Math.Abs({p.Identifier}) <= {Literals.Number(p.Bound, _precision)})");
            using (writer.Block($"if ({string.Join(" || ", outside)})"))
            {
                writer.WrappedLine($"{sweep}<{T}, {ScalarLanes}>({arguments});");
            }

            keyword = "else if";
        }

        string inner = _layout.Extent(_layout.Dimensions - 1).Identifier;
        foreach (int bits in new[] { 512, 256, 128 })
        {
            using (writer.Block($"{keyword} (Vector{bits}.IsHardwareAccelerated && {inner} >= Vector{bits}<{T}>.Count)"))
            {
                writer.WrappedLine($"{sweep}<Vector{bits}<{T}>, {ParameterForms.Lanes(_precision, bits)}>({arguments});");
            }

            keyword = "else if";
        }

        using (writer.Block($"else if ({_names["sites"]} > 0)"))
        {
            writer.WrappedLine($"{sweep}<{T}, {ScalarLanes}>({arguments});");
        }
    }

    private void EmitValidate(IndentedWriter writer)
    {
        writer.Line("/// <summary>Checks the extents, every field's length, every spin and (CheckBounds) every bound; returns the number of sites.</summary>");
        writer.WrappedLine($"private static int {_names["Validate"]}({Parameters})");
        using (writer.Braces())
        {
            string sites = _names["sites"];
            var extents = Enumerable.Range(0, _layout.Dimensions).Select(d => $"({Literals.String(_layout.Extent(d).Name)}, {_layout.Extent(d).Identifier})");
            writer.WrappedLine($"int {sites} = LatticeArguments.Sites({string.Join(", ", extents)});");
            foreach (var field in _layout.Parameters.Where(p => p.Role == ParameterRole.Field))
            {
                writer.Line($"LatticeArguments.RequireLength({field.Identifier}.Length, {sites}, {Literals.String(field.Name)});");
            }

            foreach (var parameter in _layout.Parameters.Where(p => p.Role != ParameterRole.Extent))
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

            writer.Line($"return {sites};");
        }
    }

    private void EmitForward(IndentedWriter writer)
    {
        string parameters = string.Join(", ", Reads.Select((_, k) => $"TLane {Q(k)}"));
        writer.Line("/// <summary>One site's template network, once for every lane type (a vector of sites along the innermost extent).</summary>");
        writer.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        writer.WrappedLine($"private static TLane {_names["Forward"]}<TLane, {L}>({parameters})");
        writer.Line("    where TLane : unmanaged");
        using (writer.Block($"    where {L} : ILanes<{L}, TLane, {T}>"))
        {
            _forward.EmitBody(writer);
        }
    }

    private void EmitForwardInDouble(IndentedWriter writer)
    {
        string parameters = string.Join(", ", Reads.Select((_, k) => $"TLane {Q(k)}"));
        string low = _names["low"], high = _names["high"];
        writer.Line("/// <summary>One vector of sites: the template's gates, then every output term added in double to the sweep's accumulators.</summary>");
        writer.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        writer.WrappedLine($"private static void {_names["ForwardInDouble"]}<TLane, {L}>(ref TLane {low}, ref TLane {high}, {parameters})");
        writer.Line("    where TLane : unmanaged");
        using (writer.Block($"    where {L} : ILanes<{L}, TLane, {T}>"))
        {
            _forward.EmitGates(writer, Enumerable.Range(0, _network.Gates.Length));
            if (_network.OutputConstant != 0)
            {
                writer.Line($"{L}.AddInDouble(ref {low}, ref {high}, {L}.Constant(1), {Literals.Double(_network.OutputConstant)});");
            }

            foreach (var term in _network.OutputTerms)
            {
                writer.WrappedLine($"{L}.AddInDouble(ref {low}, ref {high}, {_forward.Value(term.Value)}, {Literals.Double(term.Coefficient)});");
            }
        }
    }

    private void EmitSweep(IndentedWriter writer)
    {
        int dimensions = _layout.Dimensions;
        int inner = dimensions - 1;
        string total = _names["total"], acc = _names["acc"], count = _names["count"], end = _names["end"];
        writer.Line("/// <summary>Every site: whole vectors of sites whose reads need no wrapping, the others one at a time.</summary>");
        writer.WrappedLine($"private static void {_names["Sweep"]}<TLane, {L}>({Parameters}, ref NeumaierSum {total})");
        writer.Line("    where TLane : unmanaged");
        using (writer.Block($"    where {L} : ILanes<{L}, TLane, {T}>"))
        {
            var (scopes, bases) = EmitRows(writer, rowWriter => EmitScalarSites(rowWriter, "0", _layout.Extent(inner).Identifier, "row"));
            var (low, high) = _template.OffsetRange(inner);
            string x = X(inner), extent = _layout.Extent(inner).Identifier;
            writer.Line($"int {x} = 0;");
            if (low < 0)
            {
                writer.Line($"for (; {x} < {-low} && {x} < {extent}; {x}++) {total}.Add({SiteAtCall()});");
            }

            writer.Line($"int {end} = {extent}{(high > 0 ? $" - {high}" : string.Empty)};");
            int block = _wide ? WideBlockVectors : BlockVectors(_precision);
            if (_wide)
            {
                writer.Line($"TLane {_names["low"]} = default, {_names["high"]} = default;   // double sums, in the bits of two lane values");
                writer.Line($"int {count} = 0;");
            }
            else if (block > 1)
            {
                writer.Line($"TLane {acc} = {L}.Constant(0);");
                writer.Line($"int {count} = 0;");
            }

            using (writer.Block($"for (; {x} + {L}.Count <= {end}; {x} += {L}.Count)"))
            {
                EmitVectorLoads(writer, bases, x);
                if (BoundsCheck() is { } inBounds)
                {
                    writer.WrappedLine($"if (!({inBounds}))");
                    using (writer.Braces())
                    {
                        writer.Line("// A read outside its bound: these sites take the scalar pass, exact for every input.");
                        EmitScalarSites(writer, x, $"{x} + {L}.Count", "k");
                        writer.Line("continue;");
                    }
                }

                string forward = $"{_names["Forward"]}<TLane, {L}>({string.Join(", ", Reads.Select((_, k) => Q(k)))})";
                if (_wide)
                {
                    string reads = string.Join(", ", Reads.Select((_, k) => Q(k)));
                    writer.WrappedLine($"{_names["ForwardInDouble"]}<TLane, {L}>(ref {_names["low"]}, ref {_names["high"]}, {reads});");
                    using (writer.Block($"if (++{count} == {block})"))
                    {
                        writer.Line($"{total}.Add({L}.SumInDouble({_names["low"]}, {_names["high"]}));");
                        writer.Line($"{_names["low"]} = default;");
                        writer.Line($"{_names["high"]} = default;");
                        writer.Line($"{count} = 0;");
                    }
                }
                else if (block == 1)
                {
                    writer.WrappedLine($"{total}.Add({L}.SumToDouble({forward}));");
                }
                else
                {
                    writer.WrappedLine($"{acc} = {L}.Add({acc}, {forward});");
                    using (writer.Block($"if (++{count} == {block})"))
                    {
                        writer.Line($"{total}.Add({L}.SumToDouble({acc}));");
                        writer.Line($"{acc} = {L}.Constant(0);");
                        writer.Line($"{count} = 0;");
                    }
                }
            }

            if (_wide)
            {
                writer.Line($"{total}.Add({L}.SumInDouble({_names["low"]}, {_names["high"]}));");
            }
            else if (block > 1)
            {
                writer.Line($"{total}.Add({L}.SumToDouble({acc}));");
            }

            // The interior sites short of a whole vector: one vector ending at the interior's end, its lanes already counted
            // multiplied by 0 (a 0/1 mask loaded from LatticeArguments' ramp), so only the wrapped sites remain one at a time.
            string start = _names["start"], keep = _names["keep"];
            using (writer.Block($"if ({x} < {end} && {end} >= {L}.Count)"))
            {
                writer.Line($"int {start} = {end} - {L}.Count;");
                EmitVectorLoads(writer, bases, start);
                string tail = $"{L}.Multiply({_names["Forward"]}<TLane, {L}>({string.Join(", ", Reads.Select((_, k) => Q(k)))}), {keep})";
                var inBounds = BoundsCheck();
                using (inBounds is null ? (IDisposable?)null : writer.Block($"if ({inBounds})"))
                {
                    writer.Line($"TLane {keep} = {L}.Load(ref MemoryMarshal.GetReference(LatticeArguments.{(_precision == NumericPrecision.Double ? "DoubleRamp" : "SingleRamp")}), (nuint)(LatticeArguments.RampZeros - ({x} - {start})));");
                    writer.WrappedLine($"{total}.Add({L}.SumToDouble({tail}));");
                    writer.Line($"{x} = {end};");
                }
            }


            writer.Line($"for (; {x} < {extent}; {x}++) {total}.Add({SiteAtCall()});");
            for (int i = scopes.Count - 1; i >= 0; i--)
            {
                scopes[i].Dispose();
            }
        }
    }

    /// <summary>
    /// The start of a sweep: the fields' references, the scalar reads as constant lanes, one loop per outer dimension
    /// (their scopes are returned, still open), on an open lattice a row with reads outside handed to
    /// <paramref name="outsideRow"/> whole, and the row base of every distinct outer offset, computed once per row.
    /// </summary>
    private (List<IDisposable> Scopes, Dictionary<string, string> Bases) EmitRows(IndentedWriter writer, Action<IndentedWriter> outsideRow)
    {
        int inner = _layout.Dimensions - 1;
        foreach (int field in _layout.Fields)
        {
            var parameter = _layout.Parameters[field];
            writer.Line($"ref {LatticeLayout.FieldElement(parameter, _precision)} {_names[$"r{field}"]} = ref MemoryMarshal.GetReference({parameter.Identifier});");
        }

        for (int k = 0; k < Reads.Count; k++)
        {
            if (!Reads[k].IsField)
            {
                writer.Line($"TLane {Q(k)} = {L}.Constant({ParameterForms.ScalarValue(_layout.Parameters[Reads[k].Parameter], NumericPrecision.Double)});");
            }
        }

        var scopes = new List<IDisposable>();
        for (int d = 0; d < inner; d++)
        {
            scopes.Add(writer.Block($"for (int {X(d)} = 0; {X(d)} < {_layout.Extent(d).Identifier}; {X(d)}++)"));
        }

        if (_open && inner > 0)
        {
            var outside = Enumerable.Range(0, inner).SelectMany(d =>
            {
                var (min, max) = _template.OffsetRange(d);
                return new[] { min < 0 ? $"{X(d)} < {-min}" : null, max > 0 ? $"{X(d)} >= {_layout.Extent(d).Identifier} - {max}" : null };
            }).Where(c => c is not null).ToList();
            if (outside.Count > 0)
            {
                using (writer.Block($"if ({string.Join(" || ", outside)})"))
                {
                    writer.Line("// A row with reads outside the lattice: its sites drop the terms that read there.");
                    outsideRow(writer);
                    writer.Line("continue;");
                }
            }
        }

        var bases = new Dictionary<string, string>();
        foreach (int k in _layout.FieldReads)
        {
            string key = string.Join(",", Enumerable.Range(0, inner).Select(d => Reads[k].Offsets[d]));
            if (inner == 0 || bases.ContainsKey(key))
            {
                continue;
            }

            string name = _names[$"b{bases.Count}"];
            bases.Add(key, name);
            var coordinates = Enumerable.Range(0, inner).Select(d => Wrapped($"{X(d)}{Offset(Reads[k].Offsets[d])}", d)).Append("0").ToList();
            writer.WrappedLine($"int {name} = {_layout.RowMajor(coordinates)};");
        }

        return (scopes, bases);
    }

    /// <summary>The field reads of the vector of sites starting at <paramref name="x"/> into the locals q0, q1, …</summary>
    private void EmitVectorLoads(IndentedWriter writer, Dictionary<string, string> bases, string x)
    {
        int inner = _layout.Dimensions - 1;
        foreach (int k in _layout.FieldReads)
        {
            var parameter = _layout.Parameters[Reads[k].Parameter];
            string key = string.Join(",", Enumerable.Range(0, inner).Select(d => Reads[k].Offsets[d]));
            string index = $"(nuint)({(inner == 0 ? string.Empty : bases[key] + " + ")}{x}{Offset(Reads[k].Offsets[inner])})";
            writer.WrappedLine($"TLane {Q(k)} = {ParameterForms.Load(parameter, L, _names[$"r{Reads[k].Parameter}"], index)};");
        }
    }

    /// <summary>All continuous reads of the loaded vector inside their bounds, or null when there are none to check.</summary>
    private string? BoundsCheck()
    {
        var continuous = _layout.FieldReads.Where(k => _layout.Parameters[Reads[k].Parameter].Kind == VariableKind.Continuous).ToList();
        return continuous.Count == 0
            ? null
            : string.Join(" & ", continuous.Select(k => $"{L}.AllWithin({Q(k)}, {Literals.Number(_layout.ReadInputs[k].Bound, _precision)})"));
    }

    /// <summary>Sites [from, to) of the innermost dimension, one at a time, with the loop variable <paramref name="stem"/>.</summary>
    private void EmitScalarSites(IndentedWriter writer, string from, string to, string stem = "")
    {
        int inner = _layout.Dimensions - 1;
        string variable = stem.Length == 0 ? X(inner) : _names[$"c{inner}"];
        var coordinates = Enumerable.Range(0, inner).Select(X).Append(variable);
        string call = $"{_names["SiteAt"]}({Arguments}, {string.Join(", ", coordinates)})";
        writer.Line($"for (int {variable} = {from}; {variable} < {to}; {variable}++) {_names["total"]}.Add({call});");
    }

    private string SiteAtCall() => $"{_names["SiteAt"]}({Arguments}, {string.Join(", ", Enumerable.Range(0, _layout.Dimensions).Select(X))})";

    private void EmitSiteAt(IndentedWriter writer)
    {
        var coordinates = string.Join(", ", Enumerable.Range(0, _layout.Dimensions).Select(d => $"int {X(d)}"));
        writer.Line("/// <summary>The energy of the site at the given coordinates, one site at a time (boundaries, and inputs outside their bounds).</summary>");
        writer.Line("[MethodImpl(MethodImplOptions.NoInlining)]");
        writer.WrappedLine($"private static double {_names["SiteAt"]}({Parameters}, {coordinates})");
        using (writer.Braces())
        {
            string inside = _names["inside"], sum = _names["sum"];
            writer.Line($"ulong {inside} = ulong.MaxValue;");
            if (_substitute && Enumerable.Range(0, Reads.Count).Any(IsSpinRead))
            {
                writer.Line($"ulong {_names["outside"]} = 0;");
            }

            for (int k = 0; k < Reads.Count; k++)
            {
                EmitGather(writer, k, Enumerable.Range(0, _layout.Dimensions).Select(X).ToList());
            }

            writer.Line($"double {sum} = 0;");
            EmitAveraged(writer, sum, () => $"{_names["Site"]}<{T}, {ScalarLanes}>({string.Join(", ", Reads.Select((_, k) => Q(k)))}, {inside})", Enumerable.Range(0, Reads.Count));
            writer.Line($"return {sum};");
        }
    }

    /// <summary>Read k of the site at <paramref name="site"/> into the local q{k} (0 and a cleared inside bit when it is outside an open lattice).</summary>
    private void EmitGather(IndentedWriter writer, int k, IReadOnlyList<string> site, bool validate = false)
    {
        var read = Reads[k];
        var parameter = _layout.Parameters[read.Parameter];
        if (!read.IsField)
        {
            writer.Line($"{T} {Q(k)} = {ParameterForms.ScalarValue(parameter, _precision)};");
            return;
        }

        var coordinates = new List<string>();
        for (int d = 0; d < _layout.Dimensions; d++)
        {
            string c = _names[$"c{k}_{d}"];
            writer.Line($"int {c} = {Wrapped(site[d] + Offset(read.Offsets[d]), d)};");
            coordinates.Add(c);
        }

        string element = LatticeLayout.ScalarElement(parameter, _layout.RowMajor(coordinates), _precision);
        if (validate && Validation(parameter, $"{parameter.Identifier}[{_layout.RowMajor(coordinates)}]") is { } check)
        {
            // A one-site update reads a few values only: it checks those, so that its cost does not grow with the lattice.
            string guard = _open ? string.Join(" && ", coordinates.Select((c, d) => $"(uint){c} < (uint){_layout.Extent(d).Identifier}")) : string.Empty;
            writer.WrappedLine(guard.Length == 0 ? check : $"if ({guard}) {check}");
        }

        if (!_open)
        {
            writer.WrappedLine($"{T} {Q(k)} = {element};");
            return;
        }

        string inBounds = string.Join(" && ", coordinates.Select((c, d) => $"(uint){c} < (uint){_layout.Extent(d).Identifier}"));
        string isInside = _names[$"in{k}"];
        writer.WrappedLine($"bool {isInside} = {inBounds};");
        writer.WrappedLine($"{T} {Q(k)} = {isInside} ? {element} : {Literals.Number(0, _precision)};");
        if (!_substitute)
        {
            writer.Line($"if (!{isInside}) {_names["inside"]} &= ~{Bit(k)};");
        }
        else if (parameter.Kind == VariableKind.Spin)
        {
            writer.Line($"if (!{isInside}) {_names["outside"]} |= {Bit(k)};");
        }
    }

    /// <summary>The check of one value: a spin is ±1, a number (with CheckBounds) is inside its bound; null when there is none.</summary>
    private string? Validation(ParameterSpec parameter, string value) => parameter.Kind switch
    {
        VariableKind.Spin => $"SpinArguments.Validate({value}, {Literals.String(parameter.Name)});",
        VariableKind.Continuous when _spec.CheckBounds => $"BoundArguments.Validate({value}, {Literals.Number(parameter.Bound, _precision)}, {Literals.String(parameter.Name)});",
        _ => null,
    };

    /// <summary>
    /// <c>target += call</c>, or with outside spins (open lattices over spins), the mean of <c>call</c> over every assignment
    /// of ±1 to them: the monomials that read an outside spin average to zero.
    /// </summary>
    private void EmitAveraged(IndentedWriter writer, string target, Func<string> call, IEnumerable<int> reads)
    {
        var spins = reads.Where(IsSpinRead).ToList();
        if (!_substitute || spins.Count == 0)
        {
            writer.WrappedLine($"{target} += {call()};");
            return;
        }

        string mean = _names["mean"], count = _names["count"];
        writer.Line($"double {mean} = 0;");
        EmitOverOutsideSpins(writer, spins, body => body.WrappedLine($"{mean} += {call()};"));
        writer.Line($"{target} += {mean} / {count};");
    }

    /// <summary>
    /// <paramref name="body"/> once for every assignment of ±1 to the outside spins among <paramref name="spins"/> (the bits
    /// of the local "outside"), counting the assignments in the local "count".
    /// </summary>
    private void EmitOverOutsideSpins(IndentedWriter writer, IReadOnlyList<int> spins, Action<IndentedWriter> body)
    {
        string outside = _names["outside"], assignment = _names["assignment"], count = _names["count"];
        writer.Line($"int {count} = 0;");
        writer.Line($"ulong {assignment} = 0;");
        using (writer.Block("do"))
        {
            foreach (int k in spins)
            {
                writer.Line($"if (({outside} & {Bit(k)}) != 0) {Q(k)} = ({assignment} & {Bit(k)}) != 0 ? {Literals.Number(1, _precision)} : {Literals.Number(-1, _precision)};");
            }

            body(writer);
            writer.Line($"{count}++;");
            writer.Line($"{assignment} = ({assignment} - {outside}) & {outside};");
        }

        writer.Line($"while ({assignment} != 0);");
    }

    private bool IsSpinRead(int k) => Reads[k].IsField && _layout.Parameters[Reads[k].Parameter].Kind == VariableKind.Spin;

    private string Wrapped(string coordinate, int dimension) =>
        _open ? coordinate : $"LatticeArguments.Wrap({coordinate}, {_layout.Extent(dimension).Identifier})";

    /// <summary>A site (or its terms that read one read) from the gates they need, summed in double; terms with a read outside are dropped.</summary>
    private void EmitMaskedSite(IndentedWriter writer, string name, string summary, IReadOnlyList<int> terms, bool withConstant)
    {
        string parameters = string.Join(", ", Reads.Select((_, k) => $"TLane {Q(k)}"));
        string inside = _names["inside"], sum = _names["sum"];
        writer.CommentLines("/// ", $"<summary>{Literals.Xml(summary)}</summary>");
        writer.WrappedLine($"private static double {name}<TLane, {L}>({parameters}, ulong {inside})");
        writer.Line("    where TLane : unmanaged");
        using (writer.Block($"    where {L} : ILanes<{L}, TLane, {T}>"))
        {
            _forward.EmitGates(writer, terms.SelectMany(t => _layout.TermGates[t]).Distinct());
            writer.Line($"double {sum} = {(withConstant ? Literals.Double(_network.OutputConstant) : "0")};");
            foreach (int t in terms)
            {
                var term = _network.OutputTerms[t];
                string add = $"{sum} += {Literals.Double(term.Coefficient)} * {L}.SumToDouble({_forward.Value(term.Value)});";
                ulong mask = _layout.Mask(t);
                writer.WrappedLine(_open && !_substitute && mask != 0 ? $"if (({inside} & {Hex(mask)}) == {Hex(mask)}) {add}" : add);
            }

            writer.Line($"return {sum};");
        }
    }

    private void EmitDelta(IndentedWriter writer, int field)
    {
        var parameter = _layout.Parameters[field];
        bool continuous = parameter.Kind == VariableKind.Continuous;
        string site = _names["site"], newValue = _names["newValue"], before = _names["before"], after = _names["after"], delta = _names["delta"];
        string extra = continuous ? $", int {site}, {T} {newValue}" : $", int {site}";
        string change = continuous ? $"set to {newValue}" : parameter.Kind == VariableKind.Spin ? "flipped" : "toggled";
        writer.CommentLines("/// ", $"<summary>The network's energy change when {Literals.Xml(parameter.Name)}[{site}] is {change}: only the terms that read that site, at the sites whose template reads it.</summary>");
        writer.WrappedLine($"public static {T} {_names["Delta"]}{DeltaSuffix(_spec, parameter)}({Parameters}{extra})");
        using (writer.Braces())
        {
            // Lengths and the site only: the values are checked where they are read (a handful, whatever the lattice's size).
            var extents = Enumerable.Range(0, _layout.Dimensions).Select(d => $"({Literals.String(_layout.Extent(d).Name)}, {_layout.Extent(d).Identifier})");
            writer.WrappedLine($"int {_names["sites"]} = LatticeArguments.Sites({string.Join(", ", extents)});");
            foreach (var other in _layout.Parameters.Where(p => p.Role == ParameterRole.Field))
            {
                writer.Line($"LatticeArguments.RequireLength({other.Identifier}.Length, {_names["sites"]}, {Literals.String(other.Name)});");
            }

            foreach (var scalar in _layout.Parameters.Where(p => p.Role == ParameterRole.Scalar))
            {
                if (Validation(scalar, scalar.Identifier) is { } check)
                {
                    writer.Line(check);
                }
            }

            writer.Line($"LatticeArguments.RequireSite({site}, {_names["sites"]}, {Literals.String(site.TrimStart('_'))});");
            if (continuous && _spec.CheckBounds)
            {
                writer.Line($"BoundArguments.Validate({newValue}, {Literals.Number(parameter.Bound, _precision)}, {Literals.String(newValue.TrimStart('_'))});");
            }

            int inner = _layout.Dimensions - 1;
            string rest = site;
            for (int d = inner; d >= 0; d--)
            {
                string extent = _layout.Extent(d).Identifier;
                writer.Line(d == 0 ? $"int {X(d)} = {rest};" : $"int {X(d)} = {rest} % {extent};");
                if (d > 0)
                {
                    string next = _names[$"c{d}"];
                    writer.Line($"int {next} = {rest} / {extent};");
                    rest = next;
                }
            }

            if (Validation(parameter, $"{parameter.Identifier}[{site}]") is { } changed)
            {
                writer.Line(changed);
            }

            writer.Line($"{T} {before} = {LatticeLayout.ScalarElement(parameter, site, _precision)};");
            writer.Line($"{T} {after} = {(continuous ? newValue : parameter.Kind == VariableKind.Spin ? $"-{before}" : $"{Literals.Number(1, _precision)} - {before}")};");
            if (!_open)
            {
                // A lattice narrower than the template's reach wraps two reads onto one site: the general path handles it.
                var narrow = Enumerable.Range(0, _layout.Dimensions).Select(d => (d, range: _template.OffsetRange(d)))
                    .Where(e => e.range.Max > e.range.Min)
                    .Select(e => $"{_layout.Extent(e.d).Identifier} <= {e.range.Max - e.range.Min}").ToList();
                if (narrow.Count > 0)
                {
                    using (writer.Block($"if ({string.Join(" || ", narrow)})"))
                    {
                        writer.WrappedLine($"return {_names["SlowDelta"]}{DeltaSuffix(_spec, parameter)}({Arguments}, {site}{(continuous ? ", " + newValue : string.Empty)});");
                    }
                }
            }

            writer.Line($"double {delta} = 0;");
            foreach (int k in _layout.FieldReads.Where(k => Reads[k].Parameter == field))
            {
                EmitDeltaTerm(writer, k);
            }

            writer.Line($"return ({T}){delta};");
        }
    }

    /// <summary>The terms reading <c>Reads[k]</c> at the site whose read k is the changed site, after minus before.</summary>
    private void EmitDeltaTerm(IndentedWriter writer, int k)
    {
        var read = Reads[k];
        writer.Line($"// The site whose {Literals.Comment(read.Name)} is the changed one.");
        using (writer.Braces())
        {
            var site = new List<string>();
            for (int d = 0; d < _layout.Dimensions; d++)
            {
                string p = _names[$"p{d}"];
                writer.Line($"int {p} = {Wrapped(X(d) + Offset(-read.Offsets[d]), d)};");
                site.Add(p);
            }

            IDisposable? scope = null;
            if (_open)
            {
                scope = writer.Block($"if ({string.Join(" && ", site.Select((p, d) => $"(uint){p} < (uint){_layout.Extent(d).Identifier}"))})");
            }

            string inside = _names["inside"];
            writer.Line($"ulong {inside} = ulong.MaxValue;");
            var needed = new HashSet<int>(Enumerable.Range(0, _network.OutputTerms.Length).Where(t => _layout.TermReads[t].Contains(k)).SelectMany(t => TermInputs(t)));
            if (_substitute && needed.Any(q => q != k && IsSpinRead(q)))
            {
                writer.Line($"ulong {_names["outside"]} = 0;");
            }

            for (int q = 0; q < Reads.Count; q++)
            {
                if (q != k && needed.Contains(q))
                {
                    EmitGather(writer, q, site, validate: true);
                }
            }

            string Call(string value) => $"{_names[$"Touching{k}"]}<{T}, {ScalarLanes}>({string.Join(", ", Reads.Select((_, q) => q == k ? value : needed.Contains(q) ? Q(q) : "default"))}, {inside})";
            EmitAveraged(writer, _names["delta"], () => $"{Call(_names["after"])} - {Call(_names["before"])}", needed.Where(q => q != k));
            scope?.Dispose();
        }
    }

    /// <summary>Every input (field read or scalar) output term <paramref name="t"/> depends on.</summary>
    private IEnumerable<int> TermInputs(int t)
    {
        var value = _network.OutputTerms[t].Value;
        if (!value.IsGate)
        {
            return new[] { value.Index };
        }

        return _layout.TermGates[t].SelectMany(g => _network.Gates[g].Operands).Where(v => !v.IsGate).Select(v => v.Index);
    }

    private void EmitSlowDelta(IndentedWriter writer, int field)
    {
        var parameter = _layout.Parameters[field];
        bool continuous = parameter.Kind == VariableKind.Continuous;
        string site = _names["site"], newValue = _names["newValue"], copy = _names["copy"];
        string element = LatticeLayout.FieldElement(parameter, _precision);
        writer.Line("/// <summary>The energy change on a lattice so narrow that wrapped reads coincide: the whole energy after minus before.</summary>");
        writer.Line("[MethodImpl(MethodImplOptions.NoInlining)]");
        writer.WrappedLine($"private static {T} {_names["SlowDelta"]}{DeltaSuffix(_spec, parameter)}({Parameters}, int {site}{(continuous ? $", {T} {newValue}" : string.Empty)})");
        using (writer.Braces())
        {
            writer.Line($"{element}[] {copy} = {parameter.Identifier}.ToArray();");
            string changed = parameter.Kind switch
            {
                VariableKind.Spin => $"({element})(-{copy}[{site}])",
                VariableKind.Bit => $"!{copy}[{site}]",
                _ => newValue,
            };
            writer.Line($"{copy}[{site}] = {changed};");
            string afterArguments = string.Join(", ", _spec.Parameters.Select(p => ReferenceEquals(p, parameter) ? copy : p.Identifier));
            writer.WrappedLine($"return {_names["Evaluate"]}({afterArguments}) - {_names["Evaluate"]}({Arguments});");
        }
    }

    private void EmitDescription(IndentedWriter writer)
    {
        writer.Line("/// <summary>The lattice's per-site template, sizes and error bounds, built on first use.</summary>");
        writer.Line($"public static LatticeNetwork {_names["Lattice"]} => {_names["Lazy"]}.{_names["Lattice"]};");
        writer.Line();
        using (writer.Block($"private static class {_names["Lazy"]}"))
        {
            writer.Line($"public static readonly LatticeNetwork {_names["Lattice"]} = new({_names["LatticeDefinition"]});");
            writer.Line();
            writer.Line($"private static LatticeNetworkDefinition {_names["LatticeDefinition"]} => new()");
            using (writer.Braces(";"))
            {
                var parameters = _layout.Parameters.Where(p => p.Role != ParameterRole.Extent).ToList();
                DescriptionEmitter.WriteString(writer, "Expression", _spec.Expression);
                writer.WrappedLine($"Parameters = new string[] {{ {string.Join(", ", parameters.Select(p => Literals.String(p.Name)))} }},");
                writer.WrappedLine($"ParameterKinds = new InputKind[] {{ {string.Join(", ", parameters.Select(p => "InputKind." + p.Kind))} }},");
                writer.WrappedLine($"ParameterBounds = new double[] {{ {string.Join(", ", parameters.Select(p => Literals.Double(p.Bound)))} }},");
                writer.WrappedLine($"Fields = new string[] {{ {string.Join(", ", parameters.Where(p => p.Role == ParameterRole.Field).Select(p => Literals.String(p.Name)))} }},");
                writer.WrappedLine($"Extents = new string[] {{ {string.Join(", ", Enumerable.Range(0, _layout.Dimensions).Select(d => Literals.String(_layout.Extent(d).Name)))} }},");
                var reads = Reads.Select(r => r.IsField ? $"{_layout.Parameters[r.Parameter].Name} {string.Join(" ", r.Offsets.Select(Literals.Int))}" : _layout.Parameters[r.Parameter].Name);
                DescriptionEmitter.WriteString(writer, "Reads", string.Join("; ", reads));
                writer.Line($"Boundary = LatticeBoundary.{(_open ? "Open" : "Periodic")},");
                writer.Line($"Constant = {Literals.Double(_template.Constant.ToDouble())},");
                writer.Line($"SiteBound = {Literals.Double(SiteBound())},");
                writer.Line($"SummationRounding = {Literals.Double(_wide ? WideSummationRounding(_network.OutputTerms.Length) : SummationRounding(_precision))},");
                writer.Line($"MaxGradientError = {Literals.Double(LatticeGradientError())},");
                writer.Line("Site = new SigmoidNetworkDefinition");
                using (writer.Braces(","))
                {
                    DescriptionEmitter.WriteDefinitionBody(writer, _spec.Expression, _compiled, _layout.ReadInputs, _spec.InputBound);
                }
            }
        }
    }

    /// <summary>An upper bound on one site's |value| inside the bounds: Σ|coefficient|·Π bound^exponent, plus the network's error.</summary>
    private double SiteBound()
    {
        double bound = _compiled.PolynomialBound() + _network.MaxError;
        if (_wide)
        {
            // The double accumulators add the output terms one by one: their magnitudes, not the site's value, bound the rounding.
            double terms = Math.Abs(_network.OutputConstant);
            foreach (var term in _network.OutputTerms)
            {
                terms += Math.Abs(term.Coefficient) * (term.Value.IsGate
                    ? _network.Gates[term.Value.Index].Bound + _network.Gates[term.Value.Index].Error
                    : _network.InputBounds[term.Value.Index]);
            }

            bound = Math.Max(bound, terms);
        }

        return bound * (1 + 1e-12);
    }

    /// <summary>
    /// The relative rounding ρ of the sweep's sums (docs/design.md §12.6): a site value goes through at most
    /// <see cref="BlockVectors"/> − 1 additions in the lane type (none in float), at most 16 in double (the lanes of one
    /// vector), then into the compensated total (2u).
    /// </summary>
    internal static double SummationRounding(NumericPrecision precision)
    {
        double unit = precision == NumericPrecision.Double ? DoubleUnit : 5.9604644775390625E-08;
        return Gamma(BlockVectors(precision) - 1, unit) + Gamma(16, DoubleUnit) + (2 * DoubleUnit);
    }

    /// <summary>
    /// ρ when the output terms go straight into double accumulators (docs/design.md §12.6): per lane, at most
    /// <see cref="WideBlockVectors"/>·(terms + 1) additions in double, then the lanes (at most 16) and the compensated total.
    /// </summary>
    internal static double WideSummationRounding(int outputTerms) =>
        Gamma(WideBlockVectors * (outputTerms + 1), DoubleUnit) + Gamma(16, DoubleUnit) + (2 * DoubleUnit);

    private const double DoubleUnit = 1.1102230246251565E-16;

    /// <summary>γ_n = n·u/(1 − n·u): the relative error of n additions.</summary>
    private static double Gamma(int n, double u) => n * u / (1 - (n * u));

    private static string Offset(int offset) => offset == 0 ? string.Empty : offset > 0 ? $" + {offset}" : $" - {-offset}";

    private static string Bit(int k) => Hex(1UL << k);

    private static string Hex(ulong mask) => "0x" + mask.ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "UL";
}
