using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace PolyNet;

/// <summary>
/// Everything a <see cref="SigmoidNetwork"/> is built from: plain data, written by generated code with an object
/// initializer. The network itself is a compact gate table (<see cref="Gates"/>) that the runtime expands into
/// neurons; new optional properties may be added in later versions without breaking code compiled against this one.
/// </summary>
/// <remarks>
/// <para>Numbers in the text properties are culture-invariant decimal doubles (<c>3</c>, <c>-2.5</c>,
/// <c>1E-05</c>); <c>Infinity</c> and <c>NaN</c> are rejected. A value reference is an input name (one of
/// <see cref="Inputs"/>) or <c>%k</c>, the output of gate <c>k</c> (0-based).</para>
/// <para><see cref="Gates"/> (version 1): one gate per line (<c>\n</c> or <c>\r\n</c>), <c>#</c> starts a comment,
/// blank lines are ignored, tokens are separated by spaces or tabs, and line <c>k</c> starts with <c>%k =</c>. With
/// the gate bias b = −2.2924316695611777 (σ''''(b) = 0):</para>
/// <list type="bullet">
/// <item><description><c>%k = mul u v wu wv scale</c>: neurons σ(b+p), σ(b−p), σ(b+q), σ(b−q) with p = wu·u + wv·v,
/// q = wu·u − wv·v; output scale·(σ(b+p) + σ(b−p) − σ(b+q) − σ(b−q)) ≈ u·v.</description></item>
/// <item><description><c>%k = sq u w scale</c>: neurons σ(b+p), σ(b−p) with p = w·u; output
/// scale·(σ(b+p) + σ(b−p) − 2σ(b)) ≈ u².</description></item>
/// <item><description><c>%k = bit bias u1 w1 [u2 w2 ...]</c>: one neuron σ(bias + Σ wᵢ·uᵢ), which is the output (a
/// product of bits or spins).</description></item>
/// <item><description><c>%k = flat bias scale parity m u1 w1 … um wm : c m1 … mm [; c m1 … mm]...</c>: a flat
/// product; <c>parity</c> is <c>even</c> or <c>odd</c>. Pair j has p_j = Σᵢ m_ji·wᵢ·uᵢ and neurons σ(bias + p_j),
/// σ(bias − p_j); the output is scale·Σ c_j·(σ(bias+p_j) + σ(bias−p_j) − 2σ(bias)) (even) or
/// scale·Σ c_j·(σ(bias+p_j) − σ(bias−p_j)) (odd). A pair whose neurons equal an earlier pair's (same bias and the same
/// (operand, mᵢ·wᵢ) terms, possibly all negated) reuses them.</description></item>
/// </list>
/// <para>A gate's neurons sit in hidden layer 1 + the largest layer of its operands (inputs are layer 0).</para>
/// </remarks>
public sealed class SigmoidNetworkDefinition
{
    /// <summary>The gate-table format version this runtime reads.</summary>
    internal const int SupportedVersion = 1;

    /// <summary>
    /// The format version of <see cref="Gates"/>, <see cref="Output"/> and <see cref="Terms"/>; 1 by default, the
    /// only version this runtime reads: a later one makes <see cref="SigmoidNetwork"/>'s constructor throw
    /// <see cref="NotSupportedException"/>.
    /// </summary>
    public int Version { get; init; } = SupportedVersion;

    /// <summary>The expression as written in the attribute (display only).</summary>
    public string Expression { get; init; } = "";

    /// <summary>The canonical expanded polynomial (display only; <see cref="Terms"/> is what is evaluated).</summary>
    public string Polynomial { get; init; } = "";

    /// <summary>The floating-point type the generated code computes in.</summary>
    public NetworkPrecision Precision { get; init; }

    /// <summary>The input names, in parameter order; each is one token (no spaces, <c>#</c>, <c>:</c>, <c>;</c> or leading <c>%</c>).</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>The bound |input| ≤ B of each input, in parameter order: one per input, positive and finite.</summary>
    public IReadOnlyList<double> InputBounds { get; init; } = [];

