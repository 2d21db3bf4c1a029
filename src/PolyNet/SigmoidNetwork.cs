using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using PolyNet.Description;

namespace PolyNet;

/// <summary>
/// The network a <see cref="HamiltonianAttribute"/> method was compiled into: its weights, sizes and error
/// bound, with a neuron-by-neuron reference interpreter (<see cref="Evaluate"/>) and the exact polynomial
/// (<see cref="EvaluatePolynomial"/>) to compare against. Built from a <see cref="SigmoidNetworkDefinition"/>, whose
/// gate table it expands into neurons; every collection it exposes is read-only.
/// </summary>
public sealed partial class SigmoidNetwork
{
    private readonly int _inputCount;
    private readonly ReadOnlyCollection<string> _inputs;
    private readonly ReadOnlyCollection<double> _inputBounds;
    private readonly ReadOnlyCollection<InputKind> _inputKinds;
    private readonly ReadOnlyCollection<Neuron> _neurons;
    private readonly ReadOnlyCollection<Synapse> _output;
    private readonly ParsedTerms _terms;

    // The parsed gate table and the neurons each gate added, for the diagrams (SigmoidNetwork.Diagrams.cs).
    private readonly ParsedDefinition _parsed;
    private readonly int[] _gateNeuronStarts;

    // The expanded weights, row-wise: neuron i reads _sources/_weights[_rowStarts[i] .. _rowStarts[i + 1]].
    private readonly int[] _rowStarts;
    private readonly int[] _sources;
    private readonly double[] _weights;
    private readonly int[] _outputSources;
    private readonly double[] _outputWeights;

    // The resting state (every input 0): each neuron's preactivation there, and the output there.
    private readonly double[] _restPreactivation;
    private readonly ReadOnlyCollection<double> _restPreactivations;
    private readonly double _restOutput;

    // Per neuron, the Taylor coefficients of σ around its resting preactivation (SigmoidSeries).
    private readonly double[] _restSeries;

    /// <summary>
    /// Builds the network from its definition (generated code calls this once per Hamiltonian). Every collection of
    /// <paramref name="definition"/> is copied, so the caller may change its own afterwards; the gate table is
    /// validated and expanded into neurons.
    /// </summary>
    /// <param name="definition">The network's description; see <see cref="SigmoidNetworkDefinition"/> for the formats.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/>, or one of its text properties or required collections, is null.</exception>
    /// <exception cref="NotSupportedException"><see cref="SigmoidNetworkDefinition.Version"/> is later than this runtime reads.</exception>
    /// <exception cref="FormatException">A text property is malformed; the message names the property, the line and the token.</exception>
    /// <exception cref="ArgumentException">
    /// The definition is well-formed but invalid: an unknown input, a gate read before it is defined, counts that
    /// disagree (bounds, kinds, exponents, multipliers), a non-finite number or bound; the message names the property.
    /// </exception>
    public SigmoidNetwork(SigmoidNetworkDefinition definition)
    {
        var parsed = DefinitionParser.Parse(definition);
        var expansion = NetworkExpansion.Expand(parsed);
        var copy = parsed.Definition;

        Definition = copy;
        Expression = copy.Expression;
        Polynomial = copy.Polynomial;
        Precision = copy.Precision;
        InputBound = copy.InputBound;
        MaxError = copy.MaxError;
        MaxGradientError = copy.MaxGradientError;
        HiddenLayers = parsed.HiddenLayers;
        _inputCount = parsed.InputCount;
        _inputs = Array.AsReadOnly(parsed.Inputs);
        _inputBounds = Array.AsReadOnly(parsed.InputBounds);
        _inputKinds = Array.AsReadOnly(parsed.InputKinds);
        _terms = parsed.Terms;
        _parsed = parsed;
        _gateNeuronStarts = expansion.GateNeuronStarts;

        _rowStarts = expansion.RowStarts;
        _sources = expansion.Sources;
        _weights = expansion.Weights;
        _outputSources = expansion.OutputSources;
        _outputWeights = expansion.OutputWeights;
        _restPreactivation = expansion.RestPreactivations;
        _restPreactivations = Array.AsReadOnly((double[])_restPreactivation.Clone());
        _restOutput = expansion.RestOutput;
        _restSeries = new double[_restPreactivation.Length * SigmoidSeries.Terms];
        for (int i = 0; i < _restPreactivation.Length; i++)
        {
            SigmoidSeries.Coefficients(_restPreactivation[i], _restSeries.AsSpan(i * SigmoidSeries.Terms, SigmoidSeries.Terms));
        }

        OutputBias = expansion.OutputBias;

        int[] layers = expansion.Layers;
        double[] biases = expansion.Biases;
        var neurons = new Neuron[layers.Length];
        for (int i = 0; i < neurons.Length; i++)
        {
            neurons[i] = new Neuron(layers[i], biases[i], Synapses(_sources, _weights, _rowStarts[i], _rowStarts[i + 1]));
        }

        _neurons = Array.AsReadOnly(neurons);
        _output = Synapses(_outputSources, _outputWeights, 0, _outputSources.Length);
        SynapseCount = _sources.Length + _outputSources.Length;
    }

