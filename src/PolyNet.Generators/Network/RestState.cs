using System.Linq;

namespace PolyNet.Generators.Network;

/// <summary>The network's state at all-zero input, which <c>SigmoidNetwork.Evaluate</c> expands around.</summary>
internal static class RestState
{
    /// <summary>
    /// The output at all-zero input: every product gate outputs 0 there (so the output constant), but a bit product
    /// rests at σ(bias), which its output coefficient carries in.
    /// </summary>
    public static double RestOutput(this NetworkModel network) =>
        network.OutputConstant + network.GateTerms
            .Where(term => network.Gates[term.Gate].Kind == GateKind.BitProduct)
            .Sum(term => term.Coefficient * Sigmoid.Value(network.Neurons[network.Gates[term.Gate].FirstNeuron].Bias));
}
