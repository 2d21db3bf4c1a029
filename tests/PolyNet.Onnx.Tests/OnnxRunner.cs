using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace PolyNet.Onnx.Tests;

/// <summary>Exports a network and runs the model in ONNX Runtime on a batch of points.</summary>
internal sealed class OnnxRunner : IDisposable
{
    private readonly InferenceSession _session;

    public OnnxRunner(SigmoidNetwork network, OnnxExportOptions? options = null)
    {
        Network = network;
        using var stream = new MemoryStream();
        Result = network.ExportOnnx(stream, options);
        Bytes = stream.ToArray();
        _session = new InferenceSession(Bytes);
        IsDouble = (options?.Precision ?? network.Precision) == NetworkPrecision.Double;
    }

    public SigmoidNetwork Network { get; }

    public OnnxExportResult Result { get; }

    public byte[] Bytes { get; }

    public bool IsDouble { get; }

    public InferenceSession Session => _session;

    /// <summary>The model's output at every point (one row per point, one column per input).</summary>
    public double[] Run(IReadOnlyList<double[]> points)
    {
        int n = points.Count;
        var inputs = new List<NamedOnnxValue>();
        for (int v = 0; v < Network.Inputs.Count; v++)
        {
            if (IsDouble)
            {
                inputs.Add(NamedOnnxValue.CreateFromTensor(Network.Inputs[v], new DenseTensor<double>(points.Select(p => p[v]).ToArray(), [n, 1])));
            }
            else
            {
                inputs.Add(NamedOnnxValue.CreateFromTensor(Network.Inputs[v], new DenseTensor<float>(points.Select(p => (float)p[v]).ToArray(), [n, 1])));
            }
        }

        using var results = _session.Run(inputs);
        var output = results.Single(r => r.Name == "energy");
        return IsDouble ? output.AsTensor<double>().ToArray() : output.AsTensor<float>().ToArray().Select(f => (double)f).ToArray();
    }

    public void Dispose() => _session.Dispose();
}
