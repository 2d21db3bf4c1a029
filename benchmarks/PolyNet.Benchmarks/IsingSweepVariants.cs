using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using PolyNet.Kernels;

namespace PolyNet.Benchmarks;

/// <summary>
/// What-if copies of the generated periodic 2-D Ising sweep (Lattices.Ising / IsingSingle, Vector512 path), to measure
/// what would make the generated code faster without touching src/: the same network (gates σ(β(q + q′) − β), output
/// 2 + 2q₀ + q₁ + q₂ − 4g₀ − 4g₁, the same NeumaierSum blocks and the same spin check), with one change each.
/// <list type="bullet">
/// <item><c>InlinedSigmoid</c>: σ written in the loop (1/(1 + e^(−t)) with the lanes' full-range Exp) instead of the
/// NoInlining <c>ILanes.Sigmoid</c> call.</item>
/// <item><c>SigmoidTable</c>: a gate over two spins has three possible preactivations (−120, −40, 40), so its output is
/// one of three constants σ(t), each computed once with Math.Exp: two compares and two blends instead of an exponential
/// and a division.</item>
/// </list>
/// Experiments only (LatticeBenchmarks --variants); the numbers tell what a generator change would buy.
/// </summary>
public static class IsingSweepVariants
{
    private const double Beta = 40.0, Bias = -40.0;

    private static readonly double SigmaLow = 1 / (1 + Math.Exp(120.0)), SigmaMid = 1 / (1 + Math.Exp(40.0)), SigmaHigh = 1 / (1 + Math.Exp(-40.0));

    /// <summary>The double sweep with σ inlined.</summary>
    public static double InlinedSigmoid(ReadOnlySpan<sbyte> s, int rows, int columns) => Evaluate<InlineGate, Vector512<double>, Double512>(s, rows, columns);

    /// <summary>The double sweep with each gate's three possible values looked up.</summary>
    public static double SigmoidTable(ReadOnlySpan<sbyte> s, int rows, int columns) => Evaluate<TableGate, Vector512<double>, Double512>(s, rows, columns);

    /// <summary>The float sweep with σ inlined and the output summed in double without a stackalloc (so Forward inlines).</summary>
    public static float InlinedSigmoidSingle(ReadOnlySpan<sbyte> s, int rows, int columns)
    {
        Check(s, rows, columns);
        var total = new NeumaierSum();
        ref sbyte r0 = ref MemoryMarshal.GetReference(s);
        for (int x0 = 0; x0 < rows; x0++)
        {
            int b0 = x0 * columns, b1 = (x0 + 1 == rows ? 0 : x0 + 1) * columns, x1 = 0, count = 0;
            var acc = Vector512<float>.Zero;
            for (; x1 + Vector512<float>.Count <= columns - 1; x1 += Vector512<float>.Count)
            {
                var q0 = Single512.LoadSpins(ref r0, (nuint)(b0 + x1));
                var q1 = Single512.LoadSpins(ref r0, (nuint)(b0 + x1 + 1));
                var q2 = Single512.LoadSpins(ref r0, (nuint)(b1 + x1));
                var g0 = SigmoidSingle((q1 * 20f) + ((q0 * 20f) + Vector512.Create(-20f)));
                var g1 = SigmoidSingle((q2 * 20f) + ((q0 * 20f) + Vector512.Create(-20f)));
                var lower = Vector512.Create(2.0) + (Vector512.WidenLower(q0) * 2.0) + Vector512.WidenLower(q1) + Vector512.WidenLower(q2) + (Vector512.WidenLower(g0) * -4.0) + (Vector512.WidenLower(g1) * -4.0);
                var upper = Vector512.Create(2.0) + (Vector512.WidenUpper(q0) * 2.0) + Vector512.WidenUpper(q1) + Vector512.WidenUpper(q2) + (Vector512.WidenUpper(g0) * -4.0) + (Vector512.WidenUpper(g1) * -4.0);
                acc += Vector512.Narrow(lower, upper);
                if (++count == 8)
                {
                    total.Add(Single512.SumToDouble(acc));
                    acc = Vector512<float>.Zero;
                    count = 0;
                }
            }

            total.Add(Single512.SumToDouble(acc));
            for (; x1 < columns; x1++)
            {
                total.Add(ScalarSite(s, rows, columns, x0, x1, 20.0));
            }
        }

        return (float)total.Value;
    }

