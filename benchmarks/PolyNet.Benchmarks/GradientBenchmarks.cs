using System;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace PolyNet.Benchmarks;

/// <summary>
/// The generated gradients (<see cref="GradientHamiltonians"/>, <c>Gradient = true</c>) against the value pass alone: per
/// Hamiltonian and precision, the value batch overload and the gradient batch overload (energy, ∂/∂x, ∂/∂y, ∂/∂z) over
/// <see cref="Rows"/> rows uniform inside the bounds, and at batch 1 the scalar value method and the scalar gradient
/// method on one fixed point inside the bounds (as tools/torch_autograd.py times PyTorch: the same point every call).
/// Every benchmark runs in one process (Program forces the in-process toolchain for --gradient). Each benchmark calls
/// its generated method directly (no switch, no delegate), so the scalar times are the methods' own.
/// </summary>
public class GradientBenchmarks
{
    public const string Energy = "x*y + 3*x*y*z";
    public const string Oscillator = "README anharmonic";
    public const string Product3 = "x*y*z";

    /// <summary>The Hamiltonians in table order, with their expressions.</summary>
    public static readonly (string Name, string Expression)[] All =
    [
        (Energy, GradientHamiltonians.EnergyExpression),
        (Oscillator, GradientHamiltonians.OscillatorExpression),
        (Product3, GradientHamiltonians.Product3Expression),
    ];

    /// <summary>Rows per batch call.</summary>
    public const int Rows = 4096;

    /// <summary>Rows compared between the batch overloads and the scalar methods before timing.</summary>
    public const int CheckedRows = 64;

    private Columns<double> _energy = null!, _oscillator = null!, _product3 = null!;
    private Columns<float> _energyF = null!, _oscillatorF = null!, _product3F = null!;

    /// <summary>Runs the benchmarks and appends the check and the table to <paramref name="report"/>.</summary>
    public static void Run(Job job, StringBuilder report)
    {
        string loadBefore = LoadAverage();
        report.AppendLine();
        report.AppendLine(Check());
        var summary = BenchmarkRunner.Run<GradientBenchmarks>(ManualConfig.Create(DefaultConfig.Instance).AddJob(job));
        Summarize(summary, report, loadBefore, LoadAverage());
    }

    [GlobalSetup]
    public void Setup()
    {
        _energy = new Columns<double>(Network(Energy, true), 1);
        _oscillator = new Columns<double>(Network(Oscillator, true), 2);
        _product3 = new Columns<double>(Network(Product3, true), 3);
        _energyF = new Columns<float>(Network(Energy, false), 1);
        _oscillatorF = new Columns<float>(Network(Oscillator, false), 2);
        _product3F = new Columns<float>(Network(Product3, false), 3);
    }

    // x*y + 3*x*y*z
    [Benchmark(Description = Energy + " double value batch")]
    public void EnergyValueBatch() { var c = _energy; GradientHamiltonians.Energy(c.X, c.Y, c.Z, c.Energy); }

    [Benchmark(Description = Energy + " double gradient batch")]
    public void EnergyGradientBatch() { var c = _energy; GradientHamiltonians.EnergyGradient(c.X, c.Y, c.Z, c.Energy, c.Dx, c.Dy, c.Dz); }

    [Benchmark(Description = Energy + " double value scalar")]
    public double EnergyValueScalar() { var c = _energy; return GradientHamiltonians.Energy(c.Px, c.Py, c.Pz); }

    [Benchmark(Description = Energy + " double gradient scalar")]
    public double EnergyGradientScalar() { var c = _energy; return GradientHamiltonians.EnergyGradient(c.Px, c.Py, c.Pz, c.Gradient); }

    [Benchmark(Description = Energy + " float value batch")]
    public void EnergyFValueBatch() { var c = _energyF; GradientHamiltonians.EnergyF(c.X, c.Y, c.Z, c.Energy); }

    [Benchmark(Description = Energy + " float gradient batch")]
    public void EnergyFGradientBatch() { var c = _energyF; GradientHamiltonians.EnergyFGradient(c.X, c.Y, c.Z, c.Energy, c.Dx, c.Dy, c.Dz); }

    [Benchmark(Description = Energy + " float value scalar")]
    public float EnergyFValueScalar() { var c = _energyF; return GradientHamiltonians.EnergyF(c.Px, c.Py, c.Pz); }

    [Benchmark(Description = Energy + " float gradient scalar")]
    public float EnergyFGradientScalar() { var c = _energyF; return GradientHamiltonians.EnergyFGradient(c.Px, c.Py, c.Pz, c.Gradient); }

