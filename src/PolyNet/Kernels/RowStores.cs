using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PolyNet.Kernels;

/// <summary>The element-by-element form of <see cref="ILanes{TSelf, TLane, TScalar}.StoreRows"/>.</summary>
internal static class RowStores
{
    /// <summary>
    /// The columns as one block of scalars, column by column, read back row by row, without bounds checks: the block
    /// holds exactly count·K scalars, and the caller checked the destination's length.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Scalar<TLane, TScalar>(ReadOnlySpan<TLane> columns, ref TScalar destination, nuint index, int count)
        where TLane : unmanaged
        where TScalar : unmanaged
    {
        ref TScalar scalars = ref Unsafe.As<TLane, TScalar>(ref MemoryMarshal.GetReference(columns));
        int width = columns.Length;
        ref TScalar row = ref Unsafe.Add(ref destination, index);
        for (int k = 0; k < count; k++)
        {
            ref TScalar column = ref Unsafe.Add(ref scalars, k);
            for (int y = 0; y < width; y++)
            {
                Unsafe.Add(ref row, y) = Unsafe.Add(ref column, y * count);
            }

            row = ref Unsafe.Add(ref row, width);
        }
    }
}
