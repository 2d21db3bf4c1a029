using System;
using System.ComponentModel;

namespace PolyNet.Kernels;

/// <summary>Argument checks shared by every generated batch overload; they run before anything is written.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class BatchArguments
{
    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming <paramref name="name"/> when <paramref name="input"/> overlaps
    /// <paramref name="destination"/> other than exactly (in place, element i onto element i, is allowed: each
    /// element is read before it is written).
    /// </summary>
    public static void ValidateOverlap<T>(ReadOnlySpan<T> input, ReadOnlySpan<T> destination, string name)
    {
        if (input.Overlaps(destination, out int offset) && offset != 0)
        {
            throw new ArgumentException($"'{name}' overlaps the destination at an offset of {offset} elements; use separate memory, or the very same span to compute in place.", name);
        }
    }

    /// <summary>
    /// Throws for a batch whose spans differ in length: names the destination when all inputs agree with each
    /// other, else the first input whose length differs from the destination's. Called only on a mismatch.
    /// </summary>
    public static void ThrowLengthMismatch(string destinationName, int destinationLength, params (string Name, int Length)[] inputs)
    {
        if (inputs.Length > 0 && Array.TrueForAll(inputs, input => input.Length == inputs[0].Length))
        {
            throw new ArgumentException($"'{destinationName}' has {destinationLength} elements but the inputs have {inputs[0].Length}; they must have the same length.", destinationName);
        }

        foreach (var (name, length) in inputs)
        {
            if (length != destinationLength)
            {
                throw new ArgumentException($"'{name}' has {length} elements but '{destinationName}' has {destinationLength}; every input span and the destination must have the same length.", name);
            }
        }
    }
}
