using System;
using System.Collections.Generic;
using System.Globalization;

namespace PolyNet.Description;

/// <summary>
/// Validates a <see cref="SigmoidNetworkDefinition"/> and parses its text properties (version 1), shared by
/// <see cref="SigmoidNetwork"/> and <c>PolyNet.Kernels.GateProgram</c>. Malformed text throws
/// <see cref="FormatException"/>; well-formed text that does not fit (unknown inputs, gates not yet defined, counts
/// that disagree, non-finite numbers) throws <see cref="ArgumentException"/>; both name the property, and for text the
/// line and the token.
/// </summary>
internal static class DefinitionParser
{
    private const string ParameterName = "definition";

    /// <summary>Copies <paramref name="definition"/> defensively and parses the copy.</summary>
    public static ParsedDefinition Parse(SigmoidNetworkDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var copy = definition.Snapshot();
        if (copy.Version > SigmoidNetworkDefinition.SupportedVersion)
        {
            throw new NotSupportedException(string.Create(
                CultureInfo.InvariantCulture,
                $"SigmoidNetworkDefinition.Version {copy.Version} is not supported: this runtime reads gate tables up to version {SigmoidNetworkDefinition.SupportedVersion}. Update the PolyNet.Generators package the code was built against."));
        }

        if (copy.Version < 1)
        {
            throw Invalid("Version", string.Create(CultureInfo.InvariantCulture, $"must be 1 or more, got {copy.Version}."));
        }

        RequireText(copy.Expression, "Expression");
        RequireText(copy.Polynomial, "Polynomial");
        RequireText(copy.Terms, "Terms");
        RequireText(copy.Gates, "Gates");
        RequireText(copy.Output, "Output");
        if (!Enum.IsDefined(copy.Precision))
        {
            throw Invalid("Precision", $"'{copy.Precision}' is not a NetworkPrecision.");
        }

        if (copy.Inputs is null)
        {
            throw new ArgumentNullException(ParameterName, "SigmoidNetworkDefinition.Inputs is null.");
        }

        if (copy.InputBounds is null)
        {
            throw new ArgumentNullException(ParameterName, "SigmoidNetworkDefinition.InputBounds is null.");
        }

        string[] inputs = [.. copy.Inputs];
        var inputIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < inputs.Length; i++)
        {
            string? name = inputs[i];
            if (!IsValidName(name))
            {
                throw Invalid("Inputs", string.Create(CultureInfo.InvariantCulture, $"input {i} is named '{name ?? "null"}'; a name is one token without spaces, '#', ':', ';' or a leading '%'."));
            }

            if (!inputIndex.TryAdd(name!, i))
            {
                throw Invalid("Inputs", string.Create(CultureInfo.InvariantCulture, $"the name '{name}' appears twice (inputs {inputIndex[name!]} and {i})."));
            }
        }

        double[] bounds = [.. copy.InputBounds];
        if (bounds.Length != inputs.Length)
        {
            throw Invalid("InputBounds", string.Create(CultureInfo.InvariantCulture, $"there must be one bound per input: {inputs.Length} inputs, {bounds.Length} bounds."));
        }

        for (int i = 0; i < bounds.Length; i++)
        {
            if (!(bounds[i] > 0) || double.IsInfinity(bounds[i]))
            {
                throw Invalid("InputBounds", string.Create(CultureInfo.InvariantCulture, $"the bound of '{inputs[i]}' is {bounds[i]}; bounds must be positive and finite."));
            }
        }

        var kinds = new InputKind[inputs.Length];
        if (copy.InputKinds is { } givenKinds)
        {
            if (givenKinds.Count != inputs.Length)
            {
                throw Invalid("InputKinds", string.Create(CultureInfo.InvariantCulture, $"there must be one kind per input: {inputs.Length} inputs, {givenKinds.Count} kinds."));
            }

            for (int i = 0; i < kinds.Length; i++)
            {
                kinds[i] = givenKinds[i];
                if (!Enum.IsDefined(kinds[i]))
                {
                    throw Invalid("InputKinds", string.Create(CultureInfo.InvariantCulture, $"the kind of '{inputs[i]}' is {(int)kinds[i]}, not an InputKind."));
                }
            }
        }

        if (!(copy.InputBound > 0) || double.IsInfinity(copy.InputBound))
        {
            throw Invalid("InputBound", string.Create(CultureInfo.InvariantCulture, $"is {copy.InputBound}; it must be positive and finite."));
        }

