using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using PolyNet.Generators.Compiler;
using PolyNet.Generators.Shared;

namespace PolyNet.Cli;

/// <summary><c>polynet inspect "expr"</c>: the canonical polynomial, the network's size and error bounds, and the cost of every depth.</summary>
internal static class InspectCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new NetworkOptions();
        var command = new Command("inspect", "Compile the expression and print its network: neurons, layers, synapses, error bounds and the cost of every depth.");
        options.AddTo(command);
        command.SetAction(parse => PolyNetCommand.Guard(error, () => Run(options.Read(parse), output, error)));
        return command;
    }

    public static int Run(NetworkRequest request, TextWriter output, TextWriter error)
    {
        var compilation = NetworkCompilation.Compile(request);
        if (!compilation.Succeeded)
        {
            return PolyNetCommand.ReportErrors(compilation, error);
        }

        var deep = request.MaxHiddenLayers == 0 ? compilation : compilation.AtDepth(0);
        var network = compilation.Network!;
        var lines = new List<(string Label, string Value)>
        {
            ("expression", request.Expression),
            ("polynomial", network.Polynomial),
            ("inputs", Inputs(compilation)),
            ("bounds", Bounds(compilation)),
            ("precision", request.Precision == NumericPrecision.Double ? "double" : "float"),
        };
        if (request.MaxHiddenLayers > 0)
        {
            lines.Add(("depth limit", $"MaxHiddenLayers = {request.MaxHiddenLayers}" + (compilation.Input!.HasBinaryVariables ? " (bits and spins are one layer already)" : string.Empty)));
        }

        lines.Add(("neurons", Count(network.NeuronCount)));
        lines.Add(("hidden layers", Count(network.HiddenLayers)));
        lines.Add(("synapses", Count(network.SynapseCount)));
        lines.Add(("MaxError", Number(network.MaxError)));
        lines.Add(("MaxGradientError", Number(network.MaxGradientError)));
        int width = lines.Max(l => l.Label.Length) + 2;
        foreach (var (label, value) in lines)
        {
            output.WriteLine(label.PadRight(width) + value);
        }

        if (request.MaxHiddenLayers > 0 && FlatteningAdvice.For(compilation.Input!, default) is { } advice && advice.CostWarning(compilation.Compiled.Network!) is { } warning)
        {
            output.WriteLine();
            DiagnosticWriter.Warning(output, DiagnosticIds.CostlyFlattening, warning);
        }

        if (compilation.Input!.HasBinaryVariables)
        {
            output.WriteLine();
            output.WriteLine("with bits or spins the network has one hidden layer: a depth limit does not apply");
        }
        else if (deep.Succeeded && DepthTable.For(deep) is { } table)
        {
            output.WriteLine();
            WriteTable(output, table, request.MaxHiddenLayers);
        }

        return ExitCodes.Success;
    }

    private static void WriteTable(TextWriter output, DepthTable table, int requested)
    {
        if (table.Rows.Count == 0)
        {
            output.WriteLine("no products: the polynomial is affine and needs no hidden neurons");
            return;
        }

        output.WriteLine("cost of every depth (neurons by the cost model, × the deep network's):");
        var rows = new List<string[]> { new[] { "layers", "neurons", "× deep", "MaxError", string.Empty } };
        foreach (var row in table.Rows)
        {
            var notes = new List<string>();
            if (row.IsDeep)
            {
                notes.Add("deep");
            }
            else if (row.HiddenLayers == table.ShallowestWithinTwice)
            {
                notes.Add("shallowest within 2× of deep");
            }

            if (row.HiddenLayers == requested)
            {
                notes.Add("--layers");
            }

            if (row.Network is { } network && row.Neurons is { } model && network.NeuronCount != model)
            {
                notes.Add($"built with {Count(network.NeuronCount)} neurons (shared)");
            }

            rows.Add(
            [
                row.HiddenLayers.ToString(CultureInfo.InvariantCulture),
                row.Neurons is { } neurons ? neurons.ToString("N0", CultureInfo.InvariantCulture) : "over the limit",
                row.Factor is { } factor ? Factor(factor) : "-",
                row.Network is { } built ? Number(built.MaxError) : row.NotBuilt ?? "-",
                string.Join(", ", notes),
            ]);
        }

        WriteColumns(output, rows, rightAligned: [true, true, true, false, false]);
    }

    /// <summary>Columns padded to their widest cell, two spaces apart, without trailing spaces.</summary>
    internal static void WriteColumns(TextWriter output, IReadOnlyList<string[]> rows, IReadOnlyList<bool> rightAligned)
    {
        int columns = rows[0].Length;
        var widths = Enumerable.Range(0, columns).Select(c => rows.Max(r => r[c].Length)).ToArray();
        foreach (var row in rows)
        {
            var cells = Enumerable.Range(0, columns).Select(c => rightAligned[c] ? row[c].PadLeft(widths[c]) : row[c].PadRight(widths[c]));
            output.WriteLine(("  " + string.Join("  ", cells)).TrimEnd());
        }
    }

    /// <summary>"x, y, s (spin), b (bit)": the network's inputs in order.</summary>
    private static string Inputs(NetworkCompilation compilation)
    {
        var input = compilation.Input!;
        return input.Variables.Count == 0
            ? "none"
            : string.Join(", ", input.Variables.Select((name, i) => input.Kinds[i] switch
            {
                VariableKind.Spin => $"{name} (spin)",
                VariableKind.Bit => $"{name} (bit)",
                _ => name,
            }));
    }

    /// <summary>"|input| &lt;= 2", with what bits and spins take.</summary>
    private static string Bounds(NetworkCompilation compilation)
    {
        var kinds = compilation.Input!.Kinds;
        var parts = new List<string>();
        if (kinds.Count == 0 || kinds.Any(kind => kind == VariableKind.Continuous))
        {
            parts.Add($"|input| <= {Number(compilation.Request.Bound)}");
        }

        if (kinds.Any(kind => kind == VariableKind.Spin))
        {
            parts.Add("spins are -1 or +1");
        }

        if (kinds.Any(kind => kind == VariableKind.Bit))
        {
            parts.Add("bits are 0 or 1");
        }

        return string.Join("; ", parts);
    }

    /// <summary>"9.14", "1.00", "7.05e9".</summary>
    private static string Factor(double factor) => factor < 1000 ? factor.ToString("0.00", CultureInfo.InvariantCulture) : Number(factor);

    internal static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>About three significant digits: "3.89e-12", "0.5", "1,091", "7.05e9", "NaN".</summary>
    internal static string Number(double value)
    {
        if (value == 0 || double.IsNaN(value) || double.IsInfinity(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        double magnitude = System.Math.Abs(value);
        return magnitude switch
        {
            >= 1e-3 and < 1e3 => value.ToString("G3", CultureInfo.InvariantCulture),
            >= 1e3 and < 1e6 => value.ToString("N0", CultureInfo.InvariantCulture),
            _ => value.ToString("0.##e+0", CultureInfo.InvariantCulture).Replace("e+", "e", System.StringComparison.Ordinal),
        };
    }
}
