using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PolyNet.Generators.Tests.Binary;

/// <summary>A Hamiltonian over bits or spins (optionally with continuous inputs) and its C# declaration.</summary>
/// <param name="Kinds">Per variable: 'b' bool bit, 's' [Spin] spin, 'x' continuous.</param>
/// <param name="ExpectedNeurons">Distinct non-linear monomials of the bit form (−1: not checked).</param>
internal sealed record BinaryCase(string Name, string Expression, string[] Variables, string Kinds, int ExpectedNeurons)
{
    /// <summary>Open chain of 10 spins, J = 1, h = 0.5: 9 bonds.</summary>
    public static BinaryCase IsingChain { get; } = Chain(10);

    /// <summary>Periodic 3×3 lattice, term by term: 9 spins, 18 bonds.</summary>
    public static BinaryCase IsingLattice { get; } = Lattice();

    /// <summary>Three-body bits, with powers that reduce (a^2*b = a*b).</summary>
    public static BinaryCase ThreeBodyBits { get; } = new(
        "ThreeBody",
        "2*a*b*c - 3*b*c*d + a*d*e^3 - 0.5*c^2*e + 0.25*a*b + a - 2*e + 1.25 + 0.75*a*b*c*d*e",
        ["a", "b", "c", "d", "e"],
        "bbbbb",
        6);

    /// <summary>12 spins, every pair coupled with a random J (seed 2024), random fields.</summary>
    public static BinaryCase SpinGlass { get; } = Glass(12, seed: 2024);

    public static BinaryCase[] Exhaustive { get; } = [IsingChain, IsingLattice, ThreeBodyBits, SpinGlass];

    public int Count => Variables.Length;

    public string Declaration(string method, string type, string spinType)
    {
        var parameters = Variables.Select((v, i) => Kinds[i] switch
        {
            'b' => $"bool {v}",
            's' => $"[Spin] {spinType} {v}",
            _ => $"{type} {v}",
        });
        return $"    [Hamiltonian(\"{Expression}\")]\n    public static partial {type} {method}({string.Join(", ", parameters)});\n";
    }

    /// <summary>Configuration number <paramref name="index"/>: bit v of it picks 1 (bit) or +1 (spin).</summary>
    public double[] Configuration(int index) =>
        Variables.Select((_, v) => ((index >> v) & 1) == 1 ? 1.0 : Kinds[v] == 's' ? -1.0 : 0.0).ToArray();

    public object[] Arguments(double[] configuration, string spinType) =>
        configuration.Select((value, v) => Kinds[v] switch
        {
            'b' => (object)(value == 1),
            's' => spinType == "int" ? (object)(int)value : (sbyte)value,
            _ => value,
        }).ToArray();

    private static BinaryCase Chain(int sites)
    {
        var names = Enumerable.Range(1, sites).Select(i => $"s{i}").ToArray();
        string bonds = string.Join(" - ", Enumerable.Range(0, sites - 1).Select(i => $"{names[i]}*{names[i + 1]}"));
        string field = string.Join(" + ", names);
        return new("Chain", $"-{bonds} - 0.5*({field})", names, new string('s', sites), sites - 1);
    }

    private static BinaryCase Lattice()
    {
        string Site(int row, int column) => $"s{(3 * (row % 3)) + (column % 3) + 1}";
        var bonds = new List<string>();
        for (int row = 0; row < 3; row++)
        {
            for (int column = 0; column < 3; column++)
            {
                bonds.Add($"{Site(row, column)}*{Site(row, column + 1)}");
                bonds.Add($"{Site(row, column)}*{Site(row + 1, column)}");
            }
        }

        var names = Enumerable.Range(1, 9).Select(i => $"s{i}").ToArray();
        return new("Lattice", "-" + string.Join(" - ", bonds), names, new string('s', 9), 18);
    }

    private static BinaryCase Glass(int sites, int seed)
    {
        var random = new Random(seed);
        string Coupling() => ((2 * random.NextDouble()) - 1).ToString("F3", CultureInfo.InvariantCulture);
        var names = Enumerable.Range(1, sites).Select(i => $"s{i}").ToArray();
        var text = new StringBuilder();
        for (int i = 0; i < sites; i++)
        {
            for (int j = i + 1; j < sites; j++)
            {
                text.Append(text.Length == 0 ? string.Empty : " + ").Append(CultureInfo.InvariantCulture, $"{Coupling()}*{names[i]}*{names[j]}");
            }
        }

        foreach (string name in names)
        {
            text.Append(CultureInfo.InvariantCulture, $" + {Coupling()}*{name}");
        }

        return new("Glass", text.ToString().Replace("+ -", "- ", StringComparison.Ordinal), names, new string('s', sites), sites * (sites - 1) / 2);
    }
}
