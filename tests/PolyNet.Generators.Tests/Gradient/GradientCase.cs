using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using PolyNet.Generators.Tests.CompileAndRun;

namespace PolyNet.Generators.Tests.Gradient;

/// <summary>
/// One [Hamiltonian(..., Gradient = true)] method of the gradient tests: its expression, parameters (continuous unless
/// listed as spins or bits), bound and precision, and the C# it is declared with, together with adapters over
/// <c>double[]</c> (value, scalar gradient, batch gradient) so that tests call every arity and precision alike.
/// </summary>
internal sealed record GradientCase(string Name, string Expression, string[] Variables, bool IsDouble = true, double InputBound = 1.0, int MaxHiddenLayers = 0)
{
    /// <summary>Parameters declared <c>[Spin] int</c>.</summary>
    public string[] Spins { get; init; } = [];

    /// <summary>Parameters declared <c>bool</c>.</summary>
    public string[] Bits { get; init; } = [];

    public string Type => IsDouble ? "double" : "float";

    public string Precision => IsDouble ? "double" : "float";

    public InputKind KindOf(string variable) => Spins.Contains(variable) ? InputKind.Spin : Bits.Contains(variable) ? InputKind.Bit : InputKind.Continuous;

    /// <summary>The parameter index of each continuous input, in parameter order: the gradient's order.</summary>
    public int[] Continuous => Enumerable.Range(0, Variables.Length).Where(v => KindOf(Variables[v]) == InputKind.Continuous).ToArray();

    /// <summary>Every parameter's bound (1 for bits and spins).</summary>
    public double[] Bounds => Variables.Select(v => KindOf(v) == InputKind.Continuous ? InputBound : 1.0).ToArray();

    public ExactPolynomial Exact => new(Expression, Variables);

    /// <summary>The scale of the gradient: the largest over the continuous inputs of Σ |c|·r·∏B^r/B_x.</summary>
    public double GradientScale => Continuous.Max(v => Exact.DerivativeScale(Bounds, v));

    /// <summary>A point as the method sees it: rounded to float for float methods.</summary>
    public double[] Representable(double[] point) => IsDouble ? point : point.Select(v => (double)(float)v).ToArray();

    /// <summary>The declaration and its adapters (Value, Gradient, Batch), inside the tests' partial class.</summary>
    public string Source()
    {
        string bound = InputBound.ToString("R", CultureInfo.InvariantCulture);
        string layers = MaxHiddenLayers > 0 ? $", MaxHiddenLayers = {MaxHiddenLayers}" : string.Empty;
        var parameters = Variables.Select(v => KindOf(v) switch
        {
            InputKind.Spin => $"[Spin] int {v}",
            InputKind.Bit => $"bool {v}",
            _ => $"{Type} {v}",
        });
        string Scalar(int v, string array) => KindOf(Variables[v]) switch
        {
            InputKind.Spin => $"(int){array}[{v}]",
            InputKind.Bit => $"{array}[{v}] == 1",
            _ => $"({Type}){array}[{v}]",
        };
        string Column(int v) => KindOf(Variables[v]) switch
        {
            InputKind.Spin => $"Columns.Spins(inputs[{v}], offset)",
            InputKind.Bit => $"Columns.Bits(inputs[{v}], offset)",
            _ => IsDouble ? $"Columns.Doubles(inputs[{v}], offset)" : $"Columns.Floats(inputs[{v}], offset)",
        };
        string scalars = string.Join(", ", Variables.Select((_, v) => Scalar(v, "p")));
        int continuous = Continuous.Length;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"    [Hamiltonian(\"{Expression}\", InputBound = {bound}{layers}, Gradient = true)]\n");
        text.Append(CultureInfo.InvariantCulture, $"    public static partial {Type} {Name}({string.Join(", ", parameters)});\n\n");
        text.Append(CultureInfo.InvariantCulture, $"    public static double {Name}Value(double[] p) => {Name}({scalars});\n\n");
        text.Append(CultureInfo.InvariantCulture, $"    public static double {Name}Gradient(double[] p, double[] g)\n    {{\n");
        text.Append(CultureInfo.InvariantCulture, $"        var s = new {Type}[g.Length];\n");
        text.Append(CultureInfo.InvariantCulture, $"        double e = {Name}Gradient({scalars}, s);\n");
        text.Append("        for (int i = 0; i < g.Length; i++) g[i] = s[i];\n        return e;\n    }\n\n");
        text.Append(CultureInfo.InvariantCulture, $"    public static void {Name}Batch(double[][] inputs, int offset, double[] energy, double[][] derivatives)\n    {{\n");
        text.Append(CultureInfo.InvariantCulture, $"        var e = new {Type}[energy.Length + offset];\n");
        text.Append(CultureInfo.InvariantCulture, $"        var d = new {Type}[{continuous}][];\n");
        text.Append(CultureInfo.InvariantCulture, $"        for (int j = 0; j < {continuous}; j++) d[j] = new {Type}[energy.Length + offset];\n");
        var arguments = Variables.Select((_, v) => Column(v)).Append("e.AsSpan(offset)").Concat(Enumerable.Range(0, continuous).Select(j => $"d[{j}].AsSpan(offset)"));
        text.Append(CultureInfo.InvariantCulture, $"        {Name}Gradient({string.Join(", ", arguments)});\n");
        text.Append("        for (int i = 0; i < energy.Length; i++)\n        {\n            energy[i] = e[offset + i];\n");
        text.Append(CultureInfo.InvariantCulture, $"            for (int j = 0; j < {continuous}; j++) derivatives[j][i] = d[j][offset + i];\n        }}\n    }}\n\n");
        return text.ToString();
    }

    /// <summary>The class of every case, with the column converters the batch adapters use.</summary>
    public static string SourceOf(string className, IEnumerable<GradientCase> cases)
    {
        var text = new StringBuilder("using System;\nusing PolyNet;\n\n");
        text.Append(CultureInfo.InvariantCulture, $"public static partial class {className}\n{{\n");
        foreach (var @case in cases)
        {
            text.Append(@case.Source());
        }

        text.Append("}\n\n");
        text.Append("""
            internal static class Columns
            {
                // Each column is copied into an array `offset` elements longer and sliced there: unaligned spans.
                public static ReadOnlySpan<double> Doubles(double[] c, int offset) { var a = new double[c.Length + offset]; c.CopyTo(a, offset); return a.AsSpan(offset); }
                public static ReadOnlySpan<float> Floats(double[] c, int offset) { var a = new float[c.Length + offset]; for (int i = 0; i < c.Length; i++) a[offset + i] = (float)c[i]; return a.AsSpan(offset); }
                public static ReadOnlySpan<int> Spins(double[] c, int offset) { var a = new int[c.Length + offset]; for (int i = 0; i < c.Length; i++) a[offset + i] = (int)c[i]; return a.AsSpan(offset); }
                public static ReadOnlySpan<bool> Bits(double[] c, int offset) { var a = new bool[c.Length + offset]; for (int i = 0; i < c.Length; i++) a[offset + i] = c[i] == 1; return a.AsSpan(offset); }
            }

            """);
        return text.ToString();
    }
}
