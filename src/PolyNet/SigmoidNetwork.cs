using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;

namespace PolyNet;

/// <summary>
/// The network a <see cref="HamiltonianAttribute"/> method was compiled into: its weights, sizes and error
/// bound, with a neuron-by-neuron reference interpreter (<see cref="Evaluate"/>) and the exact polynomial
/// (<see cref="EvaluatePolynomial"/>) to compare against.
/// </summary>
public sealed class SigmoidNetwork
{
    private readonly string[] _inputs;
    private readonly double[] _inputBounds;
    private readonly InputKind[] _inputKinds;
    private readonly Neuron[] _neurons;
    private readonly Synapse[] _output;
    private readonly double[] _termCoefficients;
    private readonly int[] _termExponents;

    // The resting state (every input 0): each neuron's preactivation and value there, and the output there.
    private readonly double[] _restPreactivation;
    private readonly double[] _restValue;
    private readonly double _restOutput;

    /// <summary>
    /// Builds the description; called by generated code. Synapses are stored row-wise: neuron <c>i</c> owns
    /// <c>synapseSources[synapseOffsets[i] .. synapseOffsets[i + 1]]</c>. Polynomial terms are stored as
    /// coefficients with an exponent row per term (one exponent per input). <paramref name="restPreactivations"/>
    /// and <paramref name="restOutput"/> give the state at all-zero input exactly (the generator knows it in
    /// closed form); when null they are computed from the weights.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public SigmoidNetwork(
        string expression,
        string polynomial,
        NetworkPrecision precision,
        string[] inputs,
        double[] inputBounds,
        double inputBound,
        int[] neuronLayers,
        double[] neuronBiases,
        int[] synapseOffsets,
        int[] synapseSources,
        double[] synapseWeights,
        double outputBias,
        int[] outputSources,
        double[] outputWeights,
        double[] termCoefficients,
        int[] termExponents,
        double maxError,
        double[]? restPreactivations = null,
        double? restOutput = null,
        InputKind[]? inputKinds = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(polynomial);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(inputBounds);
        ArgumentNullException.ThrowIfNull(neuronLayers);
        ArgumentNullException.ThrowIfNull(neuronBiases);
        ArgumentNullException.ThrowIfNull(synapseOffsets);
        ArgumentNullException.ThrowIfNull(synapseSources);
        ArgumentNullException.ThrowIfNull(synapseWeights);
        ArgumentNullException.ThrowIfNull(outputSources);
        ArgumentNullException.ThrowIfNull(outputWeights);
        ArgumentNullException.ThrowIfNull(termCoefficients);
        ArgumentNullException.ThrowIfNull(termExponents);
        if (inputBounds.Length != inputs.Length)
        {
            throw new ArgumentException("There must be one bound per input.", nameof(inputBounds));
        }

        int neuronCount = neuronLayers.Length;
        if (neuronBiases.Length != neuronCount || synapseOffsets.Length != neuronCount + 1)
        {
            throw new ArgumentException("Neuron layers, biases and synapse offsets disagree in length.", nameof(synapseOffsets));
        }

        if (synapseSources.Length != synapseWeights.Length || synapseOffsets[neuronCount] != synapseSources.Length)
        {
            throw new ArgumentException("Synapse sources and weights disagree in length.", nameof(synapseWeights));
        }

        if (outputSources.Length != outputWeights.Length)
        {
            throw new ArgumentException("Output sources and weights disagree in length.", nameof(outputWeights));
        }

        if (termExponents.Length != termCoefficients.Length * inputs.Length)
        {
            throw new ArgumentException("There must be one exponent per input for every term.", nameof(termExponents));
        }

        if (inputKinds is not null && inputKinds.Length != inputs.Length)
        {
            throw new ArgumentException("There must be one kind per input.", nameof(inputKinds));
        }

        _inputKinds = inputKinds is null ? new InputKind[inputs.Length] : (InputKind[])inputKinds.Clone();
        Expression = expression;
        Polynomial = polynomial;
        Precision = precision;
        InputBound = inputBound;
        MaxError = maxError;
        OutputBias = outputBias;
        _inputs = (string[])inputs.Clone();
        _inputBounds = (double[])inputBounds.Clone();
        _termCoefficients = (double[])termCoefficients.Clone();
        _termExponents = (int[])termExponents.Clone();

