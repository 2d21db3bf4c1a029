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