    private static double Evaluate<TGate, TLane, L>(ReadOnlySpan<sbyte> s, int rows, int columns)
        where TGate : IGate
        where TLane : unmanaged
        where L : ILanes<L, TLane, double>
    {
        Check(s, rows, columns);
        var total = new NeumaierSum();
        ref sbyte r0 = ref MemoryMarshal.GetReference(s);
        for (int x0 = 0; x0 < rows; x0++)
        {
            int b0 = x0 * columns, b1 = (x0 + 1 == rows ? 0 : x0 + 1) * columns, x1 = 0, count = 0;
            TLane acc = L.Constant(0);
            for (; x1 + L.Count <= columns - 1; x1 += L.Count)
            {
                TLane q0 = L.LoadSpins(ref r0, (nuint)(b0 + x1));
                TLane q1 = L.LoadSpins(ref r0, (nuint)(b0 + x1 + 1));
                TLane q2 = L.LoadSpins(ref r0, (nuint)(b1 + x1));
                TLane g0 = TGate.Gate<TLane, L>(q0, q1);
                TLane g1 = TGate.Gate<TLane, L>(q0, q2);
                acc = L.Add(acc, L.MultiplyAdd(g1, -4.0, L.MultiplyAdd(g0, -4.0, L.Add(L.Add(L.MultiplyAdd(q0, 2.0, L.Constant(2.0)), q1), q2))));
                if (++count == 64)
                {
                    total.Add(L.SumToDouble(acc));
                    acc = L.Constant(0);
                    count = 0;
                }
            }

            total.Add(L.SumToDouble(acc));
            for (; x1 < columns; x1++)
            {
                total.Add(ScalarSite(s, rows, columns, x0, x1, Beta));
            }
        }

        return total.Value;
    }

    private static void Check(ReadOnlySpan<sbyte> s, int rows, int columns)
    {
        int sites = LatticeArguments.Sites(("rows", rows), ("columns", columns));
        LatticeArguments.RequireLength(s.Length, sites, "s");
        SpinArguments.Validate(s, "s");
        if (!Vector512.IsHardwareAccelerated || columns <= Vector512<float>.Count)
        {
            throw new PlatformNotSupportedException("The sweep variants are written for the Vector512 path only.");
        }
    }

    /// <summary>One site on the torus, one spin at a time (the last columns of a row), σ with Math.Exp.</summary>
    private static double ScalarSite(ReadOnlySpan<sbyte> s, int rows, int columns, int x0, int x1, double beta)
    {
        int down = x0 + 1 == rows ? 0 : x0 + 1, right = x1 + 1 == columns ? 0 : x1 + 1;
        double q0 = s[(x0 * columns) + x1], q1 = s[(x0 * columns) + right], q2 = s[(down * columns) + x1];
        double g0 = 1 / (1 + Math.Exp(-((q1 * beta) + ((q0 * beta) - beta))));
        double g1 = 1 / (1 + Math.Exp(-((q2 * beta) + ((q0 * beta) - beta))));
        return 2.0 + (2.0 * q0) + q1 + q2 - (4.0 * g0) - (4.0 * g1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> SigmoidSingle(Vector512<float> t) => Vector512<float>.One / (Vector512<float>.One + Single512.Exp(-t));

    private interface IGate
    {
        static abstract TLane Gate<TLane, L>(TLane u, TLane v)
            where TLane : unmanaged
            where L : ILanes<L, TLane, double>;
    }

    private readonly struct InlineGate : IGate
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TLane Gate<TLane, L>(TLane u, TLane v)
            where TLane : unmanaged
            where L : ILanes<L, TLane, double>
        {
            TLane one = L.Constant(1);
            TLane t = L.MultiplyAdd(v, Beta, L.MultiplyAdd(u, Beta, L.Constant(Bias)));
            return L.Divide(one, L.Add(one, L.Exp(L.Negate(t))));
        }
    }

    private readonly struct TableGate : IGate
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static TLane Gate<TLane, L>(TLane u, TLane v)
            where TLane : unmanaged
            where L : ILanes<L, TLane, double>
        {
            // Only called with Vector512<double> lanes (Check); u + v is −2, 0 or 2.
            var sum = Unsafe.BitCast<TLane, Vector512<double>>(L.Add(u, v));
            var g = Vector512.ConditionalSelect(
                Vector512.GreaterThan(sum, Vector512<double>.Zero),
                Vector512.Create(SigmaHigh),
                Vector512.ConditionalSelect(Vector512.LessThan(sum, Vector512<double>.Zero), Vector512.Create(SigmaLow), Vector512.Create(SigmaMid)));
            return Unsafe.BitCast<Vector512<double>, TLane>(g);
        }
    }
}
