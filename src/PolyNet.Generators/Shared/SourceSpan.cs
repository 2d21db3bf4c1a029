namespace PolyNet.Generators.Shared;

/// <summary>A range of characters in the expression text (offsets into the string value, not the source file).</summary>
internal readonly record struct SourceSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static SourceSpan FromBounds(int start, int end) => new(start, end - start);


    public override string ToString() => $"[{Start}..{End})";
}
