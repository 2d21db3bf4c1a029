using System;
using System.Buffers;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using PolyNet.Description;

namespace PolyNet.Kernels;

/// <summary>
/// A network's gate table compiled into compact typed arrays, for running large networks from the table instead of
/// unrolled code. Values are numbered inputs first, then gates (gate k is value <see cref="InputCount"/> + k); the
/// gates are evaluated layer by layer, those of one kind in a layer one after another.
/// </summary>
/// <remarks>Infrastructure for generated code; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GateProgram
{
    /// <summary>Scratch up to this size lives on the stack; larger networks or wider lanes rent an array.</summary>
    private const int StackScratchBytes = 16 * 1024;

    // Runs of consecutive steps of one kind: run r covers steps [_runEnds[r − 1], _runEnds[r]).
    private readonly GateKind[] _runKinds;
    private readonly int[] _runEnds;

    // Per step (a gate, in evaluation order): the gate it computes, its operands, weights and constants.
    private readonly int[] _gates;
    private readonly int[] _operandStarts;
    private readonly int[] _operands;
    private readonly double[] _weights;
    private readonly double[] _biases;
    private readonly double[] _scales;

    // Flat gates: E = e^(−bias) and K per step; pairs [_pairStarts[step], _pairStarts[step + 1]) with their coefficient
    // and terms [_termStarts[pair], _termStarts[pair + 1]) of (operand, mᵢ·wᵢ).
    private readonly double[] _expNegBiases;
    private readonly double[] _pairConstants;
    private readonly bool[] _even;
    private readonly int[] _pairStarts;
    private readonly double[] _pairCoefficients;
    private readonly int[] _termStarts;
    private readonly int[] _termOperands;
    private readonly double[] _termWeights;
    private readonly int[] _termSlots;

    // Per step, its gate's kind (the backward pass skips bit products).
    private readonly GateKind[] _stepKinds;

    private readonly double _outputConstant;
    private readonly int[] _outputValues;
    private readonly double[] _outputCoefficients;

    private GateProgram(ParsedDefinition parsed)
    {
        InputCount = parsed.InputCount;
        GateCount = parsed.Gates.Length;
        var gates = parsed.Gates;

        // Layer by layer keeps every dependency (operands sit in lower layers); within a layer, kind by kind.
        var order = new int[GateCount];
        for (int k = 0; k < order.Length; k++)
        {
            order[k] = k;
        }

        Array.Sort(order, (a, b) =>
            gates[a].Layer != gates[b].Layer ? gates[a].Layer.CompareTo(gates[b].Layer)
            : gates[a].Kind != gates[b].Kind ? gates[a].Kind.CompareTo(gates[b].Kind)
            : a.CompareTo(b));

        var runKinds = new List<GateKind>();
        var runEnds = new List<int>();
        _gates = order;
        _operandStarts = new int[GateCount + 1];
        _biases = new double[GateCount];
        _scales = new double[GateCount];
        _expNegBiases = new double[GateCount];
        _pairConstants = new double[GateCount];
        _even = new bool[GateCount];
        _pairStarts = new int[GateCount + 1];
        var operands = new List<int>();
        var weights = new List<double>();
        var pairCoefficients = new List<double>();
        var termStarts = new List<int> { 0 };
        var termOperands = new List<int>();
        var termWeights = new List<double>();
        var termSlots = new List<int>();
        _stepKinds = new GateKind[GateCount];
        for (int step = 0; step < order.Length; step++)
        {
            var gate = gates[order[step]];
            _stepKinds[step] = gate.Kind;
            if (runKinds.Count == 0 || runKinds[^1] != gate.Kind)
            {
                runKinds.Add(gate.Kind);
                runEnds.Add(step);
            }

            runEnds[^1] = step + 1;
            _operandStarts[step] = operands.Count;
            operands.AddRange(gate.Operands);
            weights.AddRange(gate.Weights);
            _operandStarts[step + 1] = operands.Count;
            _biases[step] = gate.Bias;
            _scales[step] = gate.Scale;
            _pairStarts[step] = pairCoefficients.Count;
            if (gate.Kind == GateKind.Flat)
            {
                double e = Math.Exp(-gate.Bias);
                _expNegBiases[step] = e;
                _pairConstants[step] = e * (e - 1) / (1 + e);
                _even[step] = gate.Even;
                int m = gate.Operands.Length;
                for (int j = 0; j < gate.PairCount; j++)
                {
                    pairCoefficients.Add(gate.PairCoefficients[j]);
                    for (int i = 0; i < m; i++)
                    {
                        int multiplier = gate.PairMultipliers[(j * m) + i];
                        if (multiplier != 0)
                        {
                            termOperands.Add(gate.Operands[i]);
                            termWeights.Add(multiplier * gate.Weights[i]);
                            termSlots.Add(operands.Count - m + i);
                        }
                    }

                    termStarts.Add(termOperands.Count);
                }
            }

            _pairStarts[step + 1] = pairCoefficients.Count;
        }

        _runKinds = runKinds.ToArray();
        _runEnds = runEnds.ToArray();
        _operands = operands.ToArray();
        _weights = weights.ToArray();
        _pairCoefficients = pairCoefficients.ToArray();
        _termStarts = termStarts.ToArray();
        _termOperands = termOperands.ToArray();
        _termWeights = termWeights.ToArray();
        _termSlots = termSlots.ToArray();
        _outputConstant = parsed.OutputConstant;
        _outputValues = parsed.OutputValues;
        _outputCoefficients = parsed.OutputCoefficients;
    }

    /// <summary>The number of inputs: values 0 … InputCount − 1.</summary>
    public int InputCount { get; }

    /// <summary>The number of gates: gate k is value InputCount + k.</summary>
    public int GateCount { get; }

    /// <summary>Parses and validates the definition's gate table (as <see cref="SigmoidNetwork"/>'s constructor does) and compiles it.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/>, or one of its text properties or required collections, is null.</exception>
    /// <exception cref="NotSupportedException">The definition's version is later than this runtime reads.</exception>
    /// <exception cref="FormatException">A text property is malformed.</exception>
    /// <exception cref="ArgumentException">The definition is well-formed but invalid.</exception>
    public static GateProgram Create(SigmoidNetworkDefinition definition) => new(DefinitionParser.Parse(definition));

    /// <summary>
    /// Evaluates the network for one input with the scalar lanes: every ± pair summed in closed form from one
    /// exponential, exact for every finite input (saturated gates never overflow), NaN in gives NaN out.
    /// </summary>
    /// <param name="inputs">One value per input (bits as 0 or 1, spins as −1 or +1).</param>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> does not hold one value per input.</exception>
    public double Evaluate(ReadOnlySpan<double> inputs) => Evaluate<double, ScalarDouble, double>(inputs);

    /// <summary>
    /// Evaluates the network in the lane arithmetic <typeparamref name="TLanes"/>: one number or one vector of numbers
    /// per value. Vector lanes are exact only when every input lies inside its bound (their gate exponential is a short
    /// polynomial); generated code sends other vectors to the scalar lanes. Scratch for the gate values is taken from
    /// the stack for small networks and from <see cref="ArrayPool{T}.Shared"/> for large ones.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> does not hold one value per input.</exception>
    public TLane Evaluate<TLane, TLanes, TScalar>(ReadOnlySpan<TLane> inputs)
        where TLane : unmanaged
        where TScalar : unmanaged
        where TLanes : ILanes<TLanes, TLane, TScalar>
    {
        RequireInputs(inputs.Length);
        int scratch = GateCount + _outputValues.Length;
        bool small = scratch * Unsafe.SizeOf<TLane>() <= StackScratchBytes;
        TLane[]? rented = small ? null : ArrayPool<TLane>.Shared.Rent(scratch);
        Span<TLane> values = small ? stackalloc TLane[scratch] : rented.AsSpan(0, scratch);
        try
        {
            return Run<TLane, TLanes, TScalar>(inputs, values.Slice(0, GateCount), values.Slice(GateCount));
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<TLane>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The network's value and its derivative with respect to every input (<paramref name="gradient"/>, one element per
    /// input) by backpropagation through the gates: each gate's local derivatives come from the exponentials of its
    /// forward pass (<see cref="ILanes{TSelf, TLane, TScalar}.MultiplyGateGradient"/> and the others); a bit product is
    /// a constant of the continuous inputs and passes no derivative on. Lanes as in <see cref="Evaluate{TLane, TLanes, TScalar}"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="inputs"/> or <paramref name="gradient"/> does not hold one value per input.</exception>
    public TLane EvaluateGradient<TLane, TLanes, TScalar>(ReadOnlySpan<TLane> inputs, Span<TLane> gradient)
        where TLane : unmanaged
        where TScalar : unmanaged
        where TLanes : ILanes<TLanes, TLane, TScalar>
    {
        RequireInputs(inputs.Length);
        if (gradient.Length != InputCount)
        {
            throw new ArgumentException($"Expected {InputCount} gradient elements, got {gradient.Length}.", nameof(gradient));
        }

        int scratch = (2 * GateCount) + _operands.Length + _outputValues.Length;
        bool small = scratch * Unsafe.SizeOf<TLane>() <= StackScratchBytes;
        TLane[]? rented = small ? null : ArrayPool<TLane>.Shared.Rent(scratch);
        Span<TLane> values = small ? stackalloc TLane[scratch] : rented.AsSpan(0, scratch);
        try
        {
            Span<TLane> gateValues = values.Slice(0, GateCount), adjoints = values.Slice(GateCount, GateCount);
            Span<TLane> partials = values.Slice(2 * GateCount, _operands.Length);
            TLane value = Run<TLane, TLanes, TScalar>(inputs, gateValues, values.Slice((2 * GateCount) + _operands.Length), partials);
            Backward<TLane, TLanes, TScalar>(adjoints, partials, gradient);
            return value;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<TLane>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Adjoints from the output back: every value's adjoint is its output coefficient plus, for each gate reading it, that
    /// gate's adjoint times the gate's derivative with respect to it (steps in reverse evaluation order).
    /// </summary>
    private void Backward<TLane, TLanes, TScalar>(Span<TLane> adjoints, ReadOnlySpan<TLane> partials, Span<TLane> gradient)
        where TLane : unmanaged
        where TScalar : unmanaged
        where TLanes : ILanes<TLanes, TLane, TScalar>
    {
        TLane zero = TLanes.Constant(0);
        adjoints.Fill(zero);
        gradient.Fill(zero);
        for (int t = 0; t < _outputValues.Length; t++)
        {
            ref TLane target = ref Adjoint(adjoints, gradient, _outputValues[t]);
            target = TLanes.Add(target, TLanes.Constant(_outputCoefficients[t]));
        }

        for (int step = GateCount - 1; step >= 0; step--)
        {
            if (_stepKinds[step] == GateKind.Bit)
            {
                continue;
            }

            TLane adjoint = adjoints[_gates[step]];
            for (int o = _operandStarts[step]; o < _operandStarts[step + 1]; o++)
            {
                ref TLane target = ref Adjoint(adjoints, gradient, _operands[o]);
                target = TLanes.Add(target, TLanes.Multiply(adjoint, partials[o]));
            }
        }
    }

    private ref TLane Adjoint<TLane>(Span<TLane> adjoints, Span<TLane> gradient, int value) =>
        ref value < InputCount ? ref gradient[value] : ref adjoints[value - InputCount];

    /// <summary>The forward pass; with <paramref name="partials"/> (one per operand slot) it also writes each gate's derivative with respect to each of its operands.</summary>
    private TLane Run<TLane, TLanes, TScalar>(ReadOnlySpan<TLane> inputs, Span<TLane> gateValues, Span<TLane> outputValues, Span<TLane> partials = default)
        where TLane : unmanaged
        where TScalar : unmanaged
        where TLanes : ILanes<TLanes, TLane, TScalar>
    {
        int step = 0;
        for (int run = 0; run < _runKinds.Length; run++)
        {
            int end = _runEnds[run];
            switch (_runKinds[run])
            {
                case GateKind.Multiply:
                    for (; step < end; step++)
                    {
                        int o = _operandStarts[step];
                        TLane left = Value(inputs, gateValues, _operands[o]), right = Value(inputs, gateValues, _operands[o + 1]);
                        gateValues[_gates[step]] = partials.IsEmpty
                            ? TLanes.MultiplyGate(left, right, _weights[o], _weights[o + 1], _scales[step])
                            : TLanes.MultiplyGateGradient(left, right, _weights[o], _weights[o + 1], _scales[step], out partials[o], out partials[o + 1]);
                    }

                    break;

                case GateKind.Square:
                    for (; step < end; step++)
                    {
                        int o = _operandStarts[step];
                        TLane operand = Value(inputs, gateValues, _operands[o]);
                        gateValues[_gates[step]] = partials.IsEmpty
                            ? TLanes.SquareGate(operand, _weights[o], _scales[step])
                            : TLanes.SquareGateGradient(operand, _weights[o], _scales[step], out partials[o]);
                    }

                    break;

                case GateKind.Bit:
                    for (; step < end; step++)
                    {
                        TLane t = TLanes.Constant(_biases[step]);
                        for (int o = _operandStarts[step]; o < _operandStarts[step + 1]; o++)
                        {
                            t = TLanes.MultiplyAdd(Value(inputs, gateValues, _operands[o]), _weights[o], t);
                        }

                        gateValues[_gates[step]] = TLanes.Sigmoid(t);
                    }

                    break;

                default:
                    for (; step < end; step++)
                    {
                        TLane sum = TLanes.Constant(0);
                        if (!partials.IsEmpty)
                        {
                            partials.Slice(_operandStarts[step], _operandStarts[step + 1] - _operandStarts[step]).Fill(TLanes.Constant(0));
                        }

                        for (int pair = _pairStarts[step]; pair < _pairStarts[step + 1]; pair++)
                        {
                            TLane p = TLanes.Constant(0);
                            for (int term = _termStarts[pair]; term < _termStarts[pair + 1]; term++)
                            {
                                p = TLanes.MultiplyAdd(Value(inputs, gateValues, _termOperands[term]), _termWeights[term], p);
                            }

                            if (partials.IsEmpty)
                            {
                                sum = TLanes.MultiplyAdd(TLanes.FlatPair(p, _expNegBiases[step], _even[step]), _pairCoefficients[pair], sum);
                                continue;
                            }

                            // ∂/∂operand = scale·Σ pairs coefficient·f'(p)·mᵢwᵢ, accumulated per operand slot.
                            sum = TLanes.MultiplyAdd(TLanes.FlatPairGradient(p, _expNegBiases[step], _even[step], out TLane slope), _pairCoefficients[pair], sum);
                            for (int term = _termStarts[pair]; term < _termStarts[pair + 1]; term++)
                            {
                                ref TLane partial = ref partials[_termSlots[term]];
                                partial = TLanes.MultiplyAdd(slope, _pairCoefficients[pair] * _termWeights[term] * _scales[step], partial);
                            }
                        }

                        gateValues[_gates[step]] = TLanes.Multiply(sum, TLanes.Constant(_scales[step]));
                    }

                    break;
            }
        }

        // The output sum runs in double for every lane type, as the unrolled float networks over bits and spins do.
        for (int t = 0; t < _outputValues.Length; t++)
        {
            outputValues[t] = Value(inputs, gateValues, _outputValues[t]);
        }

        return TLanes.SumInDouble(_outputConstant, outputValues, _outputCoefficients);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TLane Value<TLane>(ReadOnlySpan<TLane> inputs, Span<TLane> gateValues, int value) =>
        value < InputCount ? inputs[value] : gateValues[value - InputCount];

    private void RequireInputs(int length)
    {
        if (length != InputCount)
        {
            throw new ArgumentException($"Expected {InputCount} input values, got {length}.", "inputs");
        }
    }
}
