using System;
using System.CommandLine;
using System.CommandLine.Invocation;
using System.IO;

namespace PolyNet.Cli;

/// <summary>The <c>polynet</c> command tree, run against any pair of writers (the console, or a test's).</summary>
internal static class PolyNetCommand
{
    /// <summary>Parses <paramref name="args"/> and runs the command: 0 done, 1 expression errors, 2 usage errors.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var root = Create(output, error);
            var parse = root.Parse(args);
            if (parse.Action is ParseErrorAction)
            {
                foreach (var problem in parse.Errors)
                {
                    error.WriteLine($"error: {problem.Message}");
                }

                error.WriteLine($"Run '{HelpCommandOf(parse)} --help' for usage.");
                return ExitCodes.Usage;
            }

            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception)
        {
            error.WriteLine($"error: {exception.GetType().Name}: {exception.Message}");
            return ExitCodes.Failure;
        }
    }

    public static RootCommand Create(TextWriter output, TextWriter error) => new(
        "Compiles polynomial Hamiltonians into networks of logistic-sigmoid neurons with the PolyNet.Generators compiler.")
    {
        InspectCommand.Create(output, error),
        ExportCommand.Create(output, error),
    };

    /// <summary>Runs a command's work, turning a <see cref="UsageException"/> into exit code 2.</summary>
    public static int Guard(TextWriter error, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (UsageException exception)
        {
            error.WriteLine($"error: {exception.Message}");
            return ExitCodes.Usage;
        }
    }

    /// <summary>Writes every error of a failed compilation with its caret line: exit code 1.</summary>
    public static int ReportErrors(NetworkCompilation compilation, TextWriter error)
    {
        foreach (var problem in compilation.Errors)
        {
            DiagnosticWriter.Write(error, "error", compilation.Request.Expression, problem);
        }

        return ExitCodes.Failure;
    }

    private static string HelpCommandOf(ParseResult parse) =>
        parse.CommandResult.Command is RootCommand ? "polynet" : "polynet " + parse.CommandResult.Command.Name;
}
