namespace PolyNet.Generators.Shared;

/// <summary>What went wrong with an expression; each kind maps to one diagnostic ID.</summary>
internal enum ExpressionErrorKind
{
    /// <summary>PNET001: the text is not a polynomial expression.</summary>
    Syntax,

    /// <summary>PNET002: an identifier that names no parameter.</summary>
    UnknownVariable,

    /// <summary>PNET005: a documented size limit was exceeded.</summary>
    LimitExceeded,

    /// <summary>PNET101: the network at the requested MaxHiddenLayers exceeds a limit (the deep one may not).</summary>
    FlatteningLimitExceeded,

    /// <summary>PNET009: a lattice sum, field or extent used in a way no per-site template can describe.</summary>
    Lattice,
}

/// <summary>An error found in the expression, with the span of the offending text inside the string value.</summary>
internal sealed record ExpressionError(ExpressionErrorKind Kind, string Message, SourceSpan Span);
