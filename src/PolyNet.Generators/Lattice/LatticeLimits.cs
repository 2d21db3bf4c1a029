namespace PolyNet.Generators.Lattice;

/// <summary>Documented limits of lattice Hamiltonians (README "Limits").</summary>
internal static class LatticeLimits
{
    /// <summary>1-D, 2-D and 3-D lattices.</summary>
    public const int MaxDimensions = 3;

    /// <summary>The most distinct site-relative reads (such as <c>s[i+1,j]</c>) one site's template may have.</summary>
    public const int MaxReads = 64;
}
