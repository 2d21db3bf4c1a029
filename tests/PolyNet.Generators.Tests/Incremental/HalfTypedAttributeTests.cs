using System.Linq;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Incremental;

/// <summary>Every prefix of code being typed: the generator and the analyzer never throw.</summary>
public sealed class HalfTypedAttributeTests
{
    private const string Full = """using PolyNet; public static partial class P { [Hamiltonian("x*y + 3*x*y*z", InputBound = 2.5)] public static partial double E([Bound(3)] double x, double y, double z); }""";

    [Fact]
    public void Every_prefix_of_the_declaration_is_handled()
    {
        for (int length = 0; length <= Full.Length; length++)
        {
            CheckQuietly(Full[..length]);
        }
    }

    [Fact]
    public void Every_prefix_of_the_expression_is_handled()
    {
        const string Expression = "3*x*y + (x - 2.5e-3*y)^2/4 - z^64 + @y";
        for (int length = 0; length <= Expression.Length; length++)
        {
            CheckQuietly(Full.Replace("x*y + 3*x*y*z", Expression[..length], System.StringComparison.Ordinal));
        }
    }

    /// <summary>Bits, spins, a depth limit and mixed kinds, typed character by character.</summary>
    [Theory]
    [InlineData("""using PolyNet; public static partial class S { [Hamiltonian("-s1*s2 + 0.5*a*x - s2 + a*b", MaxHiddenLayers = 1)] public static partial double E([Spin] int s1, [Spin] sbyte s2, bool a, bool b, [Bound(2)] double x); }""")]
    [InlineData("""using PolyNet; public static partial class S { [Hamiltonian("x*y*s + b")] public static partial float F(float x, float y, [Spin] sbyte s, bool b); }""")]
    [InlineData("""using System; using PolyNet; public static partial class S { [Category("sunny", "0.5*(t - 1)^2 + 2*h^2", Prior = 0.6)] [Category("rainy", "t*h*s", Prior = 0.4)] [Classifier(InputBound = 2)] public static partial int F(double t, double h, [Spin] int s, Span<double> p); }""")]
    public void Every_prefix_of_a_bit_and_spin_declaration_is_handled(string full)
    {
        for (int length = 0; length <= full.Length; length++)
        {
            CheckQuietly(full[..length]);
        }
    }

    private static void CheckQuietly(string source)
    {
        var compilation = GeneratorHarness.CreateCompilation(source);
        var driver = GeneratorHarness.CreateDriver(trackSteps: false).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        Assert.All(driver.GetRunResult().Results, r => Assert.Null(r.Exception));
        Assert.DoesNotContain(diagnostics, d => d.Id == "CS8785");
        _ = GeneratorHarness.Analyze(output);
        Assert.DoesNotContain(output.GetDiagnostics(), d => d.Id is "CS8785" or "CS8795" && source.Contains(';', System.StringComparison.Ordinal) && source.EndsWith('}'));
    }
}
