using System;
using System.Collections.Generic;

namespace PolyNet.Description;

/// <summary>
/// Expands a parsed gate table into neurons. Every value is an affine form over inputs and neurons (an input is
/// 1·input, a gate its output formula over its own neurons); a neuron σ(bias + Σ w·value) becomes
/// σ(bias + Σ w·(form constant) + Σ merged synapses), sources indexed inputs first, then neurons, merged by source,
/// zero weights dropped, sorted by source; the output map likewise. The floating-point operations are those of the
/// generator's own expansion, in the same order, so the weights agree with it to the last bit.
/// </summary>
internal sealed class NetworkExpansion
{
    private readonly int _inputs;
    private readonly List<int> _layers = new();
    private readonly List<double> _biases = new();
    private readonly List<int> _rowStarts = new() { 0 };
    private readonly List<int> _sources = new();
    private readonly List<double> _weights = new();
    private readonly List<double> _rest = new();
    private readonly Form[] _forms;
    private readonly double[] _restValues;
    private readonly FormBuilder _builder = new();
    private readonly Dictionary<string, (int Plus, int Sign)> _pairs = new(StringComparer.Ordinal);
    private readonly int[] _gateNeuronStarts;

    private NetworkExpansion(ParsedDefinition parsed)
    {
        _inputs = parsed.InputCount;
        _forms = new Form[_inputs + parsed.Gates.Length];
        _restValues = new double[_forms.Length];
        _gateNeuronStarts = new int[parsed.Gates.Length + 1];
        for (int i = 0; i < _inputs; i++)
        {
            _forms[i] = new Form([i], [1.0], 0);
        }

        for (int k = 0; k < parsed.Gates.Length; k++)
        {
            var gate = parsed.Gates[k];
            _gateNeuronStarts[k] = NeuronCount;
            (_forms[_inputs + k], _restValues[_inputs + k]) = gate.Kind switch
            {
                GateKind.Multiply => Multiply(gate),
                GateKind.Square => Square(gate),
                GateKind.Bit => Bit(gate),
                _ => Flat(gate),
            };
        }

        _gateNeuronStarts[parsed.Gates.Length] = NeuronCount;

        // The output: constant + Σ coefficient·form. At rest it is the constant plus the resting bit products.
        _builder.Reset();
        _builder.AddConstant(parsed.OutputConstant);
        double restSum = 0;
        for (int t = 0; t < parsed.OutputValues.Length; t++)
        {
            int value = parsed.OutputValues[t];
            double coefficient = parsed.OutputCoefficients[t];
            _builder.AddScaled(_forms[value], coefficient);
            if (_restValues[value] != 0)
            {
                restSum += coefficient * _restValues[value];
            }
        }

        OutputBias = _builder.Constant;
        (OutputSources, OutputWeights) = _builder.Synapses();
        RestOutput = parsed.OutputConstant + restSum;
    }

    public int NeuronCount => _layers.Count;

    public int[] Layers => _layers.ToArray();

    public double[] Biases => _biases.ToArray();

    /// <summary>
    /// Gate k added neurons [GateNeuronStarts[k], GateNeuronStarts[k + 1]) (neuron indices, not value indices); a flat
    /// gate whose pairs are all shared with earlier ones adds none.
    /// </summary>
    public int[] GateNeuronStarts => (int[])_gateNeuronStarts.Clone();

    /// <summary>Neuron i's synapses are [RowStarts[i], RowStarts[i + 1]).</summary>
    public int[] RowStarts => _rowStarts.ToArray();

    public int[] Sources => _sources.ToArray();

    public double[] Weights => _weights.ToArray();

    /// <summary>Each neuron's preactivation at all-zero input, from the values' resting states (not from the rounded expanded biases).</summary>
    public double[] RestPreactivations => _rest.ToArray();

    public double OutputBias { get; }

    public int[] OutputSources { get; }

    public double[] OutputWeights { get; }

    public double RestOutput { get; }

    public static NetworkExpansion Expand(ParsedDefinition parsed) => new(parsed);

