using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace PolyNet.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs PolyNet.Generators once per test run under a version no earlier run can have used, and sets
/// up a temporary folder outside the repository where user projects restore it: a NuGet.config that
/// sees artifacts/packages plus the repository's own feed, and a private packages folder, so nothing
/// stale in a NuGet cache can stand in for the package under test.
/// </summary>
public sealed class PackageWorkspace : IDisposable
{
    private readonly Lazy<CommandResult> consumerBuild;
    private readonly Lazy<(CommandResult Pack, CommandResult Install)> tool;
    private readonly List<CommandResult> log = [];

    public PackageWorkspace()
    {
        Version = string.Create(CultureInfo.InvariantCulture,
            $"{Repository.PackageVersion}-e2e.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}");
        Root = Path.Combine(Path.GetTempPath(), $"polynet-e2e-{Guid.NewGuid():N}");
        PackagesPath = Path.Combine(Root, "packages");
        Directory.CreateDirectory(Root);

        Pack = Record(PackRuntime());
        PackagePath = Path.Combine(Repository.PackagesFolder, $"PolyNet.Generators.{Version}.nupkg");
        CopyDirectory(Repository.ConsumerTemplates, Root);
        WriteNuGetConfig();
        consumerBuild = new Lazy<CommandResult>(() => Record(Build(Consumer("NetworkConsumer"))));
        tool = new Lazy<(CommandResult, CommandResult)>(InstallTool);
    }

    /// <summary>The version packed by this run, e.g. 0.1.0-e2e.20261122140000.4242.</summary>
    public string Version { get; }

    /// <summary>The temporary folder holding the consumer projects; no Directory.Build.* of the repository applies.</summary>
    public string Root { get; }

    /// <summary>The private NuGet packages folder every restore in this run uses.</summary>
    public string PackagesPath { get; }

    public string PackagePath { get; }

    public CommandResult Pack { get; }

    /// <summary>The net10.0 + net8.0 console consumer, built once, on first use.</summary>
    public CommandResult ConsumerBuild => consumerBuild.Value;

    /// <summary>The polynet tool packed at <see cref="Version"/>, on first use.</summary>
    public CommandResult ToolPack => tool.Value.Pack;

    /// <summary>`dotnet tool install --tool-path` of the packed tool into <see cref="Root"/>/tools, on first use.</summary>
    public CommandResult ToolInstall => tool.Value.Install;

    /// <summary>Every command this workspace ran, for the timing report.</summary>
    public IReadOnlyList<CommandResult> Log
    {
        get
        {
            lock (log)
            {
                return [.. log];
            }
        }
    }

    public string Consumer(string name) => Path.Combine(Root, name, name + ".csproj");

    /// <summary>Restores and builds a consumer project against the packed version.</summary>
    public CommandResult Build(string project, params string[] extraArguments) =>
        Record(DotNet.Run(Root, ["build", project, $"-p:PolyNetVersion={Version}", $"-p:RestorePackagesPath={PackagesPath}", "-nodeReuse:false", .. extraArguments]));

    public CommandResult Run(string workingDirectory, params string[] arguments) => Record(DotNet.Run(workingDirectory, arguments));

    /// <summary>Runs the installed `polynet` (<see cref="ToolInstall"/> must have succeeded).</summary>
    public CommandResult Polynet(string workingDirectory, params string[] arguments)
    {
        string program = Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "polynet.exe" : "polynet");
        // The tool's launcher finds the runtime of the SDK that runs these tests.
        var environment = new Dictionary<string, string>();
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } host)
        {
            environment["DOTNET_ROOT"] = Path.GetDirectoryName(host)!;
        }

        return Record(DotNet.Run(program, workingDirectory, environment, arguments));
    }

    /// <summary>The folder `dotnet tool install --tool-path` installs into.</summary>
    public string ToolPath => Path.Combine(Root, "tools");

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("POLYNET_E2E_KEEP") == "1")
        {
            return;
        }

        TryDelete(() => Directory.Delete(Root, recursive: true));
        TryDelete(() => File.Delete(PackagePath));
        TryDelete(() => File.Delete(Path.Combine(Repository.PackagesFolder, $"PolyNet.Cli.{Version}.nupkg")));
    }

    private CommandResult PackRuntime()
    {
        // The solution is built when tests run: pack those outputs instead of building again, which
        // would race with the `dotnet test` build that is still going on around us.
        string[] build = Repository.PackageInputsBuilt() ? ["--no-build"] : [];
        return DotNet.Run(Repository.Root,
        [
            "pack", Repository.RuntimeProject, "-c", Repository.Configuration, "-o", Repository.PackagesFolder,
            $"-p:Version={Version}", "-nodeReuse:false", .. build,
        ]);
    }

    private (CommandResult Pack, CommandResult Install) InstallTool()
    {
        // Like the runtime package: the build around us already built the tool, so pack that output.
        string[] build = Repository.ToolBuilt() ? ["--no-build"] : [];
        CommandResult pack = Record(DotNet.Run(Repository.Root,
        [
            "pack", Repository.ToolProject, "-c", Repository.Configuration, "-o", Repository.PackagesFolder,
            $"-p:Version={Version}", "-nodeReuse:false", .. build,
        ]));
        if (!pack.Succeeded)
        {
            return (pack, pack);
        }

        // A tool path keeps its packages in its own .store, not in the machine's NuGet cache.
        CommandResult install = Record(DotNet.Run(Root,
            "tool", "install", "PolyNet.Cli", "--version", Version, "--tool-path", ToolPath, "--add-source", Repository.PackagesFolder));
        return (pack, install);
    }

    private void WriteNuGetConfig()
    {
        // The repository's feeds, with the folder the package was packed to in front.
        var config = XDocument.Load(Repository.NuGetConfig);
        XElement sources = config.Root!.Element("packageSources")!;
        XElement local = new("add", new XAttribute("key", "polynet-e2e"), new XAttribute("value", Repository.PackagesFolder));
        if (sources.Element("clear") is { } clear)
        {
            clear.AddAfterSelf(local);
        }
        else
        {
            sources.AddFirst(new XElement("clear"), local);
        }

        config.Save(Path.Combine(Root, "NuGet.config"));
    }

    private CommandResult Record(CommandResult result)
    {
        lock (log)
        {
            log.Add(result);
        }

        return result;
    }

    private static void CopyDirectory(string source, string destination)
    {
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
                     .Where(f => !IsBuildOutput(Path.GetRelativePath(source, f))))
        {
            string target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    private static void TryDelete(Action delete)
    {
        try
        {
            delete();
        }
        catch (IOException)
        {
            // A leftover temporary folder is not worth failing a green run for.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
