using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using PolyNet.Kernels;

namespace PolyNet;

/// <summary>
/// The networks a method with <see cref="CategoryAttribute"/>s was compiled into: one energy network per category
/// (<see cref="Hamiltonians"/>), the normalised priors, the shared neuron count and the error bound of the
/// probabilities, with a reference classifier (<see cref="Evaluate"/>) and the exact one (<see cref="EvaluateExact"/>)
/// to compare against. Built from a <see cref="BoltzmannClassifierDefinition"/>; every collection it exposes is read-only.
/// </summary>
/// <remarks>
/// p(y | x) = softmax_y(−H_y(x) − μ_y) with μ_y = −ln π_y, π the normalised <see cref="Priors"/>; the softmax is
/// <see cref="Softmax"/>'s, which documents what NaN and infinite energies give.
/// </remarks>
public sealed partial class BoltzmannClassifier
{
    private const string ParameterName = "definition";

    /// <summary>Categories up to this count keep their energies on the stack.</summary>
    private const int StackLimit = 128;

    private readonly double[] _logPriors;
    private readonly SigmoidNetwork[] _hamiltonians;

    /// <summary>
    /// Builds the classifier from its definition (generated code calls this once per classifier). Every collection of
    /// <paramref name="definition"/> (and of its Hamiltonians) is copied, so the caller may change its own afterwards.
    /// </summary>
    /// <param name="definition">The classifier's description; see <see cref="BoltzmannClassifierDefinition"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/>, one of its collections or one of its Hamiltonians (or a property of one) is null.</exception>
    /// <exception cref="NotSupportedException">A version (the classifier's or a Hamiltonian's) is later than this runtime reads.</exception>
    /// <exception cref="FormatException">A text property of a Hamiltonian is malformed; the message names the category and the property.</exception>
    /// <exception cref="ArgumentException">
    /// The definition is well-formed but invalid: fewer than two categories, an empty or repeated name, a prior that is
    /// not positive and finite, counts that disagree, Hamiltonians over different inputs (names, bounds, kinds) or
    /// precisions, a neuron count below 0 or above the Hamiltonians' total, a negative or non-finite error bound, or an
    /// invalid Hamiltonian; the message names the property.
    /// </exception>
    public BoltzmannClassifier(BoltzmannClassifierDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var copy = definition.Snapshot();
        if (copy.Version > BoltzmannClassifierDefinition.SupportedVersion)
        {
            throw new NotSupportedException(string.Create(
                CultureInfo.InvariantCulture,
                $"BoltzmannClassifierDefinition.Version {copy.Version} is not supported: this runtime reads classifier descriptions up to version {BoltzmannClassifierDefinition.SupportedVersion}. Update the PolyNet.Generators package the code was built against."));
        }

        if (copy.Version < 1)
        {
            throw Invalid("Version", string.Create(CultureInfo.InvariantCulture, $"must be 1 or more, got {copy.Version}."));
        }

        RequireNotNull(copy.Categories, "Categories");
        RequireNotNull(copy.Priors, "Priors");
        RequireNotNull(copy.Hamiltonians, "Hamiltonians");
        if (!double.IsFinite(copy.MaxError) || copy.MaxError < 0)
        {
            throw Invalid("MaxError", string.Create(CultureInfo.InvariantCulture, $"is {copy.MaxError}; it must be finite and not negative."));
        }

        if (copy.NeuronCount < 0)
        {
            throw Invalid("NeuronCount", string.Create(CultureInfo.InvariantCulture, $"is {copy.NeuronCount}; it must not be negative."));
        }

        string[] categories = [.. copy.Categories];
        if (categories.Length < 2)
        {
            throw Invalid("Categories", string.Create(CultureInfo.InvariantCulture, $"a classifier needs at least two categories, got {categories.Length}."));
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int y = 0; y < categories.Length; y++)
        {
            if (string.IsNullOrEmpty(categories[y]))
            {
                throw Invalid("Categories", string.Create(CultureInfo.InvariantCulture, $"category {y} is named '{categories[y] ?? "null"}'; a name must not be empty."));
            }

            if (!seen.TryAdd(categories[y], y))
            {
                throw Invalid("Categories", string.Create(CultureInfo.InvariantCulture, $"the name '{categories[y]}' appears twice (categories {seen[categories[y]]} and {y})."));
            }
        }

        double[] priors = [.. copy.Priors];
        if (priors.Length != categories.Length)
        {
            throw Invalid("Priors", string.Create(CultureInfo.InvariantCulture, $"there must be one prior per category: {categories.Length} categories, {priors.Length} priors."));
        }

        for (int y = 0; y < priors.Length; y++)
        {
            if (!(priors[y] > 0) || double.IsInfinity(priors[y]))
            {
                throw Invalid("Priors", string.Create(CultureInfo.InvariantCulture, $"the prior of '{categories[y]}' is {priors[y]}; priors must be positive and finite."));
            }
        }

        if (copy.Hamiltonians.Count != categories.Length)
        {
            throw Invalid("Hamiltonians", string.Create(CultureInfo.InvariantCulture, $"there must be one Hamiltonian per category: {categories.Length} categories, {copy.Hamiltonians.Count} Hamiltonians."));
        }

        _hamiltonians = new SigmoidNetwork[categories.Length];
        var definitions = new SigmoidNetworkDefinition[categories.Length];
        long unshared = 0;
        for (int y = 0; y < categories.Length; y++)
        {
            var network = Build(copy.Hamiltonians[y], y, categories[y]);
            if (y > 0)
            {
                RequireSameInputs(_hamiltonians[0], network, y, categories[y]);
            }

            _hamiltonians[y] = network;
            definitions[y] = network.Definition;
            unshared += network.NeuronCount;
        }

        if (copy.NeuronCount > unshared)
        {
            throw Invalid("NeuronCount", string.Create(CultureInfo.InvariantCulture, $"is {copy.NeuronCount}, more than the {unshared} neurons of the Hamiltonians together (shared neurons count once)."));
        }

        Definition = new BoltzmannClassifierDefinition
        {
            Version = copy.Version,
            Categories = Array.AsReadOnly(categories),
            Priors = Array.AsReadOnly(priors),
            Hamiltonians = Array.AsReadOnly(definitions),
            NeuronCount = copy.NeuronCount,
            MaxError = copy.MaxError,
        };
        Hamiltonians = Array.AsReadOnly(_hamiltonians);
        UnsharedNeuronCount = checked((int)unshared);
        (var normalised, _logPriors) = Normalise(priors);
        Priors = Array.AsReadOnly(normalised);
        LogPriors = Array.AsReadOnly((double[])_logPriors.Clone());
    }

