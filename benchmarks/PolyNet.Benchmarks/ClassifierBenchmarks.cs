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
/// The generated Boltzmann classifiers (<see cref="Classifiers"/>) on a batch of <see cref="Rows"/> rows through the batch
/// overload (probabilities and categories, the softmax included): Iris (3 categories, 4 inputs) and the ten 16-input
/// Gaussian categories, in double and float, each beside TensorPrimitives.Sigmoid over NeuronCount × <see cref="Rows"/>
/// elements (the roofline: one sigmoid per shared neuron and row), and the double scalar method in a loop. Every benchmark
/// runs in one process (Program forces the in-process toolchain for --classifiers), so the roofline sees the same
/// TensorPrimitives.Sigmoid speed mode as the classifiers.
/// </summary>
public class ClassifierBenchmarks
{
    public const string IrisDouble = "Iris double batch";
    public const string IrisFloat = "Iris float batch";
    public const string IrisScalar = "Iris double scalar loop";
    public const string IrisRooflineDouble = "TP.Sigmoid double (Iris neurons)";
    public const string IrisRooflineFloat = "TP.Sigmoid float (Iris neurons)";
    public const string GaussianDouble = "Gaussian16 double batch";
    public const string GaussianFloat = "Gaussian16 float batch";
    public const string GaussianScalar = "Gaussian16 double scalar loop";
    public const string GaussianRooflineDouble = "TP.Sigmoid double (Gaussian16 neurons)";
    public const string GaussianRooflineFloat = "TP.Sigmoid float (Gaussian16 neurons)";

    /// <summary>Rows per batch call.</summary>
    public const int Rows = 4096;

    /// <summary>Inputs of the Gaussian classifier.</summary>
    public const int GaussianInputs = 16;

    /// <summary>Rows compared between the batch overload and the scalar method before timing.</summary>
    public const int CheckedRows = 16;

    private double[][] _iris = [];
    private float[][] _irisF = [];
    private double[][] _gauss = [];
    private float[][] _gaussF = [];
    private double[] _irisProbabilities = [];
    private float[] _irisProbabilitiesF = [];
    private double[] _gaussProbabilities = [];
    private float[] _gaussProbabilitiesF = [];
    private int[] _categories = [];
    private double[] _rooflineIris = [], _rooflineIrisDestination = [], _rooflineGauss = [], _rooflineGaussDestination = [];
    private float[] _rooflineIrisF = [], _rooflineIrisDestinationF = [], _rooflineGaussF = [], _rooflineGaussDestinationF = [];

    private static readonly BoltzmannClassifier IrisNet = Classifiers.IrisNetwork, IrisNetF = Classifiers.IrisFNetwork;
    private static readonly BoltzmannClassifier GaussNet = Classifiers.Gaussian16Network, GaussNetF = Classifiers.Gaussian16FNetwork;

    /// <summary>Runs the benchmarks and appends the derived table to <paramref name="report"/>.</summary>
    public static void Run(Job job, StringBuilder report)
    {
        report.AppendLine();
        report.AppendLine(Check());
        var summary = BenchmarkRunner.Run<ClassifierBenchmarks>(ManualConfig.Create(DefaultConfig.Instance).AddJob(job));
        Summarize(summary, report);
    }

