using System.Linq;
using System.Reflection;

namespace PolyNet.Generators.Tests.Infrastructure;

public sealed class HarnessSmokeTests
{
    [Fact]
    public void Readme_example_compiles_runs_and_describes_eight_neurons_in_two_layers()
    {
        var assembly = GeneratorHarness.BuildAndLoad("""
            using PolyNet;
            public static partial class Physics
            {
                [Hamiltonian("x*y + 3*x*y*z")]
                public static partial double Energy(double x, double y, double z);
            }
            """);
        var type = assembly.GetType("Physics")!;
        double value = (double)type.GetMethod("Energy", [typeof(double), typeof(double), typeof(double)])!.Invoke(null, [0.5, -0.25, 0.75])!;
        var network = (SigmoidNetwork)type.GetProperty("EnergyNetwork")!.GetValue(null)!;
        Assert.Equal(8, network.NeuronCount);
        Assert.Equal(2, network.HiddenLayers);
        Assert.Equal("x*y + 3*x*y*z", network.Polynomial);
        double exact = (0.5 * -0.25) + (3 * 0.5 * -0.25 * 0.75);
        Assert.InRange(System.Math.Abs(value - exact), 1e-14, network.MaxError);
    }
}
