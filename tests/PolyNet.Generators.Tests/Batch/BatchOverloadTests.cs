using System;
using System.Linq;
using System.Reflection;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Batch;

/// <summary>Argument validation and aliasing of the generated batch overloads (in-process).</summary>
public sealed class BatchOverloadTests
{
    private const string Source = """
        using PolyNet;
        public static partial class Batch
        {
            [Hamiltonian("x*y + 3*x*y*z")]
            public static partial double Energy(double x, double y, double z);

            [Hamiltonian("x*y*z")]
            public static partial float Product(float x, float y, float z);

            [Hamiltonian("2.5")]
            public static partial double Constant();

            [Hamiltonian("x^2 - destination", InputBound = 2)]
            internal static partial double Named(double x, double destination);
        }
        """;

    private static readonly Lazy<Type> Compiled = new(() => GeneratorHarness.BuildAndLoad(Source).GetType("Batch")!);

    private delegate void Batch3(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<double> destination);

    private static Batch3 Energy => Compiled.Value.GetMethods().Single(m => m.Name == "Energy" && m.ReturnType == typeof(void)).CreateDelegate<Batch3>();

    private static Func<double, double, double, double> EnergyScalar => Compiled.Value.GetMethod("Energy", [typeof(double), typeof(double), typeof(double)])!.CreateDelegate<Func<double, double, double, double>>();

    [Theory]
    [InlineData(4, 5, 5, 5, "x")]
    [InlineData(5, 4, 5, 5, "y")]
    [InlineData(5, 5, 6, 5, "z")]
    [InlineData(5, 5, 5, 4, "destination")]
    public void A_length_mismatch_names_the_parameter_and_writes_nothing(int x, int y, int z, int destination, string expected)
    {
        var output = Enumerable.Repeat(-7.0, destination).ToArray();
        var error = Assert.Throws<ArgumentException>(() => Energy(new double[x], new double[y], new double[z], output));
        Assert.Equal(expected, error.ParamName);
        Assert.All(output, v => Assert.Equal(-7.0, v));
    }

    [Fact]
    public void Overlap_at_another_offset_is_refused_before_writing()
    {
        var buffer = Enumerable.Range(0, 40).Select(i => i / 40.0).ToArray();
        var before = (double[])buffer.Clone();
        var error = Assert.Throws<ArgumentException>(() => Energy(buffer.AsSpan(1, 30), new double[30], new double[30], buffer.AsSpan(0, 30)));
        Assert.Equal("x", error.ParamName);
        Assert.Contains("overlaps", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, buffer);
    }

    [Fact]
    public void In_place_computation_equals_separate_buffers()
    {
        var random = new Random(3);
        var x = Enumerable.Range(0, 37).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
        var y = Enumerable.Range(0, 37).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
        var z = Enumerable.Range(0, 37).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
        var separate = new double[37];
        Energy(x, y, z, separate);
        var inPlace = (double[])x.Clone();
        Energy(inPlace, y, z, inPlace);
        Assert.Equal(separate, inPlace);
        for (int i = 0; i < 37; i++)
        {
            Assert.Equal(EnergyScalar(x[i], y[i], z[i]), separate[i], 1e-10);
        }
    }

    [Fact]
    public void Float_overload_and_constant_and_renamed_destination_exist()
    {
        var product = Compiled.Value.GetMethods().Single(m => m.Name == "Product" && m.ReturnType == typeof(void));
        Assert.Equal(typeof(ReadOnlySpan<float>), product.GetParameters()[0].ParameterType);
        Assert.Equal("destination", product.GetParameters()[3].Name);

        var constant = Compiled.Value.GetMethods().Single(m => m.Name == "Constant" && m.ReturnType == typeof(void));
        var fill = constant.CreateDelegate<SpanAction>();
        var values = new double[9];
        fill(values);
        Assert.All(values, v => Assert.Equal(2.5, v));

        // A parameter called "destination" pushes the batch destination to another name; same accessibility.
        var named = Compiled.Value.GetMethods(BindingFlags.NonPublic | BindingFlags.Static).Single(m => m.Name == "Named" && m.ReturnType == typeof(void));
        Assert.True(named.IsAssembly);
        Assert.Equal(new[] { "x", "destination", "destinationSpan" }, named.GetParameters().Select(p => p.Name!).ToArray());
    }

    private delegate void SpanAction(Span<double> destination);
}
