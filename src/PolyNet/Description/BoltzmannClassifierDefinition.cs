using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace PolyNet;

/// <summary>
/// Everything a <see cref="BoltzmannClassifier"/> is built from: plain data, written by generated code with an object
/// initializer for a method with <see cref="CategoryAttribute"/>s. One entry per category, in attribute order, in each of
/// <see cref="Categories"/>, <see cref="Priors"/> and <see cref="Hamiltonians"/>; new optional properties may be added
/// in later versions without breaking code compiled against this one.
/// </summary>
/// <remarks>
/// The classifier's probabilities are p(y | x) = softmax_y(−H_y(x) − μ_y) with μ_y = −ln(π_y / Σ_k π_k), H_y the
/// polynomial of <see cref="Hamiltonians"/>[y] and π_y = <see cref="Priors"/>[y].
/// </remarks>
public sealed class BoltzmannClassifierDefinition
{
    /// <summary>The classifier description format version this runtime reads.</summary>
    internal const int SupportedVersion = 1;

    /// <summary>
    /// The format version of this description; 1 by default, the only version this runtime reads: a later one makes
    /// <see cref="BoltzmannClassifier"/>'s constructor throw <see cref="NotSupportedException"/>.
    /// </summary>
    public int Version { get; init; } = SupportedVersion;

    /// <summary>The category names, in attribute order: at least two, each non-empty, all distinct (ordinal).</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>
    /// The prior weights π_y as written (<see cref="CategoryAttribute.Prior"/>), one per category: positive and finite,
    /// not normalised (only their ratios matter).
    /// </summary>
    public IReadOnlyList<double> Priors { get; init; } = [];

    /// <summary>
    /// Each category's energy network, one per category: every one has the same <see cref="SigmoidNetworkDefinition.Inputs"/>,
    /// <see cref="SigmoidNetworkDefinition.InputBounds"/>, <see cref="SigmoidNetworkDefinition.InputKinds"/> (null
    /// counting as all continuous) and <see cref="SigmoidNetworkDefinition.Precision"/>.
    /// </summary>
    public IReadOnlyList<SigmoidNetworkDefinition> Hamiltonians { get; init; } = [];

    /// <summary>
    /// The neurons the generated classifier evaluates, a neuron shared by several categories counted once: not negative
    /// and at most the sum of the <see cref="Hamiltonians"/>' own neuron counts.
    /// </summary>
    public int NeuronCount { get; init; }

    /// <summary>
    /// An upper bound on |p_network(y | x) − p_exact(y | x)| for every category and every input inside its bounds,
    /// including the rounding of the generated code's arithmetic; finite and not negative.
    /// </summary>
    public double MaxError { get; init; }

    /// <summary>
    /// A copy whose collections are fresh read-only arrays (each Hamiltonian's too), so that later changes to the
    /// caller's collections cannot reach it. Null collections and null Hamiltonians are kept null for the validation to
    /// report.
    /// </summary>
    internal BoltzmannClassifierDefinition Snapshot()
    {
        ReadOnlyCollection<SigmoidNetworkDefinition>? hamiltonians = null;
        if (Hamiltonians is not null)
        {
            var copy = new SigmoidNetworkDefinition[Hamiltonians.Count];
            for (int y = 0; y < copy.Length; y++)
            {
                copy[y] = Hamiltonians[y]?.Snapshot()!;
            }

            hamiltonians = Array.AsReadOnly(copy);
        }

        return new()
        {
            Version = Version,
            Categories = SigmoidNetworkDefinition.Copy(Categories)!,
            Priors = SigmoidNetworkDefinition.Copy(Priors)!,
            Hamiltonians = hamiltonians!,
            NeuronCount = NeuronCount,
            MaxError = MaxError,
        };
    }
}
