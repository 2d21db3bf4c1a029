using System;
using System.Collections.Generic;
using System.Globalization;

namespace PolyNet.Description;

/// <summary>One input of the site template: a field read at per-dimension offsets, or a scalar parameter.</summary>
/// <param name="Parameter">The index of the field or scalar in <see cref="LatticeNetworkDefinition.Parameters"/>.</param>
/// <param name="Offsets">One offset per extent for a field read; null for a scalar.</param>
internal sealed record LatticeRead(int Parameter, int[]? Offsets)
{
    public bool IsField => Offsets is not null;
}

/// <summary>A validated <see cref="LatticeNetworkDefinition"/> with <see cref="LatticeNetworkDefinition.Reads"/> parsed.</summary>
internal sealed class ParsedLattice
{
    /// <summary>The defensive copy everything was read from.</summary>
    public required LatticeNetworkDefinition Definition { get; init; }

    /// <summary>The template, built from the copy's <see cref="LatticeNetworkDefinition.Site"/>.</summary>
    public required SigmoidNetwork Site { get; init; }

    /// <summary>The template's gate table, parsed.</summary>
    public required ParsedDefinition SiteTable { get; init; }

    public required string[] Parameters { get; init; }

    public required InputKind[] ParameterKinds { get; init; }

    public required double[] ParameterBounds { get; init; }

    /// <summary>Per parameter: true for a field.</summary>
    public required bool[] IsField { get; init; }

    public required string[] Fields { get; init; }

    public required string[] Extents { get; init; }

    /// <summary>One per template input, in input order.</summary>
    public required LatticeRead[] Reads { get; init; }
}

/// <summary>
/// Validates a <see cref="LatticeNetworkDefinition"/> and parses <see cref="LatticeNetworkDefinition.Reads"/>. Like
/// <see cref="DefinitionParser"/>: malformed text throws <see cref="FormatException"/>, well-formed content that does
/// not fit throws <see cref="ArgumentException"/> (parameter <c>definition</c>); both name the property. The template
/// itself is validated by <see cref="SigmoidNetwork"/>'s constructor, whose messages name
/// <c>SigmoidNetworkDefinition</c>'s properties.
/// </summary>
internal static class LatticeReads
{
    private const string ParameterName = "definition";

