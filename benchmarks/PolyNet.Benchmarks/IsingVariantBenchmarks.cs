using System;
using System.Linq;
using System.Numerics.Tensors;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using PolyNet.Kernels;

namespace PolyNet.Benchmarks;

/// <summary>
/// The generated 1024² Ising sweep beside its what-if copies (<see cref="IsingSweepVariants"/>) and the
/// TensorPrimitives.Sigmoid roofline, in one process; and the whole-lattice spin check that every IsingDelta call runs
/// (Program: <c>--lattice --variants</c>).
/// </summary>
public class IsingVariantBenchmarks
{
    private const int Side = LatticeBenchmarks.Side;

    private sbyte[] _spins = [];
    private sbyte[] _spins1000 = [];
    private double[] _source = [];
    private double[] _destination = [];
    private float[] _sourceF = [];
    private float[] _destinationF = [];

    /// <summary>Runs the benchmarks and appends ns per neuron and the ratios to the generated code to <paramref name="report"/>.</summary>
    public static void Run(Job job, StringBuilder report)
    {
        var b = new IsingVariantBenchmarks();
        b.Setup();
        double generated = b.Generated(), inlined = b.Inlined(), table = b.Table(), generatedF = b.GeneratedSingle(), inlinedF = b.InlinedSingle();
        if (Math.Abs(inlined - generated) > 1e-9 || Math.Abs(table - generated) > 1e-9 || Math.Abs(inlinedF - generatedF) > 1e-2)
        {
            throw new InvalidOperationException($"A variant computes another energy: generated {generated}, inlined {inlined}, table {table}; float {generatedF} vs {inlinedF}.");
        }

        report.AppendLine();
        report.AppendLine(FormattableString.Invariant($"variants check: generated {generated:R}, inlined σ {inlined:R}, σ table {table:R}; float generated {generatedF:R}, inlined σ {inlinedF:R}"));
        var summary = BenchmarkRunner.Run<IsingVariantBenchmarks>(ManualConfig.Create(DefaultConfig.Instance).AddJob(job));
        double Mean(string method) => summary.Reports.Where(r => r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'') == method)
            .Select(r => r.ResultStatistics?.Mean ?? double.NaN).DefaultIfEmpty(double.NaN).Single();
        double neurons = Side * (double)Side * Lattices.IsingLattice.NeuronsPerSite;
        double rd = Mean("TP.Sigmoid double") / neurons, rf = Mean("TP.Sigmoid float") / neurons, gd = Mean("generated double"), gf = Mean("generated float");

        report.AppendLine();
        report.AppendLine($"periodic 2-D Ising {Side}², what-if sweeps (benchmarks/IsingSweepVariants.cs): ns per neuron, ratio to TP.Sigmoid ns/element and speed-up over the generated sweep");
        report.AppendLine();
        report.AppendLine("| sweep | ms | ns/neuron | / TP.Sigmoid | speed-up |");
        report.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var (method, roofline, baseline) in new[]
        {
            ("generated double", rd, gd), ("inlined σ double", rd, gd), ("σ table double", rd, gd),
            ("generated float", rf, gf), ("inlined σ float", rf, gf),
        })
        {
            double mean = Mean(method);
            report.AppendLine(FormattableString.Invariant($"| {method} | {mean / 1e6:F3} | {mean / neurons:F3} | {mean / neurons / roofline:F2} | {baseline / mean:F2} |"));
        }

        report.AppendLine();
        report.AppendLine(FormattableString.Invariant($"TP.Sigmoid: double {rd:F3} ns/element, float {rf:F3} ns/element; spin check of 1000² spins (SpinArguments.Validate, run by every IsingDelta call): {Mean("spin check 1000²"):F0} ns"));
    }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _spins = Enumerable.Range(0, Side * Side).Select(_ => (sbyte)((2 * random.Next(2)) - 1)).ToArray();
        random = new Random(9);
        _spins1000 = Enumerable.Range(0, 1000 * 1000).Select(_ => (sbyte)((2 * random.Next(2)) - 1)).ToArray();
        int neurons = Side * Side * Lattices.IsingLattice.NeuronsPerSite;
        _source = Enumerable.Range(0, neurons).Select(i => -2.3 + (1e-3 * (i % 100))).ToArray();
        _destination = new double[neurons];
        _sourceF = _source.Select(x => (float)x).ToArray();
        _destinationF = new float[neurons];
    }

    [Benchmark(Description = "generated double")]
    public double Generated() => Lattices.Ising(_spins, Side, Side);

    [Benchmark(Description = "inlined σ double")]
    public double Inlined() => IsingSweepVariants.InlinedSigmoid(_spins, Side, Side);

    [Benchmark(Description = "σ table double")]
    public double Table() => IsingSweepVariants.SigmoidTable(_spins, Side, Side);

    [Benchmark(Description = "generated float")]
    public float GeneratedSingle() => Lattices.IsingSingle(_spins, Side, Side);

    [Benchmark(Description = "inlined σ float")]
    public float InlinedSingle() => IsingSweepVariants.InlinedSigmoidSingle(_spins, Side, Side);

    [Benchmark(Description = "TP.Sigmoid double")]
    public void SigmoidDouble() => TensorPrimitives.Sigmoid<double>(_source, _destination);

    [Benchmark(Description = "TP.Sigmoid float")]
    public void SigmoidSingle() => TensorPrimitives.Sigmoid<float>(_sourceF, _destinationF);

    [Benchmark(Description = "spin check 1000²")]
    public void SpinCheck() => SpinArguments.Validate(_spins1000, "s");
}
