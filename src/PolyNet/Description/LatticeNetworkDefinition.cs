using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace PolyNet;

/// <summary>
/// Everything a <see cref="LatticeNetwork"/> is built from: plain data, written by generated code with an object
/// initializer for a lattice Hamiltonian such as
/// <c>-sum(i &lt; rows, j &lt; columns: s[i,j]*s[i+1,j] + s[i,j]*s[i,j+1])</c>. The body of the sum is one per-site
/// template network (<see cref="Site"/>) whose inputs are site-relative reads of the fields and scalar parameters;
/// the Hamiltonian is <see cref="Constant"/> plus the template summed over every site of the lattice.
/// </summary>
/// <remarks>
/// The lattice has 1 to 3 dimensions, one extent parameter each (<see cref="Extents"/>, dimension 0 outermost);
/// every field is stored row-major with the lattice's full shape. A site is an index tuple (i, j, …) with
/// 0 ≤ index &lt; extent; a read <c>s[i+1,j]</c> at that site reads element (i + 1, j), wrapped or dropped at the edges
/// as <see cref="Boundary"/> says.
/// </remarks>
public sealed class LatticeNetworkDefinition
{
    /// <summary>The lattice description format version this runtime reads.</summary>
    internal const int SupportedVersion = 1;

    /// <summary>
    /// The format version of <see cref="Reads"/> and the other properties; 1 by default, the only version this runtime
    /// reads: a later one makes <see cref="LatticeNetwork"/>'s constructor throw <see cref="NotSupportedException"/>.
    /// </summary>
    public int Version { get; init; } = SupportedVersion;

    /// <summary>The expression as written in the attribute (display only).</summary>
    public string Expression { get; init; } = "";

    /// <summary>
    /// The per-site template network: the body of the sum at one site. Its <see cref="SigmoidNetworkDefinition.Inputs"/>
    /// are display names of the template's reads, in the order of <see cref="Reads"/> (<c>s[i,j]</c>, <c>s[i+1,j]</c>,
    /// <c>phi[i-2]</c>, or a scalar parameter's name such as <c>h</c>); its gates, output, terms and error bound are
    /// the template's.
    /// </summary>
    public SigmoidNetworkDefinition Site { get; init; } = new();

    /// <summary>
    /// The method's parameters other than the extents, in parameter order: the fields (spans) and the scalars, e.g.
    /// <c>["s"]</c> or <c>["phi", "h"]</c>. The unrolled network's inputs follow this order.
    /// </summary>
    public IReadOnlyList<string> Parameters { get; init; } = [];

    /// <summary>What each of <see cref="Parameters"/> takes (a field: each of its elements), one per parameter.</summary>
    public IReadOnlyList<InputKind> ParameterKinds { get; init; } = [];

    /// <summary>The bound |value| ≤ B of each of <see cref="Parameters"/> (a field: of each element), positive and finite.</summary>
    public IReadOnlyList<double> ParameterBounds { get; init; } = [];

    /// <summary>The names among <see cref="Parameters"/> that are fields (spans with the lattice's full shape).</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>
    /// The extent parameters' names in dimension order, 1 to 3 of them: dimension 0 is the outermost, the last one
    /// the innermost (contiguous in the row-major storage of every field).
    /// </summary>
    public IReadOnlyList<string> Extents { get; init; } = [];

    /// <summary>
    /// What each input of <see cref="Site"/> reads, one entry per input in input order, separated by <c>;</c>: either
    /// <c>field o0 o1 …</c>, a field and one integer offset per extent (<c>s 1 0</c> is <c>s[i+1,j]</c>), or a scalar
    /// parameter's name (<c>h</c>). Example for the 2-D Ising model: <c>"s 0 0; s 1 0; s 0 1"</c>.
    /// </summary>
    public string Reads { get; init; } = "";

    /// <summary>What reads outside the lattice do: wrap (the default) or drop the terms that make them.</summary>
    public LatticeBoundary Boundary { get; init; } = LatticeBoundary.Periodic;

    /// <summary>The part of the Hamiltonian outside every sum, a constant added once.</summary>
    public double Constant { get; init; }

    /// <summary>An upper bound on |one site's template value| for every input inside its bound; not negative.</summary>
    public double SiteBound { get; init; }

    /// <summary>
    /// The relative rounding factor ρ of the generated loop's accumulation of the site values: the summation itself
    /// adds at most sites·SiteBound·(ρ + 2·sites·2⁻¹⁰⁶) to the error (see <see cref="LatticeNetwork.MaxError"/>); not negative.
    /// </summary>
    public double SummationRounding { get; init; }

    /// <summary>
    /// An upper bound on |∂network/∂field[site] − ∂polynomial/∂field[site]| for every entry of the generated gradient
    /// (every site of every continuous field) when every input lies inside its bound, whatever the lattice's size: an
    /// entry sums one derivative per read of its field; NaN (the default) when unknown, else not negative.
    /// </summary>
    public double MaxGradientError { get; init; } = double.NaN;

    /// <summary>
    /// A copy whose collections are fresh read-only arrays (the template's too), so that later changes to the caller's
    /// collections cannot reach it. Null collections are kept null for the validation to report.
    /// </summary>
    internal LatticeNetworkDefinition Snapshot() => new()
    {
        Version = Version,
        Expression = Expression,
        Site = Site?.Snapshot()!,
        Parameters = SigmoidNetworkDefinition.Copy(Parameters)!,
        ParameterKinds = SigmoidNetworkDefinition.Copy(ParameterKinds)!,
        ParameterBounds = SigmoidNetworkDefinition.Copy(ParameterBounds)!,
        Fields = SigmoidNetworkDefinition.Copy(Fields)!,
        Extents = SigmoidNetworkDefinition.Copy(Extents)!,
        Reads = Reads,
        Boundary = Boundary,
        Constant = Constant,
        SiteBound = SiteBound,
        SummationRounding = SummationRounding,
        MaxGradientError = MaxGradientError,
    };
}