    /// <summary>
    /// A copy of the definition the network was built from, with read-only collections (the caller's own
    /// collections are not shared with it).
    /// </summary>
    public SigmoidNetworkDefinition Definition { get; }

    /// <summary>The expression as written in the attribute.</summary>
    public string Expression { get; }

    /// <summary>The canonical expanded polynomial the network approximates.</summary>
    public string Polynomial { get; }

    /// <summary>The floating-point type the generated code computes in.</summary>
    public NetworkPrecision Precision { get; }

    /// <summary>The input names, in parameter order (read-only).</summary>
    public IReadOnlyList<string> Inputs => _inputs;

    /// <summary>The bound |input| ≤ B assumed for each input, in parameter order (read-only).</summary>
    public IReadOnlyList<double> InputBounds => _inputBounds;

    /// <summary>
    /// What each input takes, in parameter order: continuous, a bit (pass 0 or 1) or a spin (pass −1 or +1). A
    /// <c>bool</c> parameter is a bit and a <c>[Spin]</c> parameter a spin; their bound is 1.
    /// </summary>
    public IReadOnlyList<InputKind> InputKinds => _inputKinds;

    /// <summary>The attribute's default bound (<see cref="HamiltonianAttribute.InputBound"/>).</summary>
    public double InputBound { get; }

    /// <summary>The number of sigmoid neurons.</summary>
    public int NeuronCount => _neurons.Count;

    /// <summary>The number of hidden layers (0 when the polynomial is affine).</summary>
    public int HiddenLayers { get; }

    /// <summary>The number of non-zero weights, hidden and output.</summary>
    public int SynapseCount { get; }

    /// <summary>
    /// An upper bound on |network − polynomial| for every input inside its bound, including the rounding of
    /// the generated code's arithmetic.
    /// </summary>
    public double MaxError { get; }

    /// <summary>
    /// An upper bound on |∂network/∂xᵢ − ∂polynomial/∂xᵢ| over the continuous inputs xᵢ, for every input inside its
    /// bound, including the rounding of the generated gradient's arithmetic (docs/design.md §14); NaN when the
    /// definition does not give one.
    /// </summary>
    public double MaxGradientError { get; }

    /// <summary>
    /// The neurons in evaluation order (read-only), gate by gate as the table lists them: σ(b+p), σ(b−p), σ(b+q),
    /// σ(b−q) for a mul gate, σ(b+p), σ(b−p) for a sq gate and for each new pair of a flat gate, one neuron for a bit gate.
    /// </summary>
    public IReadOnlyList<Neuron> Neurons => _neurons;

