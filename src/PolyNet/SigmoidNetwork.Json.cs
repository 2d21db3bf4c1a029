using System;
using PolyNet.Serialization;

namespace PolyNet;

public sealed partial class SigmoidNetwork
{
    /// <summary>
    /// The network as a JSON document: <c>"format": "polynet-network"</c>, then every property of
    /// <see cref="Definition"/> in camelCase (README "Export"). <see cref="FromJson"/> reads it back into a network
    /// whose definition is equal to this one, every double bit for bit.
    /// </summary>
    /// <param name="indented">Whether to write one property per line, indented by two spaces (the default), or everything on one line.</param>
    /// <returns>
    /// The JSON text. Finite doubles are numbers written in their shortest round-trip form; NaN (an unknown
    /// <see cref="SigmoidNetworkDefinition.MaxGradientError"/>) and infinities are the strings <c>"NaN"</c>,
    /// <c>"Infinity"</c> and <c>"-Infinity"</c>; enums are their names; <c>inputKinds</c> is <c>null</c> when the
    /// definition's is (every input continuous).
    /// </returns>
    public string ToJson(bool indented = true) => DefinitionJson.Write(Definition, indented);

    /// <summary>
    /// Builds a network from a document <see cref="ToJson"/> wrote (or one written by hand in that format), validating
    /// its definition exactly as the constructor does.
    /// </summary>
    /// <param name="json">One JSON object with <c>"format": "polynet-network"</c> and the definition's properties in camelCase.</param>
    /// <returns>The network the document describes.</returns>
    /// <remarks>
    /// Every property is required except <c>inputKinds</c> (left out or null: every input continuous) and
    /// <c>maxGradientError</c> (left out, null or <c>"NaN"</c>: unknown). Properties the definition does not have are
    /// rejected, and so is a property written twice: a misspelt name is an error, not a silently defaulted value.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">
    /// The text is not valid JSON, not an object, has no <c>"format"</c> or another one (a lattice's or a classifier's:
    /// the message says which reader to use), misses a required property, has an unknown or repeated one or a value of
    /// the wrong JSON type; or a text property of the definition is malformed (as in the constructor). The message names
    /// the property.
    /// </exception>
    /// <exception cref="NotSupportedException">The document's <c>version</c> is later than this runtime reads.</exception>
    /// <exception cref="ArgumentException">
    /// The definition is well-formed but invalid, as in the constructor (a null among the input names, too); the message
    /// names the property.
    /// </exception>
    public static SigmoidNetwork FromJson(string json) => new(DefinitionJson.ReadNetwork(json));
}
