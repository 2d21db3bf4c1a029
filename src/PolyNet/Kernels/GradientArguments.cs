using System;
using System.ComponentModel;

namespace PolyNet.Kernels;

/// <summary>Argument checks of the generated gradient methods; they run before anything is written.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GradientArguments
{
    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="name"/> when the span holds fewer than <paramref name="required"/> elements.</summary>
    public static void RequireLength(int length, int required, string name)
    {
        if (length < required)
        {
            throw new ArgumentException($"'{name}' has {length} elements but the gradient has {required} (one per continuous input); pass a span of at least {required}.", name);
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming <paramref name="secondName"/> when two destinations share memory: each
    /// derivative and the energy need their own span.
    /// </summary>
    public static void ValidateSeparate<T>(ReadOnlySpan<T> first, string firstName, ReadOnlySpan<T> second, string secondName)
    {
        if (first.Overlaps(second))
        {
            throw new ArgumentException($"'{secondName}' overlaps '{firstName}'; every destination of a gradient batch needs its own memory.", secondName);
        }
    }
}
