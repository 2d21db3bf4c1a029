using System.IO;
using System.Linq;
using System.Reflection;

namespace PolyNet.EndToEnd.Tests.Infrastructure;

/// <summary>The repository this test assembly was built from, and the configuration it was built in.</summary>
internal static class Repository
{
    public static string Root { get; } = Metadata("RepositoryRoot");

    /// <summary>The build configuration of this run (Debug under `dotnet test`): the one to pack.</summary>
    public static string Configuration { get; } = Metadata("Configuration");

    /// <summary>The version in Directory.Build.props, the one place it is set.</summary>
    public static string PackageVersion { get; } = Metadata("PackageVersion");

    public static string PackagesFolder { get; } = Path.Combine(Root, "artifacts", "packages");

    public static string RuntimeProject { get; } = Path.Combine(Root, "src", "PolyNet", "PolyNet.csproj");

    public static string ToolProject { get; } = Path.Combine(Root, "src", "PolyNet.Cli", "PolyNet.Cli.csproj");

    public static string SamplesFolder { get; } = Path.Combine(Root, "samples");

    public static string ConsumerTemplates { get; } = Path.Combine(Root, "tests", "PolyNet.EndToEnd.Tests", "Consumers");

    public static string NuGetConfig { get; } = Path.Combine(Root, "NuGet.config");

    /// <summary>True when every assembly the package ships has been built in <see cref="Configuration"/>.</summary>
    public static bool PackageInputsBuilt()
    {
        string runtime = Path.Combine(Root, "src", "PolyNet", "bin", Configuration);
        string generator = Path.Combine(Root, "src", "PolyNet.Generators", "bin", Configuration, "netstandard2.0", "PolyNet.Generators.dll");
        return File.Exists(Path.Combine(runtime, "net8.0", "PolyNet.dll"))
            && File.Exists(Path.Combine(runtime, "net10.0", "PolyNet.dll"))
            && File.Exists(generator);
    }

    /// <summary>True when the polynet tool has been built in <see cref="Configuration"/>.</summary>
    public static bool ToolBuilt() =>
        File.Exists(Path.Combine(Root, "src", "PolyNet.Cli", "bin", Configuration, "net10.0", "PolyNet.Cli.dll"));

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
