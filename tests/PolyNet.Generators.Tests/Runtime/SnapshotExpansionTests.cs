using System;
using System.Linq;

namespace PolyNet.Generators.Tests.Runtime;

/// <summary>
/// The gate tables of the snapshot networks (tests/PolyNet.Generators.Tests/Snapshots), written by hand, expand to
/// exactly the neurons and weights the generator wrote there as explicit arrays before the gate table existed: every
/// layer, bias, synapse and output weight to the last bit. The scales are read off the arrays (a mul gate's output
/// weights are ±scale·coefficient, its successors' weights wᵢ·scale) and checked against the forward pass's scale·K.
/// </summary>
public sealed class SnapshotExpansionTests
{
    internal static readonly SigmoidNetworkDefinition Readme = new()
    {
        Expression = "x*y + 3*x*y*z",
        Polynomial = "x*y + 3*x*y*z",
        Precision = NetworkPrecision.Double,
        Inputs = ["x", "y", "z"],
        InputBounds = [1.0, 1.0, 1.0],
        InputBound = 1.0,
        Terms = "1 1 1 0; 3 1 1 1",
        Gates = """
            %0 = mul x y 0.00113 0.00113 2877464.652028168                           # x*y
            %1 = mul %0 z 0.0011299999999993722 0.00113 2877464.6520297667           # x*y*z
            """,
        Output = "0 %0 1 %1 3",
        MaxError = 3.9E-12,
    };

    internal static readonly SigmoidNetworkDefinition Anharmonic = new()
    {
        Expression = "x^3 + 0.5*y^2",
        Polynomial = "0.5*y^2 + x^3",
        Precision = NetworkPrecision.Double,
        Inputs = ["x", "y"],
        InputBounds = [2.0, 3.0],
        InputBound = 2.0,
        Terms = "0.5 0 2; 1 3 0",
        Gates = """
            %0 = sq y 0.0006580000000000001 33944943.35949194                        # y^2
            %1 = sq x 0.000987 15086641.493107526                                    # x^2
            %2 = mul %1 x 0.00028249999999991 0.000565 23019717.21623268             # x^3
            """,
        Output = "0 %0 0.5 %2 1",
        MaxError = 8.44E-12,
    };

    internal static readonly SigmoidNetworkDefinition FloatTriple = new()
    {
        Expression = "x*y*z",
        Polynomial = "x*y*z",
        Precision = NetworkPrecision.Single,
        Inputs = ["x", "y", "z"],
        InputBounds = [1.0, 1.0, 1.0],
        InputBound = 1.0,
        Terms = "1 1 1 1",
        Gates = """
            %0 = mul x y 0.061799999326467514 0.061799999326467514 962.0328979492188     # x*y
            %1 = mul %0 z 0.06179951876401901 0.061799999326467514 962.0404052734375     # x*y*z
            """,
        Output = "0 %1 1",
        MaxError = 1.59E-05,
    };

    internal static readonly SigmoidNetworkDefinition Spin = new()
    {
        Expression = "-s1*s2 - s2*s3 - 0.5*s1 + a*s3",
        Polynomial = "-0.5*s1 - s1*s2 - s2*s3 + s3*a",
        Precision = NetworkPrecision.Double,
        Inputs = ["s1", "s2", "s3", "a"],
        InputBounds = [1.0, 1.0, 1.0, 1.0],
        InputKinds = [InputKind.Spin, InputKind.Spin, InputKind.Spin, InputKind.Bit],
        InputBound = 1.0,
        Terms = "-0.5 1 0 0 0; -1 1 1 0 0; -1 0 1 1 0; 1 0 0 1 1",
        Gates = """
            %0 = bit -40 s1 40 s2 40      # y(s1)*y(s2)
            %1 = bit -40 s2 40 s3 40      # y(s2)*y(s3)
            %2 = bit -80 s3 40 a 80       # y(s3)*a
            """,
        Output = "2 s1 0.5 s2 2 s3 1 a -1 %0 -4 %1 -4 %2 2",
        MaxError = 2.02E-14,
    };