    /// <summary>
    /// A copy of the definition the classifier was built from, with read-only collections (its Hamiltonians are the
    /// <see cref="SigmoidNetwork.Definition"/>s of <see cref="Hamiltonians"/>).
    /// </summary>
    public BoltzmannClassifierDefinition Definition { get; }

    /// <summary>The category names, in attribute order; a category's index is its position here.</summary>
    public IReadOnlyList<string> Categories => Definition.Categories;

    /// <summary>The priors normalised to sum to 1 (up to rounding): π_y / Σ_k π_k.</summary>
    public IReadOnlyList<double> Priors { get; }

    /// <summary>
    /// The natural logarithms of the normalised priors, ln(π_y / Σ_k π_k) = −μ_y, computed without overflow or
    /// underflow however large or small the priors as written.
    /// </summary>
    public IReadOnlyList<double> LogPriors { get; }

    /// <summary>Each category's energy network H_y, in category order.</summary>
    public IReadOnlyList<SigmoidNetwork> Hamiltonians { get; }

    /// <summary>The input names, in parameter order (those of every Hamiltonian).</summary>
    public IReadOnlyList<string> Inputs => _hamiltonians[0].Inputs;

    /// <summary>The bound |input| ≤ B of each input, in parameter order.</summary>
    public IReadOnlyList<double> InputBounds => _hamiltonians[0].InputBounds;

    /// <summary>What each input takes, in parameter order: continuous, a bit or a spin.</summary>
    public IReadOnlyList<InputKind> InputKinds => _hamiltonians[0].InputKinds;

    /// <summary>The floating-point type the generated code computes in.</summary>
    public NetworkPrecision Precision => _hamiltonians[0].Precision;

    /// <summary>The neurons the generated classifier evaluates, a neuron shared by several categories counted once.</summary>
    public int NeuronCount => Definition.NeuronCount;

    /// <summary>The neurons of the Hamiltonians evaluated separately: Σ_y <see cref="SigmoidNetwork.NeuronCount"/>.</summary>
    public int UnsharedNeuronCount { get; }

    /// <summary>
    /// An upper bound on |p_network(y | x) − p_exact(y | x)| for every category and every input inside its bounds,
    /// including the rounding of the generated code's arithmetic.
    /// </summary>
    public double MaxError => Definition.MaxError;