        _neurons = new Neuron[neuronCount];
        int synapses = 0;
        for (int i = 0; i < neuronCount; i++)
        {
            var row = ReadSynapses(synapseSources, synapseWeights, synapseOffsets[i], synapseOffsets[i + 1], inputs.Length + i, nameof(synapseSources));
            synapses += row.Length;
            _neurons[i] = new Neuron(neuronLayers[i], neuronBiases[i], row);
            HiddenLayers = Math.Max(HiddenLayers, neuronLayers[i]);
        }

        _output = ReadSynapses(outputSources, outputWeights, 0, outputSources.Length, inputs.Length + neuronCount, nameof(outputSources));
        SynapseCount = synapses + _output.Length;

        if (restPreactivations is not null && restPreactivations.Length != neuronCount)
        {
            throw new ArgumentException("There must be one resting preactivation per neuron.", nameof(restPreactivations));
        }

        var rest = new double[inputs.Length + neuronCount];
        _restPreactivation = new double[neuronCount];
        _restValue = new double[neuronCount];
        for (int i = 0; i < neuronCount; i++)
        {
            _restPreactivation[i] = restPreactivations?[i] ?? CompensatedAffine(_neurons[i].Bias, _neurons[i].Synapses, rest);
            _restValue[i] = rest[inputs.Length + i] = 1.0 / (1.0 + Math.Exp(-_restPreactivation[i]));
        }

