using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolyNet.Serialization;

/// <summary>
/// The JSON shape of a <see cref="SigmoidNetworkDefinition"/>: its properties in declaration order, camelCase, each
/// nullable so that the reader can tell a missing property from a default value. <see cref="Format"/> is written only
/// at the top of a network's own document; a nested network (a lattice's site, a classifier's Hamiltonian) leaves it
/// out, and may carry it only with the value <c>"polynet-network"</c>.
/// </summary>
internal sealed class NetworkJson
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Format { get; set; }

    public int? Version { get; set; }

    public string? Expression { get; set; }

    public string? Polynomial { get; set; }

    public NetworkPrecision? Precision { get; set; }

    public IReadOnlyList<string>? Inputs { get; set; }

    public IReadOnlyList<double>? InputBounds { get; set; }

    /// <summary>Written as null when the definition's is null (every input continuous); may be left out.</summary>
    public IReadOnlyList<InputKind>? InputKinds { get; set; }

    public double? InputBound { get; set; }

    public string? Terms { get; set; }

    public string? Gates { get; set; }

    public string? Output { get; set; }

    public double? MaxError { get; set; }

    /// <summary>Written as <c>"NaN"</c> when unknown; left out or null also means unknown.</summary>
    public double? MaxGradientError { get; set; }
}

/// <summary>The JSON shape of a <see cref="LatticeNetworkDefinition"/>, its site template nested.</summary>
internal sealed class LatticeJson
{
    public string? Format { get; set; }

    public int? Version { get; set; }

    public string? Expression { get; set; }

    public NetworkJson? Site { get; set; }

    public IReadOnlyList<string>? Parameters { get; set; }

    public IReadOnlyList<InputKind>? ParameterKinds { get; set; }

    public IReadOnlyList<double>? ParameterBounds { get; set; }

    public IReadOnlyList<string>? Fields { get; set; }

    public IReadOnlyList<string>? Extents { get; set; }

    public string? Reads { get; set; }

    public LatticeBoundary? Boundary { get; set; }

    public double? Constant { get; set; }

    public double? SiteBound { get; set; }

    public double? SummationRounding { get; set; }

    /// <summary>Written as <c>"NaN"</c> when unknown; left out or null also means unknown.</summary>
    public double? MaxGradientError { get; set; }
}

/// <summary>The JSON shape of a <see cref="BoltzmannClassifierDefinition"/>, its Hamiltonians nested.</summary>
internal sealed class ClassifierJson
{
    public string? Format { get; set; }

    public int? Version { get; set; }

    public IReadOnlyList<string>? Categories { get; set; }

    public IReadOnlyList<double>? Priors { get; set; }

    public IReadOnlyList<NetworkJson?>? Hamiltonians { get; set; }

    public int? NeuronCount { get; set; }

    public double? MaxError { get; set; }
}

/// <summary>
/// The source-generated serializer of the three document shapes (no reflection: trim- and AOT-safe). Doubles are
/// written as the shortest text that parses back to the same bits, and NaN and ±∞ as the strings <c>"NaN"</c>,
/// <c>"Infinity"</c> and <c>"-Infinity"</c>; enums are names only; a property the shape does not have is an error.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    Converters = [typeof(EnumNameConverter<NetworkPrecision>), typeof(EnumNameConverter<InputKind>), typeof(EnumNameConverter<LatticeBoundary>)])]
[JsonSerializable(typeof(NetworkJson))]
[JsonSerializable(typeof(LatticeJson))]
[JsonSerializable(typeof(ClassifierJson))]
internal sealed partial class DefinitionJsonContext : JsonSerializerContext;

/// <summary>
/// An enum as its name, exactly as declared (<c>"Double"</c>, <c>"Spin"</c>, <c>"Open"</c>): unlike
/// <see cref="JsonStringEnumConverter{TEnum}"/>, which also reads integers, other cases and comma-separated lists, any
/// other value is an error that lists the names.
/// </summary>
internal sealed class EnumNameConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (name is not null && string.Equals(Enum.GetName(value), name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        string found = reader.TokenType switch
        {
            JsonTokenType.String => $"\"{name}\"",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            JsonTokenType.StartArray => "an array",
            _ => "an object",
        };
        throw new JsonException($"{found} is not one of the {typeof(TEnum).Name} names {string.Join(", ", Enum.GetNames<TEnum>().Select(n => $"\"{n}\""))}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Enum.GetName(value) ?? throw new JsonException($"{value} is not one of the {typeof(TEnum).Name} names."));
}
