using System;
using System.Globalization;
using System.Linq;
using PolyNet.Generators.Tests.CompileAndRun;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Gradient;

/// <summary>
/// MaxGradientError is not vacuous: within 10× of the worst gradient error found. Random points rarely align the
/// worst-case roundings the bound covers, so the worst is searched for, as for MaxError (CompileAndRunTests): hill
/// climbing from the worst random points and corners.
/// </summary>
public sealed class GradientBoundNonVacuityTests(ITestOutputHelper output)
{
    public static TheoryData<string> ReadmeCases => new(GradientSources.ReadmeCases.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(ReadmeCases))]
    public void MaxGradientError_is_within_10x_of_the_searched_worst_error(string name)
    {
        var compiled = GradientSources.Get(name);
        var @case = compiled.Case;
        var exact = @case.Exact;
        var bounds = @case.Bounds;

        // The worst component error at a point, the point rounded to the method's precision first.
        double Error(double[] point)
        {
            var input = @case.Representable(point);
            var (_, gradient) = compiled.Gradient(input);
            return Enumerable.Range(0, gradient.Length).Max(j => ExactPolynomial.Distance(gradient[j], exact.Derivative(input, @case.Continuous[j])));
        }

        var measured = GradientSources.Points(@case, 300, seed: name.Length).Select(p => (Point: p, Error: Error(p))).ToList();
        double worst = measured.Max(m => m.Error);
        var random = new Random(name.Length);
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

            worst = Math.Max(worst, bestError);
        }

        double bound = compiled.Network.MaxGradientError;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{@case.Expression} ({@case.Precision}): MaxGradientError {bound:E2}, worst found {worst:E2}, bound/worst {bound / worst:F2}"));
        Assert.True(worst <= bound, $"{name}: worst found {worst:E3} > MaxGradientError {bound:E3}");
        Assert.True(bound <= 10 * worst, $"{name}: MaxGradientError {bound:E3} is more than 10× the worst error found {worst:E3}");
    }
}
