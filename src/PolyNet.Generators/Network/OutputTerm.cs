namespace PolyNet.Generators.Network;

/// <summary>One term Coefficient·value of the network's output (an input for a linear term, else a gate).</summary>
internal readonly record struct OutputTerm(ValueRef Value, double Coefficient);
