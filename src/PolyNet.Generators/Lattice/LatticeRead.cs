using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Lattice;

/// <summary>
/// One input of a lattice's per-site template: a field read at a constant offset from the site (<c>s[i+1,j]</c>), or
/// a scalar parameter (<c>h</c>, no offsets).
/// </summary>
/// <param name="Parameter">The index of the method parameter read.</param>
/// <param name="Offsets">One offset per lattice dimension for a field; empty for a scalar.</param>
/// <param name="Name">The read as written with the first sum's index names, such as <c>s[i+1,j]</c>.</param>
internal sealed record LatticeRead(int Parameter, EquatableArray<int> Offsets, string Name)
{
    public bool IsField => Offsets.Count > 0;
}
