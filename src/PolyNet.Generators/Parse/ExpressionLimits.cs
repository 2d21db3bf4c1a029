namespace PolyNet.Generators.Parse;

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
}
