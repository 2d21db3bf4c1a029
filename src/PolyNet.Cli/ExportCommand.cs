using System.Collections.Generic;
using System.CommandLine;
using System.IO;

namespace PolyNet.Cli;

/// <summary><c>polynet export "expr" --json f.json …</c>: compiles the expression and writes the network in the formats asked for.</summary>
internal static class ExportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new NetworkOptions();
        var formats = new List<(Option<FileInfo> Option, System.Func<SigmoidNetwork, bool, string> Write)>();
        var command = new Command("export", "Compile the expression and write its network to files.");
        options.AddTo(command);
        foreach (var (option, _) in formats)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => PolyNetCommand.Guard(error, () =>
        {
            var request = options.Read(parse);
            var files = new List<(FileInfo File, System.Func<SigmoidNetwork, bool, string> Write)>();
            foreach (var (option, write) in formats)
            {
                if (parse.GetValue(option) is { } file)
                {
                    files.Add((file, write));
                }
            }

            if (files.Count == 0)
            {
                throw new UsageException("name at least one file to write");
            }

            var compilation = NetworkCompilation.Compile(request);
            if (!compilation.Succeeded)
            {
                return PolyNetCommand.ReportErrors(compilation, error);
            }

            foreach (var (file, write) in files)
            {
                string text = write(compilation.Network!, false);
                try
                {
                    File.WriteAllText(file.FullName, text);
                }
                catch (System.Exception exception) when (exception is IOException or System.UnauthorizedAccessException)
                {
                    error.WriteLine($"error: cannot write {file}: {exception.Message}");
                    return ExitCodes.Failure;
                }

                output.WriteLine($"wrote {file}");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