    // The README's anharmonic oscillator, InputBound = 2
    [Benchmark(Description = Oscillator + " double value batch")]
    public void OscillatorValueBatch() { var c = _oscillator; GradientHamiltonians.Oscillator(c.X, c.Y, c.Z, c.Energy); }

    [Benchmark(Description = Oscillator + " double gradient batch")]
    public void OscillatorGradientBatch() { var c = _oscillator; GradientHamiltonians.OscillatorGradient(c.X, c.Y, c.Z, c.Energy, c.Dx, c.Dy, c.Dz); }

    [Benchmark(Description = Oscillator + " double value scalar")]
    public double OscillatorValueScalar() { var c = _oscillator; return GradientHamiltonians.Oscillator(c.Px, c.Py, c.Pz); }

    [Benchmark(Description = Oscillator + " double gradient scalar")]
    public double OscillatorGradientScalar() { var c = _oscillator; return GradientHamiltonians.OscillatorGradient(c.Px, c.Py, c.Pz, c.Gradient); }

    [Benchmark(Description = Oscillator + " float value batch")]
    public void OscillatorFValueBatch() { var c = _oscillatorF; GradientHamiltonians.OscillatorF(c.X, c.Y, c.Z, c.Energy); }

    [Benchmark(Description = Oscillator + " float gradient batch")]
    public void OscillatorFGradientBatch() { var c = _oscillatorF; GradientHamiltonians.OscillatorFGradient(c.X, c.Y, c.Z, c.Energy, c.Dx, c.Dy, c.Dz); }

    [Benchmark(Description = Oscillator + " float value scalar")]
    public float OscillatorFValueScalar() { var c = _oscillatorF; return GradientHamiltonians.OscillatorF(c.Px, c.Py, c.Pz); }

    [Benchmark(Description = Oscillator + " float gradient scalar")]
    public float OscillatorFGradientScalar() { var c = _oscillatorF; return GradientHamiltonians.OscillatorFGradient(c.Px, c.Py, c.Pz, c.Gradient); }

    // x*y*z
    [Benchmark(Description = Product3 + " double value batch")]
    public void Product3ValueBatch() { var c = _product3; GradientHamiltonians.Product3(c.X, c.Y, c.Z, c.Energy); }

    [Benchmark(Description = Product3 + " double gradient batch")]
    public void Product3GradientBatch() { var c = _product3; GradientHamiltonians.Product3Gradient(c.X, c.Y, c.Z, c.Energy, c.Dx, c.Dy, c.Dz); }

    [Benchmark(Description = Product3 + " double value scalar")]
    public double Product3ValueScalar() { var c = _product3; return GradientHamiltonians.Product3(c.Px, c.Py, c.Pz); }

    [Benchmark(Description = Product3 + " double gradient scalar")]
    public double Product3GradientScalar() { var c = _product3; return GradientHamiltonians.Product3Gradient(c.Px, c.Py, c.Pz, c.Gradient); }

    [Benchmark(Description = Product3 + " float value batch")]
    public void Product3FValueBatch() { var c = _product3F; GradientHamiltonians.Product3F(c.X, c.Y, c.Z, c.Energy); }

    [Benchmark(Description = Product3 + " float gradient batch")]
    public void Product3FGradientBatch() { var c = _product3F; GradientHamiltonians.Product3FGradient(c.X, c.Y, c.Z, c.Energy, c.Dx, c.Dy, c.Dz); }

    [Benchmark(Description = Product3 + " float value scalar")]
    public float Product3FValueScalar() { var c = _product3F; return GradientHamiltonians.Product3F(c.Px, c.Py, c.Pz); }

    [Benchmark(Description = Product3 + " float gradient scalar")]
    public float Product3FGradientScalar() { var c = _product3F; return GradientHamiltonians.Product3FGradient(c.Px, c.Py, c.Pz, c.Gradient); }

    /// <summary>The generated network of a Hamiltonian in one precision.</summary>
    public static SigmoidNetwork Network(string hamiltonian, bool isDouble) => (hamiltonian, isDouble) switch
    {
        (Energy, true) => GradientHamiltonians.EnergyNetwork,
        (Energy, false) => GradientHamiltonians.EnergyFNetwork,
        (Oscillator, true) => GradientHamiltonians.OscillatorNetwork,
        (Oscillator, false) => GradientHamiltonians.OscillatorFNetwork,
        (Product3, true) => GradientHamiltonians.Product3Network,
        _ => GradientHamiltonians.Product3FNetwork,
    };

