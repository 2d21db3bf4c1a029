using System;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

namespace PolyNet.Benchmarks;

/// <summary>
/// The periodic 3 × 3 Ising lattice (18 bit-product neurons, one hidden layer): the scalar method in a loop against the
/// batch overload over <c>ReadOnlySpan&lt;int&gt;</c> (double) and <c>ReadOnlySpan&lt;sbyte&gt;</c> (float) spins, and the
/// energy written out by hand (the floor).
/// </summary>
public partial class SpinLatticeBenchmarks
{
    private const string Lattice = """
        -s1*s2 - s2*s3 - s3*s1 - s4*s5 - s5*s6 - s6*s4 - s7*s8 - s8*s9 - s9*s7
        - s1*s4 - s4*s7 - s7*s1 - s2*s5 - s5*s8 - s8*s2 - s3*s6 - s6*s9 - s9*s3
        """;

    private int[][] _spins = [];
    private sbyte[][] _bytes = [];
    private double[] _destination = [];
    private float[] _single = [];

    [Params(64, 4096)]
    public int Batch { get; set; } = 4096;

    [Hamiltonian(Lattice)]
    public static partial double Energy([Spin] int s1, [Spin] int s2, [Spin] int s3, [Spin] int s4, [Spin] int s5, [Spin] int s6, [Spin] int s7, [Spin] int s8, [Spin] int s9);

    [Hamiltonian(Lattice)]
    public static partial float EnergyF([Spin] sbyte s1, [Spin] sbyte s2, [Spin] sbyte s3, [Spin] sbyte s4, [Spin] sbyte s5, [Spin] sbyte s6, [Spin] sbyte s7, [Spin] sbyte s8, [Spin] sbyte s9);

    /// <summary>Runs the benchmarks and appends a table (ns per configuration, 10⁹ neurons/s) to <paramref name="report"/>.</summary>
    public static void Run(Job job, StringBuilder report)
    {
        var summary = BenchmarkRunner.Run<SpinLatticeBenchmarks>(ManualConfig.Create(DefaultConfig.Instance).AddJob(job));
        int neurons = EnergyNetwork.NeuronCount;
        report.AppendLine();
        report.AppendLine($"periodic 3 × 3 Ising lattice, {neurons} neurons in {EnergyNetwork.HiddenLayers} hidden layer: ns per configuration");
        report.AppendLine();
        report.AppendLine("| batch | scalar loop double | batch double | exact energy | scalar loop float | batch float | batch double Gneuron/s | batch float Gneuron/s |");
        report.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (int batch in new[] { 64, 4096 })
        {
            double Per(string method) => summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'') == method && Equals(r.BenchmarkCase.Parameters["Batch"], batch)).ResultStatistics!.Mean / batch;
            double bd = Per("batch double"), bf = Per("batch float");
            report.AppendLine($"| {batch} | {Per("scalar loop double"):F2} | {bd:F2} | {Per("exact energy"):F2} | {Per("scalar loop float"):F2} | {bf:F2} | {neurons / bd:F2} | {neurons / bf:F2} |");
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _spins = Enumerable.Range(0, 9).Select(_ => Enumerable.Range(0, Batch).Select(_ => (2 * random.Next(2)) - 1).ToArray()).ToArray();
        _bytes = _spins.Select(column => column.Select(s => (sbyte)s).ToArray()).ToArray();
        _destination = new double[Batch];
        _single = new float[Batch];
    }

    [Benchmark(Description = "scalar loop double")]
    public void ScalarDouble()
    {
        var s = _spins;
        for (int k = 0; k < _destination.Length; k++)
        {
            _destination[k] = Energy(s[0][k], s[1][k], s[2][k], s[3][k], s[4][k], s[5][k], s[6][k], s[7][k], s[8][k]);
        }
    }

    [Benchmark(Description = "batch double")]
    public void BatchDouble()
    {
        var s = _spins;
        Energy(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], _destination);
    }

    [Benchmark(Description = "scalar loop float")]
    public void ScalarSingle()
    {
        var s = _bytes;
        for (int k = 0; k < _single.Length; k++)
        {
            _single[k] = EnergyF(s[0][k], s[1][k], s[2][k], s[3][k], s[4][k], s[5][k], s[6][k], s[7][k], s[8][k]);
        }
    }

    [Benchmark(Description = "batch float")]
    public void BatchSingle()
    {
        var s = _bytes;
        EnergyF(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], _single);
    }

    [Benchmark(Description = "exact energy")]
    public void Exact()
    {
        var s = _spins;
        for (int k = 0; k < _destination.Length; k++)
        {
            int s1 = s[0][k], s2 = s[1][k], s3 = s[2][k], s4 = s[3][k], s5 = s[4][k], s6 = s[5][k], s7 = s[6][k], s8 = s[7][k], s9 = s[8][k];
            _destination[k] = -((s1 * s2) + (s2 * s3) + (s3 * s1) + (s4 * s5) + (s5 * s6) + (s6 * s4) + (s7 * s8) + (s8 * s9) + (s9 * s7)
                + (s1 * s4) + (s4 * s7) + (s7 * s1) + (s2 * s5) + (s5 * s8) + (s8 * s2) + (s3 * s6) + (s6 * s9) + (s9 * s3));
        }
    }
}
