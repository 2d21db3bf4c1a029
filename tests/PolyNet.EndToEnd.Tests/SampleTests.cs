using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PolyNet.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PolyNet.EndToEnd.Tests;

/// <summary>
/// Every project under samples/ builds against the packed package through the samples' one switch,
/// PolyNetFromPackage, in its own output folders, so the repository's build of it plays no part.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SampleTests(PackageWorkspace workspace, ITestOutputHelper output)
{
    public static IEnumerable<object[]> Samples() =>
        Directory.EnumerateDirectories(Repository.SamplesFolder)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj"))
            .Select(project => Path.GetFileNameWithoutExtension(project))
            .Order(StringComparer.Ordinal)
            .Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_builds_against_the_package(string sample)
    {
        string project = Path.Combine(Repository.SamplesFolder, sample, sample + ".csproj");
        string artifacts = Path.Combine(workspace.Root, "samples");
        CommandResult build = workspace.Run(Repository.Root,
            "build", project, "-p:PolyNetFromPackage=true",
            $"-p:PolyNetPackageVersion={workspace.Version}", $"-p:PolyNetPackageSource={Repository.PackagesFolder}",
            $"-p:RestorePackagesPath={workspace.PackagesPath}", $"-p:ArtifactsPath={artifacts}", "-nodeReuse:false");
        output.WriteLine(build.ToString());
        Assert.True(build.Succeeded, build.ToString());

        // Restore resolved the package at this run's version, from the private folder, and no project of src/.
        string assets = File.ReadAllText(Path.Combine(artifacts, "obj", sample, "project.assets.json"));
        Assert.Contains($"\"PolyNet.Generators/{workspace.Version}\"", assets, StringComparison.Ordinal);
        Assert.Contains("analyzers/dotnet/cs/PolyNet.Generators.dll", assets, StringComparison.Ordinal);
        Assert.DoesNotContain("\"type\": \"project\"", assets, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(workspace.PackagesPath, "polynet.generators", workspace.Version.ToLowerInvariant())));
    }
}
