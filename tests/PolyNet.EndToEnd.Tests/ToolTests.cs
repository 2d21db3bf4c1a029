using System;
using System.IO;
using PolyNet.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PolyNet.EndToEnd.Tests;

/// <summary>The polynet tool, packed at this run's version and installed with `dotnet tool install --tool-path`, as a user would.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class ToolTests(PackageWorkspace workspace, ITestOutputHelper output)
{
    [Fact]
    public void Installed_tool_inspects_a_good_expression()
    {
        AssertInstalled();

        CommandResult run = workspace.Polynet(workspace.Root, "inspect", "x*y + 3*x*y*z");
        output.WriteLine(run.ToString());

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"neurons\s+8\r?\n", run.Output);
        Assert.Contains("polynomial        x*y + 3*x*y*z", run.Output, StringComparison.Ordinal);
        Assert.Contains("cost of every depth", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Installed_tool_reports_a_bad_expression_with_a_caret_and_exit_code_1()
    {
        AssertInstalled();

        CommandResult run = workspace.Polynet(workspace.Root, "inspect", "3x");
        output.WriteLine(run.ToString());

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"error PNET001: missing '\*' between 3 and x\r?\n  3x\r?\n  \^\^\r?\n", run.Output);
    }

    [Fact]
    public void Installed_tool_rejects_an_unknown_option_with_exit_code_2()
    {
        AssertInstalled();

        CommandResult run = workspace.Polynet(workspace.Root, "inspect", "x*y", "--no-such-option");
        output.WriteLine(run.ToString());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--no-such-option", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Installed_tool_exports_onnx_json_and_diagrams()
    {
        AssertInstalled();
        string folder = Path.Combine(workspace.Root, "export");

        CommandResult run = workspace.Polynet(workspace.Root, "export", "x*y + 3*x*y*z", "--onnx", Path.Combine(folder, "energy.onnx"),
            "--json", Path.Combine(folder, "energy.json"), "--dot", Path.Combine(folder, "energy.dot"), "--mermaid", Path.Combine(folder, "energy.mmd"));
        output.WriteLine(run.ToString());

        Assert.Equal(0, run.ExitCode);
        foreach (string file in new[] { "energy.onnx", "energy.json", "energy.dot", "energy.mmd" })
        {
            var info = new FileInfo(Path.Combine(folder, file));
            Assert.True(info.Exists && info.Length > 0, $"{file} was not written");
        }

        Assert.Contains("\"polynomial\": \"x*y + 3*x*y*z\"", File.ReadAllText(Path.Combine(folder, "energy.json")), StringComparison.Ordinal);
        Assert.Contains("digraph network {", File.ReadAllText(Path.Combine(folder, "energy.dot")), StringComparison.Ordinal);
    }

    private void AssertInstalled()
    {
        output.WriteLine(workspace.ToolPack.Summary);
        Assert.True(workspace.ToolPack.Succeeded, workspace.ToolPack.ToString());
        output.WriteLine(workspace.ToolInstall.Summary);
        Assert.True(workspace.ToolInstall.Succeeded, workspace.ToolInstall.ToString());
        Assert.True(Directory.Exists(Path.Combine(workspace.ToolPath, ".store", "polynet.cli", workspace.Version.ToLowerInvariant())),
            "the installed tool is not this run's package");
    }
}