    internal static readonly SigmoidNetworkDefinition Flat = new()
    {
        Expression = "x*y*z + x^2",
        Polynomial = "x^2 + x*y*z",
        Precision = NetworkPrecision.Double,
        Inputs = ["x", "y", "z"],
        InputBounds = [1.0, 1.0, 1.0],
        InputBound = 1.0,
        Terms = "1 2 0 0; 1 1 1 1",
        Gates = """
            # x^2, then x*y*z flat in one layer (degree 3: odd, pairs ±1 over the sign patterns)
            %0 = sq x 0.001974 3771660.3732768814
            %1 = flat -3.1443184061549303 10818226.79411185 odd 3 x 0.00726 y 0.00726 z 0.00726 : 1 1 1 1; -1 1 -1 1; -1 1 1 -1; 1 1 -1 -1
            """,
        Output = "0 %0 1 %1 1",
        MaxError = 1.6599999999999999E-09,
    };

    internal static readonly SigmoidNetworkDefinition Lattice = new()
    {
        Expression = "x*y - y",
        Polynomial = "-y + x*y",
        Precision = NetworkPrecision.Double,
        Inputs = ["x", "y"],
        InputBounds = [1.0, 1.0],
        InputBound = 1.0,
        Terms = "-1 0 1; 1 1 1",
        Gates = "%0 = mul x y 0.00113 0.00113 2877464.652028168",
        Output = "0 y -1 %0 1",
        MaxError = 5.57E-13,
    };

    internal static readonly SigmoidNetworkDefinition Affine = new()
    {
        Expression = "1 - 2*x + y/4",
        Polynomial = "1 - 2*x + 0.25*y",
        Precision = NetworkPrecision.Double,
        Inputs = ["x", "y"],
        InputBounds = [1.0, 1.0],
        InputBound = 1.0,
        Terms = "1 0 0; -2 1 0; 0.25 0 1",
        Gates = "",
        Output = "1 x -2 y 0.25",
        MaxError = 2.17E-15,
    };

    /// <summary>
    /// Not a snapshot: a network mixing bits and continuous inputs, with its table and arrays taken from today's
    /// generator (its internal model), since no snapshot has a gate reading a bit product.
    /// </summary>
    internal static readonly SigmoidNetworkDefinition Mixed = new()
    {
        Expression = "x*a*b + y*a*b*c + x^2*a*b - 2*a*b*c + x*y*c",
        Polynomial = "x*y*c + x*a*b - 2*a*b*c + x^2*a*b + y*a*b*c",
        Precision = NetworkPrecision.Double,
        Inputs = ["x", "y", "a", "b", "c"],
        InputBounds = [1.0, 1.0, 1.0, 1.0, 1.0],
        InputKinds = [InputKind.Continuous, InputKind.Continuous, InputKind.Bit, InputKind.Bit, InputKind.Bit],
        InputBound = 1.0,
        Terms = "1 1 1 0 0 1; 1 1 0 1 1 0; -2 0 0 1 1 1; 1 2 0 1 1 0; 1 0 1 1 1 1",
        Gates = """
            %0 = bit -120 a 80 b 80                                                # a*b
            %1 = bit -200 a 80 b 80 c 80                                           # a*b*c
            %2 = mul x %0 0.00113 0.00113 2877464.652028168                       # x*[a*b]
            %3 = mul y %1 0.00113 0.00113 2877464.652028168                       # y*[a*b*c]
            %4 = mul x y 0.00113 0.00113 2877464.652028168                        # x*y
            %5 = mul %4 c 0.0011299999999993722 0.00113 2877464.6520297667        # x*y*c
            %6 = mul %2 x 0.0011299999999993722 0.00113 2877464.6520297667        # x^2*[a*b]
            """,
        Output = "0 %1 -2 %5 1 %2 1 %6 1 %3 1",
        MaxError = 3.34E-12,
    };

