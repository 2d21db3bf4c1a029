namespace PolyNet.Onnx;

/// <summary>How the <see cref="OnnxExport"/> methods write a model.</summary>
public sealed record OnnxExportOptions
{
    /// <summary>The model's element type: float64 or float32; null (the default) keeps the network's own precision.</summary>
    public NetworkPrecision? Precision { get; init; }
}
