using System;
using System.Collections.Generic;

namespace PolyNet.Description;

/// <summary>The four gate kinds of the version-1 gate table.</summary>
internal enum GateKind : byte
{
    /// <summary><c>mul u v wu wv scale</c>: u·v from 4 neurons.</summary>
    Multiply,

    /// <summary><c>sq u w scale</c>: u² from 2 neurons.</summary>
    Square,

    /// <summary><c>bit bias u1 w1 ...</c>: one neuron, a product of bits or spins.</summary>
    Bit,

    /// <summary><c>flat bias scale parity m u1 w1 … : c m1 … ; ...</c>: a product in one layer from ± pairs.</summary>
    Flat,
}

/// <summary>One parsed line of <see cref="SigmoidNetworkDefinition.Gates"/>.</summary>
internal sealed record Gate
{
    /// <summary>The fixed bias of multiplication and squaring gates, σ''''(b) = 0.</summary>
    public const double GateBias = -2.2924316695611777;

    public GateKind Kind { get; init; }

    /// <summary>The 1-based line of <see cref="SigmoidNetworkDefinition.Gates"/> it was read from.</summary>
    public int Line { get; init; }

    /// <summary>Value indices of the operands: inputs first (0 … inputs − 1), then gate k at inputs + k.</summary>
    public int[] Operands { get; init; } = [];

    /// <summary>One weight per operand (mul: wu, wv; sq: w; bit and flat: wᵢ).</summary>
    public double[] Weights { get; init; } = [];

    /// <summary>The neurons' bias: <see cref="GateBias"/> for mul and sq, the line's bias for bit and flat.</summary>
    public double Bias { get; init; }

    /// <summary>The output scale (1 for a bit gate).</summary>
    public double Scale { get; init; }

    /// <summary>Flat gates: even (pair sums) or odd (pair differences).</summary>
    public bool Even { get; init; }

    /// <summary>Flat gates: the coefficient c of each pair.</summary>
    public double[] PairCoefficients { get; init; } = [];

    /// <summary>Flat gates: the multipliers, pair by pair, one per operand.</summary>
    public int[] PairMultipliers { get; init; } = [];

    /// <summary>Its hidden layer: 1 + the largest layer of its operands (inputs are layer 0).</summary>
    public int Layer { get; init; }

    public int PairCount => PairCoefficients.Length;
}

/// <summary>A validated <see cref="SigmoidNetworkDefinition"/> with its text properties parsed.</summary>
internal sealed class ParsedDefinition
{
    /// <summary>The defensive copy everything was read from.</summary>
    public required SigmoidNetworkDefinition Definition { get; init; }

    public required string[] Inputs { get; init; }

    public required double[] InputBounds { get; init; }

    public required InputKind[] InputKinds { get; init; }

    public required Gate[] Gates { get; init; }

    public required int HiddenLayers { get; init; }

    public required double OutputConstant { get; init; }

    /// <summary>Value indices of the output map (inputs first, then gates).</summary>
    public required int[] OutputValues { get; init; }

    public required double[] OutputCoefficients { get; init; }

    /// <summary>The polynomial of <see cref="SigmoidNetworkDefinition.Terms"/>, stored sparsely.</summary>
    public required ParsedTerms Terms { get; init; }

    public int InputCount => Inputs.Length;
}

/// <summary>
/// A polynomial stored sparsely: term t is Coefficients[t]·∏ input(Inputs[k])^Powers[k] over k in
/// [Starts[t], Starts[t + 1]), inputs ascending, each at most once, every power positive.
/// </summary>
internal sealed record ParsedTerms(double[] Coefficients, int[] Starts, int[] Inputs, int[] Powers)
{
    public int Count => Coefficients.Length;
}

/// <summary>A token of a text property with the 1-based line it stands on.</summary>
internal readonly record struct Token(string Text, int Line);

/// <summary>Splits text into tokens: runs of characters between spaces, tabs and line breaks; <c>:</c> and <c>;</c> are tokens of their own.</summary>
internal static class Tokenizer
{
    /// <param name="text">The property's text.</param>
    /// <param name="comments">True when <c>#</c> starts a comment to the end of the line.</param>
    public static List<Token> Read(string text, bool comments)
    {
        var tokens = new List<Token>();
        int line = 1, start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : '\n';
            bool separator = c is ' ' or '\t' or '\r' or '\n' or ':' or ';' || (comments && c == '#');
            if (!separator)
            {
                if (start < 0)
                {
                    start = i;
                }

                continue;
            }

            if (start >= 0)
            {
                tokens.Add(new Token(text.Substring(start, i - start), line));
                start = -1;
            }

            if (c is ':' or ';')
            {
                tokens.Add(new Token(c.ToString(), line));
            }
            else if (c == '#')
            {
                while (i + 1 < text.Length && text[i + 1] != '\n')
                {
                    i++;
                }
            }
            else if (c == '\n')
            {
                line++;
            }
        }

        return tokens;
    }
}