    /// <summary>
    /// The reference classifier: each category's energy from its network (<see cref="SigmoidNetwork.Evaluate"/>), then
    /// the stable softmax with the log priors (<see cref="Softmax"/>). Returns the most probable category's index, the
    /// first on ties; −1 when the probabilities are NaN (a NaN input).
    /// </summary>
    /// <param name="inputs">One value per input, in parameter order: bits as 0 or 1, spins as −1 or +1.</param>
    /// <param name="probabilities">Receives one probability per category, in category order.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="probabilities"/> does not hold one element per category, or <paramref name="inputs"/> one value
    /// per input; nothing is written.
    /// </exception>
    public int Evaluate(ReadOnlySpan<double> inputs, Span<double> probabilities)
    {
        RequireCategoryCount(probabilities.Length, nameof(probabilities));
        RequireInputCount(inputs);
        Span<double> energies = _hamiltonians.Length <= StackLimit ? stackalloc double[_hamiltonians.Length] : new double[_hamiltonians.Length];
        Energies(inputs, energies, exact: false);
        return Softmax.Probabilities(energies, _logPriors, probabilities);
    }

    /// <summary>
    /// The exact classifier: as <see cref="Evaluate"/> with each energy from the exact polynomial
    /// (<see cref="SigmoidNetwork.EvaluatePolynomial"/>).
    /// </summary>
    /// <param name="inputs">One value per input, in parameter order: bits as 0 or 1, spins as −1 or +1.</param>
    /// <param name="probabilities">Receives one probability per category, in category order.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="probabilities"/> does not hold one element per category, or <paramref name="inputs"/> one value
    /// per input; nothing is written.
    /// </exception>
    public int EvaluateExact(ReadOnlySpan<double> inputs, Span<double> probabilities)
    {
        RequireCategoryCount(probabilities.Length, nameof(probabilities));
        RequireInputCount(inputs);
        Span<double> energies = _hamiltonians.Length <= StackLimit ? stackalloc double[_hamiltonians.Length] : new double[_hamiltonians.Length];
        Energies(inputs, energies, exact: true);
        return Softmax.Probabilities(energies, _logPriors, probabilities);
    }

    /// <summary>
    /// The reference log-probabilities ln p(y | x): the energies of <see cref="Evaluate"/>, then
    /// <see cref="Softmax.LogProbabilities(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>, finite however
    /// improbable the category.
    /// </summary>
    /// <param name="inputs">One value per input, in parameter order: bits as 0 or 1, spins as −1 or +1.</param>
    /// <param name="logProbabilities">Receives one log-probability per category, in category order.</param>
    /// <exception cref="ArgumentException">
    /// <paramref name="logProbabilities"/> does not hold one element per category, or <paramref name="inputs"/> one
    /// value per input; nothing is written.
    /// </exception>
    public void EvaluateLogProbabilities(ReadOnlySpan<double> inputs, Span<double> logProbabilities)
    {
        RequireCategoryCount(logProbabilities.Length, nameof(logProbabilities));
        RequireInputCount(inputs);
        Span<double> energies = _hamiltonians.Length <= StackLimit ? stackalloc double[_hamiltonians.Length] : new double[_hamiltonians.Length];
        Energies(inputs, energies, exact: false);
        Softmax.LogProbabilities(energies, _logPriors, logProbabilities);
    }

    /// <summary>Each category's energy: its network neuron by neuron, or (<paramref name="exact"/>) its exact polynomial.</summary>
    private void Energies(ReadOnlySpan<double> inputs, Span<double> energies, bool exact)
    {
        for (int y = 0; y < energies.Length; y++)
        {
            energies[y] = exact ? _hamiltonians[y].EvaluatePolynomial(inputs) : _hamiltonians[y].Evaluate(inputs);
        }
    }

    /// <summary>A one-line summary: categories, inputs, neurons (shared and not) and the error bound.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Boltzmann classifier over ({string.Join(", ", Inputs)}) into {Categories.Count} categories ({string.Join(", ", Categories)}): {NeuronCount} {(NeuronCount == 1 ? "neuron" : "neurons")} ({UnsharedNeuronCount} without sharing), max error {MaxError:G3} per probability for |input| <= bound");

    /// <summary>
    /// The normalised priors and their logarithms: divided by the largest prior first (no overflow), ln of a ratio
    /// when it is a normal number and a difference of logarithms when it underflows, and ln Σ through log1p.
    /// </summary>
    private static (double[] Priors, double[] LogPriors) Normalise(double[] priors)
    {
        int best = Softmax.ArgMax(priors);
        double max = priors[best];
        var rest = default(NeumaierSum);
        for (int y = 0; y < priors.Length; y++)
        {
            if (y != best)
            {
                rest.Add(priors[y] / max);
            }
        }

        double total = 1.0 + rest.Value;
        double logTotal = Softmax.LogOnePlus(rest.Value);
        var normalised = new double[priors.Length];
        var logs = new double[priors.Length];
        for (int y = 0; y < priors.Length; y++)
        {
            double ratio = priors[y] / max;
            normalised[y] = ratio / total;
            double logRatio = y == best ? 0.0 : double.IsNormal(ratio) ? Math.Log(ratio) : Math.Log(priors[y]) - Math.Log(max);
            logs[y] = logRatio - logTotal;
        }

        return (normalised, logs);
    }