    /// <summary>σ(x) as the generator computes it.</summary>
    internal static double Sigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));

    private (Form, double) Multiply(Gate gate)
    {
        int u = gate.Operands[0], v = gate.Operands[1];
        double wu = gate.Weights[0], wv = gate.Weights[1], s = gate.Scale;
        int first = _inputs + NeuronCount;

        // p = wu·u + wv·v, q = wu·u − wv·v; neurons σ(b+p), σ(b−p), σ(b+q), σ(b−q).
        _builder.Reset();
        _builder.AddScaled(_forms[u], wu);
        _builder.AddScaled(_forms[v], wv);
        AddPair(gate, Rest(gate.Bias, u, wu, v, wv), Rest(gate.Bias, u, -wu, v, -wv));
        _builder.Reset();
        _builder.AddScaled(_forms[u], wu);
        _builder.AddScaled(_forms[v], -wv);
        AddPair(gate, Rest(gate.Bias, u, wu, v, -wv), Rest(gate.Bias, u, -wu, v, wv));
        return (new Form([first, first + 1, first + 2, first + 3], [s, s, -s, -s], 0), 0);
    }

    private (Form, double) Square(Gate gate)
    {
        int u = gate.Operands[0];
        double w = gate.Weights[0], s = gate.Scale;
        int first = _inputs + NeuronCount;
        _builder.Reset();
        _builder.AddScaled(_forms[u], w);
        AddPair(gate, Rest(gate.Bias, u, w), Rest(gate.Bias, u, -w));
        return (new Form([first, first + 1], [s, s], 0 + (-2 * Sigmoid(gate.Bias) * s)), 0);
    }

    private (Form, double) Bit(Gate gate)
    {
        _builder.Reset();
        double rest = gate.Bias;
        for (int i = 0; i < gate.Operands.Length; i++)
        {
            int operand = gate.Operands[i];
            _builder.AddScaled(_forms[operand], gate.Weights[i]);
            if (_restValues[operand] != 0)
            {
                rest += gate.Weights[i] * _restValues[operand];
            }
        }

        int neuron = _inputs + NeuronCount;
        AddNeuron(gate.Layer, gate.Bias + _builder.Constant, 1, rest);
        return (new Form([neuron], [1.0], 0), Sigmoid(rest));
    }

    private (Form, double) Flat(Gate gate)
    {
        int m = gate.Operands.Length;
        var formBuilder = new FormBuilder();
        double restConstant = -2 * Sigmoid(gate.Bias);
        var terms = new List<(int Operand, double Weight)>(m);
        for (int j = 0; j < gate.PairCount; j++)
        {
            // The pair's terms (operand, mᵢ·wᵢ) over its non-zero multipliers, and its identity up to a global sign.
            terms.Clear();
            for (int i = 0; i < m; i++)
            {
                int multiplier = gate.PairMultipliers[(j * m) + i];
                if (multiplier != 0)
                {
                    terms.Add((gate.Operands[i], multiplier * gate.Weights[i]));
                }
            }

            var (key, sign) = PairKey(gate.Bias, terms);
            int plus, minus;
            if (_pairs.TryGetValue(key, out var shared))
            {
                bool same = shared.Sign == sign;
                plus = same ? shared.Plus : shared.Plus + 1;
                minus = same ? shared.Plus + 1 : shared.Plus;
            }
            else
            {
                _builder.Reset();
                double restPlus = gate.Bias, restMinus = gate.Bias;
                foreach (var (operand, weight) in terms)
                {
                    _builder.AddScaled(_forms[operand], weight);
                    if (_restValues[operand] != 0)
                    {
                        restPlus += weight * _restValues[operand];
                        restMinus += -weight * _restValues[operand];
                    }
                }

                plus = _inputs + NeuronCount;
                minus = plus + 1;
                AddPair(gate, restPlus, restMinus);
                _pairs.Add(key, (plus, sign));
            }

            double c = gate.PairCoefficients[j];
            formBuilder.AddWeight(plus, c * gate.Scale);
            if (gate.Even)
            {
                formBuilder.AddWeight(minus, c * gate.Scale);
                formBuilder.AddConstant(restConstant * c * gate.Scale);
            }
            else
            {
                formBuilder.AddWeight(minus, -c * gate.Scale);
            }
        }

        var (sources, weights) = formBuilder.Synapses(keepZeros: true);
        return (new Form(sources, weights, formBuilder.Constant), 0);
    }

    /// <summary>A key equal for pairs with identical neurons: the bias and the terms, sorted, with the sign that makes the first non-zero weight positive.</summary>
    internal static (string Key, int Sign) PairKey(double bias, List<(int Operand, double Weight)> pairTerms)
    {
        var terms = new List<(int Operand, double Weight)>(pairTerms);
        terms.Sort((a, b) => a.Operand != b.Operand ? a.Operand.CompareTo(b.Operand) : a.Weight.CompareTo(b.Weight));
        int sign = 1;
        foreach (var (_, weight) in terms)
        {
            if (weight != 0)
            {
                sign = weight > 0 ? 1 : -1;
                break;
            }
        }

        var key = new System.Text.StringBuilder();
        key.Append(BitConverter.DoubleToInt64Bits(bias + 0.0)).Append('|');
        foreach (var (operand, weight) in terms)
        {
            key.Append(operand).Append(':').Append(BitConverter.DoubleToInt64Bits((sign * weight) + 0.0)).Append(';');
        }

        return (key.ToString(), sign);
    }

    /// <summary>bias + Σ w·(resting value) over the operands that do not rest at 0.</summary>
    private double Rest(double bias, int u, double wu, int v = -1, double wv = 0)
    {
        double rest = bias;
        if (_restValues[u] != 0)
        {
            rest += wu * _restValues[u];
        }

        if (v >= 0 && _restValues[v] != 0)
        {
            rest += wv * _restValues[v];
        }

        return rest;
    }

    /// <summary>Adds σ(bias + p) and σ(bias − p) for the preactivation p in the builder.</summary>
    private void AddPair(Gate gate, double restPlus, double restMinus)
    {
        AddNeuron(gate.Layer, gate.Bias + _builder.Constant, 1, restPlus);
        AddNeuron(gate.Layer, gate.Bias + (0 + (-1 * _builder.Constant)), -1, restMinus);
    }

    private void AddNeuron(int layer, double bias, double sign, double rest)
    {
        _layers.Add(layer);
        _biases.Add(bias);
        _rest.Add(rest);
        _builder.AppendSynapses(_sources, _weights, sign);
        _rowStarts.Add(_sources.Count);
    }

    /// <summary>A value as constant + Σ weight·(input or neuron), sources ascending.</summary>
    private sealed record Form(int[] Sources, double[] Weights, double Constant);

    /// <summary>An affine form being summed, merging weights by source in the order they arrive.</summary>
    private sealed class FormBuilder
    {
        private readonly Dictionary<int, double> _weights = new();
        private readonly List<int> _sorted = new();

        public double Constant { get; private set; }

        public void Reset()
        {
            _weights.Clear();
            Constant = 0;
        }

        public void AddConstant(double constant) => Constant += constant;

        public void AddWeight(int source, double weight) =>
            _weights[source] = _weights.TryGetValue(source, out double existing) ? existing + weight : weight;

        public void AddScaled(Form form, double scale)
        {
            Constant += scale * form.Constant;
            for (int i = 0; i < form.Sources.Length; i++)
            {
                AddWeight(form.Sources[i], scale * form.Weights[i]);
            }
        }

        /// <summary>Appends sign·weight for every non-zero weight, sources ascending.</summary>
        public void AppendSynapses(List<int> sources, List<double> weights, double sign)
        {
            SortSources();
            foreach (int source in _sorted)
            {
                double weight = sign * _weights[source];
                if (weight != 0)
                {
                    sources.Add(source);
                    weights.Add(weight);
                }
            }
        }

        public (int[] Sources, double[] Weights) Synapses(bool keepZeros = false)
        {
            SortSources();
            var sources = new List<int>(_sorted.Count);
            var weights = new List<double>(_sorted.Count);
            foreach (int source in _sorted)
            {
                if (keepZeros || _weights[source] != 0)
                {
                    sources.Add(source);
                    weights.Add(_weights[source]);
                }
            }

            return (sources.ToArray(), weights.ToArray());
        }

        private void SortSources()
        {
            _sorted.Clear();
            _sorted.AddRange(_weights.Keys);
            _sorted.Sort();
        }
    }
}