    public static ParsedLattice Parse(LatticeNetworkDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var copy = definition.Snapshot();
        if (copy.Version > LatticeNetworkDefinition.SupportedVersion)
        {
            throw new NotSupportedException(string.Create(
                CultureInfo.InvariantCulture,
                $"LatticeNetworkDefinition.Version {copy.Version} is not supported: this runtime reads lattice descriptions up to version {LatticeNetworkDefinition.SupportedVersion}. Update the PolyNet.Generators package the code was built against."));
        }

        if (copy.Version < 1)
        {
            throw Invalid("Version", string.Create(CultureInfo.InvariantCulture, $"must be 1 or more, got {copy.Version}."));
        }

        RequireNotNull(copy.Expression, "Expression");
        RequireNotNull(copy.Reads, "Reads");
        RequireNotNull(copy.Site, "Site");
        RequireNotNull(copy.Parameters, "Parameters");
        RequireNotNull(copy.ParameterKinds, "ParameterKinds");
        RequireNotNull(copy.ParameterBounds, "ParameterBounds");
        RequireNotNull(copy.Fields, "Fields");
        RequireNotNull(copy.Extents, "Extents");
        if (!Enum.IsDefined(copy.Boundary))
        {
            throw Invalid("Boundary", string.Create(CultureInfo.InvariantCulture, $"{(int)copy.Boundary} is not a LatticeBoundary."));
        }

        RequireFinite(copy.Constant, "Constant", negativeAllowed: true);
        RequireFinite(copy.SiteBound, "SiteBound", negativeAllowed: false);
        RequireFinite(copy.SummationRounding, "SummationRounding", negativeAllowed: false);
        if (copy.MaxGradientError < 0)
        {
            // NaN (unknown) and +∞ (no bound) are accepted, as for a network's MaxError.
            RequireFinite(copy.MaxGradientError, "MaxGradientError", negativeAllowed: false);
        }

        string[] parameters = [.. copy.Parameters];
        var parameterIndex = Names(parameters, "Parameters");
        InputKind[] kinds = [.. copy.ParameterKinds];
        if (kinds.Length != parameters.Length)
        {
            throw Invalid("ParameterKinds", string.Create(CultureInfo.InvariantCulture, $"there must be one kind per parameter: {parameters.Length} parameters, {kinds.Length} kinds."));
        }

        for (int p = 0; p < kinds.Length; p++)
        {
            if (!Enum.IsDefined(kinds[p]))
            {
                throw Invalid("ParameterKinds", string.Create(CultureInfo.InvariantCulture, $"the kind of '{parameters[p]}' is {(int)kinds[p]}, not an InputKind."));
            }
        }

        double[] bounds = [.. copy.ParameterBounds];
        if (bounds.Length != parameters.Length)
        {
            throw Invalid("ParameterBounds", string.Create(CultureInfo.InvariantCulture, $"there must be one bound per parameter: {parameters.Length} parameters, {bounds.Length} bounds."));
        }

        for (int p = 0; p < bounds.Length; p++)
        {
            if (!(bounds[p] > 0) || double.IsInfinity(bounds[p]))
            {
                throw Invalid("ParameterBounds", string.Create(CultureInfo.InvariantCulture, $"the bound of '{parameters[p]}' is {bounds[p]}; bounds must be positive and finite."));
            }
        }

        string[] fields = [.. copy.Fields];
        var isField = new bool[parameters.Length];
        for (int f = 0; f < fields.Length; f++)
        {
            if (fields[f] is null || !parameterIndex.TryGetValue(fields[f], out int p))
            {
                throw Invalid("Fields", $"'{fields[f] ?? "null"}' is not one of the Parameters ({string.Join(", ", parameters)}).");
            }

            if (isField[p])
            {
                throw Invalid("Fields", $"'{fields[f]}' appears twice.");
            }

            isField[p] = true;
        }

        string[] extents = [.. copy.Extents];
        if (extents.Length is < 1 or > 3)
        {
            throw Invalid("Extents", string.Create(CultureInfo.InvariantCulture, $"a lattice has 1 to 3 dimensions, one extent each; got {extents.Length} extents."));
        }

        foreach (var (name, _) in Names(extents, "Extents"))
        {
            if (parameterIndex.ContainsKey(name))
            {
                throw Invalid("Extents", $"'{name}' is also one of the Parameters; an extent is not a parameter of the sites.");
            }
        }

        // The template: its own validation names SigmoidNetworkDefinition's properties.
        var site = new SigmoidNetwork(copy.Site);
        var siteTable = DefinitionParser.Parse(site.Definition);
        var reads = ParseReads(copy.Reads, parameterIndex, isField, extents.Length);
        if (reads.Length != site.Inputs.Count)
        {
            throw Invalid("Reads", string.Create(CultureInfo.InvariantCulture, $"there must be one read per input of Site: Site has {site.Inputs.Count} inputs ({string.Join(", ", site.Inputs)}), Reads has {reads.Length} entries."));
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int r = 0; r < reads.Length; r++)
        {
            var read = reads[r];
            string key = read.Parameter.ToString(CultureInfo.InvariantCulture) + (read.Offsets is null ? "" : " " + string.Join(" ", read.Offsets));
            if (!seen.TryAdd(key, r))
            {
                throw Invalid("Reads", string.Create(CultureInfo.InvariantCulture, $"entries {seen[key] + 1} and {r + 1} read the same thing; each input of Site reads something else."));
            }

            if (site.InputKinds[r] != kinds[read.Parameter])
            {
                throw Invalid("Reads", string.Create(CultureInfo.InvariantCulture, $"entry {r + 1} reads '{parameters[read.Parameter]}' ({kinds[read.Parameter]}), but Site input '{site.Inputs[r]}' is {site.InputKinds[r]}."));
            }

            if (site.InputBounds[r] < bounds[read.Parameter])
            {
                throw Invalid("Reads", string.Create(CultureInfo.InvariantCulture, $"entry {r + 1} reads '{parameters[read.Parameter]}' of bound {bounds[read.Parameter]}, but Site input '{site.Inputs[r]}' is built for the smaller bound {site.InputBounds[r]}."));
            }
        }

        return new ParsedLattice
        {
            Definition = copy,
            Site = site,
            SiteTable = siteTable,
            Parameters = parameters,
            ParameterKinds = kinds,
            ParameterBounds = bounds,
            IsField = isField,
            Fields = fields,
            Extents = extents,
            Reads = reads,
        };
    }