        if (!(copy.MaxError >= 0))
        {
            throw Invalid("MaxError", string.Create(CultureInfo.InvariantCulture, $"is {copy.MaxError}; it must not be negative or NaN."));
        }

        if (copy.MaxGradientError < 0 || double.IsNegativeInfinity(copy.MaxGradientError))
        {
            throw Invalid("MaxGradientError", string.Create(CultureInfo.InvariantCulture, $"is {copy.MaxGradientError}; it must not be negative (NaN means unknown)."));
        }

        var terms = ParseTerms(copy.Terms, inputIndex);
        var gates = ParseGates(copy.Gates, inputIndex);
        int hiddenLayers = 0;
        foreach (var gate in gates)
        {
            hiddenLayers = Math.Max(hiddenLayers, gate.Layer);
        }

        var (outputConstant, outputValues, outputCoefficients) = ParseOutput(copy.Output, inputIndex, gates.Length);
        return new ParsedDefinition
        {
            Definition = copy,
            Inputs = inputs,
            InputBounds = bounds,
            InputKinds = kinds,
            Gates = gates,
            HiddenLayers = hiddenLayers,
            OutputConstant = outputConstant,
            OutputValues = outputValues,
            OutputCoefficients = outputCoefficients,
            Terms = terms,
        };
    }

    /// <summary>
    /// Parses <see cref="SigmoidNetworkDefinition.Terms"/>: dense terms (one integer exponent per input) and sparse
    /// terms (<c>coefficient name[^exponent] …</c>), both stored sparsely: term t's non-zero exponents are
    /// (Inputs[k], Powers[k]) for k in [Starts[t], Starts[t + 1]), inputs ascending and each input once.
    /// </summary>
    private static ParsedTerms ParseTerms(string text, Dictionary<string, int> inputIndex)
    {
        const string Property = "Terms";
        int inputCount = inputIndex.Count;
        var tokens = Tokenizer.Read(text, comments: false);
        var coefficients = new List<double>();
        var starts = new List<int> { 0 };
        var inputs = new List<int>();
        var powers = new List<int>();
        var term = new SortedDictionary<int, int>();
        int position = 0;
        while (position < tokens.Count)
        {
            int termNumber = coefficients.Count + 1;
            var reader = new TokenReader(Property, tokens, position, tokens.Count);
            var first = reader.Next("a coefficient");
            if (first.Text is ";" or ":")
            {
                throw Malformed(Property, first, $"term {termNumber} is empty or starts with a separator; expected a coefficient");
            }

            coefficients.Add(ParseNumber(Property, first));
            int end = reader.Position;
            while (end < tokens.Count && tokens[end].Text != ";")
            {
                end++;
            }

            // Only numbers after the coefficient: a dense term; no token at all (a constant) or any name: a sparse one.
            bool sparse = end == reader.Position || !AllDecimal(tokens, reader.Position, end);
            term.Clear();
            if (sparse)
            {
                while (reader.Position < end)
                {
                    var (input, power) = ParseFactor(reader.Next("an input name"), inputIndex, termNumber);
                    term[input] = term.TryGetValue(input, out int earlier) ? checked(earlier + power) : power;
                }
            }
            else
            {
                int count = 0;
                Token last = first;
                while (reader.Position < end)
                {
                    last = reader.Next("an exponent");
                    int exponent = ParseInteger(Property, last);
                    if (exponent < 0)
                    {
                        throw Malformed(Property, last, $"term {termNumber} has a negative exponent");
                    }

                    if (exponent != 0 && count < inputCount)
                    {
                        term[count] = exponent;
                    }

                    count++;
                }

                if (count != inputCount)
                {
                    throw Invalid(Property, string.Create(CultureInfo.InvariantCulture, $"line {last.Line}, term {termNumber} ('{first.Text} …'): {count} exponents, but there are {inputCount} inputs (one exponent per input; a term that names its inputs is sparse)."));
                }
            }

            foreach (var (input, power) in term)
            {
                if (power != 0)
                {
                    inputs.Add(input);
                    powers.Add(power);
                }
            }

            starts.Add(inputs.Count);
            position = reader.Position;
            if (reader.HasMore)
            {
                var separator = reader.Next("';'");
                if (!reader.HasMore)
                {
                    throw Malformed(Property, separator, "expected another term after ';'");
                }

                position = reader.Position;
            }
        }

        return new ParsedTerms([.. coefficients], [.. starts], [.. inputs], [.. powers]);
    }

    /// <summary>True when every token in [start, end) is a decimal number: the exponents of a dense term.</summary>
    private static bool AllDecimal(List<Token> tokens, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (!IsDecimal(tokens[i].Text))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// One factor of a sparse term: an input name, or <c>name^exponent</c> with a non-negative integer exponent. A
    /// token that is an input's whole name is that input (exponent 1), so a name containing <c>^</c> still works.
    /// </summary>
    private static (int Input, int Power) ParseFactor(Token token, Dictionary<string, int> inputIndex, int termNumber)
    {
        const string Property = "Terms";
        if (inputIndex.TryGetValue(token.Text, out int whole))
        {
            return (whole, 1);
        }

        if (token.Text is ":" || IsDecimal(token.Text))
        {
            throw Malformed(Property, token, $"term {termNumber} names its inputs (a sparse term), so every factor must be an input name or name^exponent, not a number");
        }

        string name = token.Text;
        int power = 1;
        int caret = name.LastIndexOf('^');
        if (caret >= 0)
        {
            string exponent = name.Substring(caret + 1);
            if (caret == 0 || exponent.Length == 0 || !IsDigits(exponent)
                || !int.TryParse(exponent, NumberStyles.None, CultureInfo.InvariantCulture, out power))
            {
                throw Malformed(Property, token, $"term {termNumber}: a factor is name or name^exponent with a non-negative integer exponent");
            }

            name = name.Substring(0, caret);
        }

        if (!inputIndex.TryGetValue(name, out int input))
        {
            throw Invalid(Property, string.Create(CultureInfo.InvariantCulture, $"line {token.Line}, term {termNumber}, token '{token.Text}': no input is named '{name}'."));
        }

        return (input, power);
    }

    private static Gate[] ParseGates(string text, Dictionary<string, int> inputIndex)
    {
        const string Property = "Gates";
        var tokens = Tokenizer.Read(text, comments: true);
        var gates = new List<Gate>();
        int start = 0;
        while (start < tokens.Count)
        {
            int end = start;
            while (end < tokens.Count && tokens[end].Line == tokens[start].Line)
            {
                end++;
            }

            gates.Add(ParseGate(new TokenReader(Property, tokens, start, end), gates, inputIndex));
            start = end;
        }

        return gates.ToArray();
    }

    private static Gate ParseGate(TokenReader reader, List<Gate> gates, Dictionary<string, int> inputIndex)
    {
        const string Property = "Gates";
        int k = gates.Count;
        string name = "%" + k.ToString(CultureInfo.InvariantCulture);
        var head = reader.Next(name);
        if (head.Text != name)
        {
            throw Malformed(Property, head, $"gate line {k + 1} must start with '{name} ='");
        }

        var equals = reader.Next("'='");
        if (equals.Text != "=")
        {
            throw Malformed(Property, equals, $"expected '=' after '{name}'");
        }

        var kindToken = reader.Next("a gate kind (mul, sq, bit or flat)");
        int line = head.Line;
        int inputs = inputIndex.Count;
        Gate gate;
        switch (kindToken.Text)
        {
            case "mul":
            {
                int u = ReadValue(reader, inputIndex, gates.Count), v = ReadValue(reader, inputIndex, gates.Count);
                double wu = reader.Number("the weight wu"), wv = reader.Number("the weight wv"), scale = reader.Number("the scale");
                gate = new Gate { Kind = GateKind.Multiply, Line = line, Operands = [u, v], Weights = [wu, wv], Bias = Gate.GateBias, Scale = scale };
                break;
            }

            case "sq":
            {
                int u = ReadValue(reader, inputIndex, gates.Count);
                double w = reader.Number("the weight w"), scale = reader.Number("the scale");
                gate = new Gate { Kind = GateKind.Square, Line = line, Operands = [u], Weights = [w], Bias = Gate.GateBias, Scale = scale };
                break;
            }

            case "bit":
            {
                double bias = reader.Number("the bias");
                var operands = new List<int>();
                var weights = new List<double>();
                do
                {
                    operands.Add(ReadValue(reader, inputIndex, gates.Count));
                    weights.Add(reader.Number("a weight"));
                }
                while (reader.HasMore);

                gate = new Gate { Kind = GateKind.Bit, Line = line, Operands = [.. operands], Weights = [.. weights], Bias = bias, Scale = 1 };
                break;
            }

            case "flat":
                gate = ParseFlat(reader, gates, inputIndex, line);
                break;

            default:
                throw Malformed(Property, kindToken, "unknown gate kind; expected mul, sq, bit or flat");
        }

        if (reader.HasMore)
        {
            throw Malformed(Property, reader.Peek, $"unexpected token after the {kindToken.Text} gate's last argument");
        }

        int layer = 0;
        foreach (int operand in gate.Operands)
        {
            layer = Math.Max(layer, operand < inputs ? 0 : gates[operand - inputs].Layer);
        }

        return gate with { Layer = layer + 1 };
    }

    private static Gate ParseFlat(TokenReader reader, List<Gate> gates, Dictionary<string, int> inputIndex, int line)
    {
        const string Property = "Gates";
        double bias = reader.Number("the bias");
        double scale = reader.Number("the scale");
        var parity = reader.Next("the parity (even or odd)");
        if (parity.Text is not ("even" or "odd"))
        {
            throw Malformed(Property, parity, "expected the parity, even or odd");
        }

        var countToken = reader.Next("the operand count m");
        int m = ParseInteger(Property, countToken);
        if (m < 1)
        {
            throw Invalid(Property, string.Create(CultureInfo.InvariantCulture, $"line {line}, token '{countToken.Text}': a flat product needs at least one operand."));
        }

        var operands = new int[m];
        var weights = new double[m];
        for (int i = 0; i < m; i++)
        {
            if (reader.HasMore && reader.Peek.Text == ":")
            {
                throw Invalid(Property, string.Create(CultureInfo.InvariantCulture, $"line {line}, token ':': the flat product announces {m} operands but lists {i}."));
            }

            operands[i] = ReadValue(reader, inputIndex, gates.Count);
            weights[i] = reader.Number("an operand weight");
        }

        var colon = reader.Next("':' and the pairs");
        if (colon.Text != ":")
        {
            throw Malformed(Property, colon, string.Create(CultureInfo.InvariantCulture, $"expected ':' after the {m} operands"));
        }

        var coefficients = new List<double>();
        var multipliers = new List<int>();
        while (true)
        {
            int pair = coefficients.Count + 1;
            coefficients.Add(reader.Number($"the coefficient of pair {pair}"));
            bool nonZero = false;
            int count = 0;
            Token last = default;
            while (reader.HasMore && reader.Peek.Text != ";")
            {
                last = reader.Next("a multiplier");
                int multiplier = ParseInteger(Property, last);
                nonZero |= multiplier != 0;
                multipliers.Add(multiplier);
                count++;
            }

            if (count != m)
            {
                throw Invalid(Property, string.Create(CultureInfo.InvariantCulture, $"line {line}, pair {pair}: {count} multipliers, but the flat product has {m} operands (one multiplier per operand)."));
            }

            if (!nonZero)
            {
                throw Invalid(Property, string.Create(CultureInfo.InvariantCulture, $"line {line}, pair {pair}, token '{last.Text}': every multiplier is 0; a pair needs a non-zero one."));
            }

            if (!reader.HasMore)
            {
                break;
            }

            reader.Next("';'");
            if (!reader.HasMore)
            {
                throw Malformed(Property, reader.Last, "expected another pair after ';'");
            }
        }

        return new Gate
        {
            Kind = GateKind.Flat,
            Line = line,
            Operands = operands,
            Weights = weights,
            Bias = bias,
            Scale = scale,
            Even = parity.Text == "even",
            PairCoefficients = [.. coefficients],
            PairMultipliers = [.. multipliers],
        };
    }

    private static (double Constant, int[] Values, double[] Coefficients) ParseOutput(string text, Dictionary<string, int> inputIndex, int gateCount)
    {
        const string Property = "Output";
        var tokens = Tokenizer.Read(text, comments: false);
        if (tokens.Count == 0)
        {
            throw new FormatException("SigmoidNetworkDefinition.Output, line 1: the output map is empty; expected the constant first (\"0\" for none).");
        }

        var reader = new TokenReader(Property, tokens, 0, tokens.Count);
        double constant = reader.Number("the constant");
        var values = new List<int>();
        var coefficients = new List<double>();
        while (reader.HasMore)
        {
            values.Add(ReadValue(reader, inputIndex, gateCount));
            if (!reader.HasMore)
            {
                throw Malformed(Property, reader.Last, "a value without its coefficient");
            }

            coefficients.Add(reader.Number("a coefficient"));
        }

        return (constant, [.. values], [.. coefficients]);
    }

    /// <summary>Reads an input name or <c>%k</c> with k below <paramref name="gatesDefined"/>, as a value index.</summary>
    private static int ReadValue(TokenReader reader, Dictionary<string, int> inputIndex, int gatesDefined)
    {
        var token = reader.Next("a value (an input name or %k)");
        string property = reader.Property;
        if (token.Text.StartsWith('%'))
        {
            string digits = token.Text.Substring(1);
            if (digits.Length == 0 || !IsDigits(digits) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int k))
            {
                throw Malformed(property, token, "a gate reference is '%' and a gate number");
            }

            if (k >= gatesDefined)
            {
                throw Invalid(property, property == "Gates"
                    ? string.Create(CultureInfo.InvariantCulture, $"line {token.Line}, token '{token.Text}': gate {k} is not defined on an earlier line (gates may read only inputs and earlier gates).")
                    : string.Create(CultureInfo.InvariantCulture, $"line {token.Line}, token '{token.Text}': there is no gate {k} (the table defines {gatesDefined})."));
            }

            return inputIndex.Count + k;
        }

        if (token.Text is ":" or ";")
        {
            throw Malformed(property, token, "expected a value (an input name or %k)");
        }

        if (!inputIndex.TryGetValue(token.Text, out int input))
        {
            throw Invalid(property, string.Create(CultureInfo.InvariantCulture, $"line {token.Line}, token '{token.Text}': no input is named so (inputs: {string.Join(", ", inputIndex.Keys)})."));
        }

        return input;
    }

    /// <summary>A culture-invariant decimal number (sign, digits, point, exponent); Infinity, NaN and hex are malformed; overflow is non-finite.</summary>
    internal static double ParseNumber(string property, Token token)
    {
        if (!IsDecimal(token.Text))
        {
            throw Malformed(property, token, "expected a number (culture-invariant decimal such as 3, -2.5 or 1E-05)");
        }

        double value = double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            throw Invalid(property, string.Create(CultureInfo.InvariantCulture, $"line {token.Line}, token '{token.Text}': the number is not finite."));
        }

        return value;
    }

    private static int ParseInteger(string property, Token token)
    {
        string text = token.Text;
        int digitsFrom = text.Length > 0 && text[0] is '-' or '+' ? 1 : 0;
        if (text.Length == digitsFrom || !IsDigits(text.AsSpan(digitsFrom))
            || !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            throw Malformed(property, token, "expected an integer");
        }

        return value;
    }

    private static bool IsDecimal(string text)
    {
        int i = 0;
        if (i < text.Length && text[i] is '+' or '-')
        {
            i++;
        }

        int digits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            digits++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            int exponentDigits = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                exponentDigits++;
            }

            if (exponentDigits == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name) || name[0] == '%')
        {
            return false;
        }

        foreach (char c in name)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '#' or ':' or ';')
            {
                return false;
            }
        }

        return true;
    }

    private static void RequireText(string? text, string property)
    {
        if (text is null)
        {
            throw new ArgumentNullException(ParameterName, $"SigmoidNetworkDefinition.{property} is null.");
        }
    }

    /// <summary>Malformed text: the property, the token's line and the token.</summary>
    internal static FormatException Malformed(string property, Token token, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"SigmoidNetworkDefinition.{property}, line {token.Line}, token '{token.Text}': {problem}."));

    /// <summary>Well-formed but invalid content: the property, then the details.</summary>
    internal static ArgumentException Invalid(string property, string details) =>
        new($"SigmoidNetworkDefinition.{property}: {details}", ParameterName);

    /// <summary>Reads the tokens [start, end) of one text property in order, with errors that name the token.</summary>
    private sealed class TokenReader(string property, List<Token> tokens, int start, int end)
    {
        private readonly int _start = start;

        public string Property { get; } = property;

        public int Position { get; private set; } = start;

        public bool HasMore => Position < end;

        public Token Peek => tokens[Position];

        /// <summary>The last token read (or the first, before any).</summary>
        public Token Last => tokens[Math.Max(_start, Position - 1)];

        public Token Next(string expectation)
        {
            if (!HasMore)
            {
                var last = Position > _start ? tokens[Position - 1] : new Token("", _start < tokens.Count ? tokens[_start].Line : 1);
                throw Malformed(Property, last, $"expected {expectation} after this token, found the end of the {(Property == "Gates" ? "line" : "text")}");
            }

            return tokens[Position++];
        }

        public double Number(string what) => ParseNumber(Property, Next(what));
    }
}
