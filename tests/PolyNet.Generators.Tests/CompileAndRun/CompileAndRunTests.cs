using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Threading;
using PolyNet.Generators.Emit;
using PolyNet.Generators.Network;
using PolyNet.Generators.Parse;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Spec;
using PolyNet.Generators.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.CompileAndRun;

/// <summary>
/// Generated code compiled with warnings as errors, loaded and executed for a table of Hamiltonians, compared
/// with exact rational arithmetic and with the neuron-by-neuron interpreter.
/// </summary>
public sealed class CompileAndRunTests(ITestOutputHelper output)
{
    private const int RandomPoints = 300;

    private static readonly Lazy<Assembly> Compiled = new(() => GeneratorHarness.BuildAndLoad(TableSource()));

    [Fact]
    public void Double_networks_stay_within_MaxError_of_exact_arithmetic_and_MaxError_within_1e_10_S()
    {
        var rows = HamiltonianCase.Table.Select((c, i) => Measure(c, $"D{i}", isDouble: true)).ToList();
        Report(rows);
        Assert.All(rows, row =>
        {
            Assert.True(row.WorstError <= row.Network.MaxError, $"{row.Case.Expression}: measured {row.WorstError:E3} > MaxError {row.Network.MaxError:E3}");
            Assert.True(row.WorstInterpreterError <= row.Network.MaxError, $"{row.Case.Expression}: interpreter {row.WorstInterpreterError:E3} > MaxError");
            Assert.True(row.WorstParity <= 2e-12 * row.Scale, $"{row.Case.Expression}: |generated − interpreter| {row.WorstParity:E3} > 2e-12·S");
            Assert.True(row.Network.MaxError <= 1e-10 * row.Scale, $"{row.Case.Expression}: MaxError {row.Network.MaxError:E3} > 1e-10·S = {1e-10 * row.Scale:E3}");
        });
    }

    [Fact]
    public void Float_networks_stay_within_MaxError_of_exact_arithmetic()
    {
        var rows = HamiltonianCase.Table.Select((c, i) => Measure(c, $"F{i}", isDouble: false)).ToList();
        Report(rows);
        Assert.All(rows, row =>
        {
            Assert.True(row.WorstError <= row.Network.MaxError, $"{row.Case.Expression}: measured {row.WorstError:E3} > MaxError {row.Network.MaxError:E3}");
            Assert.Equal(NetworkPrecision.Single, row.Network.Precision);
        });
    }

    [Fact]
    public void Float_MaxError_is_within_1e_4_S()
    {
        var rows = HamiltonianCase.Table.Select((c, i) => Measure(c, $"F{i}", isDouble: false)).ToList();
        Assert.All(rows, row => Assert.True(row.Network.MaxError <= 1e-4 * row.Scale, $"{row.Case.Expression}: MaxError {row.Network.MaxError:E3} > 1e-4·S = {1e-4 * row.Scale:E3}"));
    }

    /// <summary>
    /// The bound is not vacuous: within 10× of the worst error found. Random points rarely align the worst-case
    /// roundings the bound covers, so the worst is searched for: hill climbing from the worst random points.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void MaxError_is_within_10x_of_the_searched_worst_error(bool isDouble)
    {
        var rows = HamiltonianCase.Table.Select((c, i) => Measure(c, (isDouble ? "D" : "F") + i, isDouble, searchWorst: true)).ToList();
        Report(rows);
        Assert.All(rows, row => Assert.True(row.Network.MaxError <= 10 * row.WorstError, $"{row.Case.Expression} ({(isDouble ? "double" : "float")}): MaxError {row.Network.MaxError:E3} is more than 10× the worst error found {row.WorstError:E3}"));
    }

    /// <summary>
    /// With a deliberately coarse gate scale (λ = 0.05) the network's own error is ~1e-6, far above rounding:
    /// the emitted code must then agree with the interpreter of its weights, not with the polynomial.
    /// </summary>
    [Fact]
    public void Emitted_code_evaluates_the_network_not_the_polynomial()
    {
        string[] variables = ["x", "y", "z"];
        const string Expression = "x*y + 3*x*y*z + x^2";
        string source = $$"""
            using PolyNet;
            public static partial class Coarse
            {
                [Hamiltonian("{{Expression}}")]
                public static partial double Energy(double x, double y, double z);
            }
            """;
        var type = GeneratorHarness.BuildAtOperatingPoint(source, precision => OperatingPoint.AtScale(precision, 0.05)).GetType("Coarse")!;
        var energy = type.GetMethods().Single(m => m.Name == "Energy" && m.ReturnType != typeof(void));
        var description = (SigmoidNetwork)type.GetProperty("EnergyNetwork")!.GetValue(null)!;
        var exact = new ExactPolynomial(Expression, variables);

        double worstParity = 0, worstApproximation = 0;
        foreach (var point in Points(3, [1.0, 1.0, 1.0], seed: 11))
        {
            double value = (double)energy.Invoke(null, point.Cast<object>().ToArray())!;
            double interpreted = description.Evaluate(point);
            worstParity = Math.Max(worstParity, Math.Abs(value - interpreted));
            worstApproximation = Math.Max(worstApproximation, ExactPolynomial.Distance(interpreted, exact.Evaluate(point)));
        }

        output.WriteLine($"λ = 0.05: |generated − interpreter| ≤ {worstParity:E2}, |interpreter − polynomial| up to {worstApproximation:E2}");
        Assert.True(worstApproximation > 1e-7, "the coarse network must differ visibly from the polynomial");
        Assert.True(worstParity < worstApproximation / 1000, "the generated code must follow the network, not the polynomial");
    }

