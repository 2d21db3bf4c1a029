using System;
using System.Linq;
using System.Numerics.Tensors;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PolyNet.Benchmarks;

/// <summary>
/// The generated lattice methods (<see cref="Lattices"/>) at scale: the periodic 2-D Ising energy at 1024 × 1024 in
/// double and float beside TensorPrimitives.Sigmoid over as many elements as the network has neurons (the roofline) and
/// a hand-written exact loop (the floor); the energy at 10⁴ and 10⁶ sites (ns per site should not grow); the one-site
/// delta at 10² and 10⁶ sites (ns per call should not grow); the open φ⁴ chain of 10⁶ sites in double and float beside
/// its exact loop. Every benchmark runs in one process (Program forces the in-process toolchain for --lattice), so the
/// roofline sees the same TensorPrimitives.Sigmoid speed mode as the network.
/// </summary>
public class LatticeBenchmarks
{
    public const string IsingDouble = "Ising double 1024²";
    public const string IsingFloat = "Ising float 1024²";
    public const string RooflineDouble = "TP.Sigmoid double";
    public const string RooflineFloat = "TP.Sigmoid float";
    public const string IsingExact = "Ising exact 1024²";
    public const string Ising100 = "Ising double 100²";
    public const string Ising1000 = "Ising double 1000²";
    public const string Delta10 = "IsingDelta 10²";
    public const string Delta1000 = "IsingDelta 1000²";
    public const string DeltaExact1000 = "exact delta 1000²";
    public const string Phi4Double = "Phi4 double 10⁶";
    public const string Phi4Float = "Phi4 float 10⁶";
    public const string Phi4ExactDouble = "Phi4 exact double 10⁶";
    public const string Phi4ExactFloat = "Phi4 exact float 10⁶";

    /// <summary>The side of the large Ising lattice (1024² = 1 048 576 sites).</summary>
    public const int Side = 1024;

    /// <summary>The φ⁴ chain's length.</summary>
    public const int Chain = 1_000_000;

    /// <summary>IsingDelta calls per benchmark invocation, over as many pre-drawn sites.</summary>
    public const int DeltaCalls = 1024;

    private sbyte[] _spins1024 = [];
    private sbyte[] _spins100 = [];
    private sbyte[] _spins1000 = [];
    private sbyte[] _spins10 = [];
    private int[] _sites10 = [];
    private int[] _sites1000 = [];
    private double[] _rooflineSource = [];
    private double[] _rooflineDestination = [];
    private float[] _rooflineSourceF = [];
    private float[] _rooflineDestinationF = [];
    private double[] _phi = [];
    private float[] _phiF = [];

    /// <summary>Neurons of the 1024² Ising network: sites × NeuronsPerSite (the roofline's element count).</summary>
    public static int IsingNeurons => Side * Side * Lattices.IsingLattice.NeuronsPerSite;

    /// <summary>Runs the benchmarks and appends the derived tables to <paramref name="report"/>.</summary>
    public static void Run(Job job, StringBuilder report)
    {
        report.AppendLine();
        report.AppendLine(Check());
        var summary = BenchmarkRunner.Run<LatticeBenchmarks>(ManualConfig.Create(DefaultConfig.Instance).AddJob(job));
        Summarize(summary, report);
    }

    [GlobalSetup]
    public void Setup()
    {
        _spins1024 = Spins(Side * Side, 7);
        _spins100 = Spins(100 * 100, 8);
        _spins1000 = Spins(1000 * 1000, 9);
        _spins10 = Spins(10 * 10, 10);
        _sites10 = RotatingSites(10 * 10);
        _sites1000 = RotatingSites(1000 * 1000);

        // The same roofline input as ForwardPassBenchmarks: one element per neuron of the 1024² network.
        _rooflineSource = Enumerable.Range(0, IsingNeurons).Select(i => -2.3 + (1e-3 * (i % 100))).ToArray();
        _rooflineDestination = new double[_rooflineSource.Length];
        int neuronsF = Side * Side * Lattices.IsingSingleLattice.NeuronsPerSite;
        _rooflineSourceF = Enumerable.Range(0, neuronsF).Select(i => (float)(-2.3 + (1e-3 * (i % 100)))).ToArray();
        _rooflineDestinationF = new float[neuronsF];

        (_phi, _phiF) = Fields(Chain, 11);
    }