    /// <summary>K = E(E − 1)/(1 + E), E = e^(−b): the forward pass writes each mul/sq gate's scale·K.</summary>
    private static readonly double PairConstant = 9.898979485566356 * (9.898979485566356 - 1) / (1 + 9.898979485566356);

    // Copied from the snapshots' SigmoidNetwork descriptions (the generator's output before the gate table).
    private static readonly Description ReadmeDescription = new(
        Layers: [1, 1, 1, 1, 2, 2, 2, 2],
        Biases: [-2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777],
        Offsets: [0, 2, 4, 6, 8, 13, 18, 23, 28],
        Sources: [0, 1, 0, 1, 0, 1, 0, 1, 2, 3, 4, 5, 6, 2, 3, 4, 5, 6, 2, 3, 4, 5, 6, 2, 3, 4, 5, 6],
        Weights: [0.00113, 0.00113, -0.00113, -0.00113, 0.00113, -0.00113, -0.00113, 0.00113, 0.00113, 3251.535056790023, 3251.535056790023, -3251.535056790023, -3251.535056790023, -0.00113, -3251.535056790023, -3251.535056790023, 3251.535056790023, 3251.535056790023, -0.00113, 3251.535056790023, 3251.535056790023, -3251.535056790023, -3251.535056790023, 0.00113, -3251.535056790023, -3251.535056790023, 3251.535056790023, 3251.535056790023],
        OutputBias: 0.0,
        OutputSources: [3, 4, 5, 6, 7, 8, 9, 10],
        OutputWeights: [2877464.652028168, 2877464.652028168, -2877464.652028168, -2877464.652028168, 8632393.9560893, 8632393.9560893, -8632393.9560893, -8632393.9560893],
        RestPreactivations: [-2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777],
        RestOutput: 0.0);

    private static readonly Description AnharmonicDescription = new(
        Layers: [1, 1, 1, 1, 2, 2, 2, 2],
        Biases: [-2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -784.379640374872, 779.7947770357496, -784.379640374872, 779.7947770357496],
        Offsets: [0, 1, 2, 3, 4, 7, 10, 13, 16],
        Sources: [1, 1, 0, 0, 0, 4, 5, 0, 4, 5, 0, 4, 5, 0, 4, 5],
        Weights: [0.0006580000000000001, -0.0006580000000000001, 0.000987, -0.000987, 0.000565, 4261.9762218015185, 4261.9762218015185, -0.000565, -4261.9762218015185, -4261.9762218015185, -0.000565, 4261.9762218015185, 4261.9762218015185, 0.000565, -4261.9762218015185, -4261.9762218015185],
        OutputBias: -3114506.583340726,
        OutputSources: [2, 3, 6, 7, 8, 9],
        OutputWeights: [16972471.67974597, 16972471.67974597, 23019717.21623268, 23019717.21623268, -23019717.21623268, -23019717.21623268],
        RestPreactivations: [-2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777],
        RestOutput: 0.0);

    private static readonly Description FloatTripleDescription = new(
        Layers: [1, 1, 1, 1, 2, 2, 2, 2],
        Biases: [-2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777],
        Offsets: [0, 2, 4, 6, 8, 13, 18, 23, 28],
        Sources: [0, 1, 0, 1, 0, 1, 0, 1, 2, 3, 4, 5, 6, 2, 3, 4, 5, 6, 2, 3, 4, 5, 6, 2, 3, 4, 5, 6],
        Weights: [0.061799999326467514, 0.061799999326467514, -0.061799999326467514, -0.061799999326467514, 0.061799999326467514, -0.061799999326467514, -0.061799999326467514, 0.061799999326467514, 0.061799999326467514, 59.45317012841633, 59.45317012841633, -59.45317012841633, -59.45317012841633, -0.061799999326467514, -59.45317012841633, -59.45317012841633, 59.45317012841633, 59.45317012841633, -0.061799999326467514, 59.45317012841633, 59.45317012841633, -59.45317012841633, -59.45317012841633, 0.061799999326467514, -59.45317012841633, -59.45317012841633, 59.45317012841633, 59.45317012841633],
        OutputBias: 0.0,
        OutputSources: [7, 8, 9, 10],
        OutputWeights: [962.0404052734375, 962.0404052734375, -962.0404052734375, -962.0404052734375],
        RestPreactivations: [-2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777],
        RestOutput: 0.0);

