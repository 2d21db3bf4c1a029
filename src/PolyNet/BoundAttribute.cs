using System;

namespace PolyNet;

/// <summary>
/// Overrides <see cref="HamiltonianAttribute.InputBound"/> for one parameter: accuracy is guaranteed for
/// |value| ≤ <see cref="Bound"/>. Must be positive and finite.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class BoundAttribute : Attribute
{
    /// <summary>Creates the attribute with the parameter's bound.</summary>
    public BoundAttribute(double bound) => Bound = bound;

    /// <summary>The largest magnitude the parameter takes.</summary>
    public double Bound { get; }
}
