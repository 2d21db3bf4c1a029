using System;
using System.IO;
using System.Linq;
using PolyNet.Cli;
using PolyNet.Generators.Tests.Architecture;

namespace PolyNet.Generators.Tests.Cli;

/// <summary>The polynet tool's commands, run in-process: what they print, and their exit codes (0 done, 1 diagnostics, 2 usage).</summary>
public sealed class PolyNetCommandTests
{
    /// <summary>`polynet inspect "a*b*c*d*e*f*g*h" --layers 1`, verbatim: README's "Command-line tool" shows the same text.</summary>
    private const string EightFoldProductInOneLayer = """
        expression        a*b*c*d*e*f*g*h
        polynomial        a*b*c*d*e*f*g*h
        inputs            a, b, c, d, e, f, g, h
        bounds            |input| <= 1
        precision         double
        depth limit       MaxHiddenLayers = 1
        neurons           256
        hidden layers     1
        synapses          2,304
        MaxError          1.78e-4
        MaxGradientError  1.66e-4

        warning PNET100: Flattening a*b*c*d*e*f*g*h into 1 hidden layer costs 256 neurons, 9.1× the deep network's 28 in 3 layers, and raises the error bound from 3.9e-12 to 1.8e-4

        cost of every depth (neurons by the cost model, × the deep network's):
          layers  neurons  × deep  MaxError
               1      256    9.14  1.78e-4   --layers
               2       28    1.00  4.98e-9   shallowest within 2× of deep
               3       28    1.00  3.89e-12  deep

        """;

    [Fact]
    public void Inspect_prints_the_flattening_table_verbatim()
    {
        var (exit, output, error) = Run("inspect", "a*b*c*d*e*f*g*h", "--layers", "1");

        Assert.Equal(0, exit);
        Assert.Equal(string.Empty, error);
        Assert.Equal(Lf(EightFoldProductInOneLayer), Lf(output));
    }

