using System;

namespace PolyNet.EndToEnd.Tests.Infrastructure;

/// <summary>What a `dotnet` command did: exit code, interleaved stdout and stderr, wall time.</summary>
public sealed record CommandResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    public string Summary => $"{Elapsed.TotalSeconds,6:F1} s  exit {ExitCode}  {CommandLine}";

    public override string ToString() => $"{Summary}{Environment.NewLine}{Output}";
}
