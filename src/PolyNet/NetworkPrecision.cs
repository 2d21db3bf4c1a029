namespace PolyNet;

/// <summary>The floating-point type the generated forward pass computes in; the gate scales are tuned for it.</summary>
public enum NetworkPrecision
{
    /// <summary>IEEE 754 binary64 (<see cref="double"/>).</summary>
    Double,

    /// <summary>IEEE 754 binary32 (<see cref="float"/>).</summary>
    Single,
}
