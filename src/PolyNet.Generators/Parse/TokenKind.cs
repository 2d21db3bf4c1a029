namespace PolyNet.Generators.Parse;

/// <summary>The kinds of token the expression lexer produces.</summary>
internal enum TokenKind
{
    /// <summary>A numeric literal such as <c>3</c>, <c>0.5</c>, <c>.5</c> or <c>1e-3</c>.</summary>
    Number,

    /// <summary>A name such as <c>x</c>, <c>_a1</c> or the verbatim <c>@in</c>.</summary>
    Identifier,

    Plus,

    /// <summary>ASCII '-' or U+2212 '−' (typographic minus pasted from documents).</summary>
    Minus,

    Star,
    Slash,
    Caret,
    LeftParen,
    RightParen,

    /// <summary>'[' opening a field's indices, as in <c>s[i+1,j]</c>.</summary>
    LeftBracket,

    RightBracket,

    /// <summary>',' between indices or between a sum's bindings.</summary>
    Comma,

    /// <summary>':' after a sum's bindings, before its body.</summary>
    Colon,

    /// <summary>'&lt;' in a sum's binding <c>i &lt; n</c>.</summary>
    Less,

    /// <summary>Zero-length marker at the end of the text, so the parser never indexes past the array.</summary>
    End,
}
