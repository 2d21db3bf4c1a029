using System.Numerics;

namespace PolyNet.Generators.Planning;

/// <summary>What a network of a given depth costs: hidden neurons (exact, however large) and hidden layers.</summary>
internal sealed record DepthCost(BigInteger Neurons, int HiddenLayers)
{
    /// <summary>"4,294,967,296": invariant culture with thousands separators.</summary>
    public string NeuronText => Neurons.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
