using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using PolyNet;
using PolyNet.Benchmarks;

// dotnet run -c Release --project benchmarks/PolyNet.Benchmarks [-- --quick] [-- --paths]
//   (default) every Hamiltonian × batch size × method, double and float, then a neurons-per-second table;
//   --quick   the same with BenchmarkDotNet's short-run job (a quick look, less precise);
//   --batch N only batch size N (several: --batch 64,4096);
//   --inprocess every benchmark in this one process, so the generated code and the TensorPrimitives.Sigmoid
//             roofline are compared in the same process (its speed mode is chosen per process, see README);
//   --paths   the batch overload at 4096 on the Vector512 / Vector256 / Vector128 / scalar paths;
//   --spins   the periodic 3 × 3 Ising lattice over int/sbyte spin spans (SpinLatticeBenchmarks);
//   --lattice the generated lattice methods at scale (LatticeBenchmarks): 2-D Ising 1024² against the
//             TensorPrimitives.Sigmoid roofline and the exact loop, 10⁴ vs 10⁶ sites, IsingDelta at 10² vs 10⁶ sites,
//             the φ⁴ chain of 10⁶ sites; always in process, so the roofline shares the network's process;
//   --classifiers the generated Boltzmann classifiers (ClassifierBenchmarks): Iris and ten 16-input Gaussian categories,
//             double and float, batch overload at 4096 rows against TensorPrimitives.Sigmoid over NeuronCount × 4096
//             elements; always in process, like --lattice;
//   --gradient the generated gradients (GradientBenchmarks, Gradient = true on x*y + 3*x*y*z, the README's anharmonic
//             oscillator and x*y*z, double and float): value batch overload vs gradient batch overload at 4096 rows (the
//             ratio), scalar value vs scalar gradient method at batch 1 (ns per call), with load average and vector path;
//             always in process, like --lattice;
//   --dump-networks DIR  no benchmark: writes the weights of the Energy, Oscillator and Product8 networks and of the
//             GradientHamiltonians (double and float) as JSON, one file per network, for tools/torch_autograd.py (the
//             PyTorch autograd peer);
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (Array.IndexOf(args, "--dump-networks") is int dumpArgument and >= 0)
{
    if (dumpArgument + 1 >= args.Length)
    {
        Console.Error.WriteLine("--dump-networks needs a directory");
        return 1;
    }

    foreach (string path in NetworkDump.Write(args[dumpArgument + 1]))
    {
        Console.WriteLine(path);
    }

    return 0;
}

bool quick = args.Contains("--quick");
Job baseJob = quick ? Job.ShortRun : Job.Default.WithWarmupCount(4).WithIterationCount(12);
if (Array.IndexOf(args, "--batch") is int batchArgument and >= 0 && batchArgument + 1 < args.Length)
{
    // Child processes inherit the variable, which ForwardPassBenchmarks.Batches reads.
    Environment.SetEnvironmentVariable("POLYNET_BENCH_BATCHES", args[batchArgument + 1]);
}

bool inProcess = args.Contains("--inprocess") || args.Contains("--lattice") || args.Contains("--classifiers") || args.Contains("--gradient");
if (inProcess)
{
    baseJob = baseJob.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance);
}
var report = new StringBuilder();
report.AppendLine($"{DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSArchitecture}, .NET {Environment.Version}, {(quick ? "short run" : "full run")}{(inProcess ? ", in process" : string.Empty)}");