    [Fact]
    public void Generation_and_results_do_not_depend_on_the_build_culture()
    {
        string source = TableSource();
        var invariant = GeneratorHarness.Run(source).Sources.Select(s => s.SourceText.ToString()).ToList();
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("de-DE").Clone();
        culture.NumberFormat.NegativeSign = "\u2212";
        culture.NumberFormat.NumberDecimalSeparator = ",";
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var localized = GeneratorHarness.Run(source).Sources.Select(s => s.SourceText.ToString()).ToList();
            Assert.Equal(invariant, localized);

            // The generated code and the description also run unchanged under that culture.
            var row = Measure(HamiltonianCase.Table[0], "D0", isDouble: true);
            Assert.True(row.WorstError <= row.Network.MaxError);
            Assert.Contains("x*y", row.Network.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Interpreter_rejects_the_wrong_number_of_inputs()
    {
        var network = (SigmoidNetwork)Compiled.Value.GetType("Table")!.GetProperty("D0Network")!.GetValue(null)!;
        var error = Assert.Throws<ArgumentException>(() => network.Evaluate([1.0, 2.0]));
        Assert.Equal("inputs", error.ParamName);
        Assert.Throws<ArgumentException>(() => network.EvaluatePolynomial([1.0, 2.0, 3.0, 4.0]));
    }

    internal static string TableSource()
    {
        var text = new System.Text.StringBuilder("using PolyNet;\n\npublic static partial class Table\n{\n");
        for (int i = 0; i < HamiltonianCase.Table.Length; i++)
        {
            text.Append(HamiltonianCase.Table[i].Declaration($"D{i}", "double"));
            text.Append(HamiltonianCase.Table[i].Declaration($"F{i}", "float"));
        }

        return text.Append("}\n").ToString();
    }

    private static Row Measure(HamiltonianCase @case, string method, bool isDouble, bool searchWorst = false)
    {
        var type = Compiled.Value.GetType("Table")!;
        var energy = type.GetMethods().Single(m => m.Name == method && m.ReturnType != typeof(void));
        var network = (SigmoidNetwork)type.GetProperty(method + "Network")!.GetValue(null)!;
        var exact = new ExactPolynomial(@case.Expression, @case.Variables);
        var bounds = @case.VariableBounds;
        double worst = 0, worstInterpreter = 0, worstParity = 0;
        double Error(double[] point)
        {
            double[] input = isDouble ? point : point.Select(v => (double)(float)v).ToArray();
            object[] arguments = isDouble ? input.Cast<object>().ToArray() : input.Select(v => (object)(float)v).ToArray();
            double value = isDouble ? (double)energy.Invoke(null, arguments)! : (float)energy.Invoke(null, arguments)!;
            var truth = exact.Evaluate(input);
            double interpreted = network.Evaluate(input);
            double error = ExactPolynomial.Distance(value, truth);
            worst = Math.Max(worst, error);
            worstInterpreter = Math.Max(worstInterpreter, ExactPolynomial.Distance(interpreted, truth));
            worstParity = Math.Max(worstParity, Math.Abs(value - interpreted));
            return error;
        }

        var measured = Points(@case.Variables.Length, bounds, seed: @case.Expression.Length).Select(p => (Point: p, Error: Error(p))).ToList();
        if (searchWorst)
        {
            var random = new Random(@case.Expression.Length);
            foreach (var start in measured.OrderByDescending(m => m.Error).Take(6).ToList())
            {
                var (best, bestError) = start;
                for (int step = 0; step < 150; step++)
                {
                    // Moves shrink from 5% of the bound to a few ulps, staying inside the bounds.
                    double radius = 0.05 * Math.Pow(1e-4, step / 150.0);
                    double[] candidate = best.Select((v, d) => Math.Clamp(v + (bounds[d] * radius * ((2 * random.NextDouble()) - 1)), -bounds[d], bounds[d])).ToArray();
                    double error = Error(candidate);
                    if (error > bestError)
                    {
                        (best, bestError) = (candidate, error);
                    }
                }
            }
        }

        return new Row(@case, isDouble, network, exact.Scale(bounds), worst, worstInterpreter, worstParity);
    }

    /// <summary>Random points inside the bounds, every corner (up to 256) and the origin.</summary>
    private static IEnumerable<double[]> Points(int dimension, IReadOnlyList<double> bounds, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < RandomPoints; i++)
        {
            yield return Enumerable.Range(0, dimension).Select(v => bounds[v] * ((2 * random.NextDouble()) - 1)).ToArray();
        }

        for (int corner = 0; corner < Math.Min(1 << dimension, 256); corner++)
        {
            yield return Enumerable.Range(0, dimension).Select(v => ((corner >> v) & 1) == 0 ? bounds[v] : -bounds[v]).ToArray();
        }

        yield return new double[dimension];
    }

    private void Report(IEnumerable<Row> rows)
    {
        output.WriteLine("| expression | type | neurons | layers | MaxError | MaxError/S | measured | measured/S | bound/measured | interpreter parity |");
        foreach (var r in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Case.Expression} | {(r.IsDouble ? "double" : "float")} | {r.Network.NeuronCount} | {r.Network.HiddenLayers} | {r.Network.MaxError:E2} | {r.Network.MaxError / r.Scale:E2} | {r.WorstError:E2} | {r.WorstError / r.Scale:E2} | {r.Network.MaxError / Math.Max(r.WorstError, 1e-300):F1} | {r.WorstParity:E2} |"));
        }
    }

    private sealed record Row(HamiltonianCase Case, bool IsDouble, SigmoidNetwork Network, double Scale, double WorstError, double WorstInterpreterError, double WorstParity);
}
