using System.Collections.Generic;

namespace PolyNet.Generators.Network;

/// <summary>
/// A group of neurons that computes one product, and what is known about it. The kinds are
/// <see cref="MultiplyGate"/>, <see cref="SquareGate"/>, <see cref="BitProductGate"/> and <see cref="FlatGate"/>.
/// </summary>
/// <param name="Label">The monomial it computes, e.g. "x*y^2".</param>
/// <param name="Layer">The hidden layer of its neurons: one more than the deepest value it reads (inputs are layer 0).</param>
/// <param name="Bound">An upper bound on |exact value|.</param>
/// <param name="Error">An upper bound on |computed value − exact value| inside the input bounds.</param>
internal abstract record Gate(string Label, int Layer, double Bound, double Error)
{
    /// <summary>The neurons this gate adds to the network (neurons it shares with an earlier gate are not counted).</summary>
    public abstract int NeuronCount { get; }

    /// <summary>The values the gate's neurons read.</summary>
    public abstract IEnumerable<ValueRef> Operands { get; }
}
