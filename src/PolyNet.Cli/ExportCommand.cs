using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Text;
using PolyNet.Generators.Compiler;
using PolyNet.Onnx;

namespace PolyNet.Cli;

/// <summary><c>polynet export "expr" --onnx f.onnx --json f.json --dot f.dot --mermaid f.mmd</c>: compiles the expression and writes its network.</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new NetworkOptions();
        var weights = new Option<bool>("--weights") { Description = "Label the diagrams' edges with their weights and the neurons with their biases." };
        var formats = new List<Format>
        {
            new(File("--onnx", "Write the network as an ONNX model (opset 17, PolyNet.Onnx), rebuilt for engines that evaluate each sigmoid on its own, with its own error bound."), "ONNX", (network, _) => Onnx(network)),
            new(File("--json", "Write the network as JSON (SigmoidNetwork.ToJson; SigmoidNetwork.FromJson reads it back)."), "JSON", (network, _) => Text(network.ToJson())),
            new(File("--dot", "Write the network as a Graphviz digraph (SigmoidNetwork.ToDot)."), "DOT", (network, labelled) => Text(network.ToDot(new DiagramOptions { ShowWeights = labelled }))),
            new(File("--mermaid", "Write the network as a Mermaid flowchart (SigmoidNetwork.ToMermaid)."), "Mermaid", (network, labelled) => Text(network.ToMermaid(new DiagramOptions { ShowWeights = labelled }))),
        };
        var command = new Command("export", "Compile the expression and write its network as an ONNX model, JSON, a Graphviz (DOT) or a Mermaid diagram.");
        options.AddTo(command);
        foreach (var format in formats)
        {
            command.Options.Add(format.Option);
        }

        command.Options.Add(weights);
        command.SetAction(parse => PolyNetCommand.Guard(error, () =>
        {
            var request = options.Read(parse);
            var files = new List<(Format Format, FileInfo File)>();
            foreach (var format in formats)
            {
                if (parse.GetValue(format.Option) is { } file)
                {
                    files.Add((format, file));
                }
            }

            if (files.Count == 0)
            {
                throw new UsageException("name at least one file to write: --onnx, --json, --dot or --mermaid");
            }

            bool labelled = parse.GetValue(weights);
            if (labelled && files.TrueForAll(f => f.Format.Name is "JSON" or "ONNX"))
            {
                throw new UsageException("--weights labels the diagrams; add --dot or --mermaid");
            }

            return Run(request, files, labelled, output, error);
        }));
        return command;
    }

    private static int Run(NetworkRequest request, List<(Format Format, FileInfo File)> files, bool labelled, TextWriter output, TextWriter error)
    {
        var compilation = NetworkCompilation.Compile(request);
        if (!compilation.Succeeded)
        {
            return PolyNetCommand.ReportErrors(compilation, error);
        }

        var network = compilation.Network!;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{network.Polynomial}: {network.NeuronCount:N0} neurons in {DepthLimitCheck.Layers(network.HiddenLayers)}, {network.SynapseCount:N0} synapses, MaxError {InspectCommand.Number(network.MaxError)}"));
        foreach (var (format, file) in files)
        {
            Written written;
            try
            {
                written = format.Write(network, labelled);
            }
            catch (NotSupportedException exception)
            {
                error.WriteLine($"error: cannot write {file} as {format.Name}: {exception.Message}");
                return ExitCodes.Failure;
            }

            try
            {
                if (file.DirectoryName is { } directory)
                {
                    Directory.CreateDirectory(directory);
                }

                System.IO.File.WriteAllBytes(file.FullName, written.Bytes);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                error.WriteLine($"error: cannot write {file}: {exception.Message}");
                return ExitCodes.Failure;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {file} ({format.Name}, {written.Bytes.Length:N0} bytes{written.Note})"));
        }

        return ExitCodes.Success;
    }

    private static Written Text(string text) => new(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text), string.Empty);

    /// <summary>The ONNX model, with the bound that holds for it (not the generated code's MaxError).</summary>
    private static Written Onnx(SigmoidNetwork network)
    {
        using var stream = new MemoryStream();
        var result = network.ExportOnnx(stream);
        return new Written(stream.ToArray(), $", the model's own MaxError {InspectCommand.Number(result.MaxError)}");
    }

    private static Option<FileInfo> File(string name, string description) => new(name) { Description = description, HelpName = "file" };

    /// <summary>One output format: its option, its name, and what it writes (diagrams with weight labels or not).</summary>
    private sealed record Format(Option<FileInfo> Option, string Name, Func<SigmoidNetwork, bool, Written> Write);

    /// <summary>A file's bytes, and what to add to the line that reports it.</summary>
    private sealed record Written(byte[] Bytes, string Note);
}
