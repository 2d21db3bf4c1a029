using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using PolyNet;

// Fisher's iris data through the generated Boltzmann classifier (Iris.cs): all 150 rows with the scalar method
// and the batch overload, accuracy and confusion matrix, the network's probabilities against the exact
// polynomials (ClassifyNetwork.EvaluateExact) and against scikit-learn (peer/sklearn_proba.csv), and the time
// per row.
//
//   dotnet run --project samples/IrisClassifier -c Release [-- <iris.csv>]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

string dataPath = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "iris.csv");
string peerPath = Path.Combine(AppContext.BaseDirectory, "peer", "sklearn_proba.csv");

BoltzmannClassifier network = Iris.ClassifyNetwork;
string[] categories = network.Categories.Select(c => $"{c}").ToArray();
int k = categories.Length;

var (columns, species) = ReadIris(dataPath);
int n = species.Length;
int[] truth = species.Select(s => Array.IndexOf(categories, s)).ToArray();
if (truth.Contains(-1))
{
    Console.Error.WriteLine($"{dataPath}: species {species.First(s => !categories.Contains(s))} is not a category of Iris.Classify");
    return 1;
}

Console.WriteLine($"Fisher's iris data: {n} rows from {dataPath}");
Console.WriteLine($"categories {string.Join(", ", categories)}; priors {string.Join(", ", network.Priors)}");
Console.WriteLine($"network   {network.NeuronCount} neurons shared by the {k} Hamiltonians ({network.UnsharedNeuronCount} without sharing), MaxError {network.MaxError:G3}");
Console.WriteLine();

// Scalar method, one row at a time.
double[] scalarProbabilities = new double[n * k];
int[] scalarCategories = new int[n];
for (int row = 0; row < n; row++)
{
    scalarCategories[row] = Iris.Classify(columns[0][row], columns[1][row], columns[2][row], columns[3][row],
        scalarProbabilities.AsSpan(row * k, k));
}

// Batch overload: one span per input, probabilities row-major n×k.
double[] batchProbabilities = new double[n * k];
int[] batchCategories = new int[n];
Iris.Classify(columns[0], columns[1], columns[2], columns[3], batchProbabilities, batchCategories);

// The exact polynomials, and the network through the BoltzmannClassifier object.
double[] exactProbabilities = new double[n * k];
double[] networkProbabilities = new double[n * k];
int[] exactCategories = new int[n];
int[] networkCategories = new int[n];
double[] inputs = new double[4];
for (int row = 0; row < n; row++)
{
    for (int i = 0; i < 4; i++)
    {
        inputs[i] = columns[i][row];
    }

    exactCategories[row] = network.EvaluateExact(inputs, exactProbabilities.AsSpan(row * k, k));
    networkCategories[row] = network.Evaluate(inputs, networkProbabilities.AsSpan(row * k, k));
}

int correct = Enumerable.Range(0, n).Count(row => scalarCategories[row] == truth[row]);
Console.WriteLine($"accuracy (scalar) {correct}/{n} = {100.0 * correct / n:F1}%");
Console.WriteLine($"batch overload    {Agreement(batchCategories, scalarCategories)}/{n} rows with the scalar method's category");
Console.WriteLine($"Evaluate          {Agreement(networkCategories, scalarCategories)}/{n} rows with the scalar method's category");
Console.WriteLine($"EvaluateExact     {Agreement(exactCategories, scalarCategories)}/{n} rows with the scalar method's category");
Console.WriteLine();

// Confusion matrix: rows are the true species, columns the predicted one.
int width = Math.Max(12, categories.Max(c => c.Length) + 2);
Console.WriteLine("confusion matrix (rows true, columns predicted):");
Console.WriteLine(new string(' ', width) + string.Concat(categories.Select(c => c.PadLeft(width))));
for (int t = 0; t < k; t++)
{
    var counts = Enumerable.Range(0, k).Select(p => Enumerable.Range(0, n).Count(row => truth[row] == t && scalarCategories[row] == p));
    Console.WriteLine(categories[t].PadRight(width) + string.Concat(counts.Select(c => c.ToString(CultureInfo.InvariantCulture).PadLeft(width))));
}

var misclassified = Enumerable.Range(0, n).Where(row => scalarCategories[row] != truth[row]).ToList();
foreach (int row in misclassified)
{
    Console.WriteLine($"  row {row + 1,3}: {species[row]} taken for {categories[scalarCategories[row]]}, p = "
        + string.Join(", ", Enumerable.Range(0, k).Select(c => $"{scalarProbabilities[(row * k) + c]:F4}")));
}

Console.WriteLine();
Console.WriteLine($"max |p_network - p_exact| over the {n} rows: scalar {MaxDifference(scalarProbabilities, exactProbabilities):G3}, "
    + $"batch {MaxDifference(batchProbabilities, exactProbabilities):G3}, Evaluate {MaxDifference(networkProbabilities, exactProbabilities):G3}");
Console.WriteLine($"max |p_batch - p_scalar| {MaxDifference(batchProbabilities, scalarProbabilities):G3}");

