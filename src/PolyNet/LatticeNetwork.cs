using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using PolyNet.Description;

namespace PolyNet;

/// <summary>
/// The network of a lattice Hamiltonian (<c>[Hamiltonian("-sum(i &lt; rows, j &lt; columns: …)")]</c>): one per-site
/// template network (<see cref="Site"/>) that the generated code evaluates at every site and sums, with its sizes, its
/// error bound for a given number of sites, and the whole-lattice network at a given size (<see cref="Unroll"/>) to
/// compare against. Built from a <see cref="LatticeNetworkDefinition"/>; every collection it exposes is read-only.
/// </summary>
public sealed partial class LatticeNetwork
{
    /// <summary>The most neurons (and sites) <see cref="Unroll"/> builds; larger lattices are refused.</summary>
    public const int MaxUnrolledNeurons = 250_000;

    /// <summary>2⁻¹⁰⁶: the relative error per addition of a compensated (double-double) sum.</summary>
    private static readonly double CompensatedUnit = Math.ScaleB(1.0, -106);

    private readonly LatticeUnroller _unroller;

    /// <summary>
    /// Builds the lattice network from its definition (generated code calls this once per Hamiltonian). Every
    /// collection of <paramref name="definition"/> (and of its template) is copied, so the caller may change its own
    /// afterwards.
    /// </summary>
    /// <param name="definition">The lattice's description; see <see cref="LatticeNetworkDefinition"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/>, or one of its text properties, collections or its template, is null.</exception>
    /// <exception cref="NotSupportedException">A version is later than this runtime reads.</exception>
    /// <exception cref="FormatException">A text property (of the lattice or its template) is malformed; the message names it.</exception>
    /// <exception cref="ArgumentException">
    /// The definition is well-formed but invalid: a read of an unknown parameter or with the wrong number of offsets,
    /// a read count that is not the template's input count, fields that are not parameters, 0 or more than 3 extents,
    /// counts that disagree, a non-finite number; the message names the property.
    /// </exception>
    public LatticeNetwork(LatticeNetworkDefinition definition)
    {
        var parsed = LatticeReads.Parse(definition);
        _unroller = new LatticeUnroller(parsed);
        Definition = parsed.Definition;
        Site = parsed.Site;
        Parameters = Array.AsReadOnly(parsed.Parameters);
        Fields = Array.AsReadOnly(parsed.Fields);
        Extents = Array.AsReadOnly(parsed.Extents);

        // The cliques: the maximal sets of field reads that one template term multiplies together.
        var supports = new List<HashSet<int>>();
        foreach (int[] support in _unroller.TermSupports)
        {
            if (support.Length > 0 && !supports.Exists(s => s.SetEquals(support)))
            {
                supports.Add([.. support]);
            }
        }

        foreach (var support in supports)
        {
            if (!supports.Exists(other => other.Count > support.Count && support.IsSubsetOf(other)))
            {
                CliqueCount++;
                CliqueSize = Math.Max(CliqueSize, support.Count);
            }
        }
    }

    /// <summary>A copy of the definition the network was built from, with read-only collections.</summary>
    public LatticeNetworkDefinition Definition { get; }

    /// <summary>The expression as written in the attribute.</summary>
    public string Expression => Definition.Expression;

    /// <summary>The per-site template network: the body of the sum at one site, over its site-relative reads.</summary>
    public SigmoidNetwork Site { get; }

    /// <summary>The template's expanded polynomial (<see cref="SigmoidNetwork.Polynomial"/> of <see cref="Site"/>).</summary>
    public string SitePolynomial => Site.Polynomial;

    /// <summary>What reads outside the lattice do.</summary>
    public LatticeBoundary Boundary => Definition.Boundary;

    /// <summary>The parameters that are fields (spans with the lattice's full shape, row-major).</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The extent parameters in dimension order, the outermost first.</summary>
    public IReadOnlyList<string> Extents { get; }

    /// <summary>The method's parameters other than the extents, in parameter order: fields and scalars.</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>The floating-point type the generated code computes in.</summary>
    public NetworkPrecision Precision => Site.Precision;

    /// <summary>The template's neurons: the neurons evaluated per site.</summary>
    public int NeuronsPerSite => Site.NeuronCount;

    /// <summary>The template's non-zero weights, hidden and output.</summary>
    public int SynapsesPerSite => Site.SynapseCount;

    /// <summary>The template's hidden layers.</summary>
    public int HiddenLayers => Site.HiddenLayers;

    /// <summary>An upper bound on |template network − template polynomial| at one site, inside the bounds.</summary>
    public double MaxErrorPerSite => Site.MaxError;

    /// <summary>
    /// An upper bound on the error of every entry of the generated <c>&lt;Method&gt;Gradient</c> (∂/∂field[site] of each
    /// continuous field) against the polynomial's derivative, for inputs inside their bounds; it does not grow with the
    /// lattice (an entry sums one template derivative per read of its field). NaN when the definition gives none.
    /// </summary>
    public double MaxGradientError => Definition.MaxGradientError;

    /// <summary>
    /// How many cliques the template's polynomial has: the supports of its terms (the sets of field reads a term
    /// multiplies, scalars left out) that no other support contains, the empty one left out. The 2-D Ising bond
    /// template s[i,j]·s[i+1,j] + s[i,j]·s[i,j+1] has two, of size 2.
    /// </summary>
    public int CliqueCount { get; }

    /// <summary>The size of the largest clique (field reads), 0 when the template reads no field in a non-constant term.</summary>
    public int CliqueSize { get; }

