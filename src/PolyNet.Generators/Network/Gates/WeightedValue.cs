namespace PolyNet.Generators.Network;

/// <summary>A value times the weight of the synapse that reads it.</summary>
internal readonly record struct WeightedValue(ValueRef Value, double Weight);
