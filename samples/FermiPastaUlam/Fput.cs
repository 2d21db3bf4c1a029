using System;
using PolyNet;

/// <summary>
/// The Fermi–Pasta–Ulam–Tsingou α-chain with fixed ends: n moving masses q[0] … q[n−1] between two walls at rest,
/// H = Σ_j p_j²/2 + Σ_springs [½Δ² + (α/3)Δ³], α = 0.25, over the n + 1 springs Δ = q_{j+1} − q_j with
/// q_{−1} = q_n = 0 (the walls).
/// </summary>
public static partial class Fput
{
    /// <summary>The cubic coupling α of the chain (the literal 0.25 in the attribute).</summary>
    public const double Alpha = 0.25;

    /// <summary>
    /// The whole chain as one lattice Hamiltonian over the n masses, exact with both walls.
    /// <para>
    /// After ½p[i]², the next two terms are the spring to the right of each mass. With the open boundary every
    /// monomial that reads q[n] is dropped, which is the same as q[n] = 0: the last spring is the one to the right
    /// wall. The spring to the left wall, w(q[0]) with w(x) = ½x² + (α/3)x³, has no site of its own (the lattice
    /// starts at q[0]), so the body adds the telescoping pair w(q[i]) − w(q[i+1]): summed over i &lt; n it leaves
    /// w(q[0]) − w(q[n]), and w(q[n]) reads outside and is dropped, so exactly w(q[0]) is left. Expanded, one site
    /// is q[i]² − q[i]q[i+1] + ½p[i]² + α(q[i]²q[i+1] − q[i]q[i+1]²) (the generator prints it as SitePolynomial).
    /// </para>
    /// <para>
    /// The usual alternative, n + 1 sites with site 0 held fixed as the left wall (q[0] = p[0] = 0, never moved),
    /// without the pair, is exact too but costs a dummy site and a larger template (26 neurons per site instead of 16:
    /// the pair cancels the ½q[i+1]², q[i]³ and q[i+1]³ monomials).
    /// </para>
    /// Accurate for |q|, |p| ≤ 2 (the chain here stays below 1.02 and 0.16).
    /// </summary>
    [Hamiltonian(
        "sum(i < n: 0.5*p[i]^2 + 0.5*(q[i+1] - q[i])^2 + (0.25/3)*(q[i+1] - q[i])^3"
        + " + (0.5*q[i]^2 + (0.25/3)*q[i]^3) - (0.5*q[i+1]^2 + (0.25/3)*q[i+1]^3))",
        Boundary = LatticeBoundary.Open, InputBound = 2, Gradient = true)]
    public static partial double Energy(ReadOnlySpan<double> q, ReadOnlySpan<double> p, int n);

    /// <summary>The same Hamiltonian written by hand, spring by spring, walls at q_{−1} = q_n = 0.</summary>
    public static double ExactEnergy(ReadOnlySpan<double> q, ReadOnlySpan<double> p)
    {
        int n = q.Length;
        double kinetic = 0, potential = 0;
        for (int j = 0; j <= n; j++)
        {
            double left = j > 0 ? q[j - 1] : 0;
            double right = j < n ? q[j] : 0;
            double stretch = right - left;
            potential += stretch * stretch * (0.5 + (Alpha / 3 * stretch));
            if (j < n)
            {
                kinetic += 0.5 * p[j] * p[j];
            }
        }

        return kinetic + potential;
    }

    /// <summary>
    /// ∂H/∂q_j written by hand: −(Δ_right − Δ_left) − α(Δ_right² − Δ_left²), the textbook FPUT force negated, with
    /// Δ_right = q_{j+1} − q_j and Δ_left = q_j − q_{j−1}.
    /// </summary>
    public static void ExactGradientQ(ReadOnlySpan<double> q, Span<double> gradientQ)
    {
        int n = q.Length;
        for (int j = 0; j < n; j++)
        {
            double here = q[j];
            double right = (j + 1 < n ? q[j + 1] : 0) - here;
            double left = here - (j > 0 ? q[j - 1] : 0);
            gradientQ[j] = -(right - left) - (Alpha * ((right * right) - (left * left)));
        }
    }
}
