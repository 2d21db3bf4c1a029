using System;
using System.Globalization;
using System.Linq;
using System.Runtime.Intrinsics;
using PolyNet.Generators.Tests.CompileAndRun;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Gradient;

/// <summary>
/// The batch gradient against the scalar one, element by element, on this process's SIMD path (every path runs in
/// tests/PolyNet.SimdProbe): lengths that are not multiples of any vector width, unaligned slices, and vectors with an
/// input outside its bound (which take the scalar pass); inside the bounds, every batch derivative is also within
/// MaxGradientError of the exact one (the vector lanes' exponential is not the scalar one).
/// </summary>
public sealed class GradientBatchTests(ITestOutputHelper output)
{
    private static string Path => Vector512.IsHardwareAccelerated ? "512" : Vector256.IsHardwareAccelerated ? "256" : Vector128.IsHardwareAccelerated ? "128" : "scalar";

    public static TheoryData<string> CaseNames => new(GradientSources.Cases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Batch_equals_scalar_element_by_element(string name)
    {
        var compiled = GradientSources.Get(name);
        var @case = compiled.Case;
        var kinds = @case.Variables.Select(@case.KindOf).ToArray();
        var bounds = @case.Bounds;
        double scale = @case.GradientScale, valueScale = @case.Exact.Scale(bounds);
        double tolerance = GradientSources.ParityTolerance(@case, compiled.Network);
        var random = new Random(name.Length);
        var exact = @case.Exact;
        double worst = 0, worstExact = 0;
        int outside = 0;
        foreach (int length in Enumerable.Range(0, 42).Concat([63, 64, 65, 67, 131]))
        {
            foreach (int offset in new[] { 0, 1, 3 })
            {
                // Every seventh batch has inputs outside their bounds (3× and 10³×) at random places.
                bool withOutside = (length + offset) % 7 == 3;
                var columns = kinds.Select((k, v) => Enumerable.Range(0, length).Select(_ =>
                {
                    double value = GradientSources.Sample(k, bounds[v], random);
                    return withOutside && k == InputKind.Continuous && random.Next(9) == 0 ? value * (random.Next(2) == 0 ? 3 : 1e3) : value;
                }).Select(x => @case.IsDouble ? x : (float)x).ToArray()).ToArray();
                var (energy, derivatives) = compiled.Batch(columns, offset);
                for (int i = 0; i < length; i++)
                {
                    var point = columns.Select(c => c[i]).ToArray();
                    outside += point.Select((x, v) => Math.Abs(x) > bounds[v] ? 1 : 0).Sum();
                    var (value, gradient) = compiled.Gradient(point);
                    Assert.True(Math.Abs(energy[i] - value) <= tolerance * Math.Max(valueScale, Math.Abs(value)),
                        $"{name}, length {length}, offset {offset}, element {i}: energy {energy[i]:R}, scalar {value:R}");
                    bool inside = point.Select((x, v) => Math.Abs(x) <= bounds[v]).All(b => b);
                    for (int j = 0; j < gradient.Length; j++)
                    {
                        if (inside)
                        {
                            double error = ExactPolynomial.Distance(derivatives[j][i], exact.Derivative(point, @case.Continuous[j]));
                            worstExact = Math.Max(worstExact, error);
                            Assert.True(error <= compiled.Network.MaxGradientError, $"{name}, element {i}: batch ∂/∂{@case.Variables[@case.Continuous[j]]} {derivatives[j][i]:R} is {error:E3} from exact, MaxGradientError {compiled.Network.MaxGradientError:E3}");
                        }

                        double difference = Math.Abs(derivatives[j][i] - gradient[j]) / Math.Max(scale, Math.Abs(gradient[j]));
                        worst = Math.Max(worst, difference);
                        Assert.True(difference <= tolerance, string.Create(CultureInfo.InvariantCulture,
                            $"{name}, length {length}, offset {offset}, element {i} at ({string.Join(", ", point)}): batch ∂/∂{@case.Variables[@case.Continuous[j]]} {derivatives[j][i]:R}, scalar {gradient[j]:R}"));
                    }
                }
            }
        }

        Assert.True(outside > 0);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: worst |batch − scalar| / max(scale, |∂|) {worst:E2} (tolerance {tolerance:E1}), |batch − exact| {worstExact:E2} (MaxGradientError {compiled.Network.MaxGradientError:E2}), {outside} inputs outside their bounds, path {Path}"));
    }
}