    private static readonly Description SpinDescription = new(
        Layers: [1, 1, 1],
        Biases: [-40.0, -40.0, -80.0],
        Offsets: [0, 2, 4, 6],
        Sources: [0, 1, 1, 2, 2, 3],
        Weights: [40.0, 40.0, 40.0, 40.0, 40.0, 80.0],
        OutputBias: 2.0,
        OutputSources: [0, 1, 2, 3, 4, 5, 6],
        OutputWeights: [0.5, 2.0, 1.0, -1.0, -4.0, -4.0, 2.0],
        RestPreactivations: [-40.0, -40.0, -80.0],
        RestOutput: 2.0);

    private static readonly Description FlatDescription = new(
        Layers: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        Biases: [-2.2924316695611777, -2.2924316695611777, -3.1443184061549303, -3.1443184061549303, -3.1443184061549303, -3.1443184061549303, -3.1443184061549303, -3.1443184061549303, -3.1443184061549303, -3.1443184061549303],
        Offsets: [0, 1, 2, 5, 8, 11, 14, 17, 20, 23, 26],
        Sources: [0, 0, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2],
        Weights: [0.001974, -0.001974, 0.00726, 0.00726, 0.00726, -0.00726, -0.00726, -0.00726, 0.00726, -0.00726, 0.00726, -0.00726, 0.00726, -0.00726, 0.00726, 0.00726, -0.00726, -0.00726, -0.00726, 0.00726, 0.00726, -0.00726, -0.00726, -0.00726, 0.00726, 0.00726],
        OutputBias: -692112.5740757168,
        OutputSources: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
        OutputWeights: [3771660.3732768814, 3771660.3732768814, 10818226.79411185, -10818226.79411185, -10818226.79411185, 10818226.79411185, -10818226.79411185, 10818226.79411185, 10818226.79411185, -10818226.79411185],
        RestPreactivations: [-2.2924316695611777, -2.2924316695611777, -3.1443184061549303, -3.1443184061549303, -3.1443184061549303, -3.1443184061549303, -3.1443184061549303, -3.1443184061549303, -3.1443184061549303, -3.1443184061549303],
        RestOutput: 0.0);

    private static readonly Description LatticeDescription = new(
        Layers: [1, 1, 1, 1],
        Biases: [-2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777],
        Offsets: [0, 2, 4, 6, 8],
        Sources: [0, 1, 0, 1, 0, 1, 0, 1],
        Weights: [0.00113, 0.00113, -0.00113, -0.00113, 0.00113, -0.00113, -0.00113, 0.00113],
        OutputBias: 0.0,
        OutputSources: [1, 2, 3, 4, 5],
        OutputWeights: [-1.0, 2877464.652028168, 2877464.652028168, -2877464.652028168, -2877464.652028168],
        RestPreactivations: [-2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777],
        RestOutput: 0.0);

    private static readonly Description AffineDescription = new(
        Layers: [],
        Biases: [],
        Offsets: [0],
        Sources: [],
        Weights: [],
        OutputBias: 1.0,
        OutputSources: [0, 1],
        OutputWeights: [-2.0, 0.25],
        RestPreactivations: [],
        RestOutput: 1.0);


