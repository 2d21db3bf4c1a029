using System;
using System.Globalization;
using System.IO;
using System.Numerics;
using PolyNet;

// The product of n variables at every depth limit: neurons, layers, error bound and measured error.
// Squeezing the deep tree into fewer layers costs exponentially many neurons and digits (Rolnick & Tegmark).
// With --diagrams [directory] it writes the deep and the one-layer networks of a*b*c*d as Graphviz and Mermaid
// diagrams instead (product4-deep.dot/.mmd, product4-flat.dot/.mmd; the current directory by default).
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

if (args.Length > 0 && args[0] == "--diagrams")
{
    string directory = args.Length > 1 ? args[1] : Directory.GetCurrentDirectory();
    Directory.CreateDirectory(directory);
    foreach (var (name, network) in new[] { ("product4-deep", Products.P4Network), ("product4-flat", Products.P4k1Network) })
    {
        File.WriteAllText(Path.Combine(directory, name + ".dot"), network.ToDot());
        File.WriteAllText(Path.Combine(directory, name + ".mmd"), network.ToMermaid());
        Console.WriteLine($"{Path.Combine(directory, name)}.dot, .mmd: {network}");
    }

    return 0;
}

const int Points = 2_000;

Depth[][] products =
[
    [new(null, Products.P2Network, v => Products.P2(v[0], v[1]))],
    [
        new(1, Products.P3k1Network, v => Products.P3k1(v[0], v[1], v[2])),
        new(null, Products.P3Network, v => Products.P3(v[0], v[1], v[2])),
    ],
    [
        new(1, Products.P4k1Network, v => Products.P4k1(v[0], v[1], v[2], v[3])),
        new(null, Products.P4Network, v => Products.P4(v[0], v[1], v[2], v[3])),
    ],
    [
        new(1, Products.P6k1Network, v => Products.P6k1(v[0], v[1], v[2], v[3], v[4], v[5])),
        new(2, Products.P6k2Network, v => Products.P6k2(v[0], v[1], v[2], v[3], v[4], v[5])),
        new(null, Products.P6Network, v => Products.P6(v[0], v[1], v[2], v[3], v[4], v[5])),
    ],
    [
        new(1, Products.P8k1Network, v => Products.P8k1(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7])),
        new(2, Products.P8k2Network, v => Products.P8k2(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7])),
        new(null, Products.P8Network, v => Products.P8(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7])),
    ],
    // Cost only: the k = 1 rows of 16 and 32 come from the formula below.
    [new(2, Products.P16k2Network, null), new(3, Products.P16k3Network, null), new(null, Products.P16Network, null)],
    [
        new(2, Products.P32k2Network, null), new(3, Products.P32k3Network, null), new(4, Products.P32k4Network, null),
        new(null, Products.P32Network, null),
    ],
];

Console.WriteLine($"product of n variables, |x_i| <= 1, double; measured = max |network - exact| over {Points:N0} random points");
Console.WriteLine();
Console.WriteLine("deep = no depth limit (MaxHiddenLayers = 0); k = MaxHiddenLayers; x deep = neurons / deep network's neurons");
Console.WriteLine();
Console.WriteLine($"{"n",4}  {"depth",-8} {"neurons",15} {"layers",7} {"x deep",12}  {"MaxError",10}  {"measured",10}");
var random = new Random(1705);
bool withinBound = true;
foreach (Depth[] depths in products)
{
    SigmoidNetwork deep = depths[^1].Network;
    int n = deep.Inputs.Count;

    // Undeclared flat rows: one hidden layer holds 2^n neurons, one per sign vector of the finite difference.
    if (deep.HiddenLayers > 1 && depths[0].MaxHiddenLayers != 1)
    {
        BigInteger flat = BigInteger.Pow(2, n);
        string why = flat > 100_000 ? "PNET101: refused, cannot be declared" : "not declared: too much generated code";
        Console.WriteLine($"{n,4}  {"k = 1",-8} {flat,15:N0} {1,7} {(double)flat / deep.NeuronCount,12:N1}  {"-",10}  {"",10}  2^n by formula; {why}".TrimEnd());
    }

    foreach (Depth depth in depths)
    {
        SigmoidNetwork network = depth.Network;
        double factor = (double)network.NeuronCount / deep.NeuronCount;
        string measured = "";
        if (depth.Evaluate is not null)
        {
            double error = MaxError(depth.Evaluate, n, random);
            withinBound &= error <= network.MaxError;
            measured = error.ToString("0.0e+0");
        }

        string label = depth.MaxHiddenLayers is int k ? $"k = {k}" : "deep";
        string warning = factor > 2 ? "PNET100: more than 2x the deep network" : "";
        Console.WriteLine($"{n,4}  {label,-8} {network.NeuronCount,15:N0} {network.HiddenLayers,7} {factor,12:N1}  {network.MaxError,10:0.0e+0}  {measured,10}  {warning}".TrimEnd());
    }

    Console.WriteLine();
}

// The deep tree: n - 1 gates of 4 neurons in ceil(log2 n) layers. Against it, one flat layer of 2^n.
BigInteger flat32 = BigInteger.Pow(2, 32);
BigInteger deep32 = 4 * (32 - 1);
Console.WriteLine($"formula, n = 32: flat 2^32 = {flat32:N0} neurons vs deep 4(n - 1) = {deep32} ({(double)flat32 / (double)deep32:N0}x)");
Console.WriteLine($"every measured error within MaxError: {(withinBound ? "yes" : "NO")}");
return withinBound ? 0 : 1;

// Largest |network - exact product| over random points of the box [-1, 1]^n.
static double MaxError(Func<double[], double> evaluate, int n, Random random)
{
    double max = 0;
    double[] x = new double[n];
    for (int point = 0; point < Points; point++)
    {
        double exact = 1;
        for (int i = 0; i < n; i++)
        {
            x[i] = (2 * random.NextDouble()) - 1;
            exact *= x[i];
        }

        max = Math.Max(max, Math.Abs(evaluate(x) - exact));
    }

    return max;
}

/// <summary>One compiled depth of a product: its limit (null for the deep network), network and scalar method.</summary>
internal sealed record Depth(int? MaxHiddenLayers, SigmoidNetwork Network, Func<double[], double>? Evaluate);
