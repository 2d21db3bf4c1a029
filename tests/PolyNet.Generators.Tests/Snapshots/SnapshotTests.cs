using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Snapshots;

/// <summary>
/// Golden files of the generated source (Snapshots/&lt;Test&gt;.&lt;hint&gt;.verified.cs) and of the analyzer's
/// diagnostics. Review a change in the emitted code as a diff; accept it with POLYNET_ACCEPT=1.
/// </summary>
public sealed class GeneratedSourceSnapshotTests
{
    [Fact]
    public void Readme_example() => SnapshotGenerated(nameof(Readme_example), """
        using PolyNet;

        public static partial class Physics
        {
            [Hamiltonian("x*y + 3*x*y*z")]
            public static partial double Energy(double x, double y, double z);
        }
        """);

    [Fact]
    public void Ising_lattice_2d_periodic() => SnapshotGenerated(nameof(Ising_lattice_2d_periodic), """
        using System;
        using PolyNet;

        public static partial class Ising
        {
            [Hamiltonian("-sum(i < rows, j < columns: s[i,j]*s[i+1,j] + s[i,j]*s[i,j+1]) - 0.1*sum(i < rows, j < columns: s[i,j])")]
            public static partial double Energy([Spin] ReadOnlySpan<sbyte> s, int rows, int columns);
        }
        """);

    [Fact]
    public void Phi4_chain_1d_open() => SnapshotGenerated(nameof(Phi4_chain_1d_open), """
        using System;
        using PolyNet;

        public static partial class Chain
        {
            [Hamiltonian("sum(i < n: 0.5*(phi[i+1] - phi[i])^2 + 0.5*phi[i]^2 + 0.25*phi[i]^4)", Boundary = LatticeBoundary.Open, InputBound = 2)]
            public static partial double Field(ReadOnlySpan<double> phi, int n);
        }
        """);

    [Fact]
    public void Weather_classifier() => SnapshotGenerated(nameof(Weather_classifier), """
        using System;
        using PolyNet;

        public static partial class Weather
        {
            [Category("sunny", "0.5*(t - 1)^2 + 2*(h - 0.2)^2", Prior = 0.6)]
            [Category("rainy", "0.5*(t + 0.5)^2 + (h - 0.8)^2 + 0.3*t*h", Prior = 0.4)]
            public static partial int Classify(double t, double h, Span<double> probabilities);
        }
        """);

    [Fact]
    public void Flat_triple_product_in_one_hidden_layer() => SnapshotGenerated(nameof(Flat_triple_product_in_one_hidden_layer), """
        using PolyNet;

        public static partial class Physics
        {
            [Hamiltonian("x*y*z + x^2", MaxHiddenLayers = 1)]
            public static partial double Flat(double x, double y, double z);
        }
        """);

    [Fact]
    public void Float_triple_product() => SnapshotGenerated(nameof(Float_triple_product), """
        using PolyNet;

        namespace Samples;

        public static partial class Physics
        {
            [Hamiltonian("x*y*z")]
            public static partial float Triple(float x, float y, float z);
        }
        """);

    [Fact]
    public void Power_with_squaring_and_bounds() => SnapshotGenerated(nameof(Power_with_squaring_and_bounds), """
        using PolyNet;

        public static partial class Physics
        {
            [Hamiltonian("x^3 + 0.5*y^2", InputBound = 2)]
            public static partial double Anharmonic(double x, [Bound(3)] double y);
        }
        """);

    [Fact]
    public void Small_spin_hamiltonian() => SnapshotGenerated(nameof(Small_spin_hamiltonian), """
        using PolyNet;

        public static partial class Ising
        {
            [Hamiltonian("-s1*s2 - s2*s3 - 0.5*s1 + a*s3")]
            public static partial double Energy([Spin] int s1, [Spin] sbyte s2, [Spin] int s3, bool a);
        }
        """);

    [Fact]
    public void Affine_polynomial_without_neurons() => SnapshotGenerated(nameof(Affine_polynomial_without_neurons), """
        using PolyNet;

        public static partial class Physics
        {
            [Hamiltonian("1 - 2*x + y/4")]
            public static partial double Field(double x, double y);
        }
        """);

