using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PolyNet.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PolyNet.EndToEnd.Tests;

/// <summary>User projects that reference the package by version, the way `dotnet add package` does.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ConsumerTests(PackageWorkspace workspace, ITestOutputHelper output)
{
    [Fact]
    public void Console_consumer_builds_for_net8_and_net10_and_runs_the_generated_network()
    {
        CommandResult build = workspace.ConsumerBuild;
        output.WriteLine(build.Summary);
        Assert.True(build.Succeeded, build.ToString());

        string bin = Path.Combine(workspace.Root, "NetworkConsumer", "bin", "Debug");
        // net8.0 is built only: this machine may have no .NET 8 runtime to run it.
        Assert.True(File.Exists(Path.Combine(bin, "net8.0", "NetworkConsumer.dll")), build.ToString());

        CommandResult run = workspace.Run(workspace.Root, Path.Combine(bin, "net10.0", "NetworkConsumer.dll"));
        output.WriteLine(run.ToString());
        Assert.True(run.Succeeded, run.ToString());

        double value = Printed(run, "value");
        double batch = Printed(run, "batch");
        double maxError = Printed(run, "maxError");
        const double x = 0.5, y = -0.25, z = 0.75;
        const double exact = x * y + 3 * x * y * z;
        Assert.Equal(8, (int)Printed(run, "neurons"));
        Assert.InRange(maxError, double.Epsilon, 1e-9);
        Assert.InRange(Math.Abs(value - exact), 0, maxError);
        Assert.InRange(Math.Abs(batch - exact), 0, maxError);
    }

    [Fact]
    public void Invalid_expression_fails_the_build_with_PNET001_inside_the_string_literal()
    {
        CommandResult build = workspace.Build(workspace.Consumer("BadExpression"));
        output.WriteLine(build.ToString());
        Assert.False(build.Succeeded);

        Match error = Regex.Match(build.Output, @"Program\.cs\((?<line>\d+),(?<column>\d+)\): error PNET001: (?<message>[^\[\r\n]*)");
        Assert.True(error.Success, build.ToString());
        Assert.Contains("missing '*' between 3 and x", error.Groups["message"].Value, StringComparison.Ordinal);

        // The location points into the literal "3x + y" on the attribute's line.
        string[] source = File.ReadAllLines(Path.Combine(workspace.Root, "BadExpression", "Program.cs"));
        int line = int.Parse(error.Groups["line"].Value, CultureInfo.InvariantCulture);
        int column = int.Parse(error.Groups["column"].Value, CultureInfo.InvariantCulture);
        int literalStart = source[line - 1].IndexOf("\"3x + y\"", StringComparison.Ordinal) + 2;  // 1-based column of '3'
        Assert.True(literalStart > 1, $"line {line} is not the attribute: {source[line - 1]}");
        Assert.InRange(column, literalStart, literalStart + "3x + y".Length - 1);
    }

    [Fact]
    public void Compiler_older_than_Roslyn_4_8_gets_PNET900_and_a_current_one_does_not()
    {
        CommandResult build = workspace.ConsumerBuild;
        Assert.True(build.Succeeded, build.ToString());
        Assert.DoesNotContain("PNET900", build.Output, StringComparison.Ordinal);

        // Only the check runs, with the version the .NET SDK would have read from an older compiler.
        CommandResult check = workspace.Run(workspace.Root,
            "msbuild", workspace.Consumer("NetworkConsumer"), "-t:PolyNetCheckCompilerVersion",
            "-p:TargetFramework=net10.0", "-p:CompilerApiVersion=roslyn4.7", "-p:MSBuildTreatWarningsAsErrors=false",
            $"-p:PolyNetVersion={workspace.Version}", $"-p:RestorePackagesPath={workspace.PackagesPath}", "-nodeReuse:false");
        output.WriteLine(check.ToString());
        Assert.True(check.Succeeded, check.ToString());
        Assert.Matches(@"warning PNET900: PolyNet\.Generators needs Roslyn 4\.8 or later .* this build uses Roslyn 4\.7", check.Output);
    }

    private static double Printed(CommandResult run, string name)
    {
        string line = run.Output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith(name + "=", StringComparison.Ordinal));
        return double.Parse(line[(name.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
