using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>The description's extra argument for bits and spins: which inputs are which (omitted when all are continuous).</summary>
internal static class BinaryDescription
{
    public static void AddInputKinds(List<string> arguments, HamiltonianSpec spec)
    {
        if (spec.Parameters.All(p => p.Kind == VariableKind.Continuous))
        {
            return;
        }

        var kinds = spec.Parameters.Select(p => "global::PolyNet.InputKind." + p.Kind.ToString());
        arguments.Add($"inputKinds: new global::PolyNet.InputKind[] {{ {string.Join(", ", kinds)} }}");
    }
}
