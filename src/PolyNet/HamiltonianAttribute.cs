using System;

namespace PolyNet;

/// <summary>
/// Compiles a polynomial expression into a feed-forward network of logistic-sigmoid
/// neurons that becomes the body of the annotated <c>static partial</c> method.
/// </summary>
/// <remarks>
/// The expression uses the method's parameter names as variables, numbers such as <c>3</c>, <c>0.5</c>
/// or <c>1e-3</c>, the operators <c>+ - * ^</c> (non-negative integer exponents), <c>/</c> by numeric
/// constants, unary signs and parentheses. The generated method evaluates the network's neurons; the
/// generated <c>&lt;Method&gt;Network</c> property describes them and bounds their error.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class HamiltonianAttribute : Attribute
{
    /// <summary>Creates the attribute for a polynomial expression over the method's parameters.</summary>
    public HamiltonianAttribute(string expression) => Expression = expression;

    /// <summary>The polynomial as written.</summary>
    public string Expression { get; }

    /// <summary>
    /// Accuracy is guaranteed (within <see cref="SigmoidNetwork.MaxError"/>) for every input with
    /// |x| ≤ InputBound. Must be positive and finite. Default 1.0; <see cref="BoundAttribute"/> overrides it per parameter.
    /// </summary>
    public double InputBound { get; set; } = 1.0;

    /// <summary>
    /// The most hidden layers the network may use; 0 (the default) means no limit, which gives the deep network
    /// (product trees of depth ⌈log₂ degree⌉). A smaller limit flattens the products, which costs exponentially
    /// many neurons and accuracy (the analyzer reports both). Must not be negative.
    /// </summary>
    public int MaxHiddenLayers { get; set; }

    /// <summary>
    /// When true, the generated method and its batch overload throw <see cref="ArgumentOutOfRangeException"/> (naming the
    /// parameter, the value and its bound) for an input outside its bound, before computing or writing anything:
    /// <see cref="SigmoidNetwork.MaxError"/> holds inside the bounds, and this makes the bounds a contract. Off by default:
    /// outside its bounds the network is still computed exactly (its gates saturate), only without the error bound.
    /// </summary>
    public bool CheckBounds { get; set; }

    /// <summary>
    /// For a lattice Hamiltonian (an expression with <c>sum(i &lt; rows, …: …)</c> over site-relative reads such as
    /// <c>s[i+1,j]</c>): whether indices wrap around the lattice (<see cref="LatticeBoundary.Periodic"/>, the default)
    /// or terms that read outside it are dropped (<see cref="LatticeBoundary.Open"/>); see <see cref="LatticeNetwork"/>.
    /// Has no meaning for an expression without <c>sum(...)</c>.
    /// </summary>
    public LatticeBoundary Boundary { get; set; } = LatticeBoundary.Periodic;

    /// <summary>
    /// When true, the generator also emits <c>&lt;Method&gt;Gradient</c>: the network's value and its derivative with
    /// respect to every continuous input, computed by backpropagation through the network's own neurons (scalar, and a
    /// batch overload with one destination span per derivative; a lattice Hamiltonian gets one derivative per site of
    /// each continuous field). Off by default, to keep the generated code small. Bits and spins have no derivative: on a
    /// method with no continuous input it is a warning (PNET011) and nothing is emitted. The error of the derivatives
    /// inside the bounds is at most <see cref="SigmoidNetwork.MaxGradientError"/>.
    /// </summary>
    public bool Gradient { get; set; }
}