    /// <summary>What each input takes, in parameter order (one per input); null when every input is continuous.</summary>
    public IReadOnlyList<InputKind>? InputKinds { get; init; }

    /// <summary>The attribute's default bound (<see cref="HamiltonianAttribute.InputBound"/>); positive and finite.</summary>
    public double InputBound { get; init; } = 1.0;

    /// <summary>
    /// The polynomial <see cref="SigmoidNetwork.EvaluatePolynomial"/> evaluates: terms separated by <c>;</c>, each in
    /// one of two forms. Empty for the zero polynomial.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item><description>Dense: <c>coefficient e1 … en</c>, one non-negative integer exponent per input, in input
    /// order. Example for <c>x*y + 3*x*y*z</c> over (x, y, z): <c>"1 1 1 0; 3 1 1 1"</c>.</description></item>
    /// <item><description>Sparse: <c>coefficient factor …</c>, each factor an input name or <c>name^exponent</c>
    /// (a non-negative integer; 1 when left out); an input named twice has the sum of its exponents, an input not
    /// named has exponent 0, and a coefficient alone is a constant term. The same example: <c>"1 x y; 3 x y z"</c>;
    /// <c>"2 x^2 y; -1"</c> is 2x²y − 1. Large sparse polynomials (a lattice's, <see cref="LatticeNetwork.Unroll"/>)
    /// are written this way: the text and the evaluation cost grow with the non-zero exponents, not with terms × inputs.</description></item>
    /// </list>
    /// <para>A term is dense when every token after its coefficient is a decimal number and there is at least one; a
    /// single name makes it sparse. Input names may look like numbers (<c>2</c> is a valid name); such a name is read as a
    /// dense exponent when written bare, so an input whose name is a decimal number can be named in a sparse term only
    /// as <c>name^exponent</c>, and otherwise needs dense terms. A factor that is an input's whole name is that input
    /// even when the name contains <c>^</c>. Dense and sparse terms may be mixed in one text.</para>
    /// </remarks>
    public string Terms { get; init; } = "";

    /// <summary>The gate table, one gate per line, in an order where every gate reads only inputs and earlier gates (see the remarks of <see cref="SigmoidNetworkDefinition"/>).</summary>
    public string Gates { get; init; } = "";

    /// <summary>
    /// The output map <c>constant [value coefficient]...</c>: the network's output is constant + Σ coefficient·value.
    /// Example: <c>"0 %0 1 %1 3"</c> = g0 + 3·g1.
    /// </summary>
    public string Output { get; init; } = "0";

    /// <summary>
    /// An upper bound on |network − polynomial| for every input inside its bound, including the rounding of the
    /// generated code's arithmetic; not negative.
    /// </summary>
    public double MaxError { get; init; }

    /// <summary>
    /// An upper bound on |∂network/∂xᵢ − ∂polynomial/∂xᵢ| over the continuous inputs, for every input inside its bound,
    /// including the rounding of the generated gradient's arithmetic; NaN (the default) when unknown, else not negative.
    /// </summary>
    public double MaxGradientError { get; init; } = double.NaN;

    /// <summary>
    /// A copy whose collections are fresh read-only arrays, so that later changes to the caller's collections cannot
    /// reach it. Null collections are kept null for the validation to report.
    /// </summary>
    internal SigmoidNetworkDefinition Snapshot() => new()
    {
        Version = Version,
        Expression = Expression,
        Polynomial = Polynomial,
        Precision = Precision,
        Inputs = Copy(Inputs)!,
        InputBounds = Copy(InputBounds)!,
        InputKinds = Copy(InputKinds),
        InputBound = InputBound,
        Terms = Terms,
        Gates = Gates,
        Output = Output,
        MaxError = MaxError,
        MaxGradientError = MaxGradientError,
    };

    /// <summary>A fresh read-only copy of <paramref name="items"/> (null stays null).</summary>
    internal static ReadOnlyCollection<T>? Copy<T>(IReadOnlyList<T>? items)
    {
        if (items is null)
        {
            return null;
        }

        var copy = new T[items.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = items[i];
        }

        return Array.AsReadOnly(copy);
    }
}
