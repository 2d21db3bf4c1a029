using PolyNet.Generators.Tests.Infrastructure;
using PolyNet.Generators.Tests.Snapshots;

namespace PolyNet.Generators.Tests.Gradient;

/// <summary>
/// Golden files (Snapshots/&lt;Test&gt;.&lt;hint&gt;.verified.cs) of the generated gradient members: review a change as a
/// diff; accept it with POLYNET_ACCEPT=1.
/// </summary>
public sealed class GradientSnapshotTests
{
    [Fact]
    public void Gradient_of_the_readme_example() => SnapshotGenerated(nameof(Gradient_of_the_readme_example), """
        using PolyNet;

        public static partial class Physics
        {
            [Hamiltonian("x*y + 3*x*y*z", Gradient = true)]
            public static partial double Energy(double x, double y, double z);
        }
        """);

    [Fact]
    public void Gradient_of_an_open_phi4_chain() => SnapshotGenerated(nameof(Gradient_of_an_open_phi4_chain), """
        using System;
        using PolyNet;

        public static partial class Chain
        {
            [Hamiltonian("sum(i < n: 0.5*(phi[i+1] - phi[i])^2 + 0.5*phi[i]^2 + 0.25*phi[i]^4)", Boundary = LatticeBoundary.Open, InputBound = 2, Gradient = true)]
            public static partial double Field(ReadOnlySpan<double> phi, int n);
        }
        """);

    private static void SnapshotGenerated(string test, string source)
    {
        // Run asserts the generator threw nothing and reported no diagnostic of its own.
        var run = GeneratorHarness.Run(source);
        GeneratedSourceSnapshotTests.AssertCompilesWithoutDiagnostics(run.Output);
        var file = Assert.Single(run.Sources);
        Snapshot.MatchSource(test, file.HintName, file.SourceText.ToString());
    }
}
