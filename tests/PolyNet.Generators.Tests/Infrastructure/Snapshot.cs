using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace PolyNet.Generators.Tests.Infrastructure;

/// <summary>
/// Golden-file assertions without Verify: <c>Snapshots/&lt;name&gt;.verified.&lt;ext&gt;</c> in the source tree.
/// On a mismatch a <c>.received.</c> file is written beside it and the test fails with a diff.
/// <c>POLYNET_ACCEPT=1</c> overwrites the golden file; a missing golden file is written (and the test passes)
/// except under <c>CI=true</c>, where it fails.
/// </summary>
internal static partial class Snapshot
{
    private const int MaxDiffLines = 40;

    /// <summary>Compares a generated source file with <c>Snapshots/&lt;test&gt;.&lt;hint without .cs&gt;.verified.cs</c>.</summary>
    public static void MatchSource(string test, string hintName, string actual, [CallerFilePath] string callerFile = "")
    {
        string hint = hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName[..^3] : hintName;
        Match($"{test}.{hint}", actual, "cs", callerFile);
    }

    /// <summary>Compares <paramref name="actual"/> with <c>Snapshots/&lt;name&gt;.verified.&lt;extension&gt;</c>.</summary>
    public static void Match(string name, string actual, string extension = "txt", [CallerFilePath] string callerFile = "")
    {
        string directory = Path.Combine(FindProjectDirectory(callerFile), "Snapshots");
        string verifiedPath = Path.Combine(directory, $"{name}.verified.{extension}");
        string receivedPath = Path.Combine(directory, $"{name}.received.{extension}");
        string normalized = Normalize(actual);

        if (Environment.GetEnvironmentVariable("POLYNET_ACCEPT") == "1")
        {
            Write(verifiedPath, normalized);
            Delete(receivedPath);
            return;
        }

        if (!File.Exists(verifiedPath))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Write(receivedPath, normalized);
                throw new XunitException($"missing golden file {verifiedPath}; the output was written to {receivedPath}. Run the tests locally (or with POLYNET_ACCEPT=1) and commit the .verified file.");
            }

            Write(verifiedPath, normalized);
            return;
        }

        string expected = Normalize(File.ReadAllText(verifiedPath));
        if (expected == normalized)
        {
            Delete(receivedPath);
            return;
        }

        Write(receivedPath, normalized);
        throw new XunitException(
            $"snapshot {name} differs from {verifiedPath}\nreceived: {receivedPath}\n(set POLYNET_ACCEPT=1 to accept)\n"
            + Diff(expected, normalized));
    }

    /// <summary>Line endings to \n, the generator's version scrubbed, one trailing newline.</summary>
    public static string Normalize(string text)
    {
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        text = VersionPattern().Replace(text, "GeneratedCode(\"PolyNet.Generators\", \"{version}\")");
        return text.TrimEnd('\n') + "\n";
    }

    /// <summary>A unified-style line diff (LCS), showing at most <see cref="MaxDiffLines"/> changed lines.</summary>
    internal static string Diff(string expected, string actual)
    {
        string[] a = expected.Split('\n'), b = actual.Split('\n');
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var output = new StringBuilder("--- verified\n+++ received\n");
        int shown = 0, x = 0, y = 0, lastPrinted = -2;
        void Change(string line, int at)
        {
            if (shown++ >= MaxDiffLines)
            {
                return;
            }

            if (at != lastPrinted + 1)
            {
                output.Append($"@@ line {at + 1} @@\n");
            }

            lastPrinted = at;
            output.Append(line).Append('\n');
        }

        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                Change("- " + a[x], y);
                x++;
            }
            else
            {
                Change("+ " + b[y], y);
                y++;
            }
        }

        if (shown > MaxDiffLines)
        {
            output.Append($"... and {shown - MaxDiffLines} more changed lines\n");
        }

        return output.ToString();
    }

    private static string FindProjectDirectory(string callerFile)
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(callerFile)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PolyNet.Generators.Tests.csproj")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException($"no PolyNet.Generators.Tests.csproj above {callerFile}");
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    [GeneratedRegex("GeneratedCode\\(\"PolyNet\\.Generators\", \"[^\"]*\"\\)")]
    private static partial Regex VersionPattern();
}
