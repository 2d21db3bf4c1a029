using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Network;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>
/// Writes the batch overload <c>M(ReadOnlySpan&lt;T&gt; x, …, Span&lt;T&gt; destination)</c>: arguments validated
/// before anything is written, then the same forward pass in Vector512, Vector256 or Vector128 registers (the
/// JIT folds the IsHardwareAccelerated checks, so only one path survives), then a scalar tail that calls the
/// scalar method.
/// </summary>
internal static class BatchEmitter
{
    private const string Intrinsics = "global::System.Runtime.Intrinsics.";

    public static void Emit(IndentedWriter writer, HamiltonianSpec spec, NetworkModel? network, string? failure)
    {
        var precision = spec.Precision!.Value;
        string element = precision == NumericPrecision.Double ? "double" : "float";
        var names = spec.Parameters.Select(p => p.Identifier).ToList();
        string destination = names.Contains("destination") ? "destinationSpan" : "destination";
        string prefix = ForwardPassEmitter.LocalPrefix(spec.Parameters.Select(p => p.Name));
        string length = prefix + "length", index = prefix + "i";
        var elements = spec.Parameters.Select(p => BinaryParameters.SpanElement(p, element)).ToList();
        var parameters = names.Select((n, v) => $"global::System.ReadOnlySpan<{elements[v]}> {n}").Append($"global::System.Span<{element}> {destination}");

        writer.Line($"/// <summary>Evaluates the network of <see cref=\"{Literals.Xml(spec.MethodName.TrimStart('@'))}({string.Join(", ", spec.Parameters.Select(p => p.Type))})\"/> for every index: <c>{destination}[i] = {Literals.Xml(spec.MethodName.TrimStart('@'))}({string.Join(", ", names.Select(n => n + "[i]"))})</c>.</summary>");
        writer.Line("/// <remarks>Every span must have the destination's length. The destination may be one of the inputs itself (computed in place) but must not overlap an input at another offset.</remarks>");
        writer.Line($"/// <exception cref=\"global::System.ArgumentException\">A length differs, or an input overlaps the destination at another offset.</exception>");
        BinaryParameters.EmitSpinExceptionDoc(writer, spec);
        using (writer.Block($"{spec.Accessibility} static void {spec.MethodName}({string.Join(", ", parameters)})"))
        {
            writer.Line($"int {length} = {destination}.Length;");
            if (names.Count > 0)
            {
                using (writer.Block($"if ({string.Join(" || ", names.Select(n => $"{n}.Length != {length}"))})"))
                {
                    string inputs = string.Join(", ", names.Select(n => $"(\"{n.TrimStart('@')}\", {n}.Length)"));
                    writer.Line($"global::PolyNet.Kernels.BatchArguments.ThrowLengthMismatch(\"{destination}\", {length}, {inputs});");
                }
            }

            // Only inputs of the destination's element type can overlap it.
            foreach (string name in names.Where((_, v) => elements[v] == element))
            {
                writer.Line($"global::PolyNet.Kernels.BatchArguments.ValidateOverlap<{element}>({name}, {destination}, \"{name.TrimStart('@')}\");");
            }

            BinaryParameters.EmitSpinChecks(writer, spec);

            if (failure is not null)
            {
                writer.Line($"throw new global::System.InvalidOperationException({Literals.String(failure)});");
                return;
            }

            var used = UsedInputs(network!);
            for (int v = 0; v < names.Count; v++)
            {
                if (used.Contains(v))
                {
                    writer.Line($"ref {elements[v]} {prefix}r{v} = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference({names[v]});");
                }
            }

            writer.Line($"ref {element} {prefix}rd = ref global::System.Runtime.InteropServices.MemoryMarshal.GetReference({destination});");
            writer.Line($"nuint {index} = 0;");
            string keyword = "if";
            foreach (int bits in new[] { 512, 256, 128 })
            {
                var arithmetic = Arithmetic.Vector(precision, bits);
                string vector = arithmetic.VectorClass!;
                using (writer.Block($"{keyword} ({vector}.IsHardwareAccelerated && {length} >= {vector}<{element}>.Count)"))
                {
                    using (writer.Block($"for (; {index} + (nuint){vector}<{element}>.Count <= (nuint){length}; {index} += (nuint){vector}<{element}>.Count)"))
                    {
                        var inputs = new List<string>();
                        for (int v = 0; v < names.Count; v++)
                        {
                            inputs.Add($"{prefix}v{v}");
                            if (used.Contains(v))
                            {
                                writer.Line($"{arithmetic.Type} {prefix}v{v} = {BinaryParameters.VectorLoad(spec.Parameters[v], arithmetic, $"{prefix}r{v}", index)};");
                            }
                        }

                        var pass = new ForwardPassEmitter(network!, arithmetic, inputs, prefix);
                        pass.EmitGates(writer);
                        writer.Line($"{vector}.StoreUnsafe({pass.OutputExpression()}, ref {prefix}rd, {index});");
                    }
                }

                keyword = "else if";
            }

            using (writer.Block($"for (; {index} < (nuint){length}; {index}++)"))
            {
                string arguments = string.Join(", ", Enumerable.Range(0, names.Count).Select(v => $"{names[v]}[(int){index}]"));
                writer.Line($"{destination}[(int){index}] = {spec.MethodName}({arguments});");
            }
        }
    }

    private static HashSet<int> UsedInputs(NetworkModel network)
    {
        var used = new HashSet<int>();
        for (int v = 0; v < network.LinearTerms.Length; v++)
        {
            if (network.LinearTerms[v] != 0)
            {
                used.Add(v);
            }
        }

        foreach (var gate in network.Gates)
        {
            // A bit product reads its inputs through its neuron's synapses.
            if (gate.Kind == GateKind.BitProduct)
            {
                used.UnionWith(network.Neurons[gate.FirstNeuron].Synapses.Select(s => s.Source));
            }

            foreach (var input in gate.Flat?.Operands.ToArray() ?? new[] { gate.Left, gate.Right })
            {
                if (!input.IsGate)
                {
                    used.Add(input.Index);
                }
            }
        }

        return used;
    }
}