    [GlobalSetup]
    public void Setup()
    {
        // Iris-like rows: a species drawn uniformly, then each measurement around that species' mean (Fisher's data).
        var random = new Random(2024);
        double[,] means = { { 5.01, 3.43, 1.46, 0.25 }, { 5.94, 2.77, 4.26, 1.33 }, { 6.59, 2.97, 5.55, 2.03 } };
        double[,] spreads = { { 0.35, 0.38, 0.17, 0.11 }, { 0.52, 0.31, 0.47, 0.20 }, { 0.64, 0.32, 0.55, 0.27 } };
        _iris = Enumerable.Range(0, 4).Select(_ => new double[Rows]).ToArray();
        for (int row = 0; row < Rows; row++)
        {
            int species = random.Next(3);
            for (int input = 0; input < 4; input++)
            {
                _iris[input][row] = Math.Clamp(means[species, input] + (spreads[species, input] * Gaussian(random)), 0.05, 7.95);
            }
        }

        _irisF = _iris.Select(column => column.Select(x => (float)x).ToArray()).ToArray();

        // The 16-input classifier's rows: uniform in [−2, 2] (its InputBound).
        _gauss = Enumerable.Range(0, GaussianInputs).Select(_ => Enumerable.Range(0, Rows).Select(_ => (4 * random.NextDouble()) - 2).ToArray()).ToArray();
        _gaussF = _gauss.Select(column => column.Select(x => (float)x).ToArray()).ToArray();

        _irisProbabilities = new double[Rows * IrisNet.Categories.Count];
        _irisProbabilitiesF = new float[Rows * IrisNetF.Categories.Count];
        _gaussProbabilities = new double[Rows * GaussNet.Categories.Count];
        _gaussProbabilitiesF = new float[Rows * GaussNetF.Categories.Count];
        _categories = new int[Rows];

        // The roofline: one sigmoid per neuron and row, over inputs like ForwardPassBenchmarks'.
        (_rooflineIris, _rooflineIrisDestination) = Roofline<double>(IrisNet.NeuronCount);
        (_rooflineIrisF, _rooflineIrisDestinationF) = Roofline<float>(IrisNetF.NeuronCount);
        (_rooflineGauss, _rooflineGaussDestination) = Roofline<double>(GaussNet.NeuronCount);
        (_rooflineGaussF, _rooflineGaussDestinationF) = Roofline<float>(GaussNetF.NeuronCount);
    }

    [Benchmark(Description = IrisDouble)]
    public void IrisBatch() => Classifiers.Iris(_iris[0], _iris[1], _iris[2], _iris[3], _irisProbabilities, _categories);

    [Benchmark(Description = IrisFloat)]
    public void IrisBatchSingle() => Classifiers.IrisF(_irisF[0], _irisF[1], _irisF[2], _irisF[3], _irisProbabilitiesF, _categories);

    [Benchmark(Description = IrisScalar)]
    public int IrisScalarLoop()
    {
        int sum = 0;
        for (int row = 0; row < Rows; row++)
        {
            sum += Classifiers.Iris(_iris[0][row], _iris[1][row], _iris[2][row], _iris[3][row], _irisProbabilities.AsSpan(row * 3, 3));
        }

        return sum;
    }

    [Benchmark(Description = IrisRooflineDouble)]
    public void IrisRoofline() => TensorPrimitives.Sigmoid<double>(_rooflineIris, _rooflineIrisDestination);

    [Benchmark(Description = IrisRooflineFloat)]
    public void IrisRooflineSingle() => TensorPrimitives.Sigmoid<float>(_rooflineIrisF, _rooflineIrisDestinationF);

