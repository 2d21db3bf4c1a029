using System.Collections.Immutable;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Lattice;

/// <summary>
/// A lattice Hamiltonian as one per-site template: H = <see cref="Constant"/> + Σ over sites of
/// <see cref="SitePolynomial"/>, whose variables are <see cref="Reads"/> relative to the site.
/// </summary>
/// <param name="Domain">The extents (parameter indices), outermost first; row-major storage.</param>
/// <param name="IndexNames">The first sum's index names, one per dimension (for display).</param>
/// <param name="Reads">The template's inputs: field reads (sorted by field, then offsets), then the scalar parameters.</param>
/// <param name="SitePolynomial">One site's terms over <see cref="Reads"/>.</param>
/// <param name="Constant">The terms outside every sum (a constant).</param>
internal sealed record LatticeTemplate(
    ImmutableArray<int> Domain,
    ImmutableArray<string> IndexNames,
    ImmutableArray<LatticeRead> Reads,
    Polynomial SitePolynomial,
    Rational Constant)
{
    /// <summary>The smallest and largest offset along dimension <paramref name="dimension"/> over all field reads (0 included).</summary>
    public (int Min, int Max) OffsetRange(int dimension)
    {
        int min = 0, max = 0;
        foreach (var read in Reads)
        {
            if (read.IsField)
            {
                min = System.Math.Min(min, read.Offsets[dimension]);
                max = System.Math.Max(max, read.Offsets[dimension]);
            }
        }

        return (min, max);
    }
}
