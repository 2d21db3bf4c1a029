using System;
using System.Numerics;
using System.Numerics.Tensors;

namespace PolyNet.Benchmarks;

/// <summary>
/// What a System.Numerics.Tensors user would write: the same <see cref="SigmoidNetwork"/> weights evaluated
/// neuron by neuron over the whole batch, each step a TensorPrimitives call over memory.
/// </summary>
public sealed class TensorPrimitivesNetwork<T>
    where T : unmanaged, IFloatingPointIeee754<T>, IExponentialFunctions<T>
{
    private readonly SigmoidNetwork _network;
    private readonly T[][] _values;

    public TensorPrimitivesNetwork(SigmoidNetwork network, int batch)
    {
        _network = network;
        _values = new T[network.Inputs.Count + network.NeuronCount][];
        for (int i = 0; i < _values.Length; i++)
        {
            _values[i] = new T[batch];
        }
    }

    public void Evaluate(T[][] inputs, Span<T> destination)
    {
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i].CopyTo(_values[i], 0);
        }

        for (int n = 0; n < _network.NeuronCount; n++)
        {
            var neuron = _network.Neurons[n];
            var row = _values[inputs.Length + n].AsSpan();
            Affine(T.CreateTruncating(neuron.Bias), neuron.Synapses, row);
            TensorPrimitives.Sigmoid(row, row);
        }

        Affine(T.CreateTruncating(_network.OutputBias), _network.Output, destination);
    }

    private void Affine(T bias, System.Collections.Generic.IReadOnlyList<Synapse> synapses, Span<T> row)
    {
        row.Fill(bias);
        foreach (var synapse in synapses)
        {
            TensorPrimitives.MultiplyAdd(_values[synapse.Source], T.CreateTruncating(synapse.Weight), row, row);
        }
    }
}
