using System.Collections.Immutable;

namespace PolyNet.Generators.Network;

/// <summary>
/// The compiled network, in two equivalent views: <see cref="Gates"/> (how the generated code evaluates
/// it) and <see cref="Neurons"/> + output synapses (the flat description the runtime interprets).
/// </summary>
/// <param name="LinearTerms">Output coefficients of the input variables (zero where absent).</param>
/// <param name="GateTerms">Output coefficients of gate outputs, by gate index.</param>
/// <param name="MaxError">Upper bound on |network − polynomial| for inputs inside their bounds.</param>
internal sealed record NetworkModel(
    NumericPrecision Precision,
    ImmutableArray<double> InputBounds,
    ImmutableArray<GateModel> Gates,
    double OutputConstant,
    ImmutableArray<double> LinearTerms,
    ImmutableArray<(int Gate, double Coefficient)> GateTerms,
    ImmutableArray<NeuronModel> Neurons,
    double OutputBias,
    ImmutableArray<SynapseModel> OutputSynapses,
    double MaxError)
{
    /// <summary>
    /// True for networks over bits or spins in float: the output sum is accumulated in double and rounded to float
    /// once, so that its rounding stays below 1e-6 of the Hamiltonian's scale (MaxError assumes it).
    /// </summary>
    public bool AccumulatesOutputInDouble { get; init; }

    public int NeuronCount => Neurons.Length;

    public int HiddenLayers
    {
        get
        {
            int max = 0;
            foreach (var gate in Gates)
            {
                max = System.Math.Max(max, gate.Layer);
            }

            return max;
        }
    }

    public int SynapseCount
    {
        get
        {
            int count = OutputSynapses.Length;
            foreach (var neuron in Neurons)
            {
                count += neuron.Synapses.Length;
            }

            return count;
        }
    }
}
