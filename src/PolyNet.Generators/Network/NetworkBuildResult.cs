namespace PolyNet.Generators.Network;

/// <summary>The network, or why it was refused (only the neuron limit can refuse a valid polynomial).</summary>
internal sealed record NetworkBuildResult(NetworkModel? Network, string? LimitMessage);