    [Fact]
    public void Readme_shows_the_inspect_output_verbatim()
    {
        string readme = Lf(File.ReadAllText(Path.Combine(StageDependencyTests.RepositoryRoot(), "README.md")));
        Assert.Contains("$ polynet inspect \"a*b*c*d*e*f*g*h\" --layers 1\n" + Lf(EightFoldProductInOneLayer).TrimEnd('\n') + "\n```", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Inspect_of_the_readme_example_matches_the_generated_network()
    {
        var (exit, output, _) = Run("inspect", "x*y + 3*x*y*z");

        Assert.Equal(0, exit);
        Assert.Contains("polynomial        x*y + 3*x*y*z\n", Lf(output), StringComparison.Ordinal);
        Assert.Contains("neurons           8\n", Lf(output), StringComparison.Ordinal);
        Assert.Contains("hidden layers     2\n", Lf(output), StringComparison.Ordinal);
        Assert.Contains("MaxError          3.9e-12\n", Lf(output), StringComparison.Ordinal);
        Assert.Matches(@"\n\s+1\s+12\s+1\.50\s+\S+\s+shallowest within 2× of deep\n\s+2\s+8\s+1\.00\s+3\.9e-12\s+deep\n$", Lf(output));
    }

    [Fact]
    public void Syntax_error_prints_the_diagnostic_and_a_caret_under_the_offending_characters()
    {
        var (exit, output, error) = Run("inspect", "3x");

        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal("error PNET001: missing '*' between 3 and x\n  3x\n  ^^\n", Lf(error));
    }

    [Fact]
    public void Caret_points_into_the_line_of_a_multi_line_expression_and_keeps_its_tabs()
    {
        var (exit, _, error) = Run("inspect", "x*y +\n\t3*x*y*z +");

        Assert.Equal(1, exit);
        Assert.Equal("error PNET001: expected a number, a variable or '(' after '+'\n  \t3*x*y*z +\n  \t        ^\n", Lf(error));
    }

    [Fact]
    public void Depth_limit_over_the_flat_degree_limit_is_PNET101()
    {
        var (exit, _, error) = Run("inspect", "x^64", "--layers", "1");

        Assert.Equal(1, exit);
        Assert.StartsWith("error PNET101: flattening x^64 into 1 hidden layer needs a flat product of degree 64", error, StringComparison.Ordinal);
        Assert.EndsWith("  x^64\n  ^^^^\n", Lf(error), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "inspect", "x*y", "--frob" }, "error: Unrecognized command or argument '--frob'.")]
    [InlineData(new[] { "inspect" }, "error: Required argument 'expression' missing for command: 'inspect'.")]
    [InlineData(new string[0], "error: Required command was not provided.")]
    [InlineData(new[] { "inspect", "x*y", "--bound", "-1" }, "error: --bound must be positive and finite, not -1")]
    [InlineData(new[] { "inspect", "x*y", "--bound", "two" }, "error: 'two' is not a number")]
    [InlineData(new[] { "inspect", "x*y", "--layers", "-1" }, "error: --layers must be 0 (the deep network) or more, not -1")]
    [InlineData(new[] { "inspect", "x*y", "--spin", "q" }, "error: 'q' is not a variable of the expression (its variables: x, y)")]
    [InlineData(new[] { "inspect", "x*y", "--spin", "x", "--bits", "x" }, "error: 'x' is given both as a spin and as a bit")]
    public void Usage_errors_exit_with_2(string[] args, string message)
    {
        var (exit, output, error) = Run(args);

        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith(message + "\n", Lf(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Bound_is_read_in_the_invariant_culture_whatever_the_current_one()
    {
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            var (exit, output, _) = Run("inspect", "x*y", "--bound", "2.5");

            Assert.Equal(0, exit);
            Assert.Contains("bounds            |input| <= 2.5\n", Lf(output), StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }
    }

    [Fact]
    public void Spins_and_bits_compile_to_one_layer_without_a_depth_table()
    {
        var (exit, output, _) = Run("inspect", "s*t + 2*t*u - b*x", "--spin", "s,t,u", "--bits", "b", "--float");

        Assert.Equal(0, exit);
        Assert.Contains("inputs            s (spin), t (spin), u (spin), b (bit), x\n", Lf(output), StringComparison.Ordinal);
        Assert.Contains("bounds            |input| <= 1; spins are -1 or +1; bits are 0 or 1\n", Lf(output), StringComparison.Ordinal);
        Assert.Contains("precision         float\n", Lf(output), StringComparison.Ordinal);
        Assert.Contains("with bits or spins the network has one hidden layer: a depth limit does not apply", output, StringComparison.Ordinal);
        Assert.DoesNotContain("cost of every depth", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Depths_over_the_limits_are_costed_and_not_built()
    {
        string product = string.Join("*", Enumerable.Range(0, 40).Select(i => $"x{i}"));
        var (exit, output, _) = Run("inspect", product);

        Assert.Equal(0, exit);
        Assert.Matches(@"\n\s+1\s+1,099,511,627,776\s+7\.05e9\s+over 100,000 neurons\n", Lf(output));
    }

    [Fact]
    public void Depths_whose_network_shares_neurons_say_what_was_built()
    {
        var (exit, output, _) = Run("inspect", "(x+y+z+w)^6 + (a+b+c)^8");

        Assert.Equal(0, exit);
        Assert.Matches(@"\n\s+1\s+2,968\s+4\.73\s+\S+\s+built with [\d,]+ neurons \(shared\)\n", Lf(output));
    }

    [Theory]
    [InlineData(3.894e-12, "3.89e-12")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.00346, "0.00346")]
    [InlineData(156.04, "156")]
    [InlineData(1092.27, "1,092")]
    [InlineData(7048151460.1, "7.05e9")]
    [InlineData(0, "0")]
    [InlineData(double.NaN, "NaN")]
    public void Numbers_print_with_about_three_significant_digits(double value, string text) =>
        Assert.Equal(text, InspectCommand.Number(value));

    [Fact]
    public void The_network_is_the_runtime_network_the_generator_describes()
    {
        var request = new NetworkRequest("x*y + 3*x*y*z - 0.5*z^2", 2, NumericPrecision.Double, 0, [], []);
        var compilation = NetworkCompilation.Compile(request);
        var network = compilation.Network!;

        Assert.Equal(["x", "y", "z"], network.Inputs);
        Assert.Equal(compilation.Compiled.Network!.NeuronCount, network.NeuronCount);
        Assert.Equal(compilation.Compiled.Network.MaxError, network.MaxError);
        Assert.Equal(compilation.Compiled.MaxGradientError, network.MaxGradientError);
        double[] point = [1.5, -0.75, 1.25];
        Assert.InRange(Math.Abs(network.Evaluate(point) - network.EvaluatePolynomial(point)), 0, network.MaxError);
        Assert.Equal(point[0] * point[1] + (3 * point[0] * point[1] * point[2]) - (0.5 * point[2] * point[2]), network.EvaluatePolynomial(point), 12);
    }

    [Fact]
    public void Export_writes_json_that_reads_back_and_both_diagrams()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"polynet-export-{Guid.NewGuid():N}");
        try
        {
            string json = Path.Combine(folder, "energy.json"), dot = Path.Combine(folder, "diagrams", "energy.dot"), mermaid = Path.Combine(folder, "energy.mmd");
            var (exit, output, error) = Run("export", "x*y + 3*x*y*z", "--json", json, "--dot", dot, "--mermaid", mermaid, "--weights");

            Assert.Equal(0, exit);
            Assert.Equal(string.Empty, error);
            Assert.StartsWith("x*y + 3*x*y*z: 8 neurons in 2 hidden layers, 36 synapses, MaxError 3.9e-12\nwrote ", Lf(output), StringComparison.Ordinal);
            var expected = NetworkCompilation.Compile(new NetworkRequest("x*y + 3*x*y*z", 1, NumericPrecision.Double, 0, [], [])).Network!;
            Assert.Equal(expected.ToJson(), File.ReadAllText(json));
            var read = SigmoidNetwork.FromJson(File.ReadAllText(json));
            Assert.Equal(8, read.NeuronCount);
            Assert.Equal(expected.Evaluate([0.5, -0.25, 0.75]), read.Evaluate([0.5, -0.25, 0.75]));
            Assert.Equal(expected.ToDot(new DiagramOptions { ShowWeights = true }), File.ReadAllText(dot));
            Assert.Equal(expected.ToMermaid(new DiagramOptions { ShowWeights = true }), File.ReadAllText(mermaid));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Export_writes_the_onnx_model_with_its_own_bound_and_refuses_flat_products()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"polynet-export-{Guid.NewGuid():N}");
        try
        {
            string model = Path.Combine(folder, "energy.onnx");
            var (exit, output, error) = Run("export", "x*y + 3*x*y*z", "--onnx", model);

            Assert.Equal(0, exit);
            Assert.Equal(string.Empty, error);
            var network = NetworkCompilation.Compile(new NetworkRequest("x*y + 3*x*y*z", 1, NumericPrecision.Double, 0, [], [])).Network!;
            using var expected = new MemoryStream();
            var result = PolyNet.Onnx.OnnxExport.ExportOnnx(network, expected);
            Assert.Equal(expected.ToArray(), File.ReadAllBytes(model));
            Assert.EndsWith(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"(ONNX, {expected.Length:N0} bytes, the model's own MaxError {InspectCommand.Number(result.MaxError)})\n"), Lf(output), StringComparison.Ordinal);

            (exit, _, error) = Run("export", "a*b*c", "--layers", "1", "--onnx", Path.Combine(folder, "flat.onnx"));
            Assert.Equal(1, exit);
            Assert.Contains("as ONNX: flat products (MaxHiddenLayers) are not exported", error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder, "flat.onnx")));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public void Export_of_a_bad_expression_writes_nothing()
    {
        string file = Path.Combine(Path.GetTempPath(), $"polynet-export-{Guid.NewGuid():N}.json");
        var (exit, _, error) = Run("export", "x*/y", "--json", file);

        Assert.Equal(1, exit);
        Assert.StartsWith("error PNET001: ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Theory]
    [InlineData(new[] { "export", "x*y" }, "error: name at least one file to write: --onnx, --json, --dot or --mermaid")]
    [InlineData(new[] { "export", "x*y", "--json", "n.json", "--weights" }, "error: --weights labels the diagrams; add --dot or --mermaid")]
    public void Export_usage_errors_exit_with_2(string[] args, string message)
    {
        var (exit, _, error) = Run(args);

        Assert.Equal(2, exit);
        Assert.StartsWith(message + "\n", Lf(error), StringComparison.Ordinal);
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exit = PolyNetCommand.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string Lf(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}