    private static SigmoidNetwork Build(SigmoidNetworkDefinition? hamiltonian, int index, string category)
    {
        string where = string.Create(CultureInfo.InvariantCulture, $"BoltzmannClassifierDefinition.Hamiltonians[{index}] (category '{category}')");
        if (hamiltonian is null)
        {
            throw new ArgumentNullException(ParameterName, $"{where} is null.");
        }

        try
        {
            return new SigmoidNetwork(hamiltonian);
        }
        catch (ArgumentNullException e)
        {
            throw new ArgumentNullException(ParameterName, $"{where}: {Bare(e)}");
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"{where}: {Bare(e)}", ParameterName, e);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{where}: {e.Message}", e);
        }
        catch (NotSupportedException e)
        {
            throw new NotSupportedException($"{where}: {e.Message}", e);
        }
    }

    /// <summary>An argument exception's message without the " (Parameter '…')" suffix the runtime appends.</summary>
    private static string Bare(ArgumentException e)
    {
        string message = e.Message;
        string suffix = $" (Parameter '{e.ParamName}')";
        return e.ParamName is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }

    private static void RequireSameInputs(SigmoidNetwork first, SigmoidNetwork other, int index, string category)
    {
        string where = string.Create(CultureInfo.InvariantCulture, $"Hamiltonian {index} (category '{category}')");
        if (other.Inputs.Count != first.Inputs.Count)
        {
            throw Invalid("Hamiltonians", string.Create(CultureInfo.InvariantCulture, $"{where} has {other.Inputs.Count} inputs, Hamiltonian 0 has {first.Inputs.Count}; every Hamiltonian has the same Inputs."));
        }

        for (int i = 0; i < first.Inputs.Count; i++)
        {
            if (!string.Equals(other.Inputs[i], first.Inputs[i], StringComparison.Ordinal))
            {
                throw Invalid("Hamiltonians", string.Create(CultureInfo.InvariantCulture, $"{where} names input {i} '{other.Inputs[i]}', Hamiltonian 0 '{first.Inputs[i]}'; every Hamiltonian has the same Inputs."));
            }

            if (!other.InputBounds[i].Equals(first.InputBounds[i]))
            {
                throw Invalid("Hamiltonians", string.Create(CultureInfo.InvariantCulture, $"{where} bounds '{first.Inputs[i]}' by {other.InputBounds[i]}, Hamiltonian 0 by {first.InputBounds[i]}; every Hamiltonian has the same InputBounds."));
            }

            if (other.InputKinds[i] != first.InputKinds[i])
            {
                throw Invalid("Hamiltonians", string.Create(CultureInfo.InvariantCulture, $"{where} reads '{first.Inputs[i]}' as {other.InputKinds[i]}, Hamiltonian 0 as {first.InputKinds[i]}; every Hamiltonian has the same InputKinds."));
            }
        }

        if (other.Precision != first.Precision)
        {
            throw Invalid("Hamiltonians", string.Create(CultureInfo.InvariantCulture, $"{where} computes in {other.Precision}, Hamiltonian 0 in {first.Precision}; every Hamiltonian has the same Precision."));
        }
    }

    private static void RequireNotNull(object? value, string property)
    {
        if (value is null)
        {
            throw new ArgumentNullException(ParameterName, $"BoltzmannClassifierDefinition.{property} is null.");
        }
    }

    /// <summary>Well-formed but invalid content: the property, then the details.</summary>
    private static ArgumentException Invalid(string property, string details) =>
        new($"BoltzmannClassifierDefinition.{property}: {details}", ParameterName);

    private void RequireCategoryCount(int length, string name)
    {
        if (length != _hamiltonians.Length)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected one element per category ({_hamiltonians.Length}: {string.Join(", ", Categories)}), got {length}."), name);
        }
    }

    private void RequireInputCount(ReadOnlySpan<double> inputs)
    {
        if (inputs.Length != Inputs.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected {Inputs.Count} input values ({string.Join(", ", Inputs)}), got {inputs.Length}."), nameof(inputs));
        }
    }
}
