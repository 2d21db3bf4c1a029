using System.Collections.Generic;
using PolyNet.Generators.Shared;

namespace PolyNet.Cli;

/// <summary>One compilation the command line asks for.</summary>
/// <param name="Expression">The expression, as written.</param>
/// <param name="Bound">The bound of every continuous input.</param>
/// <param name="Precision">The arithmetic the network is tuned for.</param>
/// <param name="MaxHiddenLayers">The depth limit; 0 = none (the deep network).</param>
/// <param name="Spins">The variables that are spins.</param>
/// <param name="Bits">The variables that are bits.</param>
internal sealed record NetworkRequest(
    string Expression,
    double Bound,
    NumericPrecision Precision,
    int MaxHiddenLayers,
    IReadOnlyList<string> Spins,
    IReadOnlyList<string> Bits)
{
    /// <summary>What <paramref name="name"/> is.</summary>
    public VariableKind KindOf(string name) =>
        Contains(Spins, name) ? VariableKind.Spin : Contains(Bits, name) ? VariableKind.Bit : VariableKind.Continuous;

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        foreach (string candidate in names)
        {
            if (candidate == name)
            {
                return true;
            }
        }

        return false;
    }
}
