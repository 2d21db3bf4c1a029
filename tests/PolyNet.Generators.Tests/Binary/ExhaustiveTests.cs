using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using PolyNet.Generators.Tests.CompileAndRun;
using PolyNet.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Binary;

/// <summary>
/// Bit and spin Hamiltonians generated, compiled with warnings as errors, loaded and run on EVERY configuration
/// (2^n, n ≤ 12), compared with exact rational energies and with the neuron-by-neuron interpreter.
/// </summary>
public sealed class ExhaustiveTests(ITestOutputHelper output)
{
    internal static readonly Lazy<Type> Compiled = new(() => GeneratorHarness.BuildAndLoad(Source()).GetType("Binary")!);

    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (var @case in BinaryCase.Exhaustive)
        {
            data.Add(@case.Name, true);
            data.Add(@case.Name, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_configuration_is_within_MaxError_of_the_exact_energy(string name, bool isDouble)
    {
        var @case = BinaryCase.Exhaustive.Single(c => c.Name == name);
        string method = name + (isDouble ? "D" : "F");
        var energy = Compiled.Value.GetMethods().Single(m => m.Name == method && m.ReturnType != typeof(void));
        var network = (SigmoidNetwork)Compiled.Value.GetProperty(method + "Network")!.GetValue(null)!;
        var exact = new ExactPolynomial(@case.Expression, @case.Variables);
        double scale = exact.Scale(Enumerable.Repeat(1.0, @case.Count).ToArray());
        string spinType = isDouble ? "int" : "sbyte";

        double worst = 0, worstParity = 0;
        for (int index = 0; index < 1 << @case.Count; index++)
        {
            double[] configuration = @case.Configuration(index);
            object result = energy.Invoke(null, @case.Arguments(configuration, spinType))!;
            double value = isDouble ? (double)result : (float)result;
            var truth = exact.Evaluate(configuration);
            double error = ExactPolynomial.Distance(value, truth);
            Assert.True(error <= network.MaxError, $"{method} at configuration {index}: |network − exact| = {error:E3} > MaxError {network.MaxError:E3}");
            Assert.Equal(truth.ToDouble(), network.EvaluatePolynomial(configuration), 1e-13 * scale);
            worst = Math.Max(worst, error);
            worstParity = Math.Max(worstParity, Math.Abs(network.Evaluate(configuration) - value));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {method} | {network.NeuronCount} | {network.HiddenLayers} | MaxError {network.MaxError:E2} ({network.MaxError / scale:E2}·S) | worst {worst:E2} ({worst / scale:E2}·S) | |interpreter − generated| {worstParity:E2} |"));
        Assert.Equal(@case.ExpectedNeurons, network.NeuronCount);
        Assert.Equal(1, network.HiddenLayers);
        Assert.True(network.MaxError <= (isDouble ? 1e-12 : 1e-6) * scale, $"MaxError {network.MaxError:E3} > {(isDouble ? "1e-12" : "1e-6")}·S, S = {scale}");
        Assert.True(worstParity <= (isDouble ? 1e-13 * scale : network.MaxError), $"|interpreter − generated| = {worstParity:E3}");
        Assert.All(network.InputKinds, kind => Assert.NotEqual(InputKind.Continuous, kind));
    }

    [Fact]
    public void The_polynomial_is_reduced_and_stays_in_the_users_variables()
    {
        var lattice = (SigmoidNetwork)Compiled.Value.GetProperty("LatticeDNetwork")!.GetValue(null)!;
        Assert.StartsWith("-s1*s2 - s1*s3 - s1*s4", lattice.Polynomial, StringComparison.Ordinal);
        var bits = (SigmoidNetwork)Compiled.Value.GetProperty("ThreeBodyDNetwork")!.GetValue(null)!;
        Assert.DoesNotContain("^", bits.Polynomial, StringComparison.Ordinal);
        Assert.Contains("- 0.5*c*e", bits.Polynomial, StringComparison.Ordinal);
        Assert.Equal([InputKind.Spin], lattice.InputKinds.Distinct());
        Assert.Equal([InputKind.Bit], bits.InputKinds.Distinct());
    }

    [Fact]
    public void The_generated_code_evaluates_one_sigmoid_per_neuron()
    {
        var run = GeneratorHarness.Run(Source());
        foreach (var @case in BinaryCase.Exhaustive)
        {
            // One neuron per gate: up to 48 gates Forward is unrolled with one Sigmoid, or one preactivation whose few
            // possible values select σ (BitProductLevels), per neuron (written once for every lane type); beyond that the
            // gate table runs as a program and there is no per-neuron code.
            string source = run.SourceText($"Binary.{@case.Name}D.");
            int neurons = ((SigmoidNetwork)Compiled.Value.GetProperty(@case.Name + "DNetwork")!.GetValue(null)!).NeuronCount;
            bool unrolled = neurons <= 48;
            int picked = System.Text.RegularExpressions.Regex.Matches(source, @"var t[0-9]+ = ").Count;
            Assert.Equal(unrolled ? neurons : 0, source.Split(".Sigmoid(").Length - 1 + picked);
            Assert.Equal(!unrolled, source.Contains("GateProgram.Create(", StringComparison.Ordinal));
        }
    }

    internal static string Source()
    {
        var text = new System.Text.StringBuilder("using PolyNet;\n\npublic static partial class Binary\n{\n");
        foreach (var @case in BinaryCase.Exhaustive)
        {
            text.Append(@case.Declaration(@case.Name + "D", "double", "int"));
            text.Append(@case.Declaration(@case.Name + "F", "float", "sbyte"));
        }

        return text.Append("}\n").ToString();
    }
}
