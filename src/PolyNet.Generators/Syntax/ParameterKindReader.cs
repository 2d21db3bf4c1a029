using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Syntax;

/// <summary>
/// Decides what a Hamiltonian parameter is from its type and attributes: the return type (continuous), <c>bool</c>
/// (a bit) or <c>[Spin] int</c>/<c>sbyte</c> (a spin), and reports what cannot be (PNET004, PNET007, PNET008).
/// </summary>
internal static class ParameterKindReader
{
    public const string SpinAttributeName = "PolyNet.SpinAttribute";

    /// <summary>The parameter's kind, or null when its type is not supported (reported).</summary>
    public static VariableKind? Read(
        IParameterSymbol parameter,
        IMethodSymbol method,
        string returnTypeName,
        Location location,
        Action<DiagnosticDescriptor, Location, string> report,
        CancellationToken cancellationToken,
        ITypeSymbol? numberType = null)
    {
        // A Hamiltonian's numbers have its return type; a classifier's, its probabilities' element type.
        numberType ??= method.ReturnType;
        string numbers = SymbolEqualityComparer.Default.Equals(numberType, method.ReturnType) ? $"'{method.Name}' returns {returnTypeName}" : $"'{method.Name}' computes in {returnTypeName}";
        var spin = parameter.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == SpinAttributeName);
        var role = RoleOf(parameter, method);
        if (role == ParameterRole.Extent)
        {
            return VariableKind.Continuous;
        }

        var type = role == ParameterRole.Field ? ((INamedTypeSymbol)parameter.Type).TypeArguments[0] : parameter.Type;
        string typeName = parameter.Type.ToDisplayString();
        bool integer = type.SpecialType is SpecialType.System_Int32 or SpecialType.System_SByte;
        if (role == ParameterRole.Field)
        {
            if ((spin is not null && integer) || (spin is null && (SymbolEqualityComparer.Default.Equals(type, numberType) || type.SpecialType == SpecialType.System_Boolean)))
            {
                return KindOf(parameter);
            }

            report(DiagnosticDescriptors.UnsupportedMethod, location, $"the field '{parameter.Name}' is {typeName}; a lattice field is a ReadOnlySpan of {returnTypeName}, of bool (bits) or, marked [Spin], of sbyte or int (spins)");
            return null;
        }

        if (spin is not null)
        {
            if (integer)
            {
                return VariableKind.Spin;
            }

            report(DiagnosticDescriptors.InvalidSpin, AttributeLocation(spin, cancellationToken) ?? location, $"[Spin] marks an int or sbyte parameter that is -1 or +1, but '{parameter.Name}' is {typeName}; declare it as int or sbyte, or remove [Spin]");
            return null;
        }

        if (SymbolEqualityComparer.Default.Equals(parameter.Type, numberType))
        {
            return VariableKind.Continuous;
        }

        if (parameter.Type.SpecialType == SpecialType.System_Boolean)
        {
            return VariableKind.Bit;
        }

        string message = integer
            ? $"parameter '{parameter.Name}' is {typeName}; mark it [Spin] for a spin of -1 or +1, use bool for a bit of 0 or 1, or use {returnTypeName}"
            : $"parameter '{parameter.Name}' is {typeName} but {numbers}; use {returnTypeName} for every continuous parameter, bool for a bit or [Spin] int for a spin";
        report(DiagnosticDescriptors.UnsupportedMethod, location, message);
        return null;
    }

    /// <summary>
    /// A <c>ReadOnlySpan&lt;T&gt;</c> is a lattice field; an <c>int</c> without [Spin] is an extent when the method has a field
    /// (otherwise it stays a scalar, which reports as an unsupported type); everything else is a scalar.
    /// </summary>
    public static ParameterRole RoleOf(IParameterSymbol parameter, IMethodSymbol method)
    {
        if (IsReadOnlySpan(parameter.Type))
        {
            return ParameterRole.Field;
        }

        bool spin = parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == SpinAttributeName);
        return parameter.Type.SpecialType == SpecialType.System_Int32 && !spin && method.Parameters.Any(p => IsReadOnlySpan(p.Type))
            ? ParameterRole.Extent
            : ParameterRole.Scalar;
    }

    private static bool IsReadOnlySpan(ITypeSymbol type) =>
        type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
        && named.ConstructedFrom.ToDisplayString() == "System.ReadOnlySpan<T>";

    /// <summary>The kind for the spec, without diagnostics: unsupported types read as continuous (the shape error stops the build).</summary>
    public static VariableKind KindOf(IParameterSymbol parameter)
    {
        bool spin = parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == SpinAttributeName);
        var type = IsReadOnlySpan(parameter.Type) ? ((INamedTypeSymbol)parameter.Type).TypeArguments[0] : parameter.Type;
        return type.SpecialType switch
        {
            SpecialType.System_Int32 or SpecialType.System_SByte when spin => VariableKind.Spin,
            SpecialType.System_Boolean when !spin => VariableKind.Bit,
            _ => VariableKind.Continuous,
        };
    }

    /// <summary>PNET008: a [Bound] on a bit or spin, whose values are fixed; reported on the attribute, the bound is ignored.</summary>
    public static Diagnostic? BoundOnBinary(IParameterSymbol parameter, AttributeData bound, VariableKind kind, CancellationToken cancellationToken)
    {
        if (kind == VariableKind.Continuous)
        {
            return null;
        }

        string values = kind == VariableKind.Bit ? "a bit (bool) is 0 or 1" : "a spin is -1 or +1";
        return Diagnostic.Create(
            DiagnosticDescriptors.BoundOnBinary,
            AttributeLocation(bound, cancellationToken) ?? parameter.Locations.FirstOrDefault(),
            $"[Bound] has no effect on '{parameter.Name}': {values}; remove the attribute");
    }

    private static Location? AttributeLocation(AttributeData attribute, CancellationToken cancellationToken) =>
        (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax)?.GetLocation();
}
