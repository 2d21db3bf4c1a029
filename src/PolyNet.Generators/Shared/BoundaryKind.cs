namespace PolyNet.Generators.Shared;

/// <summary>The generator's copy of <c>PolyNet.LatticeBoundary</c> (same values): what a read outside the lattice means.</summary>
internal enum BoundaryKind
{
    /// <summary>Indices wrap around (a torus).</summary>
    Periodic = 0,

    /// <summary>Expanded terms that read outside the lattice are dropped.</summary>
    Open = 1,
}
