using System;
using PolyNet.Generators.Network;
using Xunit.Abstractions;

namespace PolyNet.Generators.Tests.Network;

/// <summary>
/// One gate evaluated exactly as the generated code evaluates it (shared exponential per ± pair), in double and
/// in float arithmetic, over a grid of |ũ|, |ṽ| ≤ 1, compared with the exact product.
/// </summary>
public sealed class GateAccuracyTests(ITestOutputHelper output)
{
    private const int Grid = 200;

    [Fact]
    public void Double_multiply_gate_error_is_within_3e_11_and_within_its_bound()
    {
        var calibration = GateCalibration.For(ProductStep.Multiply, NumericPrecision.Double);
        double worst = 0;
        ForGrid((u, v) => worst = Math.Max(worst, Math.Abs(MultiplyDouble(u, v, calibration.Lambda) - (u * v))));
        output.WriteLine($"double: lambda {calibration.Lambda}, measured {worst:E3}, bound {calibration.NormalizedError:E3}");
        Assert.True(worst <= 3e-11, $"measured {worst:E3}");
        Assert.True(worst <= calibration.NormalizedError, $"measured {worst:E3} > bound {calibration.NormalizedError:E3}");
        Assert.True(calibration.NormalizedError <= 10 * worst, "the bound should not be vacuous");
    }

    [Fact]
    public void Float_multiply_gate_error_is_within_2e_5_and_within_its_bound()
    {
        var calibration = GateCalibration.For(ProductStep.Multiply, NumericPrecision.Single);
        double worst = 0;
        ForGrid((u, v) => worst = Math.Max(worst, Math.Abs(MultiplySingle((float)u, (float)v, (float)calibration.Lambda) - ((double)(float)u * (float)v))));
        output.WriteLine($"float: lambda {calibration.Lambda}, measured {worst:E3}, bound {calibration.NormalizedError:E3}");
        Assert.True(worst <= 2e-5, $"measured {worst:E3}");
        Assert.True(worst <= calibration.NormalizedError, $"measured {worst:E3} > bound {calibration.NormalizedError:E3}");
        Assert.True(calibration.NormalizedError <= 10 * worst, "the bound should not be vacuous");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Square_gate_error_is_within_its_bound(bool isDouble)
    {
        var precision = isDouble ? NumericPrecision.Double : NumericPrecision.Single;
        var calibration = GateCalibration.For(ProductStep.Square, precision);
        double worst = 0;
        for (int i = 0; i <= 20 * Grid; i++)
        {
            double u = -1 + (2.0 * i / (20 * Grid));
            double value = precision == NumericPrecision.Double
                ? SquareDouble(u, calibration.Lambda)
                : SquareSingle((float)u, (float)calibration.Lambda);
            double exact = precision == NumericPrecision.Double ? u * u : (double)(float)u * (float)u;
            worst = Math.Max(worst, Math.Abs(value - exact));
        }

        output.WriteLine($"{precision} square: lambda {calibration.Lambda}, measured {worst:E3}, bound {calibration.NormalizedError:E3}");
        Assert.True(worst <= calibration.NormalizedError);
    }

    [Fact]
    public void Bias_zeroes_the_fourth_derivative()
    {
        Assert.True(Math.Abs(Sigmoid.Derivative(4, Sigmoid.GateBias)) < 1e-15);
        Assert.Equal((3 - Math.Sqrt(6)) / 6, Sigmoid.Value(Sigmoid.GateBias), 15);
        Assert.Equal(Sigmoid.ExpNegGateBias, Math.Exp(-Sigmoid.GateBias), 13);
    }

    [Fact]
    public void Lambda_is_tuned_per_precision()
    {
        double doubleLambda = GateCalibration.For(ProductStep.Multiply, NumericPrecision.Double).Lambda;
        double floatLambda = GateCalibration.For(ProductStep.Multiply, NumericPrecision.Single).Lambda;
        Assert.InRange(doubleLambda, 1e-3, 1e-2);
        Assert.InRange(floatLambda, 0.03, 0.3);
    }

    private static void ForGrid(Action<double, double> check)
    {
        for (int i = 0; i <= Grid; i++)
        {
            for (int j = 0; j <= Grid; j++)
            {
                check(-1 + (2.0 * i / Grid), -1 + (2.0 * j / Grid));
            }
        }
    }

    // These mirror ForwardPassEmitter's output for one gate with U = V = 1 (closed-form pair sums).
    private static double MultiplyDouble(double u, double v, double lambda)
    {
        double e = Sigmoid.ExpNegGateBias;
        double scale = Sigmoid.PairConstant / (4 * lambda * lambda * Sigmoid.Derivative(2, Sigmoid.GateBias));
        double p = (lambda * u) + (lambda * v), q = (lambda * u) - (lambda * v);
        double ep = Math.Exp(-p), eq = Math.Exp(-q);
        double mp = ep - 1, mq = eq - 1;
        double dp = (ep + e) * (1 + (e * ep)), dq = (eq + e) * (1 + (e * eq));
        return scale * ((mp * mp * dq) - (mq * mq * dp)) / (dp * dq);
    }

    private static float MultiplySingle(float u, float v, float lambda)
    {
        float e = (float)Sigmoid.ExpNegGateBias;
        float scale = (float)(Sigmoid.PairConstant / (4.0 * lambda * lambda * Sigmoid.Derivative(2, Sigmoid.GateBias)));
        float p = (lambda * u) + (lambda * v), q = (lambda * u) - (lambda * v);
        float ep = MathF.Exp(-p), eq = MathF.Exp(-q);
        float mp = ep - 1, mq = eq - 1;
        float dp = (ep + e) * (1 + (e * ep)), dq = (eq + e) * (1 + (e * eq));
        return scale * ((mp * mp * dq) - (mq * mq * dp)) / (dp * dq);
    }

    private static double SquareDouble(double u, double lambda)
    {
        double e = Sigmoid.ExpNegGateBias;
        double scale = Sigmoid.PairConstant / (4 * lambda * lambda * Sigmoid.Derivative(2, Sigmoid.GateBias));
        double ep = Math.Exp(-2 * lambda * u);
        double mp = ep - 1;
        return scale * (mp * mp) / ((ep + e) * (1 + (e * ep)));
    }

    private static float SquareSingle(float u, float lambda)
    {
        float e = (float)Sigmoid.ExpNegGateBias;
        float scale = (float)(Sigmoid.PairConstant / (4.0 * lambda * lambda * Sigmoid.Derivative(2, Sigmoid.GateBias)));
        float ep = MathF.Exp(-2 * lambda * u);
        float mp = ep - 1;
        return scale * (mp * mp) / ((ep + e) * (1 + (e * ep)));
    }
}
