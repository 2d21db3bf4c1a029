using System;
using System.Globalization;
using System.Linq;
using PolyNet.Generators.Tests.CompileAndRun;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Gradient;

/// <summary>
/// The generated scalar gradient against the polynomial's derivative computed in exact rational arithmetic, at random
/// points inside the bounds and at every corner: every component within MaxGradientError.
/// </summary>
public sealed class ExactGradientTests(ITestOutputHelper output)
{
    private const int RandomPoints = 300;

    public static TheoryData<string> CaseNames => new(GradientSources.Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Every_component_is_within_MaxGradientError_of_the_exact_derivative(string name)
    {
        var compiled = GradientSources.Get(name);
        var @case = compiled.Case;
        var exact = @case.Exact;
        double bound = compiled.Network.MaxGradientError;
        Assert.True(double.IsFinite(bound) && bound > 0, $"{name}: MaxGradientError {bound}");
        Assert.Equal(@case.IsDouble ? NetworkPrecision.Double : NetworkPrecision.Single, compiled.Network.Precision);

        double parity = GradientSources.ParityTolerance(@case, compiled.Network) * exact.Scale(@case.Bounds);
        double worst = 0;
        foreach (var point in GradientSources.Points(@case, RandomPoints, seed: name.Length))
        {
            var input = @case.Representable(point);
            var (value, gradient) = compiled.Gradient(input);
            Assert.Equal(@case.Continuous.Length, gradient.Length);
            for (int j = 0; j < gradient.Length; j++)
            {
                double error = ExactPolynomial.Distance(gradient[j], exact.Derivative(input, @case.Continuous[j]));
                worst = Math.Max(worst, error);
                Assert.True(error <= bound, string.Create(CultureInfo.InvariantCulture,
                    $"{name} at ({string.Join(", ", input)}): ∂/∂{@case.Variables[@case.Continuous[j]]} = {gradient[j]:R}, exact {exact.Derivative(input, @case.Continuous[j]).ToDouble():R}, error {error:E3} > MaxGradientError {bound:E3}"));
            }

            // The value the gradient method returns is the network's value: within MaxError of the polynomial, and the
            // value method's up to the two passes' rounding.
            Assert.True(ExactPolynomial.Distance(value, exact.Evaluate(input)) <= compiled.Network.MaxError, $"{name}: returned value {value:R}");
            Assert.True(Math.Abs(value - compiled.Value(input)) <= parity, $"{name}: returned value {value:R}, value method {compiled.Value(input):R}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: worst |∂ − exact| {worst:E2}, MaxGradientError {bound:E2}, gradient scale {@case.GradientScale:E2}, bound/scale {bound / @case.GradientScale:E2}"));
    }

    [Fact]
    public void The_network_of_more_than_48_gates_runs_its_gradient_from_the_gate_table()
    {
        // The case is only the gate-program path if its generated gradient calls GateProgram.EvaluateGradient.
        string generated = GradientSources.GeneratedSource("ProgramD");
        Assert.Contains(".EvaluateGradient<TLane, ", generated, StringComparison.Ordinal);
        Assert.DoesNotContain(".EvaluateGradient<TLane, ", GradientSources.GeneratedSource("Product8D"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_mixed_method_differentiates_only_its_continuous_inputs()
    {
        var compiled = GradientSources.Get("MixedD");
        Assert.Equal(new[] { 0, 1 }, compiled.Case.Continuous);

        // x*s*b + 0.5*y*b − x*y*s + 0.25*x²*s at x = 0.5, y = −1.5, s = −1, b = 1: ∂x = s*b − y*s + 0.5*x*s, ∂y = 0.5*b − x*s.
        var (_, gradient) = compiled.Gradient([0.5, -1.5, -1, 1]);
        Assert.Equal(-1 - 1.5 - 0.25, gradient[0], 1e-9);
        Assert.Equal(0.5 + 0.5, gradient[1], 1e-9);
    }
}
