using System;
using System.Globalization;
using System.Linq;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Gradient;

/// <summary>
/// Outside the bounds the gradient is still the network's (its gates saturate): finite for finite input and for one
/// infinite input, equal to the interpreter's backward pass, and NaN in every component when an input is NaN.
/// </summary>
public sealed class GradientOutsideBoundsTests(ITestOutputHelper output)
{
    public static TheoryData<string> CaseNames => new(GradientSources.Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Far_outside_the_bounds_and_at_infinity_the_gradient_is_finite_and_the_interpreter_s(string name)
    {
        var compiled = GradientSources.Get(name);
        var @case = compiled.Case;
        var random = new Random(name.Length);
        double tolerance = Tolerance(@case, compiled.Network), worst = 0;
        foreach (double factor in new[] { 10, 1e3, 1e6, double.PositiveInfinity })
        {
            foreach (int v in @case.Continuous)
            {
                foreach (double sign in new[] { 1.0, -1.0 })
                {
                    for (int trial = 0; trial < 10; trial++)
                    {
                        // One input far out (at a random fraction of factor × bound above the bound), the others inside.
                        var point = @case.Variables.Select((variable, u) => GradientSources.Sample(@case.KindOf(variable), @case.Bounds[u], random)).ToArray();
                        point[v] = sign * @case.Bounds[v] * (double.IsInfinity(factor) ? factor : factor * (0.5 + (0.5 * random.NextDouble())));
                        point = @case.Representable(point);
                        var (value, gradient) = compiled.Gradient(point);
                        var (interpretedValue, interpreted) = compiled.Interpreted(point);

                        // Relative to the network's magnitude there: far out, saturated gates' outputs of order their
                        // scale (~1e6) meet in the backward pass and cancel to derivatives of order 1, so two passes
                        // differ by the rounding of the larger numbers.
                        double magnitude = Math.Max(1, Math.Max(Math.Abs(interpretedValue), interpreted.Max(Math.Abs)));
                        string at = string.Join(", ", point.Select(x => x.ToString("R", CultureInfo.InvariantCulture)));
                        Assert.True(gradient.All(double.IsFinite), $"{name} at ({at}): gradient ({string.Join(", ", gradient)}), value {value}");
                        for (int j = 0; j < gradient.Length; j++)
                        {
                            double difference = gradient[j] == interpreted[j] ? 0 : Math.Abs(gradient[j] - interpreted[j]) / magnitude;
                            worst = Math.Max(worst, difference);
                            Assert.True(difference <= tolerance, $"{name} at ({at}): ∂/∂{@case.Variables[@case.Continuous[j]]} generated {gradient[j]:R}, interpreter {interpreted[j]:R}");
                        }
                    }
                }
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: worst |generated − interpreter| / max(1, |value|, |∂|) {worst:E2} (tolerance {tolerance:E1})"));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void A_nan_input_gives_a_nan_gradient_in_every_component(string name)
    {
        var compiled = GradientSources.Get(name);
        var @case = compiled.Case;
        foreach (int v in @case.Continuous)
        {
            var point = @case.Variables.Select((variable, u) => @case.KindOf(variable) == InputKind.Spin ? 1.0 : 0.5 * @case.Bounds[u]).ToArray();
            point[v] = double.NaN;
            var (value, gradient) = compiled.Gradient(point);
            Assert.True(double.IsNaN(value), $"{name}, {@case.Variables[v]} = NaN: value {value}");
            Assert.All(gradient, g => Assert.True(double.IsNaN(g), $"{name}, {@case.Variables[v]} = NaN: gradient ({string.Join(", ", gradient)})"));

            // The batch sends the vector holding the NaN to the scalar pass; its neighbours stay finite.
            var columns = point.Select(x => Enumerable.Repeat(x, 37).ToArray()).ToArray();
            for (int i = 0; i < 37; i++)
            {
                columns[v][i] = i == 20 ? double.NaN : 0.25 * @case.Bounds[v];
            }

            var (energy, derivatives) = compiled.Batch(columns);
            Assert.True(double.IsNaN(energy[20]));
            Assert.All(derivatives, d => Assert.True(double.IsNaN(d[20])));
            Assert.All(derivatives, d => Assert.True(d.Where((_, i) => i != 20).All(double.IsFinite), $"{name}: a NaN leaked into other elements"));
        }
    }

    /// <summary>Relative to max(1, |value|, max |∂|) of the interpreter at the point.</summary>
    private static double Tolerance(GradientCase @case, SigmoidNetwork network)
    {
        // The float code against its weights run in double: float rounding (u = 6e-8) through a few gates.
        if (!@case.IsDouble)
        {
            return 1e-4;
        }

        // Far outside its bounds a flat product is ill-conditioned: its pair terms are of order 1 and cancel to a value
        // ~λ^degree times smaller, so any two double evaluations differ by ~1e-16/λ^degree (the probe's 1e-6 for values).
        return network.HiddenLayers == 1 ? 1e-6 : 1e-9;
    }
}
