using System;
using System.Collections.Generic;
using PolyNet.Description;

namespace PolyNet.Onnx;

/// <summary>One neuron of the exported network: σ(Bias + Σ weight·value), values numbered inputs first, then gates.</summary>
internal sealed record ExportNeuron(double Bias, (int Value, double Weight)[] Inputs);

/// <summary>One gate of the exported network: its neurons, and its output Σ coefficient·neuron + constant.</summary>
internal sealed record ExportGate(int Layer, ExportNeuron[] Neurons, double[] Coefficients, double Constant);

/// <summary>
/// The network rebuilt for evaluation one sigmoid at a time with rounded weights (docs/design.md §15): the same gates over
/// the same values, each deep gate at the scale λ chosen for that evaluation and normalised by its operands' bounds as
/// the export computes them, every gate's output kept as a value of its own (so no large constant is folded into a
/// neuron's bias), and the bound on |export − polynomial| propagated gate by gate as in §5.
/// </summary>
internal sealed class ExportPlan
{
    private ExportPlan(ParsedDefinition parsed, bool isDouble)
    {
        Parsed = parsed;
        IsDouble = isDouble;
        int inputs = parsed.InputCount, gates = parsed.Gates.Length;
        Bounds = new double[inputs + gates];
        Errors = new double[inputs + gates];
        for (int v = 0; v < inputs; v++)
        {
            Bounds[v] = parsed.InputKinds[v] == InputKind.Continuous ? parsed.InputBounds[v] : 1;
        }

        Gates = new ExportGate[gates];
        for (int k = 0; k < gates; k++)
        {
            Gates[k] = Build(parsed.Gates[k], inputs + k);
        }

        MaxError = OutputError();
    }

    public ParsedDefinition Parsed { get; }

    public bool IsDouble { get; }

    /// <summary>|exact value| ≤ bound, per value (inputs, then gates).</summary>
    public double[] Bounds { get; }

    /// <summary>|exported value − exact value| ≤ error, per value.</summary>
    public double[] Errors { get; }

    public ExportGate[] Gates { get; }

    /// <summary>The bound on |exported network − polynomial| inside the bounds.</summary>
    public double MaxError { get; }

    /// <summary>A bound on |exported value| inside the bounds: |c₀| + Σ|c|·(bound + error) over the output terms.</summary>
    public double ValueBound
    {
        get
        {
            double magnitude = Math.Abs(Parsed.OutputConstant);
            for (int t = 0; t < Parsed.OutputValues.Length; t++)
            {
                magnitude += Math.Abs(Parsed.OutputCoefficients[t]) * Scale(Parsed.OutputValues[t]);
            }

            return magnitude;
        }
    }

    private double U => ExportArithmetic.UnitRoundoff(IsDouble);

    /// <summary>The plan for a network; throws <see cref="NotSupportedException"/> for a gate kind the export does not rebuild.</summary>
    public static ExportPlan For(ParsedDefinition parsed, bool isDouble) => new(parsed, isDouble);

    private double Round(double value) => IsDouble ? value : (float)value;

    private double Scale(int value) => Bounds[value] + Errors[value];

    private ExportGate Build(Gate gate, int value)
    {
        switch (gate.Kind)
        {
            case GateKind.Multiply:
            {
                int a = gate.Operands[0], c = gate.Operands[1];
                var calibration = SeparateSigmoidGate.For(IsDouble, square: false);
                double lambda = calibration.Lambda, sa = Scale(a), sc = Scale(c);
                double wa = Round(lambda / sa), wc = Round(lambda / sc), scale = Round(sa * sc / (4 * lambda * lambda * SeparateSigmoidGate.SecondDerivative));
                double b = Round(SeparateSigmoidGate.Bias);
                var neurons = new[]
                {
                    new ExportNeuron(b, [(a, wa), (c, wc)]),
                    new ExportNeuron(b, [(a, -wa), (c, -wc)]),
                    new ExportNeuron(b, [(a, wa), (c, -wc)]),
                    new ExportNeuron(b, [(a, -wa), (c, wc)]),
                };
                Bounds[value] = Bounds[a] * Bounds[c];

                // |g(a', c') − a·c| ≤ ε·S_a·S_c + S_a·δ_c + B_c·δ_a (docs/design.md §5).
                Errors[value] = (calibration.NormalizedError * sa * sc) + (sa * Errors[c]) + (Bounds[c] * Errors[a]);
                return new ExportGate(gate.Layer, neurons, [scale, scale, -scale, -scale], 0);
            }

            case GateKind.Square:
            {
                int a = gate.Operands[0];
                var calibration = SeparateSigmoidGate.For(IsDouble, square: true);
                double lambda = calibration.Lambda, sa = Scale(a);
                double w = Round(2 * lambda / sa), scale = Round(sa * sa / (4 * lambda * lambda * SeparateSigmoidGate.SecondDerivative));
                double b = Round(SeparateSigmoidGate.Bias);
                var neurons = new[] { new ExportNeuron(b, [(a, w)]), new ExportNeuron(b, [(a, -w)]) };
                Bounds[value] = Bounds[a] * Bounds[a];
                Errors[value] = (calibration.NormalizedError * sa * sa) + (sa * Errors[a]) + (Bounds[a] * Errors[a]);
                return new ExportGate(gate.Layer, neurons, [scale, scale], Round(-2 * scale * SeparateSigmoidGate.RestValue));
            }

            case GateKind.Bit:
            {
                var inputs = new (int, double)[gate.Operands.Length];
                for (int i = 0; i < inputs.Length; i++)
                {
                    inputs[i] = (gate.Operands[i], Round(gate.Weights[i]));
                }

                var neuron = new ExportNeuron(Round(gate.Bias), inputs);
                Bounds[value] = 1;
                Errors[value] = BitProductError(neuron);
                return new ExportGate(gate.Layer, [neuron], [1], 0);
            }

            default:
                throw new NotSupportedException(
                    "flat products (MaxHiddenLayers) are not exported to ONNX yet: their one-layer differences lose u/λ^degree when each sigmoid " +
                    "is evaluated on its own; export the deep network (MaxHiddenLayers = 0) instead");
        }
    }

