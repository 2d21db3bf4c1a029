
namespace PolyNet.Generators.Shared;

/// <summary>The diagnostic IDs (README "Diagnostics"), shared by the analyzer and the generator's fallback bodies.</summary>
internal static class DiagnosticIds
{
    public const string SyntaxError = "PNET001";
    public const string UnknownVariable = "PNET002";
    public const string UnusedParameter = "PNET003";
    public const string UnsupportedMethod = "PNET004";
    public const string LimitExceeded = "PNET005";
    public const string InvalidArgument = "PNET006";
    public const string InvalidSpin = "PNET007";
    public const string BoundOnBinary = "PNET008";
    public const string InvalidLattice = "PNET009";
    public const string InvalidClassifier = "PNET010";
    public const string GradientWithoutContinuousInput = "PNET011";
    public const string CostlyFlattening = "PNET100";
    public const string FlatteningLimitExceeded = "PNET101";
    public const string NetworkSummary = "PNET102";

    public static string For(ExpressionErrorKind kind) => kind switch
    {
        ExpressionErrorKind.UnknownVariable => UnknownVariable,
        ExpressionErrorKind.LimitExceeded => LimitExceeded,
        ExpressionErrorKind.FlatteningLimitExceeded => FlatteningLimitExceeded,
        ExpressionErrorKind.Lattice => InvalidLattice,
        _ => SyntaxError,
    };
}
