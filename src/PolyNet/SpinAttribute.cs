using System;

namespace PolyNet;

/// <summary>
/// Marks an <c>int</c> or <c>sbyte</c> parameter of a Hamiltonian method as an Ising spin that takes the
/// values −1 and +1 only.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class SpinAttribute : Attribute
{
}
