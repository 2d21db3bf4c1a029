using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace PolyNet.Kernels;

/// <summary>Checks that [Spin] arguments are ±1; generated methods call these before computing or writing anything.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SpinArguments
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="name"/> unless the spin is −1 or +1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Validate(int spin, string name)
    {
        if (spin != 1 && spin != -1)
        {
            Throw(name, spin, $"A spin must be -1 or +1, but '{name}' is {spin}.");
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="name"/>, the index and the value of the first element that is not ±1.</summary>
    public static void Validate(ReadOnlySpan<int> spins, string name)
    {
        int index = spins.IndexOfAnyExcept(1, -1);
        if (index >= 0)
        {
            Throw(name, spins[index], $"A spin must be -1 or +1, but '{name}'[{index}] is {spins[index]}.");
        }
    }

    /// <inheritdoc cref="Validate(ReadOnlySpan{int}, string)"/>
    public static void Validate(ReadOnlySpan<sbyte> spins, string name)
    {
        int index = spins.IndexOfAnyExcept((sbyte)1, (sbyte)-1);
        if (index >= 0)
        {
            Throw(name, spins[index], $"A spin must be -1 or +1, but '{name}'[{index}] is {spins[index]}.");
        }
    }

    private static void Throw(string name, int value, string message) =>
        throw new ArgumentOutOfRangeException(name, value, message);
}