    /// <summary>Reads entries <c>field o0 o1 …</c> or <c>scalar</c>, separated by <c>;</c>.</summary>
    private static LatticeRead[] ParseReads(string text, Dictionary<string, int> parameterIndex, bool[] isField, int dimensions)
    {
        const string Property = "Reads";
        var tokens = Tokenizer.Read(text, comments: false);
        var reads = new List<LatticeRead>();
        int position = 0;
        while (position < tokens.Count)
        {
            int entry = reads.Count + 1;
            int end = position;
            while (end < tokens.Count && tokens[end].Text != ";")
            {
                end++;
            }

            var head = tokens[position];
            if (end == position || head.Text == ":")
            {
                throw Malformed(Property, head, $"entry {entry} is empty; expected a field and its offsets, or a scalar parameter");
            }

            if (!parameterIndex.TryGetValue(head.Text, out int parameter))
            {
                throw Invalid(Property, string.Create(CultureInfo.InvariantCulture, $"entry {entry}, token '{head.Text}': not one of the Parameters ({string.Join(", ", parameterIndex.Keys)})."));
            }

            int count = end - position - 1;
            if (!isField[parameter])
            {
                if (count != 0)
                {
                    throw Invalid(Property, string.Create(CultureInfo.InvariantCulture, $"entry {entry}: '{head.Text}' is a scalar parameter, read without offsets, but {count} follow."));
                }

                reads.Add(new LatticeRead(parameter, null));
            }
            else
            {
                if (count != dimensions)
                {
                    throw Invalid(Property, string.Create(CultureInfo.InvariantCulture, $"entry {entry}: the field '{head.Text}' needs one offset per extent ({dimensions}), got {count}."));
                }

                var offsets = new int[dimensions];
                for (int d = 0; d < dimensions; d++)
                {
                    var token = tokens[position + 1 + d];
                    string digits = token.Text.Length > 0 && token.Text[0] is '-' or '+' ? token.Text.Substring(1) : token.Text;
                    if (digits.Length == 0 || !IsDigits(digits)
                        || !int.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out offsets[d]))
                    {
                        throw Malformed(Property, token, $"entry {entry}: an offset is an integer");
                    }
                }

                reads.Add(new LatticeRead(parameter, offsets));
            }

            position = end;
            if (position < tokens.Count)
            {
                var separator = tokens[position++];
                if (position == tokens.Count)
                {
                    throw Malformed(Property, separator, "expected another entry after ';'");
                }
            }
        }

        return [.. reads];
    }

    private static Dictionary<string, int> Names(string[] names, string property)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Length; i++)
        {
            string? name = names[i];
            if (string.IsNullOrEmpty(name) || name.AsSpan().ContainsAny(" \t\r\n#:;%[]^") || char.IsAsciiDigit(name[0]) || name[0] is '-' or '+' or '.')
            {
                throw Invalid(property, string.Create(CultureInfo.InvariantCulture, $"entry {i} is named '{name ?? "null"}'; a name is one token that does not start with a digit or sign and has no spaces, '#', ':', ';', '%', '[', ']' or '^'."));
            }

            if (!index.TryAdd(name, i))
            {
                throw Invalid(property, string.Create(CultureInfo.InvariantCulture, $"the name '{name}' appears twice."));
            }
        }

        return index;
    }

    private static bool IsDigits(string text)
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

    private static void RequireNotNull(object? value, string property)
    {
        if (value is null)
        {
            throw new ArgumentNullException(ParameterName, $"LatticeNetworkDefinition.{property} is null.");
        }
    }

    private static void RequireFinite(double value, string property, bool negativeAllowed)
    {
        if (!double.IsFinite(value) || (!negativeAllowed && value < 0))
        {
            throw Invalid(property, string.Create(CultureInfo.InvariantCulture, $"is {value}; it must be finite{(negativeAllowed ? "" : " and not negative")}."));
        }
    }

    /// <summary>Malformed text: the property, the token's line and the token.</summary>
    internal static FormatException Malformed(string property, Token token, string problem) =>
        new(string.Create(CultureInfo.InvariantCulture, $"LatticeNetworkDefinition.{property}, line {token.Line}, token '{token.Text}': {problem}."));

    /// <summary>Well-formed but invalid content: the property, then the details.</summary>
    internal static ArgumentException Invalid(string property, string details) =>
        new($"LatticeNetworkDefinition.{property}: {details}", ParameterName);
}