if (args.Contains("--lattice"))
{
    LatticeBenchmarks.Run(baseJob, report);
}
else if (args.Contains("--classifiers"))
{
    ClassifierBenchmarks.Run(baseJob, report);
}
else if (args.Contains("--gradient"))
{
    GradientBenchmarks.Run(baseJob, report);
}
else if (args.Contains("--spins"))
{
    SpinLatticeBenchmarks.Run(baseJob, report);
}
else if (args.Contains("--paths"))
{
    var paths = new (string Name, string[] Settings)[]
    {
        ("Vector512", []),
        ("Vector256", ["DOTNET_EnableAVX512F=0", "DOTNET_EnableAVX512=0"]),
        ("Vector128", ["DOTNET_EnableAVX2=0"]),
        ("scalar", ["DOTNET_EnableHWIntrinsic=0"]),
    };
    var config = ManualConfig.Create(DefaultConfig.Instance);
    foreach (var (name, settings) in paths)
    {
        config.AddJob(baseJob.WithId(name).WithEnvironmentVariables(settings.Select(s => new EnvironmentVariable(s.Split('=')[0], s.Split('=')[1])).ToArray()));
    }

    var summary = BenchmarkRunner.Run<SimdPathBenchmarks>(config);
    report.AppendLine();
    report.AppendLine("| path | Hamiltonian | neurons | batch double Gneuron/s | roofline double Gsigmoid/s | ratio | batch float Gneuron/s | roofline float Gsigmoid/s | ratio |");
    report.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    foreach (var (name, _) in paths)
    {
        foreach (string hamiltonian in DoubleForwardPass.All)
        {
            int neurons = Neurons(hamiltonian, isDouble: true);
            double Rate(string method) => neurons * 4096 / Mean(summary, method, hamiltonian, null, name);
            double bd = Rate("batch double"), rd = Rate("Sigmoid roofline double"), bf = Rate("batch float"), rf = Rate("Sigmoid roofline float");
            report.AppendLine($"| {name} | {hamiltonian} | {neurons} | {bd:F2} | {rd:F2} | {bd / rd:F2} | {bf:F2} | {rf:F2} | {bf / rf:F2} |");
        }
    }
}
else
{
    var config = ManualConfig.Create(DefaultConfig.Instance).AddJob(baseJob);
    foreach (var (summary, isDouble) in new[] { (BenchmarkRunner.Run<DoubleForwardPass>(config), true), (BenchmarkRunner.Run<SingleForwardPass>(config), false) })
    {
        report.AppendLine();
        report.AppendLine($"{(isDouble ? "double" : "float")}: mean ns per call; throughput in 10⁹ neurons/s (roofline: 10⁹ sigmoids/s)");
        report.AppendLine();
        report.AppendLine("| Hamiltonian | neurons | batch | scalar loop | batch overload | TP layers | Sigmoid roofline | exact polynomial | batch Gneuron/s | roofline Gsigmoid/s | batch / roofline | batch / TP layers |");
        report.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var rooflines = new List<double>();
        foreach (string hamiltonian in DoubleForwardPass.All)
        {
            foreach (int batch in DoubleForwardPass.Batches)
            {
                int neurons = Neurons(hamiltonian, isDouble);
                double scalar = Mean(summary, "scalar loop", hamiltonian, batch), overload = Mean(summary, "batch overload", hamiltonian, batch);
                double layers = Mean(summary, "TensorPrimitives layers", hamiltonian, batch), roofline = Mean(summary, "Sigmoid roofline", hamiltonian, batch);
                double exact = Mean(summary, "exact polynomial", hamiltonian, batch);
                double neuronRate = neurons * (double)batch / overload, rooflineRate = neurons * (double)batch / roofline;
                report.AppendLine($"| {hamiltonian} | {neurons} | {batch} | {scalar:F1} | {overload:F1} | {layers:F1} | {roofline:F1} | {exact:F1} | {neuronRate:F2} | {rooflineRate:F2} | {neuronRate / rooflineRate:F2} | {layers / overload:F2} |");
                if (batch >= 1024)
                {
                    rooflines.Add(rooflineRate);
                }
            }
        }

        report.AppendLine();
        report.AppendLine(RooflineMode(rooflines, isDouble));
    }
}

Console.WriteLine();
Console.WriteLine(report);
Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
File.WriteAllText(Path.Combine("BenchmarkDotNet.Artifacts", args.Contains("--lattice") ? "polynet-lattice.md" : args.Contains("--classifiers") ? "polynet-classifiers.md" : args.Contains("--gradient") ? "polynet-gradient.md" : args.Contains("--spins") ? "polynet-spins.md" : args.Contains("--paths") ? "polynet-paths.md" : "polynet-summary.md"), report.ToString());
return 0;

// TensorPrimitives.Sigmoid runs at one of two speeds per process on .NET 10.0.12 (about 1 or 0.25 G/s in double):
// say which one the roofline of this run saw, since the ratios above depend on it.
static string RooflineMode(List<double> rates, bool isDouble)
{
    if (rates.Count == 0)
    {
        return "roofline mode: no batch of 1024 or more measured";
    }

    double low = rates.Min(), high = rates.Max(), fast = isDouble ? 0.6 : 1.5;
    string mode = low >= fast ? "fast" : high < fast ? "slow" : "mixed";
    return $"roofline mode: {mode} (TensorPrimitives.Sigmoid {low:F2}–{high:F2} G/s at large batches; fast above {fast} G/s)";
}

static int Neurons(string hamiltonian, bool isDouble) => (hamiltonian, isDouble) switch
{
    (DoubleForwardPass.Mixed8, true) => Hamiltonians.Mixed8Network.NeuronCount,
    (DoubleForwardPass.Mixed8, false) => Hamiltonians.Mixed8FNetwork.NeuronCount,
    (DoubleForwardPass.Energy, true) => Hamiltonians.EnergyNetwork.NeuronCount,
    (DoubleForwardPass.Energy, false) => Hamiltonians.EnergyFNetwork.NeuronCount,
    (DoubleForwardPass.Product8, true) => Hamiltonians.Product8Network.NeuronCount,
    (DoubleForwardPass.Product8, false) => Hamiltonians.Product8FNetwork.NeuronCount,
    (_, true) => Hamiltonians.OscillatorNetwork.NeuronCount,
    _ => Hamiltonians.OscillatorFNetwork.NeuronCount,
};

static double Mean(Summary summary, string method, string hamiltonian, int? batch, string? job = null)
{
    var matches = summary.Reports.Where(r =>
        r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'') == method
        && Equals(r.BenchmarkCase.Parameters["Hamiltonian"], hamiltonian)
        && (batch is null || Equals(r.BenchmarkCase.Parameters["Batch"], batch))
        && (job is null || r.BenchmarkCase.Job.Id == job)).ToList();
    return matches.Count == 1 && matches[0].ResultStatistics is { } statistics ? statistics.Mean : double.NaN;
}