    /// <summary>The output's constant term.</summary>
    public double OutputBias { get; }

    /// <summary>The output's non-zero weights over inputs and neurons, sources ascending (read-only).</summary>
    public IReadOnlyList<Synapse> Output => _output;

    /// <summary>
    /// Each neuron's preactivation when every input is 0, the state <see cref="Evaluate"/> expands around (read-only).
    /// Computed from the gates, not from the rounded expanded weights: its gate's bias + Σ weight·(resting operand),
    /// where an input and a product gate (mul, sq, flat) rest at 0 and a bit gate at σ(its resting preactivation).
    /// Equal, up to the rounding of the stored weights, to bias + Σ weight·(resting source value).
    /// </summary>
    public IReadOnlyList<double> RestPreactivations => _restPreactivations;

    /// <summary>The network's output when every input is 0: the output constant plus the resting bit gates' contributions.</summary>
    public double RestOutput => _restOutput;

    /// <summary>
    /// Evaluates the network neuron by neuron from its expanded weights (the reference the generated code is
    /// tested against). <paramref name="inputs"/> holds one value per input, in parameter order: bits as 0 or 1 and
    /// spins as −1 or +1 (see <see cref="InputKinds"/>).
    /// </summary>
    /// <remarks>
    /// <para>Each neuron is carried as its deviation from the resting state (all inputs 0): σ(a + s) − σ(a) with a
    /// the resting preactivation, computed through expm1, and every weighted sum is compensated. The gates'
    /// information lies in tiny deviations of sigmoids from their resting values, so a plain evaluation would
    /// lose most of its digits to cancellation; this one keeps them.</para>
    /// <para>Every finite input gives the network's value, however far outside the bounds: saturated neurons are
    /// exactly 0 or 1 away from rest, and a weighted sum too large for double is rescaled instead of overflowing (the
    /// result is infinite only when the network's output itself exceeds the range of double). An infinite input gives
    /// the network's limit, or NaN when infinite contributions of opposite signs meet in one preactivation (no limit
    /// exists there). A NaN input gives NaN.</para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> does not hold one value per input.</exception>
    public double Evaluate(ReadOnlySpan<double> inputs)
    {
        RequireInputCount(inputs);
        foreach (double input in inputs)
        {
            if (double.IsNaN(input))
            {
                return double.NaN;
            }
        }

        int count = _inputCount + _neurons.Count;
        double[]? rented = count > 128 ? ArrayPool<double>.Shared.Rent(2 * count) : null;
        Span<double> scratch = rented is null ? stackalloc double[2 * count] : rented.AsSpan(0, 2 * count);
        Span<double> deviations = scratch.Slice(0, count), restParts = scratch.Slice(count, count);
        try
        {
            return Forward(inputs, deviations, restParts, default);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The forward pass over deviations from rest (see <see cref="Evaluate"/>); with <paramref name="shifts"/> it also
    /// keeps each neuron's shift s = preactivation − resting preactivation, which the backward pass differentiates at.
    /// </summary>
    private double Forward(ReadOnlySpan<double> inputs, Span<double> deviations, Span<double> restParts, Span<double> shifts)
    {
        inputs.CopyTo(deviations);
        restParts.Clear();
        for (int i = 0; i < _restPreactivation.Length; i++)
        {
            int start = _rowStarts[i], length = _rowStarts[i + 1] - start;
            double shift = Affine(_sources.AsSpan(start, length), _weights.AsSpan(start, length), deviations, restParts);
            if (!shifts.IsEmpty)
            {
                shifts[i] = shift;
            }

            (deviations[_inputCount + i], restParts[_inputCount + i]) = SplitDeviation(_restPreactivation[i], shift, _restSeries.AsSpan(i * SigmoidSeries.Terms, SigmoidSeries.Terms));
        }

        return _restOutput + Affine(_outputSources, _outputWeights, deviations, restParts);
    }

    /// <summary>
    /// Evaluates the exact expanded polynomial (<see cref="SigmoidNetworkDefinition.Terms"/>) in double arithmetic;
    /// bits as 0 or 1 and spins as −1 or +1, for which the polynomial (already reduced by y² = y and s² = 1) gives the
    /// exact energy. Costs one multiplication per unit of non-zero exponent, however many inputs there are.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> does not hold one value per input.</exception>
    public double EvaluatePolynomial(ReadOnlySpan<double> inputs)
    {
        RequireInputCount(inputs);
        double[] coefficients = _terms.Coefficients;
        int[] starts = _terms.Starts, factors = _terms.Inputs, powers = _terms.Powers;
        double sum = 0;
        for (int term = 0; term < coefficients.Length; term++)
        {
            // Inputs ascending, one multiplication per unit of exponent: the order of the dense loop this replaced.
            double product = coefficients[term];
            for (int k = starts[term]; k < starts[term + 1]; k++)
            {
                for (int power = powers[k]; power > 0; power--)
                {
                    product *= inputs[factors[k]];
                }
            }

            sum += product;
        }

        return sum;
    }

    /// <summary>A one-line summary: polynomial, size and error bound.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Polynomial}: {NeuronCount} neurons in {HiddenLayers} hidden layers, {SynapseCount} synapses, max error {MaxError:G3} for |input| <= bound");

    private static ReadOnlyCollection<Synapse> Synapses(int[] sources, double[] weights, int start, int end)
    {
        var row = new Synapse[end - start];
        for (int k = start; k < end; k++)
        {
            row[k - start] = new Synapse(sources[k], weights[k]);
        }

        return Array.AsReadOnly(row);
    }

    /// <summary>
    /// Σ weight·(value + restPart) as if in twice the working precision (Ogita–Rump–Oishi Dot2): the flat weights of
    /// a deep gate are large and cancel (±C·λ/U per neuron), and a plain sum would lose digits the network has. A
    /// saturated neuron's deviation arrives in two parts (see <see cref="SplitDeviation"/>), so the constant parts of
    /// the neurons of one gate cancel exactly here instead of leaving their rounding behind. A sum that is not finite is
    /// redone: with an infinite value, as the sign of its infinite terms (NaN when they disagree); with finite values
    /// whose products or sum overflowed, rescaled by 2^−600 and scaled back (infinite only if the sum is).
    /// </summary>
    private static double Affine(ReadOnlySpan<int> sources, ReadOnlySpan<double> weights, ReadOnlySpan<double> values, ReadOnlySpan<double> restParts)
    {
        double sum = Dot2(sources, weights, values, restParts, 1.0);
        if (double.IsFinite(sum))
        {
            return sum;
        }

        int infiniteSign = 0;
        for (int k = 0; k < sources.Length; k++)
        {
            double value = values[sources[k]];
            if (double.IsNaN(value))
            {
                return double.NaN;
            }

            if (double.IsInfinity(value))
            {
                int sign = Math.Sign(weights[k]) * Math.Sign(value);
                if (infiniteSign != 0 && sign != infiniteSign)
                {
                    return double.NaN;
                }

                infiniteSign = sign;
            }
        }

        if (infiniteSign != 0)
        {
            return infiniteSign * double.PositiveInfinity;
        }

        return Math.ScaleB(Dot2(sources, weights, values, restParts, Math.ScaleB(1.0, -600)), 600);
    }

    private static double Dot2(ReadOnlySpan<int> sources, ReadOnlySpan<double> weights, ReadOnlySpan<double> values, ReadOnlySpan<double> restParts, double scale)
    {
        double sum = 0, compensation = 0;
        for (int k = 0; k < sources.Length; k++)
        {
            double weight = weights[k] * scale;
            Add(weight, values[sources[k]]);
            double rest = restParts[sources[k]];
            if (rest != 0)
            {
                Add(weight, rest);
            }
        }

        return sum + compensation;

        void Add(double weight, double value)
        {
            double product = weight * value;
            double productError = Math.FusedMultiplyAdd(weight, value, -product);
            double next = sum + product;
            double virtualProduct = next - sum;
            double sumError = (sum - (next - virtualProduct)) + (product - virtualProduct);
            sum = next;
            compensation += productError + sumError;
        }
    }

    /// <summary>
    /// σ(a + s) − σ(a) as (part, restPart) whose sum it is, split so that what cancels between the neurons of a gate
    /// cancels exactly in <see cref="Dot2"/> instead of leaving its rounding behind:
    /// <list type="bullet">
    /// <item>a small shift (|s| ≤ 0.125, every deep gate inside its bounds): the odd and even parts of the Taylor series
    /// around a (<see cref="SigmoidSeries"/>); a ± pair's odd parts cancel and its value is the even parts;</item>
    /// <item>a neuron driven well past its rest toward 1: σ(−a) − σ(−x) (x = a + s), toward 0: σ(x) − σ(a); the
    /// constant ±σ(∓a) is the rest part, shared by the saturated neurons of a gate, whose weighted constants cancel;</item>
    /// <item>elsewhere one number, through expm1 (<see cref="SigmoidDeviation"/>).</item>
    /// </list>
    /// </summary>
    private static (double Part, double RestPart) SplitDeviation(double a, double s, ReadOnlySpan<double> series)
    {
        if (Math.Abs(s) <= SigmoidSeries.Radius)
        {
            var (odd, even) = SigmoidSeries.Split(series, s);
            return (odd, even);
        }

        double x = a + s;
        if (s >= 1 && x >= 2)
        {
            return (-Sigmoid(-x), Sigmoid(-a));
        }

        if (s <= -1 && x <= -2)
        {
            return (Sigmoid(x), -Sigmoid(a));
        }

        return (SigmoidDeviation(a, s), 0);
    }

    /// <summary>
    /// σ(a + s) − σ(a) without cancellation or overflow, for any s (±∞ included):
    /// (e^(−a) − e^(−x)) / ((1 + e^(−x))(1 + e^(−a))) with x = a + s when a and x are not far below 0, the mirrored
    /// (e^x − e^a) / ((1 + e^x)(1 + e^a)) when they are not far above, and the plain difference when they lie far on
    /// opposite sides (where it cannot cancel). The numerators are written through expm1 of a non-positive argument.
    /// </summary>
    private static double SigmoidDeviation(double a, double s)
    {
        if (double.IsNaN(s))
        {
            return double.NaN;
        }

        const double Far = 300;   // e^300 squared stays below double's range
        double x = a + s;
        if (Math.Min(a, x) >= -Far)
        {
            double numerator = s >= 0 ? -Math.Exp(-a) * ExpMinusOne.Of(-s) : Math.Exp(-x) * ExpMinusOne.Of(s);
            return numerator / ((1 + Math.Exp(-x)) * (1 + Math.Exp(-a)));
        }

        if (Math.Max(a, x) <= Far)
        {
            double numerator = s >= 0 ? -Math.Exp(x) * ExpMinusOne.Of(-s) : Math.Exp(a) * ExpMinusOne.Of(s);
            return numerator / ((1 + Math.Exp(x)) * (1 + Math.Exp(a)));
        }

        return Sigmoid(x) - Sigmoid(a);
    }

    private static double Sigmoid(double t) => t >= 0 ? 1 / (1 + Math.Exp(-t)) : Math.Exp(t) / (1 + Math.Exp(t));

    private void RequireInputCount(ReadOnlySpan<double> inputs)
    {
        if (inputs.Length != _inputCount)
        {
            throw new ArgumentException($"Expected {_inputCount} input values ({string.Join(", ", _inputs)}), got {inputs.Length}.", nameof(inputs));
        }
    }
}
