using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace PolyNet.Serialization;

/// <summary>
/// Writes and reads the JSON documents of <see cref="SigmoidNetwork"/>, <see cref="LatticeNetwork"/> and
/// <see cref="BoltzmannClassifier"/> (README "Export"): the definition's properties in camelCase after a
/// <c>"format"</c> tag. Reading is strict: the text must be one JSON object (RFC 8259: no comments, no trailing
/// commas, no property twice in one object) whose format tag is the expected one, with no property the definition
/// does not have and every required one present; the definition is then validated by the network's constructor.
/// </summary>
internal static partial class DefinitionJson
{
    /// <summary>The format tag of a <see cref="SigmoidNetwork"/>'s document.</summary>
    public const string NetworkFormat = "polynet-network";

    /// <summary>The format tag of a <see cref="LatticeNetwork"/>'s document.</summary>
    public const string LatticeFormat = "polynet-lattice";

    /// <summary>The format tag of a <see cref="BoltzmannClassifier"/>'s document.</summary>
    public const string ClassifierFormat = "polynet-classifier";

    public static string Write(SigmoidNetworkDefinition definition, bool indented)
    {
        var document = ToJson(definition);
        document.Format = NetworkFormat;
        return Write(document, DefinitionJsonContext.Default.NetworkJson, indented);
    }

    public static string Write(LatticeNetworkDefinition definition, bool indented) => Write(
        new LatticeJson
        {
            Format = LatticeFormat,
            Version = definition.Version,
            Expression = definition.Expression,
            Site = ToJson(definition.Site),
            Parameters = definition.Parameters,
            ParameterKinds = definition.ParameterKinds,
            ParameterBounds = definition.ParameterBounds,
            Fields = definition.Fields,
            Extents = definition.Extents,
            Reads = definition.Reads,
            Boundary = definition.Boundary,
            Constant = definition.Constant,
            SiteBound = definition.SiteBound,
            SummationRounding = definition.SummationRounding,
            MaxGradientError = definition.MaxGradientError,
        },
        DefinitionJsonContext.Default.LatticeJson,
        indented);

    public static string Write(BoltzmannClassifierDefinition definition, bool indented) => Write(
        new ClassifierJson
        {
            Format = ClassifierFormat,
            Version = definition.Version,
            Categories = definition.Categories,
            Priors = definition.Priors,
            Hamiltonians = definition.Hamiltonians.Select(ToJson).ToArray(),
            NeuronCount = definition.NeuronCount,
            MaxError = definition.MaxError,
        },
        DefinitionJsonContext.Default.ClassifierJson,
        indented);

    /// <summary>Reads a <c>polynet-network</c> document into the definition it holds (not yet validated).</summary>
    public static SigmoidNetworkDefinition ReadNetwork(string json)
    {
        const string Reader = "SigmoidNetwork.FromJson";
        var document = Read(json, NetworkFormat, DefinitionJsonContext.Default.NetworkJson, Reader);
        return FromJson(document, "$", Reader);
    }

    /// <summary>Reads a <c>polynet-lattice</c> document into the definition it holds (not yet validated).</summary>
    public static LatticeNetworkDefinition ReadLattice(string json)
    {
        const string Reader = "LatticeNetwork.FromJson";
        var document = Read(json, LatticeFormat, DefinitionJsonContext.Default.LatticeJson, Reader);
        return new LatticeNetworkDefinition
        {
            Version = Require(document.Version, "version", "$", Reader),
            Expression = Require(document.Expression, "expression", "$", Reader),
            Site = FromJson(Require(document.Site, "site", "$", Reader), "$.site", Reader),
            Parameters = Require(document.Parameters, "parameters", "$", Reader),
            ParameterKinds = Require(document.ParameterKinds, "parameterKinds", "$", Reader),
            ParameterBounds = Require(document.ParameterBounds, "parameterBounds", "$", Reader),
            Fields = Require(document.Fields, "fields", "$", Reader),
            Extents = Require(document.Extents, "extents", "$", Reader),
            Reads = Require(document.Reads, "reads", "$", Reader),
            Boundary = Require(document.Boundary, "boundary", "$", Reader),
            Constant = Require(document.Constant, "constant", "$", Reader),
            SiteBound = Require(document.SiteBound, "siteBound", "$", Reader),
            SummationRounding = Require(document.SummationRounding, "summationRounding", "$", Reader),
            MaxGradientError = document.MaxGradientError ?? double.NaN,
        };
    }