        _restOutput = restOutput ?? CompensatedAffine(outputBias, _output, rest);
    }

    /// <summary>The expression as written in the attribute.</summary>
    public string Expression { get; }

    /// <summary>The canonical expanded polynomial the network approximates.</summary>
    public string Polynomial { get; }

    /// <summary>The floating-point type the generated code computes in.</summary>
    public NetworkPrecision Precision { get; }

    /// <summary>The input names, in parameter order.</summary>
    public IReadOnlyList<string> Inputs => _inputs;

    /// <summary>The bound |input| ≤ B assumed for each input, in parameter order.</summary>
    public IReadOnlyList<double> InputBounds => _inputBounds;

    /// <summary>
    /// What each input takes, in parameter order: continuous, a bit (pass 0 or 1) or a spin (pass −1 or +1). A
    /// <c>bool</c> parameter is a bit and a <c>[Spin]</c> parameter a spin; their bound is 1.
    /// </summary>
    public IReadOnlyList<InputKind> InputKinds => _inputKinds;

    /// <summary>The attribute's default bound (<see cref="HamiltonianAttribute.InputBound"/>).</summary>
    public double InputBound { get; }

    /// <summary>The number of sigmoid neurons.</summary>
    public int NeuronCount => _neurons.Length;

    /// <summary>The number of hidden layers (0 when the polynomial is affine).</summary>
    public int HiddenLayers { get; }

    /// <summary>The number of non-zero weights, hidden and output.</summary>
    public int SynapseCount { get; }

    /// <summary>
    /// An upper bound on |network − polynomial| for every input inside its bound, including the rounding of
    /// the generated code's arithmetic.
    /// </summary>
    public double MaxError { get; }

    /// <summary>The neurons in evaluation order.</summary>
    public IReadOnlyList<Neuron> Neurons => _neurons;

    /// <summary>The output's constant term.</summary>
    public double OutputBias { get; }

    /// <summary>The output's weights over inputs and neurons.</summary>
    public IReadOnlyList<Synapse> Output => _output;

    /// <summary>
    /// Each neuron's preactivation when every input is 0, the state <see cref="Evaluate"/> expands around.
    /// Equal, up to the rounding of the stored weights, to bias + Σ weight·(resting source value).
    /// </summary>
    public IReadOnlyList<double> RestPreactivations => _restPreactivation;

    /// <summary>The network's output when every input is 0.</summary>
    public double RestOutput => _restOutput;

    /// <summary>
    /// Evaluates the network neuron by neuron from its stored weights (the reference the generated code is
    /// tested against). <paramref name="inputs"/> holds one value per input, in parameter order: bits as 0 or 1 and
    /// spins as −1 or +1 (see <see cref="InputKinds"/>).
    /// </summary>
    /// <remarks>
    /// Each neuron is carried as its deviation from the resting state (all inputs 0): σ(a + s) − σ(a) with a
    /// the resting preactivation, computed through expm1, and every weighted sum is compensated. The gates'
    /// information lies in tiny deviations of sigmoids from their resting values, so a plain evaluation would
    /// lose most of its digits to cancellation; this one keeps them.
    /// </remarks>
    public double Evaluate(ReadOnlySpan<double> inputs)
    {
        RequireInputCount(inputs);
        int count = _inputs.Length + _neurons.Length;
        double[]? rented = count > 256 ? ArrayPool<double>.Shared.Rent(count) : null;
        Span<double> deviations = rented ?? stackalloc double[count];
        try
        {
            inputs.CopyTo(deviations);
            for (int i = 0; i < _neurons.Length; i++)
            {
                double shift = CompensatedAffine(0, _neurons[i].Synapses, deviations);
                deviations[_inputs.Length + i] = SigmoidDeviation(_restPreactivation[i], _restValue[i], shift);
            }

            return _restOutput + CompensatedAffine(0, _output, deviations);
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
    /// Evaluates the exact expanded polynomial in double arithmetic; bits as 0 or 1 and spins as −1 or +1, for which
    /// the polynomial (already reduced by y² = y and s² = 1) gives the exact energy.
    /// </summary>
    public double EvaluatePolynomial(ReadOnlySpan<double> inputs)
    {
        RequireInputCount(inputs);
        double sum = 0;
        for (int term = 0; term < _termCoefficients.Length; term++)
        {
            double product = _termCoefficients[term];
            for (int input = 0; input < _inputs.Length; input++)
            {
                for (int power = _termExponents[(term * _inputs.Length) + input]; power > 0; power--)
                {
                    product *= inputs[input];
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

    private static Synapse[] ReadSynapses(int[] sources, double[] weights, int start, int end, int firstInvalidSource, string parameterName)
    {
        if (start < 0 || end < start || end > sources.Length)
        {
            throw new ArgumentException("Synapse offsets must be non-decreasing and inside the synapse arrays.", parameterName);
        }

        var row = new Synapse[end - start];
        for (int k = start; k < end; k++)
        {
            if ((uint)sources[k] >= (uint)firstInvalidSource)
            {
                throw new ArgumentException($"Synapse source {sources[k]} does not name an input or an earlier neuron.", parameterName);
            }

            row[k - start] = new Synapse(sources[k], weights[k]);
        }

        return row;
    }

    /// <summary>
    /// bias + Σ weight·value as if in twice the working precision (Ogita–Rump–Oishi Dot2): the flat weights of a
    /// deep gate are large and cancel (±C·λ/U per neuron), and a plain sum would lose digits the network has.
    /// </summary>
    private static double CompensatedAffine(double bias, IReadOnlyList<Synapse> synapses, ReadOnlySpan<double> values)
    {
        double sum = bias, compensation = 0;
        for (int k = 0; k < synapses.Count; k++)
        {
            double weight = synapses[k].Weight, value = values[synapses[k].Source];
            double product = weight * value;
            double productError = Math.FusedMultiplyAdd(weight, value, -product);
            double next = sum + product;
            double virtualProduct = next - sum;
            double sumError = (sum - (next - virtualProduct)) + (product - virtualProduct);
            sum = next;
            compensation += productError + sumError;
        }

        return sum + compensation;
    }

    /// <summary>σ(a + s) − σ(a) without cancellation: −e^(−a)·expm1(−s) / ((1 + e^(−a)·e^(−s))(1 + e^(−a))).</summary>
    private static double SigmoidDeviation(double rest, double restValue, double shift)
    {
        if (Math.Abs(shift) > 30)
        {
            return (1.0 / (1.0 + Math.Exp(-(rest + shift)))) - restValue;
        }

        double expRest = Math.Exp(-rest);
        double expm1 = ExpMinusOne(-shift);
        // 1 + e^(−a)·e^(−s) as a sum of positive terms: written as 1 + e^(−a) + e^(−a)·expm1(−s) it cancels when a bit
        // neuron's large shift takes expm1 near −1.
        return -expRest * expm1 / ((1 + (expRest * Math.Exp(-shift))) * (1 + expRest));
    }

    /// <summary>e^x − 1, accurate near 0 (Taylor series below |x| = 0.2, where e^x − 1 would cancel).</summary>
    private static double ExpMinusOne(double x)
    {
        if (Math.Abs(x) >= 0.2)
        {
            return Math.Exp(x) - 1;
        }

        double term = x, sum = x;
        for (int k = 2; k <= 14; k++)
        {
            term *= x / k;
            sum += term;
        }

        return sum;
    }

    private void RequireInputCount(ReadOnlySpan<double> inputs)
    {
        if (inputs.Length != _inputs.Length)
        {
            throw new ArgumentException($"Expected {_inputs.Length} input values ({string.Join(", ", _inputs)}), got {inputs.Length}.", nameof(inputs));
        }
    }
}
