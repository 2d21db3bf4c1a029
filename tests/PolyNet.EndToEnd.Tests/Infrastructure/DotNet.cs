using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace PolyNet.EndToEnd.Tests.Infrastructure;

/// <summary>Runs the `dotnet` CLI (or a program it installed) in a child process, isolated from the `dotnet test` that runs us.</summary>
internal static class DotNet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Set by the parent MSBuild for its own tools; a child build must find its SDK by itself.</summary>
    private static readonly string[] InheritedMSBuildVariables =
        ["MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildLoadMicrosoftTargetsReadOnly"];

    public static CommandResult Run(string workingDirectory, params string[] arguments) =>
        Run(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", workingDirectory, null, arguments);

    /// <summary>
    /// Runs <paramref name="program"/> (a path, or a name on PATH) with <paramref name="environment"/> added to the
    /// isolated environment.
    /// </summary>
    public static CommandResult Run(string program, string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string variable in InheritedMSBuildVariables)
        {
            start.Environment.Remove(variable);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // No MSBuild node or server may outlive the command: it would hold our output pipes open.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var output = new StringBuilder();
        var closed = new List<TaskCompletionSource>();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += Collector(output, closed);
        process.ErrorDataReceived += Collector(output, closed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        // A compiler server started by the build inherits our pipes and keeps them open after the
        // build exits; everything the build wrote is already in them, so wait briefly, not for EOF.
        Task.WaitAll([.. closed.ConvertAll(c => c.Task)], TimeSpan.FromSeconds(5));
        stopwatch.Stop();

        string shown = Path.GetFileNameWithoutExtension(program) == "dotnet" ? "dotnet" : program;
        string commandLine = shown + " " + string.Join(' ', arguments);
        lock (output)
        {
            return new CommandResult(commandLine, process.ExitCode, output.ToString(), stopwatch.Elapsed);
        }
    }

    private static DataReceivedEventHandler Collector(StringBuilder output, List<TaskCompletionSource> closed)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        closed.Add(done);
        return (_, e) =>
        {
            if (e.Data is null)
            {
                done.TrySetResult();
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
    }
}
