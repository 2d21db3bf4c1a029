using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using PolyNet.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PolyNet.EndToEnd.Tests;

/// <summary>What the one package ships, and what it asks of its users.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackageContentTests(PackageWorkspace workspace, ITestOutputHelper output)
{
    [Fact]
    public void Package_ships_the_runtime_per_framework_the_analyzers_and_the_compiler_check()
    {
        output.WriteLine(workspace.Pack.Summary);
        Assert.True(workspace.Pack.Succeeded, workspace.Pack.ToString());

        string[] entries = Entries();
        output.WriteLine(string.Join('\n', entries));
        string[] expected =
        [
            "lib/net8.0/PolyNet.dll", "lib/net8.0/PolyNet.xml",
            "lib/net10.0/PolyNet.dll", "lib/net10.0/PolyNet.xml",
            "analyzers/dotnet/cs/PolyNet.Generators.dll",
            "buildTransitive/PolyNet.Generators.targets",
            "README.md",
        ];
        Assert.All(expected, entry => Assert.Contains(entry, entries));

        // The code fixes ship as soon as their project exists, and only then.
        bool codeFixesExist = File.Exists(Path.Combine(Repository.Root, "src", "PolyNet.Generators.CodeFixes", "PolyNet.Generators.CodeFixes.csproj"));
        Assert.Equal(codeFixesExist, entries.Contains("analyzers/dotnet/cs/PolyNet.Generators.CodeFixes.dll"));

        // Nothing else lands where a user's compiler or runtime would pick it up.
        Assert.All(entries.Where(e => e.StartsWith("analyzers/", System.StringComparison.Ordinal)),
            e => Assert.Matches(@"^analyzers/dotnet/cs/PolyNet\.Generators(\.CodeFixes)?\.dll$", e));
        Assert.All(entries.Where(e => e.StartsWith("lib/", System.StringComparison.Ordinal)),
            e => Assert.Matches(@"^lib/net(8|10)\.0/PolyNet\.(dll|xml)$", e));
    }

    [Fact]
    public void Package_depends_on_System_Numerics_Tensors_only_and_carries_its_metadata()
    {
        Assert.True(workspace.Pack.Succeeded, workspace.Pack.ToString());
        XElement metadata = Nuspec().Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string Value(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value;

        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => e.Attribute("id")!.Value).Distinct().ToArray();
        Assert.Equal(["System.Numerics.Tensors"], dependencies);
        var frameworks = metadata.Descendants().Where(e => e.Name.LocalName == "group")
            .Select(e => e.Attribute("targetFramework")!.Value).Order().ToArray();
        Assert.Equal(["net10.0", "net8.0"], frameworks);

        Assert.Equal("PolyNet.Generators", Value("id"));
        Assert.Equal(workspace.Version, Value("version"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains("source-generator", Value("tags"), System.StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        XElement repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal("https://github.com/polynet/PolyNet.Generators", repository.Attribute("url")!.Value);
    }

    private string[] Entries()
    {
        using ZipArchive package = ZipFile.OpenRead(workspace.PackagePath);
        return [.. package.Entries.Select(e => e.FullName).Order(System.StringComparer.Ordinal)];
    }

    private XDocument Nuspec()
    {
        using ZipArchive package = ZipFile.OpenRead(workspace.PackagePath);
        using Stream stream = package.GetEntry("PolyNet.Generators.nuspec")!.Open();
        return XDocument.Load(stream);
    }
}
