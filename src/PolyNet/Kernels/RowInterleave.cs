using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace PolyNet.Kernels;

/// <summary>
/// Writes K column vectors as rows of a row-major table (<see cref="ILanes{TSelf, TLane, TScalar}.StoreRows"/>): with
/// AVX-512 and 2 ≤ K ≤ 4, each of the K output vectors is assembled by K − 1 two-source permutes (element e of output j
/// is row (16j + e) / K, column (16j + e) mod K), then stored whole; otherwise element by element.
/// </summary>
internal static class RowInterleave
{
    private const int MaxColumns = 4;

    // Per K (2..4), output j and step s (1..K−1): the permute's indices over (previous result, column s).
    private static readonly Vector512<int>[][][] SingleIndices = Build<int>(16);
    private static readonly Vector512<long>[][][] DoubleIndices = Build<long>(8);

    public static bool CanPermute(int columns) => Avx512F.IsSupported && columns >= 2 && columns <= MaxColumns;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ReadOnlySpan<Vector512<float>> columns, ref float destination, nuint index)
    {
        var tables = SingleIndices[columns.Length];
        for (int j = 0; j < columns.Length; j++)
        {
            var output = Avx512F.PermuteVar16x32x2(columns[0], tables[j][1], columns[1]);
            for (int s = 2; s < columns.Length; s++)
            {
                output = Avx512F.PermuteVar16x32x2(output, tables[j][s], columns[s]);
            }

            output.StoreUnsafe(ref destination, index + (nuint)(16 * j));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ReadOnlySpan<Vector512<double>> columns, ref double destination, nuint index)
    {
        var tables = DoubleIndices[columns.Length];
        for (int j = 0; j < columns.Length; j++)
        {
            var output = Avx512F.PermuteVar8x64x2(columns[0], tables[j][1], columns[1]);
            for (int s = 2; s < columns.Length; s++)
            {
                output = Avx512F.PermuteVar8x64x2(output, tables[j][s], columns[s]);
            }

            output.StoreUnsafe(ref destination, index + (nuint)(8 * j));
        }
    }

    /// <summary>
    /// Step 1 takes element e from column 0 or 1 (index k, or width + k); step s ≥ 2 keeps the element it has (index e)
    /// unless it comes from column s (index width + k).
    /// </summary>
    private static Vector512<T>[][][] Build<T>(int width)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        var tables = new Vector512<T>[MaxColumns + 1][][];
        for (int columns = 2; columns <= MaxColumns; columns++)
        {
            tables[columns] = new Vector512<T>[columns][];
            for (int j = 0; j < columns; j++)
            {
                tables[columns][j] = new Vector512<T>[columns];
                for (int s = 1; s < columns; s++)
                {
                    var indices = new T[width];
                    for (int e = 0; e < width; e++)
                    {
                        int position = (width * j) + e, row = position / columns, column = position % columns;
                        int index = s == 1
                            ? column == 0 ? row : column == 1 ? width + row : 0
                            : column == s ? width + row : e;
                        indices[e] = T.CreateChecked(index);
                    }

                    tables[columns][j][s] = Vector512.Create(indices);
                }
            }
        }

        return tables;
    }
}
