using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace PolyNet.Kernels;

/// <summary>
/// A compensated (Neumaier) running sum in double: its rounding error is at most 2u·|sum| + 2n·u²·Σ|xᵢ| (u = 2⁻⁵³)
/// instead of n·u·Σ|xᵢ|, so a lattice's total does not lose accuracy with the number of blocks it adds.
/// </summary>
/// <remarks>Infrastructure for generated code; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct NeumaierSum
{
    private double _sum;
    private double _compensation;

    /// <summary>Adds <paramref name="value"/>, keeping the low-order bits the addition drops.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        double sum = _sum + value;
        _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - sum) + value : (value - sum) + _sum;
        _sum = sum;
    }

    /// <summary>The sum so far.</summary>
    public readonly double Value => _sum + _compensation;
}