    [Benchmark(Description = IsingDouble)]
    public double NetworkDouble() => Lattices.Ising(_spins1024, Side, Side);

    [Benchmark(Description = IsingFloat)]
    public float NetworkSingle() => Lattices.IsingSingle(_spins1024, Side, Side);

    [Benchmark(Description = RooflineDouble)]
    public void SigmoidDouble() => TensorPrimitives.Sigmoid<double>(_rooflineSource, _rooflineDestination);

    [Benchmark(Description = RooflineFloat)]
    public void SigmoidSingle() => TensorPrimitives.Sigmoid<float>(_rooflineSourceF, _rooflineDestinationF);

    [Benchmark(Description = IsingExact)]
    public double ExactIsing() => IsingEnergy(_spins1024, Side, Side);

    [Benchmark(Description = Ising100)]
    public double Network100() => Lattices.Ising(_spins100, 100, 100);

    [Benchmark(Description = Ising1000)]
    public double Network1000() => Lattices.Ising(_spins1000, 1000, 1000);

    [Benchmark(Description = Delta10, OperationsPerInvoke = DeltaCalls)]
    public double DeltaSmall()
    {
        double sum = 0;
        foreach (int site in _sites10)
        {
            sum += Lattices.IsingDelta(_spins10, 10, 10, site);
        }

        return sum;
    }

    [Benchmark(Description = Delta1000, OperationsPerInvoke = DeltaCalls)]
    public double DeltaLarge()
    {
        double sum = 0;
        foreach (int site in _sites1000)
        {
            sum += Lattices.IsingDelta(_spins1000, 1000, 1000, site);
        }

        return sum;
    }

    [Benchmark(Description = DeltaExact1000, OperationsPerInvoke = DeltaCalls)]
    public double DeltaExact()
    {
        double sum = 0;
        foreach (int site in _sites1000)
        {
            sum += IsingDeltaExact(_spins1000, 1000, 1000, site);
        }

        return sum;
    }

    [Benchmark(Description = Phi4Double)]
    public double Phi4Network() => Lattices.Phi4(_phi, Chain);

    [Benchmark(Description = Phi4Float)]
    public float Phi4NetworkSingle() => Lattices.Phi4Single(_phiF, Chain);

    [Benchmark(Description = Phi4ExactDouble)]
    public double Phi4Exact() => Phi4Energy(_phi);

    [Benchmark(Description = Phi4ExactFloat)]
    public float Phi4ExactSingle() => Phi4Energy(_phiF);

    /// <summary>−Σ s[i,j]·(s[i+1,j] + s[i,j+1]) on the torus, in double: the exact energy, plain C#.</summary>
    public static double IsingEnergy(sbyte[] s, int rows, int columns)
    {
        double energy = 0;
        for (int i = 0; i < rows; i++)
        {
            int row = i * columns, down = (i + 1 == rows ? 0 : i + 1) * columns;
            for (int j = 0; j < columns; j++)
            {
                int right = j + 1 == columns ? 0 : j + 1;
                double spin = s[row + j];
                energy -= spin * (s[row + right] + s[down + j]);
            }
        }

        return energy;
    }

    /// <summary>The exact energy change when s[site] flips: 2·s·(sum of the four periodic neighbours).</summary>
    public static double IsingDeltaExact(sbyte[] s, int rows, int columns, int site)
    {
        int i = site / columns, j = site % columns;
        int up = (i == 0 ? rows - 1 : i - 1) * columns, down = (i + 1 == rows ? 0 : i + 1) * columns, row = i * columns;
        int left = j == 0 ? columns - 1 : j - 1, right = j + 1 == columns ? 0 : j + 1;
        return 2.0 * s[site] * (s[up + j] + s[down + j] + s[row + left] + s[row + right]);
    }

    /// <summary>Σ 0.5·(φ[i+1] − φ[i])² + 0.5·φ[i]² + 0.25·φ[i]⁴ with φ[n] = 0 (open chain), in double.</summary>
    public static double Phi4Energy(double[] phi)
    {
        double energy = 0;
        for (int i = 0; i < phi.Length; i++)
        {
            double x = phi[i], next = i + 1 < phi.Length ? phi[i + 1] : 0, d = next - x, x2 = x * x;
            energy += (0.5 * d * d) + (0.5 * x2) + (0.25 * x2 * x2);
        }

        return energy;
    }