    /// <summary>The widest vectors the generated batch overloads take on this machine (their own dispatch order).</summary>
    public static string VectorPath() =>
        Vector512.IsHardwareAccelerated ? "Vector512" : Vector256.IsHardwareAccelerated ? "Vector256" : Vector128.IsHardwareAccelerated ? "Vector128" : "scalar";

    /// <summary>The three load averages from /proc/loadavg, or "n/a".</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }

    /// <summary>The CPU's model name from /proc/cpuinfo, or the OS description.</summary>
    public static string Machine()
    {
        try
        {
            string? model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(line => line.StartsWith("model name", StringComparison.Ordinal));
            if (model is not null)
            {
                return model[(model.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return System.Runtime.InteropServices.RuntimeInformation.OSDescription;
    }

    /// <summary>
    /// Before timing, per Hamiltonian and precision: the gradient batch's energies against the value batch's (the value is
    /// computed the same way, so they should agree to the bit), the gradient batch against the scalar gradient method on the
    /// first <see cref="CheckedRows"/> rows, and the scalar gradient against the exact polynomial's over all rows: at most
    /// MaxGradientError in double; reported in float (float rounding of the inputs and lanes comes on top).
    /// </summary>
    private static string Check()
    {
        var b = new GradientBenchmarks();
        b.Setup();
        var parts = new[]
        {
            CheckOne(Energy, b._energy, b.EnergyValueBatch, b.EnergyGradientBatch, (x, y, z, g) => GradientHamiltonians.EnergyGradient(x, y, z, g)),
            CheckOne(Oscillator, b._oscillator, b.OscillatorValueBatch, b.OscillatorGradientBatch, (x, y, z, g) => GradientHamiltonians.OscillatorGradient(x, y, z, g)),
            CheckOne(Product3, b._product3, b.Product3ValueBatch, b.Product3GradientBatch, (x, y, z, g) => GradientHamiltonians.Product3Gradient(x, y, z, g)),
            CheckOne(Energy, b._energyF, b.EnergyFValueBatch, b.EnergyFGradientBatch, (x, y, z, g) => GradientHamiltonians.EnergyFGradient(x, y, z, g)),
            CheckOne(Oscillator, b._oscillatorF, b.OscillatorFValueBatch, b.OscillatorFGradientBatch, (x, y, z, g) => GradientHamiltonians.OscillatorFGradient(x, y, z, g)),
            CheckOne(Product3, b._product3F, b.Product3FValueBatch, b.Product3FGradientBatch, (x, y, z, g) => GradientHamiltonians.Product3FGradient(x, y, z, g)),
        };
        return "check (gradient batch energy vs value batch; gradient batch vs scalar gradient on " + CheckedRows + " rows; scalar gradient vs the exact polynomial's over "
            + Rows + " rows, max |Δ| and MaxGradientError):\n" + string.Join("\n", parts.Select(p => "- " + p));
    }

    private delegate T ScalarGradient<T>(T x, T y, T z, Span<T> gradient);

    private static string CheckOne<T>(string hamiltonian, Columns<T> c, Action valueBatch, Action gradientBatch, ScalarGradient<T> scalar)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool isDouble = typeof(T) == typeof(double);
        string expression = All.Single(h => h.Name == hamiltonian).Expression;
        valueBatch();
        T[] value = (T[])c.Energy.Clone();
        gradientBatch();
        double energyDifference = 0, batchDifference = 0, exactDifference = 0;
        Span<T> gradient = stackalloc T[3];
        for (int row = 0; row < Rows; row++)
        {
            energyDifference = Math.Max(energyDifference, Math.Abs(double.CreateTruncating(value[row] - c.Energy[row])));
            T energy = scalar(c.X[row], c.Y[row], c.Z[row], gradient);
            if (row < CheckedRows)
            {
                batchDifference = Math.Max(batchDifference, Math.Abs(double.CreateTruncating(energy - c.Energy[row])));
                batchDifference = Math.Max(batchDifference, Math.Abs(double.CreateTruncating(gradient[0] - c.Dx[row])));
                batchDifference = Math.Max(batchDifference, Math.Abs(double.CreateTruncating(gradient[1] - c.Dy[row])));
                batchDifference = Math.Max(batchDifference, Math.Abs(double.CreateTruncating(gradient[2] - c.Dz[row])));
            }

            var (_, dx, dy, dz) = GradientHamiltonians.Exact(expression, double.CreateTruncating(c.X[row]), double.CreateTruncating(c.Y[row]), double.CreateTruncating(c.Z[row]));
            exactDifference = Math.Max(exactDifference, Math.Abs(double.CreateTruncating(gradient[0]) - dx));
            exactDifference = Math.Max(exactDifference, Math.Abs(double.CreateTruncating(gradient[1]) - dy));
            exactDifference = Math.Max(exactDifference, Math.Abs(double.CreateTruncating(gradient[2]) - dz));
        }

        double bound = c.Network.MaxGradientError;
        if (!(exactDifference <= (isDouble ? bound : Math.Max(bound, 1e-3))) || !(batchDifference <= (isDouble ? 1e-12 : 1e-4)))
        {
            throw new InvalidOperationException(FormattableString.Invariant(
                $"{hamiltonian} {(isDouble ? "double" : "float")}: max |batch − scalar| {batchDifference:G3}, max |scalar − exact gradient| {exactDifference:G3} (MaxGradientError {bound:G3})."));
        }

        return FormattableString.Invariant(
            $"{hamiltonian} {(isDouble ? "double" : "float")}: energy {energyDifference:G3}, batch {batchDifference:G3}, exact {exactDifference:G3} (MaxGradientError {bound:G3})");
    }

    private static void Summarize(Summary summary, StringBuilder report, string loadBefore, string loadAfter)
    {
        double Mean(string method) => summary.Reports
            .Where(r => r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'') == method)
            .Select(r => r.ResultStatistics?.Mean ?? double.NaN)
            .DefaultIfEmpty(double.NaN)
            .Single();

        report.AppendLine();
        report.AppendLine(FormattableString.Invariant(
            $"value + gradient vs value alone: batch overloads over {Rows} rows uniform inside the bounds, scalar methods at one fixed point; {Machine()}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, batch path {VectorPath()} (the generated code's widest accelerated vectors; Vector<T> is {Vector<byte>.Count * 8} bits); load average {loadBefore} before, {loadAfter} after"));
        report.AppendLine();
        report.AppendLine("| Hamiltonian | precision | neurons | value batch ns/row | value+gradient batch ns/row | ratio | ratio ≤ 2.5 | scalar value ns | scalar value+gradient ns |");
        report.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (name, _) in All)
        {
            foreach (string precision in new[] { "double", "float" })
            {
                double valueBatch = Mean($"{name} {precision} value batch"), gradientBatch = Mean($"{name} {precision} gradient batch");
                double valueScalar = Mean($"{name} {precision} value scalar"), gradientScalar = Mean($"{name} {precision} gradient scalar");
                double ratio = gradientBatch / valueBatch;
                report.AppendLine(FormattableString.Invariant(
                    $"| {name} | {precision} | {Network(name, precision == "double").NeuronCount} | {valueBatch / Rows:F3} | {gradientBatch / Rows:F3} | {ratio:F2} | {(ratio <= 2.5 ? "met" : "not met")} | {valueScalar:F1} | {gradientScalar:F1} |"));
            }
        }

        report.AppendLine();
        report.AppendLine($"{Oscillator}: {GradientHamiltonians.OscillatorExpression} with InputBound = 2.");
    }

    /// <summary>One Hamiltonian's batch columns (inputs uniform inside the bounds, energy and derivative destinations) and scalar point.</summary>
    private sealed class Columns<T>
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        public Columns(SigmoidNetwork network, int seed)
        {
            Network = network;
            var random = new Random(seed);
            T[] Draw(double bound) => Enumerable.Range(0, Rows).Select(_ => T.CreateTruncating(bound * ((2 * random.NextDouble()) - 1))).ToArray();
            X = Draw(network.InputBounds[0]);
            Y = Draw(network.InputBounds[1]);
            Z = Draw(network.InputBounds[2]);
            (Px, Py, Pz) = (X[0], Y[0], Z[0]);
        }

        public SigmoidNetwork Network { get; }

        public T[] X { get; }

        public T[] Y { get; }

        public T[] Z { get; }

        public T[] Energy { get; } = new T[Rows];

        public T[] Dx { get; } = new T[Rows];

        public T[] Dy { get; } = new T[Rows];

        public T[] Dz { get; } = new T[Rows];

        public T[] Gradient { get; } = new T[3];

        public T Px { get; }

        public T Py { get; }

        public T Pz { get; }
    }
}
