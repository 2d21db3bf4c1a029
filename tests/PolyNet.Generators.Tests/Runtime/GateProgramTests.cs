using System;
using System.Linq;
using System.Runtime.Intrinsics;
using PolyNet.Kernels;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Runtime;

/// <summary>The table kernel against the reference interpreter, inside and far outside the bounds.</summary>
public sealed class GateProgramTests(ITestOutputHelper output)
{
    /// <summary>Networks covering each gate kind: mul, sq, bit, bit feeding mul, odd flat, even and odd flat.</summary>
    public static TheoryData<string> Kinds => new() { "Readme", "Anharmonic", "Spin", "Mixed", "Flat", "FlatEvenAndOdd" };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Scalar_evaluation_agrees_with_the_reference_interpreter(string name)
    {
        var definition = Definition(name);
        var network = new SigmoidNetwork(definition);
        var program = GateProgram.Create(definition);
        Assert.Equal(network.Inputs.Count, program.InputCount);
        var random = new Random(3);
        double worst = 0, worstAbsolute = 0;
        for (int trial = 0; trial < 2000; trial++)
        {
            var inputs = TestNetworks.RandomInputs(network, random);
            double expected = network.Evaluate(inputs), actual = program.Evaluate(inputs);
            worst = Math.Max(worst, Math.Abs(actual - expected) / Math.Max(1, Math.Abs(expected)));
            worstAbsolute = Math.Max(worstAbsolute, Math.Abs(actual - expected));
        }

        output.WriteLine($"{name}: worst |program − reference| = {worstAbsolute:G3}, / max(1, |reference|) = {worst:G3}; MaxError {network.MaxError:G3}");

        // The program computes each gate as the generated code does (e − 1 from e = e^(−p)), whose rounding MaxError
        // covers; the reference interpreter is more accurate. mul, sq and bit gates agree to a few 1e-12; flat products
        // of degree 3 cancel more (four pair terms of ~λ = 0.007 sum to ~λ³), to a few 1e-10.
        Assert.True(worst <= (name.StartsWith("Flat", StringComparison.Ordinal) ? 1e-9 : 5e-12), $"{name}: {worst}");
        Assert.True(worstAbsolute <= network.MaxError, $"{name}: {worstAbsolute} > MaxError {network.MaxError}");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_vector_width_agrees_with_the_scalar_lanes_inside_the_bounds(string name)
    {
        var definition = Definition(name);
        var network = new SigmoidNetwork(definition);
        var program = GateProgram.Create(definition);
        var random = new Random(4);
        for (int trial = 0; trial < 100; trial++)
        {
            // Eight points, one per lane; each width takes the first Count of them.
            var points = Enumerable.Range(0, 8).Select(_ => TestNetworks.RandomInputs(network, random)).ToArray();
            var expected = points.Select(point => program.Evaluate(point)).ToArray();
            Check(Lanes(points, 2, Vector128.Create), v => program.Evaluate<Vector128<double>, Double128, double>(v), (v, i) => v[i], 2);
            Check(Lanes(points, 4, Vector256.Create), v => program.Evaluate<Vector256<double>, Double256, double>(v), (v, i) => v[i], 4);
            Check(Lanes(points, 8, Vector512.Create), v => program.Evaluate<Vector512<double>, Double512, double>(v), (v, i) => v[i], 8);

            void Check<TLane>(TLane[] inputs, Func<TLane[], TLane> evaluate, Func<TLane, int, double> element, int count)
            {
                var actual = evaluate(inputs);
                for (int lane = 0; lane < count; lane++)
                {
                    double difference = Math.Abs(element(actual, lane) - expected[lane]);
                    // Flat products cancel ~λ³ out of their pair terms, which amplifies the vector exp's last-bit differences.
                    double tolerance = name.StartsWith("Flat", StringComparison.Ordinal) ? 1e-9 : 1e-12;
                    Assert.True(difference <= tolerance * Math.Max(1, Math.Abs(expected[lane])), $"{name}, {count} lanes, lane {lane}: {element(actual, lane)} vs {expected[lane]}");
                }
            }
        }

        // A value per input: the gate table reads input k from inputs[k] whatever the lane type.
        static TLane[] Lanes<TLane>(double[][] points, int count, Func<ReadOnlySpan<double>, TLane> create) =>
            Enumerable.Range(0, points[0].Length).Select(k => create(points.Take(count).Select(point => point[k]).ToArray())).ToArray();
    }

    [Fact]
    public void Large_networks_take_their_scratch_from_the_pool_and_agree_with_the_interpreter()
    {
        // 700 gates of Vector512 (64 bytes each) exceed the 16 KiB of stack scratch; the evaluator rents an array.
        var definition = TestNetworks.RandomDag(700, 6, 0, 11);
        var network = new SigmoidNetwork(definition);
        var program = GateProgram.Create(definition);
        var random = new Random(6);
        var inputs = TestNetworks.RandomInputs(network, random);
        Assert.Equal(network.Evaluate(inputs), program.Evaluate(inputs), 1e-9 * Math.Max(1, Math.Abs(network.Evaluate(inputs))));
        var vectors = inputs.Select(Vector512.Create).ToArray();
        Assert.Equal(program.Evaluate(inputs), program.Evaluate<Vector512<double>, Double512, double>(vectors)[5], 1e-9 * Math.Max(1, Math.Abs(program.Evaluate(inputs))));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Scalar_evaluation_stays_finite_far_outside_the_bounds(string name)
    {
        var definition = Definition(name);
        var network = new SigmoidNetwork(definition);
        var program = GateProgram.Create(definition);
        var random = new Random(5);
        foreach (double factor in new[] { 10, 1e3, 1e6, 1e100 })
        {
            for (int trial = 0; trial < 200; trial++)
            {
                var inputs = TestNetworks.RandomInputs(network, random, factor);
                double value = program.Evaluate(inputs);
                Assert.True(double.IsFinite(value), $"{name} at ({string.Join(", ", inputs)}): {value}");
            }
        }

        foreach (double extreme in new[] { double.MaxValue, -double.MaxValue, double.MaxValue / 3 })
        {
            var inputs = Enumerable.Range(0, network.Inputs.Count)
                .Select(i => network.InputKinds[i] == InputKind.Continuous ? (i % 2 == 0 ? extreme : -extreme) : 1).ToArray();
            if (name != "Lattice")
            {
                Assert.True(double.IsFinite(program.Evaluate(inputs)), $"{name} at {extreme}");
            }
        }
    }

    [Fact]
    public void Saturated_gates_give_the_reference_interpreter_s_value()
    {
        // At (1e6, 1e6, 1e6) x*y saturates to scale·(1 − 2σ(b)) and x*y*z (p, q both large) to 0.
        var network = new SigmoidNetwork(SnapshotExpansionTests.Readme);
        var program = GateProgram.Create(SnapshotExpansionTests.Readme);
        double[] inputs = [1e6, 1e6, 1e6];
        double expected = 2877464.652028168 * (1 - (2 / (1 + Math.Exp(2.2924316695611777))));
        Assert.Equal(expected, network.Evaluate(inputs), expected * 1e-15);
        Assert.Equal(expected, program.Evaluate(inputs), expected * 1e-15);
    }

    [Fact]
    public void Evaluate_checks_the_input_count()
    {
        var program = GateProgram.Create(SnapshotExpansionTests.Readme);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => program.Evaluate([1.0, 2.0])).ParamName);
        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => program.Evaluate<double, ScalarDouble, double>([1.0, 2.0, 3.0, 4.0])).ParamName);
    }

    [Fact]
    public void Create_validates_like_the_network()
    {
        var broken = new SigmoidNetworkDefinition { Inputs = ["x"], InputBounds = [1.0], Gates = "%0 = mul x q 1 1 1", Output = "0 %0 1" };
        Assert.Contains("Gates", Assert.Throws<ArgumentException>(() => GateProgram.Create(broken)).Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => GateProgram.Create(null!));
    }

    internal static SigmoidNetworkDefinition Definition(string name) =>
        name == "FlatEvenAndOdd" ? TestNetworks.FlatEvenAndOdd : SnapshotExpansionTests.Case(name).Definition;
}
