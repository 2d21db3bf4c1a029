using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Network;

/// <summary>
/// Sorts the bit-form terms of a Hamiltonian into what computes them: the constant and linear terms (output map; a
/// spin's y = (s + 1)/2 folded into it), one <see cref="BitProduct"/> neuron per bit set, and the terms left for
/// multiplication gates, written over "gate variables": the continuous inputs, the spins of those terms (read as
/// s ∈ [−1, 1], exactly), and one variable per product of their bools (a single bool itself, or a bit-product
/// neuron of bound 1 and error <see cref="NeuronError"/>).
/// </summary>
internal sealed class BinaryLayout
{
    private readonly IReadOnlyList<string> _variables;
    private readonly Dictionary<EquatableArray<int>, int> _productIndex = new();
    private readonly Dictionary<int, int> _gateVariableOfInput = new();
    private readonly Dictionary<int, int> _gateVariableOfProduct = new();
    private readonly List<int> _continuous;
    private Rational _constant;
    private readonly Rational[] _linear;

    public BinaryLayout(IReadOnlyList<string> variables, IReadOnlyList<VariableKind> kinds, NumericPrecision precision, double beta)
    {
        _variables = variables;
        Kinds = kinds;
        Beta = beta;
        NeuronError = BitProductCalibration.NeuronError(precision, beta);
        _linear = new Rational[variables.Count];
        _continuous = Enumerable.Range(0, variables.Count).Where(v => kinds[v] == VariableKind.Continuous).ToList();
        foreach (int v in _continuous)
        {
            AddGateVariable(variables[v], input: v, product: -1);
        }
    }

    public IReadOnlyList<VariableKind> Kinds { get; }

    public int VariableCount => _variables.Count;

    public double Beta { get; }

    /// <summary>Upper bound on |bit-product neuron − exact product|.</summary>
    public double NeuronError { get; }

    public List<BitProduct> Products { get; } = new();

    /// <summary>Gate-variable names: continuous inputs first, then bit factors in order of first use.</summary>
    public List<string> GateVariableNames { get; } = new();

    public List<double> GateVariableErrors { get; } = new();

    /// <summary>For each gate variable, the input it reads (or −1), and the bit product it reads (or −1).</summary>
    public List<(int Input, int Product)> GateVariableSources { get; } = new();

    /// <summary>The terms of degree ≥ 2 over the gate variables, for <see cref="NetworkBuilder"/>.</summary>
    public List<NetworkTerm> GateTerms { get; } = new();

    public double Constant => _constant.ToDouble();

    public double[] Linear => _linear.Select(c => c.ToDouble()).ToArray();

    /// <summary>The number of terms the output sums.</summary>
    public int TermCount { get; private set; }

    /// <param name="bounds">|value| ≤ bound per input, 1 for bits and spins.</param>
    public IReadOnlyList<double> GateVariableBounds(IReadOnlyList<double> bounds) =>
        GateVariableSources.Select(s => s.Input >= 0 ? bounds[s.Input] : 1.0).ToList();

    /// <summary>Files one term of the bit-form polynomial (spins' indices standing for their bits).</summary>
    public void Add(Monomial monomial, Rational coefficient)
    {
        TermCount++;
        var bits = Enumerable.Range(0, VariableCount).Where(v => Kinds[v] != VariableKind.Continuous && monomial[v] > 0).ToList();
        int continuousDegree = _continuous.Sum(v => monomial[v]);
        if (continuousDegree == 0 && bits.Count == 0)
        {
            _constant += coefficient;
        }
        else if (continuousDegree == 0 && bits.Count == 1 && Kinds[bits[0]] == VariableKind.Spin)
        {
            // c·y = c/2·s + c/2: exact in rationals, rounded once.
            _linear[bits[0]] += coefficient / 2;
            _constant += coefficient / 2;
        }
        else if (continuousDegree + bits.Count == 1)
        {
            _linear[bits.Count == 1 ? bits[0] : _continuous.First(v => monomial[v] > 0)] += coefficient;
        }
        else if (continuousDegree == 0)
        {
            int product = Product(bits);
            Products[product] = Products[product] with { OutputCoefficient = coefficient.ToDouble() };
        }
        else
        {
            var exponents = new int[GateVariableNames.Count];
            for (int c = 0; c < _continuous.Count; c++)
            {
                exponents[c] = monomial[_continuous[c]];
            }

            // Spins of a gated term were not rewritten as bits: each is a gate input of its own. Bools share one factor.
            var factors = bits.Where(v => Kinds[v] == VariableKind.Spin).Select(DirectInput).ToList();
            var bools = bits.Where(v => Kinds[v] == VariableKind.Bit).ToList();
            if (bools.Count > 0)
            {
                factors.Add(BitFactor(bools));
            }

            var row = exponents.ToList();
            while (row.Count < GateVariableNames.Count)
            {
                row.Add(0);
            }

            foreach (int factor in factors)
            {
                row[factor] = 1;
            }

            GateTerms.Add(new NetworkTerm(Monomial.FromExponents(row), coefficient.ToDouble()));
        }
    }

    /// <summary>The gate variable for the bools of a gated term: a single bool feeds gates directly, several need a neuron.</summary>
    private int BitFactor(List<int> bits)
    {
        if (bits.Count == 1)
        {
            return DirectInput(bits[0]);
        }

        int product = Product(bits);
        return _gateVariableOfProduct.TryGetValue(product, out int known) ? known : AddGateVariable($"[{Products[product].Label}]", -1, product);
    }

    private int DirectInput(int input) =>
        _gateVariableOfInput.TryGetValue(input, out int existing) ? existing : AddGateVariable(_variables[input], input, -1);

    private int AddGateVariable(string name, int input, int product)
    {
        int index = GateVariableNames.Count;
        GateVariableNames.Add(name);
        GateVariableSources.Add((input, product));
        GateVariableErrors.Add(product >= 0 ? NeuronError : 0);
        if (input >= 0)
        {
            _gateVariableOfInput[input] = index;
        }
        else
        {
            _gateVariableOfProduct[product] = index;
        }

        // Gate terms filed earlier gain a zero exponent for the new variable.
        for (int t = 0; t < GateTerms.Count; t++)
        {
            GateTerms[t] = GateTerms[t] with { Monomial = Monomial.FromExponents(GateTerms[t].Monomial.Append(0).ToList()) };
        }

        return index;
    }

    private int Product(List<int> bits)
    {
        var key = bits.ToEquatableArray();
        if (!_productIndex.TryGetValue(key, out int index))
        {
            index = Products.Count;
            _productIndex[key] = index;
            Products.Add(BitProduct.Create(bits, _variables, Kinds, Beta));
        }

        return index;
    }
}