    // Today's generator puts every gate one layer deeper once any gate reads a bit product (x*y in layer 2, x*y*c in
    // layer 3); by the table's rule a gate sits one layer above its deepest operand, so x*y is in layer 1 and x*y*c in
    // layer 2. Everything else is the generator's, bit for bit.
    private static readonly Description MixedDescription = new(
        Layers: [1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3],
        Biases: [-120, -200, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777],
        Offsets: [0, 2, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 34, 39, 44, 49, 54, 59, 64, 69],
        Sources: [2, 3, 2, 3, 4, 0, 5, 0, 5, 0, 5, 0, 5, 1, 6, 1, 6, 1, 6, 1, 6, 0, 1, 0, 1, 0, 1, 0, 1, 4, 15, 16, 17, 18, 4, 15, 16, 17, 18, 4, 15, 16, 17, 18, 4, 15, 16, 17, 18, 0, 7, 8, 9, 10, 0, 7, 8, 9, 10, 0, 7, 8, 9, 10, 0, 7, 8, 9, 10],
        Weights: [80, 80, 80, 80, 80, 0.00113, 0.00113, -0.00113, -0.00113, 0.00113, -0.00113, -0.00113, 0.00113, 0.00113, 0.00113, -0.00113, -0.00113, 0.00113, -0.00113, -0.00113, 0.00113, 0.00113, 0.00113, -0.00113, -0.00113, 0.00113, -0.00113, -0.00113, 0.00113, 0.00113, 3251.535056790023, 3251.535056790023, -3251.535056790023, -3251.535056790023, -0.00113, -3251.535056790023, -3251.535056790023, 3251.535056790023, 3251.535056790023, -0.00113, 3251.535056790023, 3251.535056790023, -3251.535056790023, -3251.535056790023, 0.00113, -3251.535056790023, -3251.535056790023, 3251.535056790023, 3251.535056790023, 0.00113, 3251.535056790023, 3251.535056790023, -3251.535056790023, -3251.535056790023, -0.00113, -3251.535056790023, -3251.535056790023, 3251.535056790023, 3251.535056790023, -0.00113, 3251.535056790023, 3251.535056790023, -3251.535056790023, -3251.535056790023, 0.00113, -3251.535056790023, -3251.535056790023, 3251.535056790023, 3251.535056790023],
        OutputBias: 0.0,
        OutputSources: [6, 7, 8, 9, 10, 11, 12, 13, 14, 19, 20, 21, 22, 23, 24, 25, 26],
        OutputWeights: [-2, 2877464.652028168, 2877464.652028168, -2877464.652028168, -2877464.652028168, 2877464.652028168, 2877464.652028168, -2877464.652028168, -2877464.652028168, 2877464.6520297667, 2877464.6520297667, -2877464.6520297667, -2877464.6520297667, 2877464.6520297667, 2877464.6520297667, -2877464.6520297667, -2877464.6520297667],
        RestPreactivations: [-120, -200, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777, -2.2924316695611777],
        RestOutput: -2.767793053473475E-87);

    public static TheoryData<string> Names => new() { "Readme", "Anharmonic", "FloatTriple", "Spin", "Flat", "Lattice", "Affine", "Mixed" };

    [Theory]
    [MemberData(nameof(Names))]
    public void Expansion_reproduces_the_snapshot_arrays_bit_for_bit(string name)
    {
        var (definition, expected) = Case(name);
        var network = new SigmoidNetwork(definition);

        Assert.Equal(expected.Layers, network.Neurons.Select(n => n.Layer));
        AssertBits(expected.Biases, network.Neurons.Select(n => n.Bias), "biases");
        var offsets = new int[network.NeuronCount + 1];
        for (int i = 0; i < network.NeuronCount; i++)
        {
            offsets[i + 1] = offsets[i] + network.Neurons[i].Synapses.Count;
        }

        Assert.Equal(expected.Offsets, offsets);
        Assert.Equal(expected.Sources, network.Neurons.SelectMany(n => n.Synapses).Select(s => s.Source));
        AssertBits(expected.Weights, network.Neurons.SelectMany(n => n.Synapses).Select(s => s.Weight), "weights");
        AssertBits([expected.OutputBias], [network.OutputBias], "output bias");
        Assert.Equal(expected.OutputSources, network.Output.Select(s => s.Source));
        AssertBits(expected.OutputWeights, network.Output.Select(s => s.Weight), "output weights");
        AssertBits(expected.RestPreactivations, network.RestPreactivations, "rest preactivations");
        AssertBits([expected.RestOutput], [network.RestOutput], "rest output");
        Assert.Equal(expected.Layers.DefaultIfEmpty(0).Max(), network.HiddenLayers);
        Assert.Equal(expected.Weights.Length + expected.OutputWeights.Length, network.SynapseCount);
    }

