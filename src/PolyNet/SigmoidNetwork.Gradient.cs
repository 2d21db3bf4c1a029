using System;
using System.Buffers;
using System.Threading;

namespace PolyNet;

/// <summary>The neuron-by-neuron backward pass: the reference the generated gradient is tested against.</summary>
public sealed partial class SigmoidNetwork
{
    // The synapses by source, built on the first gradient: source j feeds neuron _consumers[k] with weight
    // _consumerWeights[k] for k in [_consumerStarts[j], _consumerStarts[j + 1]).
    private ConsumerTable? _consumerTable;

    /// <summary>
    /// Evaluates the network and its derivative with respect to every continuous input (bits and spins have none), neuron
    /// by neuron, by backpropagation: the reference the generated <c>&lt;Method&gt;Gradient</c> is tested against.
    /// </summary>
    /// <param name="inputs">One value per input, as for <see cref="Evaluate"/>.</param>
    /// <param name="gradient">Receives ∂network/∂xᵢ for each continuous input xᵢ, in input order; at least that many elements.</param>
    /// <returns>The network's value, as <see cref="Evaluate"/> returns it.</returns>
    /// <remarks>
    /// Each neuron's σ'(a + s) is taken at its shift s from rest: for a small shift as its Taylor series around a, split
    /// into the constant σ'(a) and the parts odd and even in s, so that the two neurons of a ± pair, whose adjoints and
    /// weights are equal or opposite, cancel exactly in the compensated sums; elsewhere as e/(1 + e)², e = e^(−|a + s|).
    /// Every adjoint is a compensated sum over the neurons that read the value. A NaN input gives NaN everywhere.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> does not hold one value per input, or <paramref name="gradient"/> is too short.</exception>
    public double EvaluateGradient(ReadOnlySpan<double> inputs, Span<double> gradient)
    {
        RequireInputCount(inputs);
        int continuous = 0;
        foreach (var kind in _inputKinds)
        {
            continuous += kind == InputKind.Continuous ? 1 : 0;
        }

        if (gradient.Length < continuous)
        {
            throw new ArgumentException($"Expected at least {continuous} gradient elements (one per continuous input), got {gradient.Length}.", nameof(gradient));
        }

        foreach (double input in inputs)
        {
            if (double.IsNaN(input))
            {
                gradient.Slice(0, continuous).Fill(double.NaN);
                return double.NaN;
            }
        }

        var table = LazyInitializer.EnsureInitialized(ref _consumerTable, () => ConsumerTable.Build(_inputCount, _rowStarts, _sources, _weights))!;
        int neurons = _restPreactivation.Length, count = _inputCount + neurons;
        int size = (2 * count) + (4 * neurons);
        double[]? rented = size > 512 ? ArrayPool<double>.Shared.Rent(size) : null;
        Span<double> scratch = rented is null ? stackalloc double[size] : rented.AsSpan(0, size);
        try
        {
            Span<double> deviations = scratch.Slice(0, count), restParts = scratch.Slice(count, count);
            Span<double> shifts = scratch.Slice(2 * count, neurons);

            // Per neuron, adjoint × σ'(a + s) in three parts (constant, odd, even); see the remarks.
            Span<double> parts = scratch.Slice((2 * count) + neurons, 3 * neurons);
            double value = Forward(inputs, deviations, restParts, shifts);

            for (int i = neurons - 1; i >= 0; i--)
            {
                double adjoint = AdjointOf(_inputCount + i, table, parts);
                var (constant, odd, even) = DerivativeParts(i, shifts[i]);
                parts[3 * i] = adjoint * constant;
                parts[(3 * i) + 1] = adjoint * odd;
                parts[(3 * i) + 2] = adjoint * even;
            }

            int slot = 0;
            for (int v = 0; v < _inputCount; v++)
            {
                if (_inputKinds[v] == InputKind.Continuous)
                {
                    gradient[slot++] = AdjointOf(v, table, parts);
                }
            }

            return value;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>∂output/∂(value <paramref name="source"/>): its output weight plus Σ weight·(adjoint × σ') over the neurons that read it, compensated.</summary>
    private double AdjointOf(int source, ConsumerTable table, ReadOnlySpan<double> parts)
    {
        double sum = 0, compensation = 0;
        int output = Array.BinarySearch(_outputSources, source);
        if (output >= 0)
        {
            sum = _outputWeights[output];
        }

        for (int k = table.Starts[source]; k < table.Starts[source + 1]; k++)
        {
            int neuron = table.Consumers[k] - _inputCount;
            double weight = table.Weights[k];
            for (int part = 0; part < 3; part++)
            {
                double term = parts[(3 * neuron) + part];
                if (term == 0)
                {
                    continue;
                }

                // Ogita–Rump–Oishi: the product's and the sum's rounding errors are kept and added at the end.
                double product = weight * term;
                double productError = Math.FusedMultiplyAdd(weight, term, -product);
                double next = sum + product;
                double virtualProduct = next - sum;
                compensation += productError + (sum - (next - virtualProduct)) + (product - virtualProduct);
                sum = next;
            }
        }

        return sum + compensation;
    }

    /// <summary>σ'(a + s) of neuron <paramref name="neuron"/> at its shift s, in parts (see <see cref="EvaluateGradient"/>).</summary>
    private (double Constant, double Odd, double Even) DerivativeParts(int neuron, double shift)
    {
        if (Math.Abs(shift) <= SigmoidSeries.Radius)
        {
            return SigmoidSeries.DerivativeSplit(_restSeries.AsSpan(neuron * SigmoidSeries.Terms, SigmoidSeries.Terms), shift);
        }

        double e = Math.Exp(-Math.Abs(_restPreactivation[neuron] + shift));
        return (e / (1 + e) / (1 + e), 0, 0);
    }

    /// <summary>The expanded synapses transposed: for every value, the neurons that read it and with what weight.</summary>
    private sealed class ConsumerTable
    {
        private ConsumerTable(int[] starts, int[] consumers, double[] weights)
        {
            Starts = starts;
            Consumers = consumers;
            Weights = weights;
        }

        public int[] Starts { get; }

        public int[] Consumers { get; }

        public double[] Weights { get; }

        public static ConsumerTable Build(int inputCount, int[] rowStarts, int[] sources, double[] weights)
        {
            int neurons = rowStarts.Length - 1;
            var starts = new int[inputCount + neurons + 1];
            foreach (int source in sources)
            {
                starts[source + 1]++;
            }

            for (int j = 0; j < inputCount + neurons; j++)
            {
                starts[j + 1] += starts[j];
            }

            var next = (int[])starts.Clone();
            var consumers = new int[sources.Length];
            var consumerWeights = new double[sources.Length];
            for (int i = 0; i < neurons; i++)
            {
                for (int k = rowStarts[i]; k < rowStarts[i + 1]; k++)
                {
                    int at = next[sources[k]]++;
                    consumers[at] = inputCount + i;
                    consumerWeights[at] = weights[k];
                }
            }

            return new ConsumerTable(starts, consumers, consumerWeights);
        }
    }
}
