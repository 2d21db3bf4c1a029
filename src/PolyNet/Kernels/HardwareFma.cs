namespace PolyNet.Kernels;

/// <summary>Whether the processor fuses a·b + c in one instruction (a JIT-time constant).</summary>
internal static class HardwareFma
{
    public static bool IsSupported =>
        System.Runtime.Intrinsics.X86.Fma.IsSupported || System.Runtime.Intrinsics.Arm.AdvSimd.IsSupported;
}
