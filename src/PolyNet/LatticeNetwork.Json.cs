using System;
using PolyNet.Serialization;

namespace PolyNet;

public sealed partial class LatticeNetwork
{
    /// <summary>
    /// The lattice as a JSON document: <c>"format": "polynet-lattice"</c>, then every property of
    /// <see cref="Definition"/> in camelCase, the site template (<c>"site"</c>) as a network's properties without a format
    /// tag (README "Export"). <see cref="FromJson"/> reads it back into a lattice whose definition is equal to this one,
    /// every double bit for bit.
    /// </summary>
    /// <param name="indented">Whether to write one property per line, indented by two spaces (the default), or everything on one line.</param>
    /// <returns>The JSON text; numbers, NaN and enums as in <see cref="SigmoidNetwork.ToJson"/>.</returns>
    public string ToJson(bool indented = true) => DefinitionJson.Write(Definition, indented);

    /// <summary>
    /// Builds a lattice network from a document <see cref="ToJson"/> wrote (or one written by hand in that format),
    /// validating its definition exactly as the constructor does.
    /// </summary>
    /// <param name="json">One JSON object with <c>"format": "polynet-lattice"</c> and the definition's properties in camelCase.</param>
    /// <returns>The lattice network the document describes.</returns>
    /// <remarks>
    /// Every property is required except <c>maxGradientError</c> (left out, null or <c>"NaN"</c>: unknown), and in
    /// <c>"site"</c> those a network's document may leave out (<see cref="SigmoidNetwork.FromJson"/>). Unknown and
    /// repeated properties are rejected.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="FormatException">
    /// The text is not valid JSON, not an object, has no <c>"format"</c> or another one, misses a required property, has
    /// an unknown or repeated one or a value of the wrong JSON type; or a text property (of the lattice or its site) is
    /// malformed, as in the constructor. The message names the property.
    /// </exception>
    /// <exception cref="NotSupportedException">A <c>version</c> (the lattice's or its site's) is later than this runtime reads.</exception>
    /// <exception cref="ArgumentException">The definition is well-formed but invalid, as in the constructor; the message names the property.</exception>
    public static LatticeNetwork FromJson(string json) => new(DefinitionJson.ReadLattice(json));
}
