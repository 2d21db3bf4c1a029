using System.Linq;
using PolyNet.Generators.Compiler;
using PolyNet.Generators.Shared;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>
/// Writes one generated file per [Hamiltonian] method: a header that explains the code, the containing types re-opened
/// as partial with the method's implementation, its batch overload and Network property, and the file-local class
/// <c>PolyNet.Generated.Network</c> that computes the network. When the method cannot be compiled it still gets a body
/// (which throws the diagnostic's message), so users never see a cascade of CS8795 errors.
/// </summary>
internal static class HamiltonianEmitter
{
    public const string GeneratorName = "PolyNet.Generators";

    public static readonly string GeneratorVersion = typeof(HamiltonianEmitter).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    public static string Emit(HamiltonianSpec spec, CompiledHamiltonian? compiled)
    {
        string? failure = spec.ShapeError ?? FailureMessage(compiled);
        var network = failure is null ? compiled?.Network : null;
        var writer = new IndentedWriter();
        var names = new GeneratedNames(spec.Parameters.Select(p => p.Name));
        string subject = $"the sigmoid network of [Hamiltonian({Literals.String(spec.Expression)})] on {Literals.Comment(spec.Hierarchy.DisplayName(spec.PlainName))}";
        HeaderComment.Emit(writer, subject, network, spec.Gradient);
        writer.Line("#nullable enable");
        writer.Line();

        if (spec.Hierarchy.Namespace.Length > 0)
        {
            using (writer.Block($"namespace {spec.Hierarchy.Namespace}"))
            {
                EmitTypes(writer, spec, 0, compiled, failure, names);
            }
        }
        else
        {
            EmitTypes(writer, spec, 0, compiled, failure, names);
        }

        if (network is not null)
        {
            writer.Line();
            using (writer.Block("namespace PolyNet.Generated"))
            {
                foreach (string directive in new[] { "System", "System.Runtime.CompilerServices", "System.Runtime.InteropServices", "System.Runtime.Intrinsics", "PolyNet.Kernels" })
                {
                    writer.Line($"using {directive};");
                }

                writer.Line();
                if (compiled!.Lattice is not null)
                {
                    new LatticeClassEmitter(spec, compiled, names).Emit(writer);
                }
                else
                {
                    new NetworkClassEmitter(spec, compiled, names).Emit(writer);
                }
            }
        }

        return writer.ToString();
    }

    private static void EmitTypes(IndentedWriter writer, HamiltonianSpec spec, int depth, CompiledHamiltonian? compiled, string? failure, GeneratedNames names)
    {
        if (depth < spec.Hierarchy.Types.Count)
        {
            var type = spec.Hierarchy.Types[depth];
            using (writer.Block($"partial {type.Keyword} {type.Name}{type.TypeParameters}"))
            {
                EmitTypes(writer, spec, depth + 1, compiled, failure, names);
            }

            return;
        }

        UserMembersEmitter.Emit(writer, spec, compiled, failure, names);
    }

    private static string? FailureMessage(CompiledHamiltonian? compiled)
    {
        if (compiled is null || compiled.Succeeded)
        {
            return compiled is null ? "the method's shape is not supported" : null;
        }

        var error = compiled.Errors[0];
        return $"{DiagnosticIds.For(error.Kind)}: {error.Message}";
    }
}
