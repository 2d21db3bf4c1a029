using System;
using System.Globalization;
using System.Linq;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Gradient;

/// <summary>
/// The generated gradient is the derivative of the generated value pass: central differences of the (double) method
/// agree with it. Independent of the polynomial: it would catch a backward pass that differentiates the polynomial
/// instead of the network, or a wrong adjoint that exact-derivative tests might forgive within a loose bound.
/// </summary>
public sealed class FiniteDifferenceTests(ITestOutputHelper output)
{
    /// <summary>
    /// h relative to the bound: the truncation error h²/6·|f'''| stays below 1e-7 of the scale even for (x+y+z)^8 and
    /// x^7, and so does the value's rounding noise δ divided by h (δ ~1e-12 for flat products, which cancel λ^degree out
    /// of order-1 pair terms, far less for deep ones); the tolerance, 1e-6 of the scale, is ten times that.
    /// </summary>
    private const double Step = 1e-4;

    public static TheoryData<string> DoubleCases => new(GradientSources.Cases.Where(c => c.IsDouble).Select(c => c.Name));

    [Theory]
    [MemberData(nameof(DoubleCases))]
    public void Central_differences_of_the_value_agree_with_the_gradient(string name)
    {
        var compiled = GradientSources.Get(name);
        var @case = compiled.Case;
        double scale = @case.GradientScale;
        double worst = 0;
        foreach (var point in GradientSources.Points(@case, 100, seed: 3 * name.Length))
        {
            var (_, gradient) = compiled.Gradient(point);
            for (int j = 0; j < gradient.Length; j++)
            {
                int v = @case.Continuous[j];
                double h = Step * @case.Bounds[v];
                var plus = (double[])point.Clone();
                var minus = (double[])point.Clone();
                plus[v] += h;
                minus[v] -= h;
                double difference = (compiled.Value(plus) - compiled.Value(minus)) / (plus[v] - minus[v]);
                worst = Math.Max(worst, Math.Abs(difference - gradient[j]) / scale);
            }
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: worst |central difference − gradient| / scale {worst:E2}"));
        Assert.True(worst <= 1e-6, $"{name}: {worst:E3}");
    }
}