    [Fact]
    public void Fallback_for_invalid_expression() => SnapshotGenerated(nameof(Fallback_for_invalid_expression), """
        using PolyNet;

        public static partial class Physics
        {
            [Hamiltonian("3x")]
            public static partial double Broken(double x);
        }
        """);

    [Fact]
    public void Fallback_for_non_static_method() => SnapshotGenerated(nameof(Fallback_for_non_static_method), """
        using PolyNet;

        public partial class Physics
        {
            [Hamiltonian("x*y")]
            public partial double Energy(double x, double y);
        }
        """);

    [Fact]
    public void Nested_generic_type_in_file_scoped_namespace() => SnapshotGenerated(nameof(Nested_generic_type_in_file_scoped_namespace), """
        using PolyNet;

        namespace Samples.Lattice;

        public static partial class Outer<T>
            where T : class
        {
            internal partial class Inner<U>
                where U : struct
            {
                [Hamiltonian("x*y - y")]
                internal static partial double Energy(double x, double y);
            }
        }
        """);

    [Fact]
    public void Analyzer_diagnostics_for_a_file_with_several_errors()
    {
        var run = GeneratorHarness.Run("""
            using PolyNet;

            public static partial class Physics
            {
                [Hamiltonian("3x + y")]
                public static partial double Missing(double x, double y);

                [Hamiltonian("x/y")]
                public static partial double Division(double x, double y);

                [Hamiltonian("x*w")]
                public static partial double Unknown(double x, double y);

                [Hamiltonian("x^65")]
                public static partial double TooHigh(double x);

                [Hamiltonian("x*y", InputBound = -1)]
                public static partial double BadBound(double x, double y);

                [Hamiltonian("x*y")]
                public static partial double Mixed(double x, float y);

                [Hamiltonian("x*x")]
                public static partial double Unused(double x, double y);
            }

            public partial class Instance
            {
                [Hamiltonian("x*y")]
                public partial double NotStatic(double x, double y);
            }
            """);
        AssertCompilesWithoutDiagnostics(run.Output);

        var text = new StringBuilder();
        foreach (var diagnostic in GeneratorHarness.Analyze(run.Output, includeSummaries: true))
        {
            var span = diagnostic.Location.GetLineSpan();
            text.Append(diagnostic.Id).Append(' ')
                .Append(diagnostic.DefaultSeverity).Append(' ')
                .Append($"{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}-{span.EndLinePosition.Line + 1}:{span.EndLinePosition.Character + 1} ")
                .Append('[').Append(diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan)).Append("] ")
                .Append(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture))
                .Append('\n');
        }

        Snapshot.Match($"{nameof(Analyzer_diagnostics_for_a_file_with_several_errors)}.diagnostics", text.ToString());
    }

    [Fact]
    public void Snapshot_diff_shows_changed_lines()
    {
        string diff = Snapshot.Diff("a\nb\nc\n", "a\nB\nc\n");
        Assert.Contains("- b", diff, System.StringComparison.Ordinal);
        Assert.Contains("+ B", diff, System.StringComparison.Ordinal);
        Assert.DoesNotContain("- a", diff, System.StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_normalizes_line_endings_and_scrubs_the_version()
    {
        string text = Snapshot.Normalize("x\r\n[global::System.CodeDom.Compiler.GeneratedCode(\"PolyNet.Generators\", \"1.2.3.4\")]\r\n");
        Assert.Equal("x\n[global::System.CodeDom.Compiler.GeneratedCode(\"PolyNet.Generators\", \"{version}\")]\n", text);
    }

    private static void SnapshotGenerated(string test, string source)
    {
        // Run asserts the generator threw nothing and reported no diagnostic of its own.
        var run = GeneratorHarness.Run(source);
        AssertCompilesWithoutDiagnostics(run.Output);
        var file = Assert.Single(run.Sources);
        Snapshot.MatchSource(test, file.HintName, file.SourceText.ToString());
    }

    /// <summary>The generated code compiles without errors or warnings (the harness turns warnings into errors).</summary>
    internal static void AssertCompilesWithoutDiagnostics(CSharpCompilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(emit.Success && problems.Count == 0, "generated code must compile without warnings:\n" + string.Join("\n", problems));
    }
}
