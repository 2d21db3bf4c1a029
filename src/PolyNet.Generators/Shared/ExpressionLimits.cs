namespace PolyNet.Generators.Shared;

/// <summary>
/// Documented limits that keep the generator fast on pathological input (README "Limits").
/// Every check happens before the work it protects, so refusal costs milliseconds.
/// </summary>
internal static class ExpressionLimits
{
    public const int MaxExpressionLength = 10_000;
    public const int MaxExponent = 64;
    public const int MaxTotalDegree = 64;
    public const int MaxExpandedTerms = 10_000;
    public const int MaxHiddenNeurons = 100_000;

    /// <summary>
    /// Degree limit of one flat product: its d-th finite difference divides by λᵈ, and beyond this degree the
    /// error bound in double precision is of the order of the product itself.
    /// </summary>
    public const int MaxFlatDegree = 16;

    /// <summary>
    /// Networks with more gates than this are emitted as a gate table run by the runtime's kernel instead of
    /// unrolled code: the generated file then stays small whatever the network (README "Limits").
    /// </summary>
    public const int MaxUnrolledGates = 48;

    /// <summary>The largest |offset| in a field index such as <c>s[i+16]</c>: lattice terms read nearby sites.</summary>
    public const int MaxLatticeOffset = 16;
}