if (File.Exists(peerPath))
{
    double[] peer = ReadPeer(peerPath, categories, n);
    Console.WriteLine($"max |p_network - p_sklearn| {MaxDifference(scalarProbabilities, peer):G3}, "
        + $"max |p_exact - p_sklearn| {MaxDifference(exactProbabilities, peer):G3}  (scikit-learn QDA, divisor n; peer/sklearn_proba.csv)");
}
else
{
    Console.WriteLine($"no {peerPath}: run peer/qda_sklearn.py for the scikit-learn comparison");
}

// Time per row: best of several repetitions of a pass over all rows.
const int Passes = 200;
const int Repetitions = 9;
double[] probabilities = new double[k];
TimeSpan scalarTime = BestOf(Repetitions, () =>
{
    for (int pass = 0; pass < Passes; pass++)
    {
        for (int row = 0; row < n; row++)
        {
            Iris.Classify(columns[0][row], columns[1][row], columns[2][row], columns[3][row], probabilities);
        }
    }
});
TimeSpan batchTime = BestOf(Repetitions, () =>
{
    for (int pass = 0; pass < Passes; pass++)
    {
        Iris.Classify(columns[0], columns[1], columns[2], columns[3], batchProbabilities, batchCategories);
    }
});
TimeSpan exactTime = BestOf(Repetitions, () =>
{
    for (int pass = 0; pass < Passes; pass++)
    {
        for (int row = 0; row < n; row++)
        {
            inputs[0] = columns[0][row];
            inputs[1] = columns[1][row];
            inputs[2] = columns[2][row];
            inputs[3] = columns[3][row];
            network.EvaluateExact(inputs, probabilities);
        }
    }
});

double PerRow(TimeSpan t) => t.TotalNanoseconds / (Passes * (double)n);
Console.WriteLine();
Console.WriteLine($"time per row (best of {Repetitions} x {Passes} passes over {n} rows): scalar {PerRow(scalarTime):F1} ns, "
    + $"batch {PerRow(batchTime):F1} ns, EvaluateExact {PerRow(exactTime):F1} ns");
return 0;

static int Agreement(int[] a, int[] b) => Enumerable.Range(0, a.Length).Count(i => a[i] == b[i]);

static double MaxDifference(double[] a, double[] b)
{
    double max = 0;
    for (int i = 0; i < a.Length; i++)
    {
        max = Math.Max(max, Math.Abs(a[i] - b[i]));
    }

    return max;
}

static TimeSpan BestOf(int repetitions, Action action)
{
    // Warm up for half a second first, so that the tiered JIT has installed its optimized code before anything is timed.
    long warm = Stopwatch.GetTimestamp();
    while (Stopwatch.GetElapsedTime(warm).TotalMilliseconds < 500)
    {
        action();
    }

    TimeSpan best = TimeSpan.MaxValue;
    for (int i = 0; i < repetitions; i++)
    {
        long start = Stopwatch.GetTimestamp();
        action();
        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        if (elapsed < best)
        {
            best = elapsed;
        }
    }

    return best;
}

// iris.csv: header sepal_length,sepal_width,petal_length,petal_width,species; the four columns and the species.
static (double[][] Columns, string[] Species) ReadIris(string path)
{
    string[] lines = File.ReadAllLines(path).Where(line => line.Trim().Length > 0).ToArray();
    if (lines.Length == 0 || lines[0].Trim() != "sepal_length,sepal_width,petal_length,petal_width,species")
    {
        throw new InvalidDataException($"{path}: expected the header sepal_length,sepal_width,petal_length,petal_width,species");
    }

    var columns = new double[4][];
    for (int i = 0; i < 4; i++)
    {
        columns[i] = new double[lines.Length - 1];
    }

    var species = new string[lines.Length - 1];
    for (int row = 0; row < species.Length; row++)
    {
        string[] fields = lines[row + 1].Split(',');
        for (int i = 0; i < 4; i++)
        {
            columns[i][row] = double.Parse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        species[row] = fields[4].Trim();
    }

    return (columns, species);
}

// peer/sklearn_proba.csv: a header naming the categories, then one row of probabilities per row of iris.csv.
static double[] ReadPeer(string path, string[] categories, int rows)
{
    string[] lines = File.ReadAllLines(path).Where(line => line.Trim().Length > 0).ToArray();
    string[] header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
    int[] column = categories.Select(c => Array.IndexOf(header, c)).ToArray();
    if (column.Contains(-1) || lines.Length - 1 != rows)
    {
        throw new InvalidDataException($"{path}: expected the columns {string.Join(",", categories)} and {rows} rows");
    }

    var probabilities = new double[rows * categories.Length];
    for (int row = 0; row < rows; row++)
    {
        string[] fields = lines[row + 1].Split(',');
        for (int c = 0; c < categories.Length; c++)
        {
            probabilities[(row * categories.Length) + c] = double.Parse(fields[column[c]], NumberStyles.Float, CultureInfo.InvariantCulture);
        }
    }

    return probabilities;
}
