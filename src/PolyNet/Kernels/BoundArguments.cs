using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace PolyNet.Kernels;

/// <summary>
/// Checks inputs against their bounds for methods declared with <c>[Hamiltonian(CheckBounds = true)]</c>: MaxError is
/// guaranteed inside the bounds, and these checks make that a contract. Generated methods call them before computing or
/// writing anything.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BoundArguments
{
    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="name"/> unless |value| ≤ bound.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Validate(double value, double bound, string name)
    {
        if (!(Math.Abs(value) <= bound))
        {
            Throw(name, value, bound, -1);
        }
    }

    /// <inheritdoc cref="Validate(double, double, string)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Validate(float value, double bound, string name)
    {
        if (!(Math.Abs(value) <= (float)bound))
        {
            Throw(name, value, bound, -1);
        }
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming <paramref name="name"/>, the index and the value of the first element with |value| &gt; bound (or NaN).</summary>
    public static void Validate(ReadOnlySpan<double> values, double bound, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!(Math.Abs(values[i]) <= bound))
            {
                Throw(name, values[i], bound, i);
            }
        }
    }

    /// <inheritdoc cref="Validate(ReadOnlySpan{double}, double, string)"/>
    public static void Validate(ReadOnlySpan<float> values, double bound, string name)
    {
        float limit = (float)bound;
        for (int i = 0; i < values.Length; i++)
        {
            if (!(Math.Abs(values[i]) <= limit))
            {
                Throw(name, values[i], bound, i);
            }
        }
    }

    private static void Throw(string name, double value, double bound, int index) =>
        throw new ArgumentOutOfRangeException(
            name,
            value,
            index < 0
                ? $"'{name}' is {value:R}, outside its bound |{name}| <= {bound:R}; MaxError holds only inside the bounds (CheckBounds)."
                : $"'{name}'[{index}] is {value:R}, outside its bound |{name}| <= {bound:R}; MaxError holds only inside the bounds (CheckBounds).");
}
