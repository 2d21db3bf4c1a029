using System.Linq;
using PolyNet.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Emit;

/// <summary>
/// What the generator writes for ten varied Hamiltonians: total bytes and the longest line, held to a budget.
/// </summary>
public sealed class GeneratedSizeTests(ITestOutputHelper output)
{
    /// <summary>Ten Hamiltonians of every kind the generator compiles: continuous double/float, bits, spins, a depth limit.</summary>
    public const string TenHamiltonians = """
        using PolyNet;

        public static partial class Ten
        {
            [Hamiltonian("x*y + 3*x*y*z")]
            public static partial double Energy(double x, double y, double z);

            [Hamiltonian("x*y + 3*x*y*z")]
            public static partial float EnergyF(float x, float y, float z);

            [Hamiltonian("a*b*c*d*e*f*g*h")]
            public static partial double Product8(double a, double b, double c, double d, double e, double f, double g, double h);

            [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 0.1*(x^4 + y^4 + z^4) - 0.3*x*y*z", InputBound = 2)]
            public static partial double Oscillator(double x, double y, double z);

            [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 0.1*(x^4 + y^4 + z^4) - 0.3*x*y*z", InputBound = 2)]
            public static partial float OscillatorF(float x, float y, float z);

            [Hamiltonian("-s1*s2 - s2*s3 - s3*s4 - s4*s5 - s5*s6 - s6*s7 - s7*s8 - s8*s1 - 0.5*s1")]
            public static partial double SpinRing([Spin] int s1, [Spin] int s2, [Spin] int s3, [Spin] int s4,
                                                  [Spin] int s5, [Spin] int s6, [Spin] int s7, [Spin] int s8);

            [Hamiltonian("2*a*b*c - 3*b*c*d + a*d*e + 0.5*a*b - c + 1")]
            public static partial double Bits(bool a, bool b, bool c, bool d, bool e);

            [Hamiltonian("a*b*c*d*e*f", MaxHiddenLayers = 2)]
            public static partial double Shallow(double a, double b, double c, double d, double e, double f);

            [Hamiltonian("u^7 - 3*u^2*v + v^3")]
            public static partial double Powers(double u, double v);

            [Hamiltonian("x*s1*s2 + 0.5*y*a + x*y*s1 - 0.3*x^2*b + a*b*s2 + 0.7*x - s1", InputBound = 2)]
            public static partial double Mixed(double x, double y, bool a, bool b, [Spin] int s1, [Spin] int s2);
        }
        """;

    [Fact]
    public void Ten_hamiltonians_generate_small_files_with_short_lines()
    {
        var run = GeneratorHarness.Run(TenHamiltonians);
        Assert.Equal(10, run.Sources.Count);
        int total = 0, longest = 0;
        foreach (var source in run.Sources.OrderBy(s => s.HintName, System.StringComparer.Ordinal))
        {
            string text = source.SourceText.ToString();
            int bytes = System.Text.Encoding.UTF8.GetByteCount(text);
            int line = text.Split('\n').Max(l => l.TrimEnd('\r').Length);
            output.WriteLine($"{source.HintName}: {bytes} bytes, longest line {line}");
            total += bytes;
            longest = System.Math.Max(longest, line);
        }

        output.WriteLine($"total {total} bytes, longest line {longest}");

        // Before the lane-generic forward pass the same ten generated 361,788 bytes with lines up to 1,148 characters.
        Assert.True(total <= 235_162, $"{total} bytes: more than 0.65× the 361,788 of the unrolled-per-width emitter");
        Assert.True(longest <= IndentedWriter.MaxLineLength, $"a generated line of {longest} characters");
    }

    [Fact]
    public void A_network_of_thousands_of_neurons_is_emitted_as_a_gate_table_of_a_few_bytes_per_neuron()
    {
        var run = GeneratorHarness.Run("""
            using PolyNet;
            public static partial class Big
            {
                [Hamiltonian("(x + y + z + w)^20")]
                public static partial double Energy(double x, double y, double z, double w);
            }
            """);
        string text = Assert.Single(run.Sources).SourceText.ToString();
        var network = (SigmoidNetwork)GeneratorHarness.CompileAndLoad(run.Output).GetType("Big")!.GetProperty("EnergyNetwork")!.GetValue(null)!;
        int bytes = System.Text.Encoding.UTF8.GetByteCount(text);
        output.WriteLine($"(x+y+z+w)^20: {network.NeuronCount} neurons, {bytes} bytes ({(double)bytes / network.NeuronCount:F1} per neuron)");
        Assert.Contains("GateProgram.Create(", text, System.StringComparison.Ordinal);
        Assert.True(bytes <= 1_000_000, $"{bytes} bytes");
        Assert.True(text.Split('\n').Max(l => l.TrimEnd('\r').Length) <= IndentedWriter.MaxLineLength);
    }
}
