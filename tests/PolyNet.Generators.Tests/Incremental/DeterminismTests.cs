using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Incremental;

/// <summary>Identical generated text across runs, processes and build-machine cultures.</summary>
public sealed class DeterminismTests
{
    private const string Source = """
        using System;
        using PolyNet;
        namespace Lab;
        public static partial class Physics
        {
            [Hamiltonian("x*y + 3*x*y*z - 0.1*x + 1/3")]
            public static partial double Energy(double x, double y, double z);

            [Hamiltonian("1e-3*x^3 + 2.5*y^2 - x*y/7", InputBound = 1.5)]
            public static partial float Cubic(float x, [Bound(0.25)] float y);

            [Hamiltonian("a*b*c*d*e*f*g*h + (a - b)^4")]
            internal static partial double Product(double a, double b, double c, double d, double e, double f, double g, double h);

            [Hamiltonian("3x")]
            public static partial double Broken(double x);

            [Hamiltonian("sum(i < n, j < m: 0.5*(u[i+1,j] - u[i,j])^2 - 0.1*u[i,j]*u[i,j+1]^3)", Boundary = LatticeBoundary.Open, InputBound = 1.5)]
            public static partial double Field(ReadOnlySpan<double> u, int n, int m);

            [Category("a", "x*y + 0.3*x^2", Prior = 0.7)]
            [Category("b", "x*y - y^2/3")]
            public static partial int Classify(double x, double y, Span<double> p);
        }
        """;

    [Fact]
    public void Two_runs_in_one_process_generate_identical_text()
    {
        Assert.Equal(Generate(), Generate());
    }

    [Fact]
    public void Separate_processes_under_different_cultures_generate_identical_text()
    {
        string file = Path.Combine(Path.GetTempPath(), $"polynet-determinism-{Environment.ProcessId}.cs");
        File.WriteAllText(file, Source);
        try
        {
            string inProcess = Generate();
            string german = RunHost(file, "de-DE");
            string arabic = RunHost(file, "ar-SA");
            Assert.Equal(inProcess, german);
            Assert.Equal(inProcess, arabic);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Generate()
    {
        var run = GeneratorHarness.Run(Source);
        var text = new StringBuilder();
        foreach (var source in run.Sources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            text.Append($"// ==== {source.HintName}\n{source.SourceText}");
        }

        return text.ToString();
    }

    private static string RunHost(string file, string culture)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{SiblingProjectOutput("PolyNet.GeneratorHost")}\" \"{file}\" {culture}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, errors);
        return output;
    }

    /// <summary>tests/PolyNet.Generators.Tests/bin/&lt;Configuration&gt;/&lt;tfm&gt;/ → tests/&lt;project&gt;/bin/&lt;Configuration&gt;/&lt;tfm&gt;/&lt;project&gt;.dll</summary>
    internal static string SiblingProjectOutput(string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string tests = output.Parent!.Parent!.Parent!.Parent!.FullName;
        string path = Path.Combine(tests, project, "bin", output.Parent.Name, output.Name, project + ".dll");
        Assert.True(File.Exists(path), $"not built: {path}");
        return path;
    }
}