    [Benchmark(Description = GaussianDouble)]
    public void GaussianBatch()
    {
        var x = _gauss;
        Classifiers.Gaussian16(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9], x[10], x[11], x[12], x[13], x[14], x[15], _gaussProbabilities, _categories);
    }

    [Benchmark(Description = GaussianFloat)]
    public void GaussianBatchSingle()
    {
        var x = _gaussF;
        Classifiers.Gaussian16F(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9], x[10], x[11], x[12], x[13], x[14], x[15], _gaussProbabilitiesF, _categories);
    }

    [Benchmark(Description = GaussianScalar)]
    public int GaussianScalarLoop()
    {
        var x = _gauss;
        int sum = 0;
        for (int r = 0; r < Rows; r++)
        {
            sum += Classifiers.Gaussian16(x[0][r], x[1][r], x[2][r], x[3][r], x[4][r], x[5][r], x[6][r], x[7][r], x[8][r], x[9][r], x[10][r], x[11][r], x[12][r], x[13][r], x[14][r], x[15][r], _gaussProbabilities.AsSpan(r * 10, 10));
        }

        return sum;
    }

    [Benchmark(Description = GaussianRooflineDouble)]
    public void GaussianRoofline() => TensorPrimitives.Sigmoid<double>(_rooflineGauss, _rooflineGaussDestination);

    [Benchmark(Description = GaussianRooflineFloat)]
    public void GaussianRooflineSingle() => TensorPrimitives.Sigmoid<float>(_rooflineGaussF, _rooflineGaussDestinationF);

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private static (T[] Source, T[] Destination) Roofline<T>(int neurons)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var source = Enumerable.Range(0, neurons * Rows).Select(i => T.CreateTruncating(-2.3 + (1e-3 * (i % 100)))).ToArray();
        return (source, new T[source.Length]);
    }

    /// <summary>
    /// Before timing: the batch overload against the scalar method on the first <see cref="CheckedRows"/> rows (same
    /// category, probabilities within 1e-12 in double and 1e-4 in float: the float batch takes its exponentials in float lanes), and the scalar method against the exact
    /// classifier (BoltzmannClassifier.EvaluateExact) within MaxError on the same rows.
    /// </summary>
    private static string Check()
    {
        var b = new ClassifierBenchmarks();
        b.Setup();
        b.IrisBatch();
        var (irisBatch, irisExact) = Compare(IrisNet, b._iris, b._irisProbabilities, b._categories, 1e-12, (x, p) => Classifiers.Iris(x[0], x[1], x[2], x[3], p));
        b.IrisBatchSingle();
        var (irisBatchF, irisExactF) = Compare(IrisNetF, b._irisF.Select(c => c.Select(v => (double)v).ToArray()).ToArray(), b._irisProbabilitiesF.Select(v => (double)v).ToArray(), b._categories, 1e-4, (x, p) =>
        {
            Span<float> pf = stackalloc float[3];
            int category = Classifiers.IrisF((float)x[0], (float)x[1], (float)x[2], (float)x[3], pf);
            for (int i = 0; i < 3; i++)
            {
                p[i] = pf[i];
            }

            return category;
        });
        b.GaussianBatch();
        var (gaussBatch, gaussExact) = Compare(GaussNet, b._gauss, b._gaussProbabilities, b._categories, 1e-12, (x, p) => Classifiers.Gaussian16(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9], x[10], x[11], x[12], x[13], x[14], x[15], p));
        b.GaussianBatchSingle();
        var (gaussBatchF, gaussExactF) = Compare(GaussNetF, b._gaussF.Select(c => c.Select(v => (double)v).ToArray()).ToArray(), b._gaussProbabilitiesF.Select(v => (double)v).ToArray(), b._categories, 1e-4, (x, p) =>
        {
            Span<float> pf = stackalloc float[10];
            var f = x.Select(v => (float)v).ToArray();
            int category = Classifiers.Gaussian16F(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[11], f[12], f[13], f[14], f[15], pf);
            for (int i = 0; i < 10; i++)
            {
                p[i] = pf[i];
            }

            return category;
        });
        return FormattableString.Invariant(
            $"check ({CheckedRows} rows, batch overload vs scalar method: same category, max |Δp|; scalar vs exact: max |Δp| ≤ MaxError): Iris double {irisBatch:G3}, exact {irisExact:G3} (MaxError {IrisNet.MaxError:G3}); Iris float {irisBatchF:G3}, exact {irisExactF:G3} (MaxError {IrisNetF.MaxError:G3}); Gaussian16 double {gaussBatch:G3}, exact {gaussExact:G3} (MaxError {GaussNet.MaxError:G3}); Gaussian16 float {gaussBatchF:G3}, exact {gaussExactF:G3} (MaxError {GaussNetF.MaxError:G3})");
    }

    private delegate int Scalar(double[] inputs, Span<double> probabilities);

    private static (double Batch, double Exact) Compare(BoltzmannClassifier network, double[][] columns, double[] batchProbabilities, int[] batchCategories, double tolerance, Scalar scalar)
    {
        int k = network.Categories.Count;
        double batchError = 0, exactError = 0;
        var probabilities = new double[k];
        var exact = new double[k];
        for (int row = 0; row < CheckedRows; row++)
        {
            double[] inputs = columns.Select(column => column[row]).ToArray();
            int category = scalar(inputs, probabilities);
            network.EvaluateExact(inputs, exact);
            for (int y = 0; y < k; y++)
            {
                batchError = Math.Max(batchError, Math.Abs(batchProbabilities[(row * k) + y] - probabilities[y]));
                exactError = Math.Max(exactError, Math.Abs(exact[y] - probabilities[y]));
            }

            if (category != batchCategories[row] || !(batchError <= tolerance) || !(exactError <= network.MaxError))
            {
                throw new InvalidOperationException(FormattableString.Invariant(
                    $"{string.Join("/", network.Categories.Take(2))}…: row {row}: batch category {batchCategories[row]} vs scalar {category}, max |batch − scalar| {batchError:G3} (tolerance {tolerance:G3}), max |scalar − exact| {exactError:G3} (MaxError {network.MaxError:G3})."));
            }
        }

        return (batchError, exactError);
    }

    private static void Summarize(Summary summary, StringBuilder report)
    {
        double Mean(string method) => summary.Reports
            .Where(r => r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\'') == method)
            .Select(r => r.ResultStatistics?.Mean ?? double.NaN)
            .DefaultIfEmpty(double.NaN)
            .Single();

        report.AppendLine();
        report.AppendLine($"Boltzmann classifiers, batch overload over {Rows} rows (probabilities and categories, the softmax included); TP.Sigmoid over NeuronCount × {Rows} elements in the same process");
        report.AppendLine();
        report.AppendLine("| classifier | precision | categories × inputs | NeuronCount | UnsharedNeuronCount | MaxError | batch µs | ns/row | Gneuron/s | TP.Sigmoid µs | TP.Sigmoid Gsigmoid/s | throughput / TP.Sigmoid | goal ≥ 2× | scalar loop ns/row |");
        report.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var rows = new (string Name, string Precision, BoltzmannClassifier Network, string Batch, string Roofline, string? Scalar)[]
        {
            ("Iris", "double", IrisNet, IrisDouble, IrisRooflineDouble, IrisScalar),
            ("Iris", "float", IrisNetF, IrisFloat, IrisRooflineFloat, null),
            ("Gaussian16", "double", GaussNet, GaussianDouble, GaussianRooflineDouble, GaussianScalar),
            ("Gaussian16", "float", GaussNetF, GaussianFloat, GaussianRooflineFloat, null),
        };
        double rooflineDouble = double.NaN, rooflineFloat = double.NaN;
        foreach (var (name, precision, network, batch, roofline, scalar) in rows)
        {
            double batchNs = Mean(batch), rooflineNs = Mean(roofline), scalarNs = scalar is null ? double.NaN : Mean(scalar);
            double neurons = network.NeuronCount * (double)Rows;
            double rate = neurons / batchNs, rooflineRate = neurons / rooflineNs, ratio = rate / rooflineRate;
            if (precision == "double")
            {
                rooflineDouble = double.IsNaN(rooflineDouble) ? rooflineNs / neurons : Math.Max(rooflineDouble, rooflineNs / neurons);
            }
            else
            {
                rooflineFloat = double.IsNaN(rooflineFloat) ? rooflineNs / neurons : Math.Max(rooflineFloat, rooflineNs / neurons);
            }

            string scalarCell = double.IsNaN(scalarNs) ? "–" : FormattableString.Invariant($"{scalarNs / Rows:F1}");
            report.AppendLine(FormattableString.Invariant(
                $"| {name} | {precision} | {network.Categories.Count} × {network.Inputs.Count} | {network.NeuronCount} | {network.UnsharedNeuronCount} | {network.MaxError:G3} | {batchNs / 1e3:F1} | {batchNs / Rows:F1} | {rate:F2} | {rooflineNs / 1e3:F1} | {rooflineRate:F2} | {ratio:F2} | {(ratio >= 2 ? "met" : "not met")} | {scalarCell} |"));
        }

        report.AppendLine();
        report.AppendLine(RooflineMode(rooflineDouble, rooflineFloat));
    }

    /// <summary>Which of TensorPrimitives.Sigmoid's two speed modes this process saw (the thresholds of Program's RooflineMode), from the slower of the two measurements per precision.</summary>
    private static string RooflineMode(double nsDouble, double nsFloat)
    {
        string Mode(double ns, double fastRate) => double.IsNaN(ns) ? "not measured" : 1 / ns >= fastRate ? "fast" : "slow";
        return FormattableString.Invariant(
            $"roofline mode: double {Mode(nsDouble, 0.6)} ({nsDouble:F2} ns/element, {1 / nsDouble:F2} G/s; fast above 0.6 G/s), float {Mode(nsFloat, 1.5)} ({nsFloat:F2} ns/element, {1 / nsFloat:F2} G/s; fast above 1.5 G/s)");
    }
}
