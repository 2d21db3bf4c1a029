using System;
using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace PolyNet.Kernels;

/// <summary>Argument checks and index arithmetic of generated lattice methods.</summary>
/// <remarks>Infrastructure for generated code; not meant to be called directly.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class LatticeArguments
{
    /// <summary>The number of sites of a 1-D lattice; throws for a negative extent.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The extent is negative.</exception>
    public static int Sites((string Name, int Value) extent) => Extent(extent);

    /// <summary>The number of sites of a 2-D lattice; throws for a negative extent or more than <see cref="int.MaxValue"/> sites.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An extent is negative.</exception>
    /// <exception cref="ArgumentException">The product of the extents exceeds <see cref="int.MaxValue"/>.</exception>
    public static int Sites((string Name, int Value) first, (string Name, int Value) second) =>
        Product(Extent(first), Extent(second), second.Name);

    /// <summary>The number of sites of a 3-D lattice; throws for a negative extent or more than <see cref="int.MaxValue"/> sites.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An extent is negative.</exception>
    /// <exception cref="ArgumentException">The product of the extents exceeds <see cref="int.MaxValue"/>.</exception>
    public static int Sites((string Name, int Value) first, (string Name, int Value) second, (string Name, int Value) third) =>
        Product(Product(Extent(first), Extent(second), second.Name), Extent(third), third.Name);

    // Separate overloads rather than a params array: a one-site update calls this and must not allocate.
    private static int Extent((string Name, int Value) extent) =>
        extent.Value >= 0 ? extent.Value : throw new ArgumentOutOfRangeException(extent.Name, extent.Value, $"The extent '{extent.Name}' must not be negative.");

    private static int Product(int sites, int extent, string name)
    {
        long product = (long)sites * extent;
        return product <= int.MaxValue
            ? (int)product
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"The lattice has more than {int.MaxValue:N0} sites."), name);
    }

    /// <summary>Throws unless the field holds one value per site.</summary>
    /// <exception cref="ArgumentException">The length is not <paramref name="sites"/>.</exception>
    public static void RequireLength(int length, int sites, string name)
    {
        if (length != sites)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The field '{name}' has {length:N0} values, but the lattice has {sites:N0} sites (the product of its extents); a field holds one value per site, row-major."),
                name);
        }
    }

    /// <summary>Throws unless <paramref name="site"/> is a row-major index of the lattice.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="site"/> is negative or not below <paramref name="sites"/>.</exception>
    public static void RequireSite(int site, int sites, string name)
    {
        if ((uint)site >= (uint)sites)
        {
            throw new ArgumentOutOfRangeException(name, site, string.Create(CultureInfo.InvariantCulture, $"The site must be a row-major index from 0 to {sites - 1:N0}."));
        }
    }

    /// <summary>How many zeros start <see cref="DoubleRamp"/> and <see cref="SingleRamp"/>: the most lanes of any vector.</summary>
    public const int RampZeros = 16;

    /// <summary>16 zeros, then 16 ones: a vector loaded at 16 − k has k leading zero lanes (the lanes a partial vector already counted).</summary>
    public static ReadOnlySpan<double> DoubleRamp => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

    /// <summary>The float <see cref="DoubleRamp"/>.</summary>
    public static ReadOnlySpan<float> SingleRamp => [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

    /// <summary><paramref name="index"/> modulo <paramref name="extent"/>, in [0, extent): periodic boundaries.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Wrap(int index, int extent)
    {
        if ((uint)index < (uint)extent)
        {
            return index;
        }

        int wrapped = index % extent;
        return wrapped < 0 ? wrapped + extent : wrapped;
    }
}
