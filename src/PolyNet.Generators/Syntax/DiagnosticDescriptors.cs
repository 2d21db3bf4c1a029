using Microsoft.CodeAnalysis;
using PolyNet.Generators.Spec;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Syntax;

/// <summary>Every diagnostic PolyNet reports (README "Diagnostics" keeps the table in sync).</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "PolyNet";
    private const string HelpLink = "https://github.com/polynet/PolyNet.Generators#diagnostics";

    public static readonly DiagnosticDescriptor SyntaxError = Create(
        DiagnosticIds.SyntaxError, "Invalid Hamiltonian expression", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnknownVariable = Create(
        DiagnosticIds.UnknownVariable, "Unknown variable in Hamiltonian", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnusedParameter = Create(
        DiagnosticIds.UnusedParameter, "Parameter not used by the Hamiltonian", "{0}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnsupportedMethod = Create(
        DiagnosticIds.UnsupportedMethod, "Unsupported Hamiltonian method", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor LimitExceeded = Create(
        DiagnosticIds.LimitExceeded, "Hamiltonian exceeds a size limit", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidArgument = Create(
        DiagnosticIds.InvalidArgument, "Invalid Hamiltonian attribute argument", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidSpin = Create(
        DiagnosticIds.InvalidSpin, "[Spin] on a parameter that is not int or sbyte", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BoundOnBinary = Create(
        DiagnosticIds.BoundOnBinary, "[Bound] on a bit or spin parameter", "{0}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidLattice = Create(
        DiagnosticIds.InvalidLattice, "Invalid lattice sum", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidClassifier = Create(
        DiagnosticIds.InvalidClassifier, "Invalid classifier", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor GradientWithoutContinuousInput = Create(
        DiagnosticIds.GradientWithoutContinuousInput, "Gradient on a method without continuous inputs", "{0}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor CostlyFlattening = Create(
        DiagnosticIds.CostlyFlattening, "Flattening costs more than twice the deep network", "{0}", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor FlatteningLimitExceeded = Create(
        DiagnosticIds.FlatteningLimitExceeded, "The requested depth exceeds a size limit", "{0}", DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor NetworkSummary = Create(
        DiagnosticIds.NetworkSummary, "What the Hamiltonian compiles to", "{0}", DiagnosticSeverity.Info);

    public static DiagnosticDescriptor ForId(string id) => id switch
    {
        DiagnosticIds.FlatteningLimitExceeded => FlatteningLimitExceeded,
        DiagnosticIds.SyntaxError => SyntaxError,
        DiagnosticIds.UnknownVariable => UnknownVariable,
        DiagnosticIds.UnusedParameter => UnusedParameter,
        DiagnosticIds.LimitExceeded => LimitExceeded,
        DiagnosticIds.InvalidArgument => InvalidArgument,
        DiagnosticIds.InvalidSpin => InvalidSpin,
        DiagnosticIds.BoundOnBinary => BoundOnBinary,
        DiagnosticIds.InvalidLattice => InvalidLattice,
        DiagnosticIds.InvalidClassifier => InvalidClassifier,
        _ => UnsupportedMethod,
    };

    private static DiagnosticDescriptor Create(string id, string title, string format, DiagnosticSeverity severity) =>
        new(id, title, format, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLink + "-" + id.ToLowerInvariant());
}
