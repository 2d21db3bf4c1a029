namespace PolyNet;

/// <summary>
/// One non-zero weight of a <see cref="SigmoidNetwork"/>: <see cref="Source"/> indexes the value vector,
/// inputs first (0 … Inputs.Count − 1), then neurons in evaluation order.
/// </summary>
public readonly record struct Synapse(int Source, double Weight);