    /// <summary>Reads a <c>polynet-classifier</c> document into the definition it holds (not yet validated).</summary>
    public static BoltzmannClassifierDefinition ReadClassifier(string json)
    {
        const string Reader = "BoltzmannClassifier.FromJson";
        var document = Read(json, ClassifierFormat, DefinitionJsonContext.Default.ClassifierJson, Reader);
        var hamiltonians = Require(document.Hamiltonians, "hamiltonians", "$", Reader);
        var definitions = new SigmoidNetworkDefinition[hamiltonians.Count];
        for (int y = 0; y < definitions.Length; y++)
        {
            // A null Hamiltonian is left to the constructor, which names its category.
            definitions[y] = hamiltonians[y] is { } hamiltonian
                ? FromJson(hamiltonian, string.Create(CultureInfo.InvariantCulture, $"$.hamiltonians[{y}]"), Reader)
                : null!;
        }

        return new BoltzmannClassifierDefinition
        {
            Version = Require(document.Version, "version", "$", Reader),
            Categories = Require(document.Categories, "categories", "$", Reader),
            Priors = Require(document.Priors, "priors", "$", Reader),
            Hamiltonians = definitions,
            NeuronCount = Require(document.NeuronCount, "neuronCount", "$", Reader),
            MaxError = Require(document.MaxError, "maxError", "$", Reader),
        };
    }

    private static NetworkJson ToJson(SigmoidNetworkDefinition definition) => new()
    {
        Version = definition.Version,
        Expression = definition.Expression,
        Polynomial = definition.Polynomial,
        Precision = definition.Precision,
        Inputs = definition.Inputs,
        InputBounds = definition.InputBounds,
        InputKinds = definition.InputKinds,
        InputBound = definition.InputBound,
        Terms = definition.Terms,
        Gates = definition.Gates,
        Output = definition.Output,
        MaxError = definition.MaxError,
        MaxGradientError = definition.MaxGradientError,
    };

    private static SigmoidNetworkDefinition FromJson(NetworkJson document, string path, string reader)
    {
        if (document.Format is { } format && format != NetworkFormat)
        {
            throw Invalid(reader, $"the network at {path} has \"format\": \"{format}\"; a nested network may only be tagged \"{NetworkFormat}\".");
        }

        return new SigmoidNetworkDefinition
        {
            Version = Require(document.Version, "version", path, reader),
            Expression = Require(document.Expression, "expression", path, reader),
            Polynomial = Require(document.Polynomial, "polynomial", path, reader),
            Precision = Require(document.Precision, "precision", path, reader),
            Inputs = Require(document.Inputs, "inputs", path, reader),
            InputBounds = Require(document.InputBounds, "inputBounds", path, reader),
            InputKinds = document.InputKinds,
            InputBound = Require(document.InputBound, "inputBound", path, reader),
            Terms = Require(document.Terms, "terms", path, reader),
            Gates = Require(document.Gates, "gates", path, reader),
            Output = Require(document.Output, "output", path, reader),
            MaxError = Require(document.MaxError, "maxError", path, reader),
            MaxGradientError = document.MaxGradientError ?? double.NaN,
        };
    }

    private static T Require<T>(T? value, string property, string path, string reader)
        where T : class =>
        value ?? throw Invalid(reader, $"the required property \"{property}\" of {path} is missing or null.");

    private static T Require<T>(T? value, string property, string path, string reader)
        where T : struct =>
        value ?? throw Invalid(reader, $"the required property \"{property}\" of {path} is missing or null.");

    private static string Write<T>(T document, JsonTypeInfo<T> type, bool indented)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = indented,

            // Only what JSON requires is escaped ("x*y + 3*x*y*z" stays readable); the text is data, not HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            JsonSerializer.Serialize(writer, document, type);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Checks the syntax, duplicates and the format tag (<see cref="Scan"/>), then deserializes.</summary>
    private static T Read<T>(string json, string format, JsonTypeInfo<T> type, string reader)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(json);
        byte[] utf8 = Encoding.UTF8.GetBytes(json);
        string? found = Scan(utf8, reader);
        if (found is null)
        {
            throw Invalid(reader, $"the document has no \"format\" property; a {Holder(format)}'s document starts with \"format\": \"{format}\".");
        }

        if (found != format)
        {
            string holder = Holder(found);
            throw Invalid(reader, holder.Length > 0
                ? $"the document's \"format\" is \"{found}\", not \"{format}\": it holds a {holder} (read it with {holder}.FromJson)."
                : $"the document's \"format\" is \"{found}\", not \"{format}\".");
        }

