using System;
using System.Collections.Generic;
using System.Linq;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace PolyNet.Onnx.Tests;

/// <summary>
/// The export's bound assumes the engine's Sigmoid is within <see cref="SeparateSigmoidGate.SigmoidUlps"/>·u of the exact
/// value near the gate bias and at the saturated levels of bit products: checked here against σ computed in decimal.
/// </summary>
public class EngineSigmoidTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ONNX_Runtime_s_sigmoid_is_within_the_assumed_error(bool isDouble)
    {
        var builder = new OnnxGraphBuilder("sigmoid", isDouble);
        builder.Input("x", "x");
        builder.Node("Sigmoid", "y", ["x"]);
        builder.Output("y", 1, "y");
        using var session = new InferenceSession(builder.Model("sigmoid", []).ToByteArray());
        var points = Enumerable.Range(0, 4001).Select(i => SeparateSigmoidGate.Bias + ((i - 2000) * 0.6 / 2000)).ToList();
        points.AddRange(Enumerable.Range(0, 41).Select(i => -20.0 + i));
        double u = isDouble ? 1.1102230246251565e-16 : 5.9604644775390625e-8;
        double[] xs = isDouble ? points.ToArray() : points.Select(p => (double)(float)p).ToArray();
        double[] ys;
        if (isDouble)
        {
            using var results = session.Run([NamedOnnxValue.CreateFromTensor("x", new DenseTensor<double>(xs, [xs.Length, 1]))]);
            ys = results.Single().AsTensor<double>().ToArray();
        }
        else
        {
            using var results = session.Run([NamedOnnxValue.CreateFromTensor("x", new DenseTensor<float>(xs.Select(x => (float)x).ToArray(), [xs.Length, 1]))]);
            ys = results.Single().AsTensor<float>().ToArray().Select(f => (double)f).ToArray();
        }

        double worst = 0, at = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            double error = (double)Math.Abs(Exact(ys[i]) - ExactSigmoid(xs[i])) / u;
            if (error > worst)
            {
                worst = error;
                at = xs[i];
            }
        }

        Assert.True(worst <= SeparateSigmoidGate.SigmoidUlps, $"ONNX Runtime's sigmoid is off by {worst:F2}u at {at}");
    }

    /// <summary>The double's exact value (a plain decimal cast keeps only 15 significant digits).</summary>
    private static decimal Exact(double value) =>
        decimal.Parse(value.ToString("E16", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>σ(x) = 1/(1 + e^(−x)) in decimal (28 digits), e^(−x) from its series after halving the argument.</summary>
    private static decimal ExactSigmoid(double x)
    {
        decimal t = -Exact(x);
        int halvings = 0;
        while (Math.Abs(t) > 0.5m)
        {
            t /= 2;
            halvings++;
        }

        decimal term = 1, sum = 1;
        for (int k = 1; k < 40; k++)
        {
            term = term * t / k;
            sum += term;
        }

        for (int i = 0; i < halvings; i++)
        {
            sum *= sum;
        }

        return 1 / (1 + sum);
    }
}
