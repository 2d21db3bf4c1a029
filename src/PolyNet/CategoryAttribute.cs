using System;

namespace PolyNet;

/// <summary>
/// One category of a Boltzmann classifier: a name, its energy (a polynomial Hamiltonian over the method's inputs) and
/// its prior weight. Repeat the attribute once per category, at least twice, on a <c>static partial</c> method
/// <c>int M(inputs…, Span&lt;double&gt; probabilities)</c>; the generator compiles every Hamiltonian into one network
/// (neurons shared between categories are evaluated once) and the method returns the most probable category's index
/// (attribute order) after writing every category's probability.
/// </summary>
/// <remarks>
/// <para>The model is a Boltzmann (Gibbs) distribution over the categories:
/// p(y | x) = exp(−H_y(x) − μ_y) / Σ_k exp(−H_k(x) − μ_k), the softmax of −H_y(x) − μ_y, with the chemical potential
/// μ_y = −ln(π_y / Σ_k π_k) where π_y is <see cref="Prior"/>. A lower energy makes a category more probable; with equal
/// energies the probabilities are the normalised priors.</para>
/// <para>The expression follows the rules of <see cref="HamiltonianAttribute"/>; <see cref="ClassifierAttribute"/> sets
/// the options every category shares (bounds, bound checks, depth). The generated <c>&lt;Method&gt;Network</c>
/// property (a <see cref="BoltzmannClassifier"/>) describes the networks and bounds the error of the probabilities.</para>
/// </remarks>
/// <example>
/// <code>
/// [Category("sunny", "0.5*(t - 1)^2 + 2*(h - 0.2)^2", Prior = 0.6)]
/// [Category("rainy", "0.5*(t + 0.5)^2 + (h - 0.8)^2 + 0.3*t*h", Prior = 0.4)]
/// public static partial int Classify(double t, double h, Span&lt;double&gt; probabilities);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class CategoryAttribute : Attribute
{
    /// <summary>Creates a category with its name and its energy, a polynomial over the method's inputs.</summary>
    /// <param name="name">The category's name; non-empty and distinct from the method's other categories.</param>
    /// <param name="hamiltonian">The category's energy H_y(x), written as for <see cref="HamiltonianAttribute"/>.</param>
    public CategoryAttribute(string name, string hamiltonian)
    {
        Name = name;
        Hamiltonian = hamiltonian;
    }

    /// <summary>The category's name as written (non-empty, distinct within the method).</summary>
    public string Name { get; }

    /// <summary>The category's energy H_y(x) as written: a polynomial over the method's inputs.</summary>
    public string Hamiltonian { get; }

    /// <summary>
    /// The category's prior weight π_y: its probability when every category has the same energy. The priors of a
    /// method are normalised (only their ratios matter) into the chemical potentials μ_y = −ln(π_y / Σ_k π_k). Must be
    /// positive and finite; 1.0 by default (uniform priors).
    /// </summary>
    public double Prior { get; set; } = 1.0;
}
