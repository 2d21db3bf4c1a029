using System.IO;
using PolyNet.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PolyNet.EndToEnd.Tests;

/// <summary>
/// The Iris sample's [Category] attributes are exactly what its fitting program computes from the shipped iris.csv, so
/// the compiled Hamiltonians are the fitted Gaussians (the program's --check mode compares them character by character).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class IrisFitTests(PackageWorkspace workspace, ITestOutputHelper output)
{
    [Fact]
    public void The_shipped_attributes_are_the_fit_of_the_shipped_data()
    {
        string fit = Path.Combine(Repository.SamplesFolder, "IrisClassifier", "Fit", "Fit.csproj");
        string iris = Path.Combine(Repository.SamplesFolder, "IrisClassifier", "Iris.cs");
        CommandResult check = workspace.Run(Repository.Root, "run", "--project", fit, "--", "--check", iris);
        output.WriteLine(check.ToString());
        Assert.True(check.Succeeded, check.ToString());
    }
}