    /// <summary>
    /// N_c·2^(S_c) with N_c = <see cref="CliqueCount"/> and S_c = <see cref="CliqueSize"/>: the Lin–Tegmark–Rolnick
    /// bound on the neurons per site a network of binary inputs needs at most (each clique's function of S_c bits is
    /// a sum over its 2^(S_c) configurations), to compare with <see cref="NeuronsPerSite"/>.
    /// </summary>
    public double CliqueNeuronBound => CliqueCount * Math.Pow(2, CliqueSize);

    /// <summary>
    /// An upper bound on |generated lattice sum − exact polynomial| over <paramref name="sites"/> sites, inside the
    /// bounds: each site's template error plus the generated loop's compensated accumulation of the site values,
    /// sites·(<see cref="MaxErrorPerSite"/> + SiteBound·(ρ + 2·sites·2⁻¹⁰⁶)) with ρ =
    /// <see cref="LatticeNetworkDefinition.SummationRounding"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="sites"/> is negative.</exception>
    public double MaxError(int sites)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sites);
        double n = sites;
        return n * (MaxErrorPerSite + (Definition.SiteBound * (Definition.SummationRounding + (2 * n * CompensatedUnit))));
    }

    /// <summary>
    /// The exact number of neurons of <see cref="Unroll"/>'s network at these extents: sites·<see cref="NeuronsPerSite"/>
    /// with periodic boundaries; with open ones, per site only the gates its kept terms need. Counted per boundary
    /// class of sites, so a huge lattice costs nothing (a template with flat gates, whose pairs may be shared, is
    /// counted site by site).
    /// </summary>
    /// <param name="extents">One extent per <see cref="Extents"/> entry, each 1 or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="extents"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="extents"/> does not hold one extent per dimension.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An extent is below 1, or the count exceeds <see cref="int.MaxValue"/>.</exception>
    public int NeuronCount(params int[] extents)
    {
        RequireExtents(extents);
        long count;
        try
        {
            count = _unroller.CountNeurons(extents);
        }
        catch (OverflowException)
        {
            count = long.MaxValue;
        }

        if (count > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(extents), string.Create(CultureInfo.InvariantCulture, $"The lattice {string.Join("×", extents)} has more than {int.MaxValue} neurons."));
        }

        return (int)count;
    }

    /// <summary>
    /// The whole lattice at these extents as one network (for tests and inspection): inputs are every parameter in
    /// order, a field as all its elements row-major (<c>s[0,0]</c>, <c>s[0,1]</c>, …), a scalar by its name; every
    /// site contributes the template with its reads renamed to the elements they read (wrapped, or with the terms that
    /// read outside dropped); its <see cref="SigmoidNetwork.EvaluatePolynomial"/> is the exact lattice sum (sparse terms)
    /// and its <see cref="SigmoidNetwork.MaxError"/> is <see cref="MaxError"/>(sites).
    /// </summary>
    /// <param name="extents">One extent per <see cref="Extents"/> entry, each 1 or more.</param>
    /// <exception cref="ArgumentNullException"><paramref name="extents"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="extents"/> does not hold one extent per dimension.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// An extent is below 1, or the lattice has more than <see cref="MaxUnrolledNeurons"/> neurons or sites.
    /// </exception>
    /// <exception cref="InvalidOperationException">An open-boundary site's kept terms cannot be separated from the dropped ones (see remarks).</exception>
    /// <remarks>
    /// At an open edge the template's output constant and input terms may belong to several polynomial terms at once
    /// (for spins, −s·t = 1 + s + t − 4·y(s)·y(t)); when every output gate is a recognized product (mul, sq, flat, or a
    /// bit gate that is an AND of spins, bits and bit gates), such a site's constant and input terms are recomputed so
    /// that its network still matches its kept terms; otherwise they are kept when they read nothing outside.
    /// </remarks>
    public SigmoidNetwork Unroll(params int[] extents)
    {
        RequireExtents(extents);
        long sites = 1;
        foreach (int extent in extents)
        {
            sites = Math.Min(sites * extent, long.MaxValue / int.MaxValue);
        }

        if (sites > MaxUnrolledNeurons)
        {
            throw new ArgumentOutOfRangeException(nameof(extents), string.Create(CultureInfo.InvariantCulture, $"The lattice {string.Join("×", extents)} has {sites} sites; Unroll builds at most {MaxUnrolledNeurons}."));
        }

        int neurons = NeuronCount(extents);
        if (neurons > MaxUnrolledNeurons)
        {
            throw new ArgumentOutOfRangeException(nameof(extents), string.Create(CultureInfo.InvariantCulture, $"The lattice {string.Join("×", extents)} unrolls to {neurons} neurons; Unroll builds at most {MaxUnrolledNeurons}."));
        }

        var (definition, _) = _unroller.Walk(extents, emit: true, MaxError((int)sites));
        var network = new SigmoidNetwork(definition!);
        if (network.NeuronCount != neurons)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The unrolled network has {network.NeuronCount} neurons, {neurons} were counted."));
        }

        return network;
    }

    /// <summary>A one-line summary: expression, neurons per site, the per-site error bound and the boundary.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Expression}: {NeuronsPerSite} neurons per site in {HiddenLayers} hidden {(HiddenLayers == 1 ? "layer" : "layers")}, max error {MaxErrorPerSite:G3} per site, {Boundary} boundary over {string.Join("×", Extents)}");

    private void RequireExtents(int[] extents)
    {
        ArgumentNullException.ThrowIfNull(extents);
        if (extents.Length != Extents.Count)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Expected {Extents.Count} extents ({string.Join(", ", Extents)}), got {extents.Length}."), nameof(extents));
        }

        foreach (int extent in extents)
        {
            if (extent < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(extents), extent, "Every extent must be 1 or more.");
            }
        }
    }
}