        try
        {
            return JsonSerializer.Deserialize(utf8, type) ?? throw Invalid(reader, "the document is null.");
        }
        catch (JsonException exception)
        {
            throw new FormatException($"{reader}: {Describe(exception).TrimEnd('.')}{Location(exception)}.", exception);
        }
    }

    /// <summary>
    /// Reads the whole document once: throws on malformed JSON, on a document that is not an object, on a property
    /// named twice in one object and on a top-level <c>"format"</c> that is not a string; returns that format (null
    /// when there is none).
    /// </summary>
    private static string? Scan(ReadOnlySpan<byte> utf8, string reader)
    {
        var json = new Utf8JsonReader(utf8);
        var names = new Stack<HashSet<string>?>();
        string? format = null;
        try
        {
            json.Read();
            if (json.TokenType != JsonTokenType.StartObject)
            {
                throw Invalid(reader, $"a PolyNet document is a JSON object, not {Article(json.TokenType)} (line {Line(utf8, json.TokenStartIndex)}).");
            }

            names.Push(new HashSet<string>(StringComparer.Ordinal));
            while (json.Read())
            {
                switch (json.TokenType)
                {
                    case JsonTokenType.StartObject:
                        names.Push(new HashSet<string>(StringComparer.Ordinal));
                        break;
                    case JsonTokenType.StartArray:
                        names.Push(null);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        names.Pop();
                        break;
                    case JsonTokenType.PropertyName:
                        string name = json.GetString()!;
                        if (!names.Peek()!.Add(name))
                        {
                            throw Invalid(reader, $"the property \"{name}\" appears twice in one object (line {Line(utf8, json.TokenStartIndex)}).");
                        }

                        if (json.CurrentDepth == 1 && name == "format")
                        {
                            json.Read();
                            if (json.TokenType != JsonTokenType.String)
                            {
                                throw Invalid(reader, $"\"format\" must be a string, not {Article(json.TokenType)} (line {Line(utf8, json.TokenStartIndex)}).");
                            }

                            format = json.GetString();
                        }

                        break;
                }
            }
        }
        catch (JsonException exception)
        {
            throw new FormatException($"{reader}: the text is not valid JSON: {WithoutLocation(exception.Message).TrimEnd('.')}{Location(exception)}.", exception);
        }

        return format;
    }

    /// <summary>
    /// The serializer's message in the document's terms: an unknown property with the shape's properties, a value of
    /// the wrong JSON type with what was expected; any other message as it is, without its location.
    /// </summary>
    private static string Describe(JsonException exception)
    {
        string message = WithoutLocation(exception.Message);
        if (UnmappedProperty().Match(message) is { Success: true } unmapped)
        {
            var shape = Shape(unmapped.Groups[2].Value);
            return shape is { } known
                ? $"\"{unmapped.Groups[1].Value}\" is not a property of {known.Name} (its properties: {string.Join(", ", known.Type.Properties.Select(p => p.Name))})."
                : $"\"{unmapped.Groups[1].Value}\" is not a known property.";
        }

        if (WrongType().Match(message) is { Success: true } converted)
        {
            return $"the value is not {Expected(converted.Groups[1].Value)}.";
        }

        return message;
    }

    /// <summary>What a value of the .NET type the serializer names must look like in the document.</summary>
    private static string Expected(string type)
    {
        const string Nullable = "System.Nullable`1[";
        if (type.StartsWith(Nullable, StringComparison.Ordinal) && type.EndsWith(']'))
        {
            type = type[Nullable.Length..^1];
        }

        if (type.StartsWith("System.Collections.Generic.IReadOnlyList`1[", StringComparison.Ordinal))
        {
            return "an array";
        }

        return type switch
        {
            "System.Double" => "a number (or \"NaN\", \"Infinity\", \"-Infinity\")",
            "System.Int32" => "an integer (32-bit)",
            "System.String" => "a string",
            _ => Shape(type) is { } shape ? $"{shape.Name} (an object)" : type,
        };
    }

    /// <summary>The document shape the serializer names by its .NET type, or null.</summary>
    private static (string Name, JsonTypeInfo Type)? Shape(string type)
    {
        if (type == typeof(NetworkJson).FullName)
        {
            return ("a network", DefinitionJsonContext.Default.NetworkJson);
        }

        if (type == typeof(LatticeJson).FullName)
        {
            return ("a lattice", DefinitionJsonContext.Default.LatticeJson);
        }

        if (type == typeof(ClassifierJson).FullName)
        {
            return ("a classifier", DefinitionJsonContext.Default.ClassifierJson);
        }

        return null;
    }

    /// <summary>The message without the serializer's <c>Path: … | LineNumber: … | BytePositionInLine: ….</c> suffix.</summary>
    private static string WithoutLocation(string message)
    {
        foreach (string suffix in (ReadOnlySpan<string>)[" Path: ", " LineNumber: "])
        {
            int at = message.IndexOf(suffix, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }

        return message;
    }

    /// <summary>" (at $.path, line L, byte B)" with 1-based line and byte, the parts the exception knows.</summary>
    private static string Location(JsonException exception)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(exception.Path))
        {
            parts.Add($"at {exception.Path}");
        }

        if (exception.LineNumber is { } line)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"line {line + 1}"));
            if (exception.BytePositionInLine is { } position)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"byte {position + 1}"));
            }
        }

        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }

    [GeneratedRegex(@"^The JSON property '(.*)' could not be mapped to any \.NET member contained in type '(.*)'\.$")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"^The JSON value could not be converted to (.*)\.$")]
    private static partial Regex WrongType();

    /// <summary>The type a format tag's document holds, or "" for a tag PolyNet does not write.</summary>
    private static string Holder(string format) => format switch
    {
        NetworkFormat => nameof(SigmoidNetwork),
        LatticeFormat => nameof(LatticeNetwork),
        ClassifierFormat => nameof(BoltzmannClassifier),
        _ => "",
    };

    private static string Article(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "an object",
    };

    /// <summary>The 1-based line of the byte at <paramref name="index"/>.</summary>
    private static long Line(ReadOnlySpan<byte> utf8, long index) => utf8[..(int)index].Count((byte)'\n') + 1;

    private static FormatException Invalid(string reader, string problem) => new($"{reader}: {problem}");
}