    /// <inheritdoc cref="Phi4Energy(double[])"/>
    public static float Phi4Energy(float[] phi)
    {
        float energy = 0;
        for (int i = 0; i < phi.Length; i++)
        {
            float x = phi[i], next = i + 1 < phi.Length ? phi[i + 1] : 0, d = next - x, x2 = x * x;
            energy += (0.5f * d * d) + (0.5f * x2) + (0.25f * x2 * x2);
        }

        return energy;
    }

    private static sbyte[] Spins(int sites, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, sites).Select(_ => (sbyte)((2 * random.Next(2)) - 1)).ToArray();
    }

    /// <summary>φ uniform in [−2, 2] (the InputBound), and the same values rounded to float.</summary>
    private static (double[] Double, float[] Single) Fields(int sites, int seed)
    {
        var random = new Random(seed);
        double[] phi = Enumerable.Range(0, sites).Select(_ => (4 * random.NextDouble()) - 2).ToArray();
        return (phi, phi.Select(x => (float)x).ToArray());
    }

    /// <summary>site = (k · 7919) mod sites for k &lt; <see cref="DeltaCalls"/>: spread over the lattice, not one cache line.</summary>
    private static int[] RotatingSites(int sites) =>
        Enumerable.Range(0, DeltaCalls).Select(k => (int)((long)k * 7919 % sites)).ToArray();

    /// <summary>The network against the exact loops once before timing, so the floor computes the same function.</summary>
    private static string Check()
    {
        var b = new LatticeBenchmarks();
        b.Setup();
        double ising = b.NetworkDouble(), isingF = b.NetworkSingle(), isingExact = b.ExactIsing();
        double phi = b.Phi4Network(), phiF = b.Phi4NetworkSingle(), phiExact = b.Phi4Exact();
        double deltaError = b._sites1000.Max(site => Math.Abs(Lattices.IsingDelta(b._spins1000, 1000, 1000, site) - IsingDeltaExact(b._spins1000, 1000, 1000, site)));
        if (Math.Abs(ising - isingExact) > 1e-6 || Math.Abs(phi - phiExact) > 1e-6 * Math.Abs(phiExact) || deltaError > 1e-9)
        {
            throw new InvalidOperationException($"The network and the exact loop disagree: Ising {ising} vs {isingExact}, φ⁴ {phi} vs {phiExact}, delta {deltaError}.");
        }

        return FormattableString.Invariant(
            $"check: Ising 1024² network {ising:R} (float {isingF:R}), exact {isingExact:R}; φ⁴ 10⁶ network {phi:R} (float {phiF:R}), exact {phiExact:R}; IsingDelta 1000² max |network − exact| {deltaError:G3} over {DeltaCalls} sites");
    }

    private static void Summarize(Summary summary, StringBuilder report)
    {
        double Mean(string method) => summary.Reports
            .Where(r => r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'') == method)
            .Select(r => r.ResultStatistics?.Mean ?? double.NaN)
            .DefaultIfEmpty(double.NaN)
            .Single();

        int sites = Side * Side, perSite = Lattices.IsingLattice.NeuronsPerSite, perSiteF = Lattices.IsingSingleLattice.NeuronsPerSite;
        double nd = Mean(IsingDouble), nf = Mean(IsingFloat), rd = Mean(RooflineDouble), rf = Mean(RooflineFloat), exact = Mean(IsingExact);
        double neuronD = nd / (sites * (double)perSite), neuronF = nf / (sites * (double)perSiteF);
        double elementD = rd / (sites * (double)perSite), elementF = rf / (sites * (double)perSiteF);

        report.AppendLine();
        report.AppendLine($"periodic 2-D Ising, {Side} × {Side} = {sites:N0} sites, {perSite} neurons per site; TP.Sigmoid over as many elements as neurons");
        report.AppendLine();
        report.AppendLine("| precision | neurons | network ms | network ns/site | network ns/neuron | TP.Sigmoid ns/element | neuron / element | exact loop ns/site | network / exact | (a) ns/neuron ≤ ns/element |");
        report.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        report.AppendLine(FormattableString.Invariant($"| double | {sites * perSite:N0} | {nd / 1e6:F3} | {nd / sites:F3} | {neuronD:F3} | {elementD:F3} | {neuronD / elementD:F2} | {exact / sites:F3} | {nd / exact:F2} | {(neuronD <= elementD ? "met" : "not met")} |"));
        report.AppendLine(FormattableString.Invariant($"| float | {sites * perSiteF:N0} | {nf / 1e6:F3} | {nf / sites:F3} | {neuronF:F3} | {elementF:F3} | {neuronF / elementF:F2} | {exact / sites:F3} | {nf / exact:F2} | {(neuronF <= elementF ? "met" : "not met")} |"));
        report.AppendLine();
        report.AppendLine(RooflineMode(elementD, elementF));

        double small = Mean(Ising100) / 1e4, large = Mean(Ising1000) / 1e6;
        report.AppendLine();
        report.AppendLine("Ising double, ns per site at 10⁴ and 10⁶ sites");
        report.AppendLine();
        report.AppendLine("| 100 × 100 ns/site | 1000 × 1000 ns/site | 10⁶ / 10⁴ | (b) ≤ 1.5 |");
        report.AppendLine("| --- | --- | --- | --- |");
        report.AppendLine(FormattableString.Invariant($"| {small:F3} | {large:F3} | {large / small:F2} | {(large / small <= 1.5 ? "met" : "not met")} |"));

        double delta10 = Mean(Delta10), delta1000 = Mean(Delta1000), deltaExact = Mean(DeltaExact1000);
        report.AppendLine();
        report.AppendLine($"IsingDelta, ns per call ({DeltaCalls} calls per invocation over sites (k·7919) mod sites)");
        report.AppendLine();
        report.AppendLine("| 10 × 10 ns/call | 1000 × 1000 ns/call | 10⁶ / 10² | exact delta 1000² ns/call | (c) ≤ 1.5 |");
        report.AppendLine("| --- | --- | --- | --- | --- |");
        report.AppendLine(FormattableString.Invariant($"| {delta10:F1} | {delta1000:F1} | {delta1000 / delta10:F2} | {deltaExact:F2} | {(delta1000 / delta10 <= 1.5 ? "met" : "not met")} |"));

        int phiPerSite = Lattices.Phi4Lattice.NeuronsPerSite, phiPerSiteF = Lattices.Phi4SingleLattice.NeuronsPerSite;
        double pd = Mean(Phi4Double), pf = Mean(Phi4Float), ped = Mean(Phi4ExactDouble), pef = Mean(Phi4ExactFloat);
        report.AppendLine();
        report.AppendLine($"open φ⁴ chain, {Chain:N0} sites, φ uniform in [−2, 2]");
        report.AppendLine();
        report.AppendLine("| precision | neurons/site | network ms | network ns/site | network ns/neuron | exact loop ns/site | network / exact | ns/neuron / TP.Sigmoid ns/element |");
        report.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        report.AppendLine(FormattableString.Invariant($"| double | {phiPerSite} | {pd / 1e6:F3} | {pd / Chain:F3} | {pd / Chain / phiPerSite:F3} | {ped / Chain:F3} | {pd / ped:F2} | {pd / Chain / phiPerSite / elementD:F2} |"));
        report.AppendLine(FormattableString.Invariant($"| float | {phiPerSiteF} | {pf / 1e6:F3} | {pf / Chain:F3} | {pf / Chain / phiPerSiteF:F3} | {pef / Chain:F3} | {pf / pef:F2} | {pf / Chain / phiPerSiteF / elementF:F2} |"));
    }

    /// <summary>Which of TensorPrimitives.Sigmoid's two speed modes this process saw (the thresholds of Program's RooflineMode).</summary>
    private static string RooflineMode(double nsDouble, double nsFloat)
    {
        // Program: fast above 0.6 G/s (double) and 1.5 G/s (float); the fast double mode is about 1.2 ns, the slow 4.3 ns.
        string Mode(double ns, double fastRate) => double.IsNaN(ns) ? "not measured" : 1 / ns >= fastRate ? "fast" : "slow";
        return FormattableString.Invariant(
            $"roofline mode: double {Mode(nsDouble, 0.6)} ({nsDouble:F2} ns/element, {1 / nsDouble:F2} G/s; fast above 0.6 G/s, i.e. below 1.67 ns), float {Mode(nsFloat, 1.5)} ({nsFloat:F2} ns/element, {1 / nsFloat:F2} G/s; fast above 1.5 G/s)");
    }
}
