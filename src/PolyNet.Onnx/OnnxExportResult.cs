namespace PolyNet.Onnx;

/// <summary>What an export wrote: the model's own error bound and the scales it was built with.</summary>
/// <param name="MaxError">
/// An upper bound on |model − polynomial| for every input inside its bound when an engine evaluates the model as written
/// (each sigmoid on its own, the public weights): not the generated code's MaxError, which relies on closed-form pair sums.
/// </param>
/// <param name="MultiplyScale">λ of the multiplication gates.</param>
/// <param name="SquareScale">λ of the squaring gates.</param>
/// <param name="Neurons">The model's sigmoid neurons.</param>
/// <param name="HiddenLayers">Its hidden layers.</param>
public sealed record OnnxExportResult(double MaxError, double MultiplyScale, double SquareScale, int Neurons, int HiddenLayers);
