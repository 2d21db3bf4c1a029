using System;
using System.Diagnostics;
using System.IO;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Batch;

/// <summary>
/// Runs tests/PolyNet.SimdProbe in child processes whose runtime settings force each SIMD path; the probe
/// checks batch against scalar (1e-10·S double, 1e-4·S float) and exact (MaxError) for lengths 0..70 and
/// unaligned slices; far outside the bounds (10×, 10³×, 10⁶×, near ±MaxValue), at ±∞ and NaN, batch = scalar and
/// scalar = the reference interpreter (1e-9 relative in double); CheckBounds throws before writing; and the gradient
/// batches (Gradient = true) equal the scalar gradient element by element (with inputs outside the bounds, ±∞ and NaN
/// in some batches), the scalar gradient equals the interpreter's backward pass, and inside the bounds every batch
/// derivative is within MaxGradientError of the polynomial's.
/// </summary>
public sealed class SimdPathTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("scalar", "DOTNET_EnableHWIntrinsic=0")]
    [InlineData("128", "DOTNET_EnableAVX2=0")]
    [InlineData("256", "DOTNET_EnableAVX512F=0", "DOTNET_EnableAVX512=0")]
    [InlineData("default")]
    public void Batch_matches_scalar_and_exact_on_every_path(string expectedPath, params string?[] environment)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{ProbePath()}\"")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string? setting in environment ?? [])
        {
            var parts = setting!.Split('=');
            start.Environment[parts[0]] = parts[1];
        }

        using var process = Process.Start(start)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        output.WriteLine(stdout + stderr);
        Assert.Equal(0, process.ExitCode);
        string firstLine = stdout.Split('\n')[0].Trim();
        if (expectedPath == "default")
        {
            Assert.StartsWith("path=", firstLine, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal("path=" + expectedPath, firstLine);
        }

        Assert.Contains("table-run (x+y+z)^8 (double) at the edges", stdout, StringComparison.Ordinal);
        Assert.Contains("CheckBounds: scalar and batch throw before writing", stdout, StringComparison.Ordinal);
        Assert.Contains("gradient table-run (x+y+z)^8 (float): |batch - scalar|", stdout, StringComparison.Ordinal);
        Assert.Contains("gradient flat a*b*c*d in one layer (double): |batch - scalar|", stdout, StringComparison.Ordinal);
        Assert.Contains("\nok", stdout, StringComparison.Ordinal);
    }

    private static string ProbePath() => Incremental.DeterminismTests.SiblingProjectOutput("PolyNet.SimdProbe");
}
