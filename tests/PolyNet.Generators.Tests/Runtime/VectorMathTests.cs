using System;
using System.Runtime.Intrinsics;
using PolyNet.Kernels;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Runtime;

/// <summary>The batch path's e^x, against Math.Exp, in units in the last place.</summary>
public sealed class VectorMathTests(ITestOutputHelper output)
{
    [Fact]
    public void Double_exp_is_within_2_ulp_on_every_width()
    {
        var random = new Random(5);
        double worst = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double x = (i % 3) switch { 0 => (random.NextDouble() - 0.5) * 0.03, 1 => (random.NextDouble() - 0.5) * 0.2, _ => (random.NextDouble() - 0.5) * 1400 };
            double expected = Math.Exp(x);
            // ExpNearZero with one lane far from zero takes the general path; with all lanes equal, the short one.
            var mixed = Vector256.Create(x, 0.001, -0.002, 3.0);
            foreach (double actual in new[] { VectorMath.Exp(Vector128.Create(x))[0], VectorMath.Exp(Vector256.Create(x))[1], VectorMath.Exp(Vector512.Create(x))[7], VectorMath.ExpNearZero(Vector512.Create(x))[2], VectorMath.ExpNearZero(Vector128.Create(x))[1], VectorMath.ExpNearZero(mixed)[0] })
            {
                worst = Math.Max(worst, Math.Abs(actual - expected) / (Math.BitIncrement(expected) - expected));
            }
        }

        output.WriteLine($"double exp: worst {worst:F2} ulp");
        Assert.True(worst <= 2, $"{worst} ulp");
    }

    [Fact]
    public void Single_exp_is_within_2_ulp_on_every_width()
    {
        var random = new Random(6);
        double worst = 0;
        for (int i = 0; i < 200_000; i++)
        {
            float x = (i % 3) switch { 0 => (float)((random.NextDouble() - 0.5) * 0.72), 1 => (float)((random.NextDouble() - 0.5) * 2), _ => (float)((random.NextDouble() - 0.5) * 170) };
            float expected = (float)Math.Exp(x);
            foreach (float actual in new[] { VectorMath.Exp(Vector128.Create(x))[0], VectorMath.Exp(Vector256.Create(x))[3], VectorMath.Exp(Vector512.Create(x))[15], VectorMath.ExpNearZero(Vector512.Create(x))[4], VectorMath.ExpNearZero(Vector256.Create(x))[0] })
            {
                worst = Math.Max(worst, Math.Abs(actual - expected) / (MathF.BitIncrement(expected) - expected));
            }
        }

        output.WriteLine($"float exp: worst {worst:F2} ulp");
        Assert.True(worst <= 2, $"{worst} ulp");
    }

    [Fact]
    public void Exp_saturates_instead_of_producing_nan()
    {
        Assert.True(double.IsFinite(VectorMath.Exp(Vector256.Create(1e6))[0]));
        Assert.InRange(VectorMath.Exp(Vector256.Create(-1e6))[0], 0, 1e-300);
        Assert.True(float.IsFinite(VectorMath.Exp(Vector256.Create(1e6f))[0]));
    }
}
