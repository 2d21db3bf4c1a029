using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace PolyNet.Kernels;

/// <summary>
/// Loads bits (<c>bool</c>) and spins (<c>sbyte</c>, <c>int</c>) for the generated batch forward passes, widened to
/// double or float lanes. Bytes are sign-extended (a bool is 0 or 1 either way) to int, converted to float, and
/// widened to double when needed: every value is a small integer, so each step is exact.
/// </summary>
/// <remarks>Each method reads exactly one vector's lane count of elements from <c>source[index]</c> on.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VectorLoads
{
    /// <summary>16 bits at <c>source[index]</c> as float lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Single512(ref bool source, nuint index) => Vector512.ConvertToSingle(Int16(ref AsBytes(ref source), index));

    /// <summary>16 spins at <c>source[index]</c> as float lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Single512(ref sbyte source, nuint index) => Vector512.ConvertToSingle(Int16(ref source, index));

    /// <summary>16 spins at <c>source[index]</c> as float lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<float> Single512(ref int source, nuint index) => Vector512.ConvertToSingle(Vector512.LoadUnsafe(ref source, index));

    /// <summary>8 bits at <c>source[index]</c> as float lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Single256(ref bool source, nuint index) => Vector256.ConvertToSingle(Int8(ref AsBytes(ref source), index));

    /// <summary>8 spins at <c>source[index]</c> as float lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Single256(ref sbyte source, nuint index) => Vector256.ConvertToSingle(Int8(ref source, index));

    /// <summary>8 spins at <c>source[index]</c> as float lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Single256(ref int source, nuint index) => Vector256.ConvertToSingle(Vector256.LoadUnsafe(ref source, index));

    /// <summary>4 bits at <c>source[index]</c> as float lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Single128(ref bool source, nuint index) => Vector128.ConvertToSingle(Int4(ref AsBytes(ref source), index));

    /// <summary>4 spins at <c>source[index]</c> as float lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Single128(ref sbyte source, nuint index) => Vector128.ConvertToSingle(Int4(ref source, index));

    /// <summary>4 spins at <c>source[index]</c> as float lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<float> Single128(ref int source, nuint index) => Vector128.ConvertToSingle(Vector128.LoadUnsafe(ref source, index));

    /// <summary>8 bits at <c>source[index]</c> as double lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Double512(ref bool source, nuint index) => Widen(Single256(ref source, index));

    /// <summary>8 spins at <c>source[index]</c> as double lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Double512(ref sbyte source, nuint index) => Widen(Single256(ref source, index));

    /// <summary>8 spins at <c>source[index]</c> as double lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Double512(ref int source, nuint index) => Widen(Single256(ref source, index));

    /// <summary>4 bits at <c>source[index]</c> as double lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Double256(ref bool source, nuint index) => Widen(Single128(ref source, index));

    /// <summary>4 spins at <c>source[index]</c> as double lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Double256(ref sbyte source, nuint index) => Widen(Single128(ref source, index));

    /// <summary>4 spins at <c>source[index]</c> as double lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Double256(ref int source, nuint index) => Widen(Single128(ref source, index));

    /// <summary>2 bits at <c>source[index]</c> as double lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Double128(ref bool source, nuint index) =>
        Vector128.Create(Unsafe.Add(ref source, index) ? 1.0 : 0.0, Unsafe.Add(ref source, index + 1) ? 1.0 : 0.0);

    /// <summary>2 spins at <c>source[index]</c> as double lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Double128(ref sbyte source, nuint index) =>
        Vector128.Create((double)Unsafe.Add(ref source, index), Unsafe.Add(ref source, index + 1));

    /// <summary>2 spins at <c>source[index]</c> as double lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<double> Double128(ref int source, nuint index) =>
        Vector128.Create((double)Unsafe.Add(ref source, index), Unsafe.Add(ref source, index + 1));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref sbyte AsBytes(ref bool source) => ref Unsafe.As<bool, sbyte>(ref source);

    // WidenLower of a vector twice the width (upper half undefined, never read) is one instruction; the tuple-returning
    // Widen followed by Create measured 6x slower.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> Widen(Vector256<float> value) => Vector512.WidenLower(value.ToVector512Unsafe());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Widen(Vector128<float> value) => Vector256.WidenLower(value.ToVector256Unsafe());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> Int4(ref sbyte source, nuint index) =>
        Vector128.WidenLower(Vector128.WidenLower(Vector128.CreateScalar(Unsafe.ReadUnaligned<uint>(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref source, index)))).AsSByte()));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Int8(ref sbyte source, nuint index)
    {
        var shorts = Vector128.WidenLower(Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<sbyte, byte>(ref Unsafe.Add(ref source, index)))).AsSByte());
        return Vector256.WidenLower(shorts.ToVector256Unsafe());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<int> Int16(ref sbyte source, nuint index)
    {
        var shorts = Vector256.WidenLower(Vector128.LoadUnsafe(ref source, index).ToVector256Unsafe());
        return Vector512.WidenLower(shorts.ToVector512Unsafe());
    }
}
