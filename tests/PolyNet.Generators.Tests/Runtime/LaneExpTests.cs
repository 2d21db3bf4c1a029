using System;
using System.Runtime.Intrinsics;
using PolyNet.Kernels;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Runtime;

/// <summary>
/// The lanes' e^x against Math.Exp, in units in the last place: the full-range Exp over its whole range on every
/// width, GateExp over the range in-bound gates use, and the edges (overflow, underflow, NaN).
/// </summary>
public sealed class LaneExpTests(ITestOutputHelper output)
{
    [Fact]
    public void Double_exp_is_within_2_ulp_on_every_width()
    {
        var random = new Random(5);
        double worst = 0, worstNearZero = 0;
        for (int i = 0; i < 200_000; i++)
        {
            double x = (i % 2 == 0 ? (random.NextDouble() - 0.5) * 0.2 : (random.NextDouble() - 0.5) * 1400);
            double near = (random.NextDouble() - 0.5) * 0.03;   // |x| ≤ 0.015: GateExp's range
            worst = Math.Max(worst, Math.Max(Ulps(Double128.Exp(Vector128.Create(x))[1], Math.Exp(x)), Math.Max(
                Ulps(Double256.Exp(Vector256.Create(x))[2], Math.Exp(x)), Ulps(Double512.Exp(Vector512.Create(x))[7], Math.Exp(x)))));
            worstNearZero = Math.Max(worstNearZero, Math.Max(Ulps(Double128.GateExp(Vector128.Create(near))[0], Math.Exp(near)), Math.Max(
                Ulps(Double256.GateExp(Vector256.Create(near))[3], Math.Exp(near)), Ulps(Double512.GateExp(Vector512.Create(near))[5], Math.Exp(near)))));
        }

        output.WriteLine($"double: Exp {worst:F2} ulp, GateExp {worstNearZero:F2} ulp");
        Assert.True(worst <= 2, $"Exp: {worst} ulp");
        Assert.True(worstNearZero <= 2, $"GateExp: {worstNearZero} ulp");

        static double Ulps(double actual, double expected) => Math.Abs(actual - expected) / (Math.BitIncrement(expected) - expected);
    }

    [Fact]
    public void Single_exp_is_within_2_ulp_on_every_width()
    {
        var random = new Random(6);
        double worst = 0, worstNearZero = 0;
        for (int i = 0; i < 200_000; i++)
        {
            float x = (float)(i % 2 == 0 ? (random.NextDouble() - 0.5) * 2 : (random.NextDouble() - 0.5) * 170);
            float near = (float)((random.NextDouble() - 0.5) * 0.72);   // |x| ≤ 0.36: GateExp's range
            worst = Math.Max(worst, Math.Max(Ulps(Single128.Exp(Vector128.Create(x))[1], x), Math.Max(
                Ulps(Single256.Exp(Vector256.Create(x))[2], x), Ulps(Single512.Exp(Vector512.Create(x))[15], x))));
            worstNearZero = Math.Max(worstNearZero, Math.Max(Ulps(Single128.GateExp(Vector128.Create(near))[0], near), Math.Max(
                Ulps(Single256.GateExp(Vector256.Create(near))[3], near), Ulps(Single512.GateExp(Vector512.Create(near))[9], near))));
        }

        output.WriteLine($"float: Exp {worst:F2} ulp, GateExp {worstNearZero:F2} ulp");
        Assert.True(worst <= 2, $"Exp: {worst} ulp");
        Assert.True(worstNearZero <= 2, $"GateExp: {worstNearZero} ulp");

        static double Ulps(float actual, float x)
        {
            float expected = (float)Math.Exp(x);
            return Math.Abs(actual - expected) / (MathF.BitIncrement(expected) - expected);
        }
    }

    [Fact]
    public void Exp_saturates_at_the_ends_and_keeps_nan()
    {
        Assert.True(double.IsFinite(Double256.Exp(Vector256.Create(1e6))[0]) || double.IsPositiveInfinity(Double256.Exp(Vector256.Create(1e6))[0]));
        Assert.InRange(Double256.Exp(Vector256.Create(-1e6))[0], 0, 1e-300);
        Assert.InRange(Single512.Exp(Vector512.Create(-1e6f))[3], 0, 1e-37f);
        Assert.True(double.IsNaN(Double512.Exp(Vector512.Create(double.NaN))[0]));
        Assert.True(double.IsNaN(Double128.Exp(Vector128.Create(double.NaN, 1.0))[0]));
        Assert.Equal(Math.E, Double128.Exp(Vector128.Create(double.NaN, 1.0))[1], 15);
        Assert.True(float.IsNaN(Single256.Exp(Vector256.Create(float.NaN))[0]));

        // σ(t) = 1/(1 + e^(−t)) from the full-range Exp: 0 and 1 at the ends, never NaN for finite t.
        Assert.Equal(1.0, Sigmoid<Double512, Vector512<double>, double>(Vector512.Create(800.0))[0]);
        Assert.InRange(Sigmoid<Double512, Vector512<double>, double>(Vector512.Create(-800.0))[0], 0, 1e-300);   // e^709 at most: 1e-308, not 0
        Assert.Equal(1.0f, Sigmoid<Single256, Vector256<float>, float>(Vector256.Create(200f))[0]);
    }

    [Fact]
    public void The_generator_knows_the_short_exponential_s_range()
    {
        // A flat pair is emitted with GateExp only when its in-bound preactivation lies within this range.
        double Limit(string type) => (double)typeof(ScalarDouble).Assembly.GetType(type)!.GetField("NearZeroLimit")!.GetRawConstantValue()!;
        Assert.Equal(GateExpRange.Double, Limit("PolyNet.Kernels.DoubleExp"));
        Assert.Equal(GateExpRange.Single, Limit("PolyNet.Kernels.SingleExp"));
    }

    /// <summary>The interface's own σ (a default member, reached through the lane type).</summary>
    private static TLane Sigmoid<L, TLane, TScalar>(TLane t)
        where L : ILanes<L, TLane, TScalar>
        where TLane : unmanaged
        where TScalar : unmanaged => L.Sigmoid(t);
}
