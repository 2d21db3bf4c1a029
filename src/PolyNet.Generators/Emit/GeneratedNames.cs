using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace PolyNet.Generators.Emit;

/// <summary>
/// Names of everything the generated network class declares (locals g0, constants W0, methods, type parameters). The
/// user's parameter names are kept as they are; when one of them could collide with a generated name, every generated
/// name gets a '_' prefix (again, until nothing collides).
/// </summary>
internal sealed class GeneratedNames
{
    private static readonly Regex Generated = new(
        "^(g|f|o|v|r|p|q|x|b|c|t|e|z|u|a|d|h|in|Touching|Chunk)[0-9]+(_[0-9]+)?$|^(W|S|B|E)[0-9]+[a-z]?$|^(Lattice|LatticeDefinition|Sweep|Site|Delta|SlowDelta|Constant|ForwardInDouble|scratch|state|inverse|columns|OutputWeights[0-9]*|LogPriors|LogProbabilities|logProbabilities|categories|energies|Energies|rows|rp|rc|top|best|Classifier|keep|low|high|total|outside|assignment|mean|row|SiteAt|Validate|acc|count|end|sites|site|inside|delta|before|after|copy|newValue|Beta|HalfBeta|TLane|L|Description|Evaluate|Forward|Vectors|Scalars|Lazy|Network|Definition|Program|OutputWeights|length|done|i|start|end|values|inputs|rd|destination|sum|Gradient|GradientVectors|GradientScalars|GradientAt|SiteGradient|value|adjoints)$",
        RegexOptions.CultureInvariant);

    public GeneratedNames(IEnumerable<string> parameterNames)
    {
        var names = parameterNames.ToList();
        string prefix = string.Empty;
        while (names.Any(n => n.StartsWith(prefix, System.StringComparison.Ordinal) && Generated.IsMatch(n.Substring(prefix.Length))))
        {
            prefix += "_";
        }

        Prefix = prefix;
    }

    public string Prefix { get; }

    /// <summary>True when <paramref name="name"/> has the shape of a generated identifier (a user-facing name must not).</summary>
    public static bool IsReserved(string name) => Generated.IsMatch(name);

    /// <summary>The generated identifier for <paramref name="stem"/>, e.g. "g3" or "_g3".</summary>
    public string this[string stem] => Prefix + stem;
}
