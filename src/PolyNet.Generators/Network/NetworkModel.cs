using System.Collections.Immutable;
using System.Linq;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Network;

/// <summary>
/// The compiled network: its gates in evaluation order and the output map constant + Σ coefficient·value. The neurons
/// and synapses follow from the gates (the runtime's description expands them).
/// </summary>
/// <param name="InputBounds">|input| ≤ bound for each input (1 for bits and spins).</param>
/// <param name="MaxError">Upper bound on |network − polynomial| for inputs inside their bounds.</param>
/// <param name="AccumulatesOutputInDouble">
/// True for networks over bits or spins in float: the output sum is accumulated in double and rounded to float once,
/// so that its rounding stays below 1e-6 of the Hamiltonian's scale (MaxError assumes it).
/// </param>
internal sealed class NetworkModel(
    NumericPrecision precision,
    ImmutableArray<double> inputBounds,
    ImmutableArray<Gate> gates,
    double outputConstant,
    ImmutableArray<OutputTerm> outputTerms,
    double maxError,
    bool accumulatesOutputInDouble = false)
{
    public NumericPrecision Precision { get; } = precision;

    public ImmutableArray<double> InputBounds { get; } = inputBounds;

    public ImmutableArray<Gate> Gates { get; } = gates;

    public double OutputConstant { get; } = outputConstant;

    public ImmutableArray<OutputTerm> OutputTerms { get; } = outputTerms;

    public double MaxError { get; } = maxError;

    public bool AccumulatesOutputInDouble { get; } = accumulatesOutputInDouble;

    public int NeuronCount => Gates.Sum(g => g.NeuronCount);

    public int HiddenLayers => Gates.IsEmpty ? 0 : Gates.Max(g => g.Layer);

    /// <summary>The inputs the network reads (through a gate or the output).</summary>
    public ImmutableHashSet<int> UsedInputs =>
        Gates.SelectMany(g => g.Operands).Concat(OutputTerms.Select(t => t.Value))
            .Where(v => !v.IsGate).Select(v => v.Index).ToImmutableHashSet();
}