    [Fact]
    public void The_scales_agree_with_the_forward_pass_constants()
    {
        // scale·K as the snapshots' forward passes write it (g = scale·K·(…)).
        Assert.Equal(23257058.85871961, 2877464.652028168 * PairConstant);
        Assert.Equal(23257058.858732533, 2877464.6520297667 * PairConstant);
        Assert.Equal(274359424.40202016, 33944943.35949194 * PairConstant);
        Assert.Equal(121937521.95645338, 15086641.493107526 * PairConstant);
        Assert.Equal(186056470.86981618, 23019717.21623268 * PairConstant);
        Assert.Equal(30484380.489113346, 3771660.3732768814 * PairConstant);
        Assert.Equal(251024560.23793575, 10818226.79411185 * Math.Exp(3.1443184061549303));
        Assert.Equal(7775.6143f, (float)(962.0328979492188 * PairConstant));
        Assert.Equal(7775.6753f, (float)(962.0404052734375 * PairConstant));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_snapshot_networks_approximate_their_polynomials(string name)
    {
        var (definition, _) = Case(name);
        var network = new SigmoidNetwork(definition);
        var random = new Random(11);
        for (int trial = 0; trial < 200; trial++)
        {
            var inputs = Enumerable.Range(0, network.Inputs.Count).Select(i => network.InputKinds[i] switch
            {
                InputKind.Bit => random.Next(2),
                InputKind.Spin => (2 * random.Next(2)) - 1,
                _ => network.InputBounds[i] * ((2 * random.NextDouble()) - 1),
            }).ToArray();
            double error = Math.Abs(network.Evaluate(inputs) - network.EvaluatePolynomial(inputs));
            Assert.True(error <= network.MaxError, $"{name} at ({string.Join(", ", inputs)}): error {error} > {network.MaxError}");
        }
    }

    internal static (SigmoidNetworkDefinition Definition, Description Expected) Case(string name) => name switch
    {
        "Readme" => (Readme, ReadmeDescription),
        "Anharmonic" => (Anharmonic, AnharmonicDescription),
        "FloatTriple" => (FloatTriple, FloatTripleDescription),
        "Spin" => (Spin, SpinDescription),
        "Flat" => (Flat, FlatDescription),
        "Lattice" => (Lattice, LatticeDescription),
        "Mixed" => (Mixed, MixedDescription),
        _ => (Affine, AffineDescription),
    };

    private static void AssertBits(double[] expected, System.Collections.Generic.IEnumerable<double> actual, string what)
    {
        var actualArray = actual.ToArray();
        Assert.Equal(expected.Length, actualArray.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(
                BitConverter.DoubleToInt64Bits(expected[i]) == BitConverter.DoubleToInt64Bits(actualArray[i]),
                $"{what}[{i}]: expected {expected[i]:R}, got {actualArray[i]:R}");
        }
    }

    /// <summary>The old positional description: what the generator wrote into the snapshots.</summary>
    internal sealed record Description(
        int[] Layers,
        double[] Biases,
        int[] Offsets,
        int[] Sources,
        double[] Weights,
        double OutputBias,
        int[] OutputSources,
        double[] OutputWeights,
        double[] RestPreactivations,
        double RestOutput);
}
