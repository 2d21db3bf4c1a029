using System;

namespace PolyNet;

/// <summary>
/// Options for a Boltzmann classifier (a method with <see cref="CategoryAttribute"/>s), shared by every category's
/// network. Optional: without it every option has its default.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class ClassifierAttribute : Attribute
{
    /// <summary>
    /// The default bound |input| ≤ InputBound within which the error bound (<see cref="BoltzmannClassifier.MaxError"/>)
    /// holds; as <see cref="HamiltonianAttribute.InputBound"/>. Must be positive and finite; default 1.0;
    /// <see cref="BoundAttribute"/> overrides it per parameter.
    /// </summary>
    public double InputBound { get; set; } = 1.0;

    /// <summary>
    /// When true, the generated method throws <see cref="ArgumentOutOfRangeException"/> for an input outside its bound,
    /// before computing or writing anything; as <see cref="HamiltonianAttribute.CheckBounds"/>. Off by default.
    /// </summary>
    public bool CheckBounds { get; set; }

    /// <summary>
    /// The most hidden layers each category's network may use; 0 (the default) means no limit. As
    /// <see cref="HamiltonianAttribute.MaxHiddenLayers"/>; must not be negative.
    /// </summary>
    public int MaxHiddenLayers { get; set; }
}
