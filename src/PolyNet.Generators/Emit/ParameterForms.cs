using PolyNet.Generators.Shared;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>How the generated code reads each kind of parameter: as a number of the network's arithmetic, as a span element, as lanes.</summary>
internal static class ParameterForms
{
    public static string Element(NumericPrecision precision) => precision == NumericPrecision.Double ? "double" : "float";

    /// <summary>The lanes struct of a width: "ScalarDouble", "Double512", …</summary>
    public static string Lanes(NumericPrecision precision, int bits) =>
        (bits == 0 ? "Scalar" : string.Empty) + (precision == NumericPrecision.Double ? "Double" : "Single") + (bits == 0 ? string.Empty : Literals.Int(bits));

    /// <summary>The parameter as a number of the network's arithmetic, for the scalar forward pass.</summary>
    public static string ScalarValue(ParameterSpec parameter, NumericPrecision precision) => parameter.Kind switch
    {
        VariableKind.Bit => $"({parameter.Identifier} ? {Literals.Number(1, precision)} : {Literals.Number(0, precision)})",
        VariableKind.Spin => $"({Element(precision)}){parameter.Identifier}",
        _ => parameter.Identifier,
    };

    /// <summary>The element type of the parameter's span in the batch overload.</summary>
    public static string SpanElement(ParameterSpec parameter, NumericPrecision precision) => parameter.Kind switch
    {
        VariableKind.Bit => "bool",
        VariableKind.Spin => parameter.Type.Replace("global::System.", string.Empty) switch
        {
            "Int32" => "int",
            "SByte" => "sbyte",
            var type => type,
        },
        _ => Element(precision),
    };

    /// <summary>One lane of the parameter at element <paramref name="index"/>.</summary>
    public static string Load(ParameterSpec parameter, string lanes, string reference, string index) => parameter.Kind switch
    {
        VariableKind.Bit => $"{lanes}.LoadBits(ref {reference}, {index})",
        VariableKind.Spin => $"{lanes}.LoadSpins(ref {reference}, {index})",
        _ => $"{lanes}.Load(ref {reference}, {index})",
    };

    /// <summary>The position of <paramref name="parameter"/> (this very instance) among the method's parameters, or −1.</summary>
    public static int IndexOf(HamiltonianSpec spec, ParameterSpec parameter)
    {
        for (int v = 0; v < spec.Parameters.Count; v++)
        {
            if (ReferenceEquals(spec.Parameters[v], parameter))
            {
                return v;
            }
        }

        return -1;
    }

    /// <summary>
    /// The checks of the parameters' values, before anything is computed: every spin is -1 or +1 and, with CheckBounds,
    /// every continuous input is inside its bound (scalars and spans alike: the runtime checks have both overloads).
    /// </summary>
    public static void EmitValueChecks(IndentedWriter writer, HamiltonianSpec spec, NumericPrecision precision)
    {
        foreach (var parameter in spec.Parameters)
        {
            if (parameter.Kind == VariableKind.Spin)
            {
                writer.Line($"SpinArguments.Validate({parameter.Identifier}, {Literals.String(parameter.Name)});");
            }
            else if (spec.CheckBounds && parameter.Kind == VariableKind.Continuous)
            {
                writer.Line($"BoundArguments.Validate({parameter.Identifier}, {Literals.Number(parameter.Bound, precision)}, {Literals.String(parameter.Name)});");
            }
        }
    }

    /// <summary>
    /// done = Vectors&lt;widest accelerated vector&gt;(arguments) when <paramref name="count"/> holds at least one vector, then
    /// the rest one at a time: the dispatch every batch entry point shares.
    /// </summary>
    public static void EmitVectorDispatch(IndentedWriter writer, GeneratedNames names, NumericPrecision precision, string count, string arguments, string? vectors = null, string? scalars = null)
    {
        vectors ??= names["Vectors"];
        scalars ??= names["Scalars"];
        string T = Element(precision), done = names["done"];
        writer.Line($"nuint {done} = 0;");
        string keyword = "if";
        foreach (int bits in new[] { 512, 256, 128 })
        {
            using (writer.Block($"{keyword} (Vector{bits}.IsHardwareAccelerated && {count} >= Vector{bits}<{T}>.Count)"))
            {
                writer.WrappedLine($"{done} = {vectors}<Vector{bits}<{T}>, {Lanes(precision, bits)}>({arguments});");
            }

            keyword = "else if";
        }

        writer.WrappedLine($"{scalars}({arguments}, {done}, (nuint){count});");
    }
}
