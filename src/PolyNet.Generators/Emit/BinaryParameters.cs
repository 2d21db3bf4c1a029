using System.Linq;
using PolyNet.Generators.Network;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>
/// How the generated methods read bool (bit) and [Spin] int/sbyte parameters: as 0/1 and ±1 numbers of the
/// network's arithmetic, spins checked to be ±1 before anything is computed.
/// </summary>
internal static class BinaryParameters
{
    /// <summary>The parameter as a number of the network's arithmetic, for the scalar forward pass.</summary>
    public static string ScalarValue(ParameterSpec parameter, NumericPrecision precision)
    {
        string element = precision == NumericPrecision.Double ? "double" : "float";
        return parameter.Kind switch
        {
            VariableKind.Bit => $"({parameter.Identifier} ? {Literals.Number(1, precision)} : {Literals.Number(0, precision)})",
            VariableKind.Spin => $"({element}){parameter.Identifier}",
            _ => parameter.Identifier,
        };
    }

    /// <summary>The element type of the parameter's span in the batch overload.</summary>
    public static string SpanElement(ParameterSpec parameter, string continuousElement) => parameter.Kind switch
    {
        VariableKind.Bit => "bool",
        VariableKind.Spin => parameter.Type,
        _ => continuousElement,
    };

    /// <summary>Throws ArgumentOutOfRangeException naming a spin that is not ±1 (a value, or any element of a span).</summary>
    public static void EmitSpinChecks(IndentedWriter writer, HamiltonianSpec spec)
    {
        foreach (var parameter in spec.Parameters)
        {
            if (parameter.Kind == VariableKind.Spin)
            {
                writer.Line($"global::PolyNet.Kernels.SpinArguments.Validate({parameter.Identifier}, {Literals.String(parameter.Name)});");
            }
        }
    }

    /// <summary>Documents the spin check of a batch overload, when it has spins.</summary>
    public static void EmitSpinExceptionDoc(IndentedWriter writer, HamiltonianSpec spec)
    {
        if (spec.Parameters.Any(p => p.Kind == VariableKind.Spin))
        {
            writer.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">A spin is not -1 or +1 (checked for every element before anything is written).</exception>");
        }
    }

    /// <summary>One vector of the parameter at element <paramref name="index"/>, in the lanes of <paramref name="arithmetic"/>.</summary>
    public static string VectorLoad(ParameterSpec parameter, Arithmetic arithmetic, string reference, string index) =>
        parameter.Kind == VariableKind.Continuous
            ? $"{arithmetic.VectorClass}.LoadUnsafe(ref {reference}, {index})"
            : arithmetic.WidenedLoad(reference, index);
}