    /// <summary>
    /// A bit product's neuron against the product of its bits (1 when every bit is 1 and every spin +1, else 0): the
    /// largest miss over every assignment, plus the engine's σ error and σ' times its preactivation's rounding there.
    /// </summary>
    private double BitProductError(ExportNeuron neuron)
    {
        double magnitude = Math.Abs(neuron.Bias);
        foreach (var (_, weight) in neuron.Inputs)
        {
            magnitude += Math.Abs(weight);
        }

        double rounding = (neuron.Inputs.Length + 1) * U * magnitude * 1.01;
        bool IsSpin(int input) => Parsed.InputKinds[input] == InputKind.Spin;
        double miss = neuron.Inputs.Length > MaxEnumeratedBits ? MissByLevels(neuron, IsSpin, rounding) : MissByAssignments(neuron, IsSpin, rounding);
        return miss + (SeparateSigmoidGate.SigmoidUlps * U);
    }

    /// <summary>Bit products with more inputs than this are bounded from their extreme preactivations instead of every assignment.</summary>
    internal const int MaxEnumeratedBits = 20;

    /// <summary>The largest |σ(z) − product| + σ'(z)·<paramref name="rounding"/> over every assignment of the inputs.</summary>
    internal static double MissByAssignments(ExportNeuron neuron, Func<int, bool> isSpin, double rounding)
    {
        int n = neuron.Inputs.Length;
        double worst = 0;
        for (long assignment = 0; assignment < 1L << n; assignment++)
        {
            double z = neuron.Bias;
            bool all = true;
            for (int i = 0; i < n; i++)
            {
                var (input, weight) = neuron.Inputs[i];
                bool high = (assignment & (1L << i)) != 0;
                z += weight * (isSpin(input) ? (high ? 1 : -1) : (high ? 1 : 0));
                all &= high;
            }

            double sigma = 1 / (1 + Math.Exp(-z));
            worst = Math.Max(worst, Math.Abs(sigma - (all ? 1 : 0)) + (sigma * (1 - sigma) * 1.01 * rounding));
        }

        return worst;
    }

    /// <summary>
    /// An upper bound on <see cref="MissByAssignments"/> without visiting 2ⁿ assignments: the product is 1 only with every
    /// input high, where the preactivation is z₁; every other assignment flips a non-empty set S and σ is increasing, so
    /// the largest of them is σ(z₁ − Σ_S dᵢ) for the S that lowers z least (dᵢ = high − low contribution: every negative
    /// dᵢ, else the smallest); σ' over every level is at most its largest on [z_min, z_max], σ' being unimodal at 0.
    /// </summary>
    internal static double MissByLevels(ExportNeuron neuron, Func<int, bool> isSpin, double rounding)
    {
        double all = neuron.Bias, lowest = neuron.Bias, negative = 0, smallest = double.PositiveInfinity;
        bool anyNegative = false;
        foreach (var (input, weight) in neuron.Inputs)
        {
            double high = weight, low = isSpin(input) ? -weight : 0;
            double drop = high - low;
            all += high;
            lowest += Math.Min(high, low);
            smallest = Math.Min(smallest, drop);
            if (drop < 0)
            {
                negative += drop;
                anyNegative = true;
            }
        }

        double other = all - (anyNegative ? negative : smallest);
        double nearest = Math.Clamp(0, lowest, Math.Max(all, other));
        double peak = 1 / (1 + Math.Exp(-nearest));
        return Math.Max(1 - (1 / (1 + Math.Exp(-all))), 1 / (1 + Math.Exp(-other))) + (peak * (1 - peak) * 1.01 * rounding);
    }

    /// <summary>Σ|c|·δ over the output terms, the output sum's rounding γ_(n+1) of Σ|c|·S + |c₀|, and 2u·|c|·B for the coefficients (rounded to double, then to the export's precision).</summary>
    private double OutputError()
    {
        int n = Parsed.OutputValues.Length;
        double propagated = 0, magnitude = Math.Abs(Parsed.OutputConstant), coefficients = 0;
        for (int t = 0; t < n; t++)
        {
            int value = Parsed.OutputValues[t];
            double c = Math.Abs(Parsed.OutputCoefficients[t]);
            propagated += c * Errors[value];
            magnitude += c * Scale(value);
            coefficients += c * Bounds[value];
        }

        double gamma = (n + 1) * U / (1 - ((n + 1) * U));
        return ExportArithmetic.RoundUp(propagated + (gamma * magnitude) + (2 * U * coefficients));
    }
}
