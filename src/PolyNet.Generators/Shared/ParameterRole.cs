namespace PolyNet.Generators.Shared;

/// <summary>What a method parameter is to the expression.</summary>
internal enum ParameterRole
{
    /// <summary>A plain variable of the polynomial (a number, a bit or a spin).</summary>
    Scalar,

    /// <summary>A <c>ReadOnlySpan&lt;T&gt;</c> lattice field, read as <c>s[i+1,j]</c> inside a sum.</summary>
    Field,

    /// <summary>An <c>int</c> extent: the bound of a sum index, known only at run time.</summary>
    Extent,
}
