using System;
using System.Globalization;
using System.Linq;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Gradient;

/// <summary>
/// The generated scalar gradient against SigmoidNetwork.EvaluateGradient, the neuron-by-neuron backward pass over the
/// network's own weights: the generated code must differentiate the network it describes.
/// </summary>
public sealed class GradientInterpreterTests(ITestOutputHelper output)
{
    public static TheoryData<string> CaseNames => new(GradientSources.Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void The_generated_gradient_equals_the_interpreter_s(string name)
    {
        var compiled = GradientSources.Get(name);
        var @case = compiled.Case;
        double scale = @case.GradientScale;
        double tolerance = GradientSources.ParityTolerance(@case, compiled.Network);
        double worst = 0, worstValue = 0;
        foreach (var point in GradientSources.Points(@case, 200, seed: 5 * name.Length))
        {
            var input = @case.Representable(point);
            var (value, gradient) = compiled.Gradient(input);
            var (interpretedValue, interpreted) = compiled.Interpreted(input);
            worstValue = Math.Max(worstValue, Math.Abs(value - interpretedValue));
            for (int j = 0; j < gradient.Length; j++)
            {
                double difference = Math.Abs(gradient[j] - interpreted[j]) / scale;
                worst = Math.Max(worst, difference);
                Assert.True(difference <= tolerance, string.Create(CultureInfo.InvariantCulture,
                    $"{name} at ({string.Join(", ", input)}): ∂/∂{@case.Variables[@case.Continuous[j]]} generated {gradient[j]:R}, interpreter {interpreted[j]:R}: {difference:E3}·scale > {tolerance:E1}·scale"));
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: worst |generated − interpreter| / gradient scale {worst:E2} (tolerance {tolerance:E1}); values {worstValue:E2}"));
    }
}
