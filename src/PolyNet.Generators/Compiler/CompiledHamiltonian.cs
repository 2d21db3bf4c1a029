using System.Collections.Immutable;
using PolyNet.Generators.Lattice;
using PolyNet.Generators.Network;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Compiler;

/// <summary>The result of running Parse → Polynomial → Network on one expression: a network, or the errors.</summary>
/// <param name="Terms">The polynomial's terms with coefficients rounded to double, in canonical order.</param>
/// <param name="Lattice">For a lattice Hamiltonian, its per-site template; the polynomial, terms and network are then one site's.</param>
/// <param name="Kinds">Each input's kind (continuous inputs are the ones a gradient differentiates); empty when compilation failed.</param>
internal sealed class CompiledHamiltonian(
    Polynomial? polynomial,
    ImmutableArray<NetworkTerm> terms,
    NetworkModel? network,
    ImmutableArray<ExpressionError> errors,
    LatticeTemplate? lattice = null,
    EquatableArray<VariableKind> kinds = default)
{
    private ImmutableArray<(double Error, double Magnitude)> _gradientAnalysis;

    public EquatableArray<VariableKind> Kinds { get; } = kinds;

    public LatticeTemplate? Lattice { get; } = lattice;

    public Polynomial? Polynomial { get; } = polynomial;

    public ImmutableArray<NetworkTerm> Terms { get; } = terms;

    public NetworkModel? Network { get; } = network;

    public ImmutableArray<ExpressionError> Errors { get; } = errors;

    public bool Succeeded => Network is not null && Errors.IsEmpty;

    /// <summary>
    /// Per input, the bound on |∂network/∂x − ∂polynomial/∂x| inside the bounds and on the computed derivative's magnitude
    /// (both 0 for bits, spins and unread inputs), found once, on first use: only emitting needs it, not the analyzer's
    /// every keystroke. A lattice sums its field reads' entries (one gradient entry per site).
    /// </summary>
    public ImmutableArray<(double Error, double Magnitude)> GradientAnalysis
    {
        get
        {
            if (_gradientAnalysis.IsDefault)
            {
                var differentiated = new bool[Network!.InputBounds.Length];
                for (int v = 0; v < differentiated.Length; v++)
                {
                    differentiated[v] = v >= Kinds.Count || Kinds[v] == VariableKind.Continuous;
                }

                _gradientAnalysis = GradientBound.Analyze(Network, differentiated);
            }

            return _gradientAnalysis;
        }
    }

    /// <summary>The largest error bound of <see cref="GradientAnalysis"/>: MaxGradientError.</summary>
    public double MaxGradientError
    {
        get
        {
            double largest = 0;
            foreach (var (error, _) in GradientAnalysis)
            {
                largest = System.Math.Max(largest, error);
            }

            return largest;
        }
    }

    /// <summary>Σ |coefficient|·Π bound^exponent over the terms: a bound on |polynomial| inside the network's input bounds.</summary>
    public double PolynomialBound()
    {
        double bound = 0;
        foreach (var term in Terms)
        {
            double product = System.Math.Abs(term.Coefficient);
            for (int v = 0; v < term.Monomial.VariableCount; v++)
            {
                product *= System.Math.Pow(Network!.InputBounds[v], term.Monomial[v]);
            }

            bound += product;
        }

        return bound;
    }

    public static CompiledHamiltonian Failed(ImmutableArray<ExpressionError> errors) =>
        new(null, ImmutableArray<NetworkTerm>.Empty, null, errors);
}
