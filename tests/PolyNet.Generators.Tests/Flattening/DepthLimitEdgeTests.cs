using System.Collections.Immutable;
using System.Linq;
using PolyNet.Generators.Network;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Flattening;

/// <summary>Depth limits on input the flattening does not handle, or that is still being typed: nothing throws.</summary>
public sealed class DepthLimitEdgeTests
{
    [Fact]
    public void Bits_and_spins_keep_their_network_under_a_depth_limit()
    {
        foreach (var kind in new[] { VariableKind.Bit, VariableKind.Spin })
        {
            var input = new HamiltonianInput(
                "x*y*z*w",
                new[] { "x", "y", "z", "w" },
                new[] { 1.0, 1.0, 1.0, 1.0 },
                new[] { kind, VariableKind.Continuous, VariableKind.Continuous, VariableKind.Continuous },
                NumericPrecision.Double,
                MaxHiddenLayers: 1);
            var limited = HamiltonianCompiler.Compile(input);
            var unlimited = HamiltonianCompiler.Compile(input with { MaxHiddenLayers = 0 });
            Assert.Equal(unlimited.Succeeded, limited.Succeeded);
            Assert.Equal(unlimited.Network?.NeuronCount, limited.Network?.NeuronCount);
            Assert.Null(FlatteningAdvice.For(input, default));
        }
    }

    [Theory]
    [InlineData("x", 1)]
    [InlineData("2 + 3*x - y", 1)]
    [InlineData("x^2", 1)]
    [InlineData("x*y", 5)]
    [InlineData("x^16", 1)]
    [InlineData("x^15*y", 1)]
    [InlineData("x^8*y^8", 2)]
    public void Limits_that_change_nothing_or_reach_the_degree_limit_compile(string expression, int layers)
    {
        var input = HamiltonianInput.Continuous(expression, ["x", "y"], [1.0, 1.0], NumericPrecision.Double) with { MaxHiddenLayers = layers };
        var compiled = HamiltonianCompiler.Compile(input);
        Assert.True(compiled.Succeeded, string.Join("; ", compiled.Errors.Select(e => e.Message)));
        Assert.True(compiled.Network!.HiddenLayers <= layers);
        Assert.True(compiled.Network.MaxError > 0 && compiled.Network.MaxError < double.PositiveInfinity);
    }

    [Fact]
    public void Every_prefix_of_a_depth_limited_attribute_is_handled()
    {
        const string Full = """using PolyNet; public static partial class P { [Hamiltonian("a*b*c*d*e", MaxHiddenLayers = 1)] public static partial double E(double a, double b, double c, double d, double e); }""";
        int start = Full.IndexOf("MaxHiddenLayers", System.StringComparison.Ordinal);
        for (int length = start - 2; length <= Full.Length; length++)
        {
            var compilation = GeneratorHarness.CreateCompilation(Full[..length]);
            var driver = GeneratorHarness.CreateDriver(trackSteps: false).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
            Assert.All(driver.GetRunResult().Results, r => Assert.Null(r.Exception));
            Assert.DoesNotContain(diagnostics, d => d.Id == "CS8785");
            _ = GeneratorHarness.Analyze(output, includeSummaries: true);
        }
    }
}
