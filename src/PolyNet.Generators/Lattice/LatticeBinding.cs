using System.Collections.Immutable;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Lattice;

/// <summary>What <see cref="LatticeBinder"/> found: the lattice's extents (parameter indices, outermost first), the first sum's index names, or the errors.</summary>
internal sealed record LatticeBinding(ImmutableArray<int> Domain, ImmutableArray<string> IndexNames, ImmutableArray<ExpressionError> Errors);
