using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

// Fits one Gaussian per species of Fisher's iris data by maximum likelihood (mean, full covariance with
// divisor n) and prints the [Category] lines of ../Iris.cs, one per species in the order of iris.csv:
//
//   H_y(x) = ½(x − m_y)ᵀΣ_y⁻¹(x − m_y) + ½ ln det(2πΣ_y) = −ln N(x; m_y, Σ_y),   Prior = n_y.
//
// stdout is exactly those lines (LF endings), byte for byte what Iris.cs holds; the fit summary goes to stderr.
//
//   dotnet run --project samples/IrisClassifier/Fit                         print the lines
//   dotnet run --project samples/IrisClassifier/Fit -- --check <Iris.cs>    exit 1 if Iris.cs holds other lines
//   … -- --data <iris.csv>                                                  another copy of the data
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

string dataPath = Path.Combine(AppContext.BaseDirectory, "iris.csv");
string? checkPath = null;
for (int a = 0; a < args.Length; a++)
{
    if (args[a] == "--data" && a + 1 < args.Length)
    {
        dataPath = args[++a];
    }
    else if (args[a] == "--check" && a + 1 < args.Length)
    {
        checkPath = args[++a];
    }
    else
    {
        Console.Error.WriteLine("usage: Fit [--data <iris.csv>] [--check <Iris.cs>]");
        return 2;
    }
}

List<IrisRow> rows;
try
{
    rows = IrisData.Read(dataPath);
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
{
    Console.Error.WriteLine($"cannot read {dataPath}: {e.Message}");
    return 2;
}

// Species in order of first appearance: setosa, versicolor, virginica.
var classes = rows.Select(r => r.Species).Distinct()
    .Select(species => GaussianClass.Fit(species, rows.Where(r => r.Species == species).Select(r => r.X).ToList()))
    .ToList();
string[] lines = classes.Select(c => c.AttributeLine()).ToArray();

WriteSummary(Console.Error, dataPath, rows, classes);

if (checkPath is null)
{
    var stdout = Console.Out;
    foreach (string line in lines)
    {
        stdout.Write(line);
        stdout.Write('\n');
    }

    stdout.Flush();
    return 0;
}

string[] found;
try
{
    found = File.ReadAllText(checkPath).Replace("\r\n", "\n").Split('\n')
        .Where(line => line.TrimStart().StartsWith("[Category(", StringComparison.Ordinal))
        .ToArray();
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"cannot read {checkPath}: {e.Message}");
    return 2;
}

if (found.SequenceEqual(lines, StringComparer.Ordinal))
{
    Console.Error.WriteLine($"check: the {lines.Length} [Category] lines of {checkPath} are what the fit gives");
    return 0;
}

Console.Error.WriteLine($"check: {checkPath} differs from the fit ({found.Length} [Category] lines there, {lines.Length} computed)");
for (int i = 0; i < Math.Max(found.Length, lines.Length); i++)
{
    string? there = i < found.Length ? found[i] : null;
    string? computed = i < lines.Length ? lines[i] : null;
    if (!string.Equals(there, computed, StringComparison.Ordinal))
    {
        Console.Error.WriteLine($"  line {i + 1} in file:  {there ?? "(missing)"}");
        Console.Error.WriteLine($"  line {i + 1} computed: {computed ?? "(missing)"}");
    }
}

return 1;

static void WriteSummary(TextWriter w, string dataPath, List<IrisRow> rows, List<GaussianClass> classes)
{
    w.WriteLine($"{rows.Count} rows from {dataPath}");
    w.WriteLine("column sums: " + string.Join(", ", Enumerable.Range(0, GaussianClass.Dimension).Select(i =>
        $"{GaussianClass.VariableNames[i]} {rows.Sum(r => (decimal)r.X[i])}")));
    w.WriteLine("covariance convention: maximum likelihood, divisor n (scikit-learn's QDA divides by n - 1)");
    foreach (var c in classes)
    {
        w.WriteLine();
        w.WriteLine($"{c.Species}: n = {c.Count}, ln det(2 pi Sigma) = {c.LogDetTwoPiCovariance:R}");
        w.WriteLine("  mean       " + string.Join(" ", c.Mean.Select(v => $"{v,10:F4}")));
        for (int i = 0; i < GaussianClass.Dimension; i++)
        {
            w.WriteLine((i == 0 ? "  covariance " : "             ") +
                string.Join(" ", Enumerable.Range(0, GaussianClass.Dimension).Select(j => $"{c.Covariance[i, j],10:F6}")));
        }
    }

    // The expansion against the centred form, and the training accuracy of the exact classifier.
    double maxExpansionError = 0;
    int correct = 0;
    foreach (var row in rows)
    {
        double best = double.PositiveInfinity;
        string? predicted = null;
        foreach (var c in classes)
        {
            double expanded = c.EvaluateExpanded(row.X);
            maxExpansionError = Math.Max(maxExpansionError, Math.Abs(expanded - c.EvaluateCentred(row.X)));
            double score = expanded - Math.Log(c.Count);
            if (score < best)
            {
                best = score;
                predicted = c.Species;
            }
        }

        correct += predicted == row.Species ? 1 : 0;
    }

    w.WriteLine();
    w.WriteLine($"max |H expanded - H centred| over the data: {maxExpansionError:G3}");
    w.WriteLine($"training accuracy of the exact classifier: {correct}/{rows.Count}");

    // The portable logarithm against the runtime's, on the arguments the fit used.
    double maxLogDifference = classes.SelectMany(c => c.CholeskyDiagonal).Append(2 * Math.PI)
        .Max(v => Math.Abs(DeterministicMath.Log(v) - Math.Log(v)) / Math.Abs(Math.Log(v)));
    w.WriteLine($"max relative |DeterministicMath.Log - Math.Log| on those arguments: {maxLogDifference:G3}");
}

/// <summary>Reads iris.csv: a header, then sepal_length,sepal_width,petal_length,petal_width,species rows.</summary>
internal static class IrisData
{
    public static List<IrisRow> Read(string path)
    {
        var rows = new List<IrisRow>();
        using var reader = new StreamReader(path);
        string? header = reader.ReadLine();
        if (header?.Trim() != "sepal_length,sepal_width,petal_length,petal_width,species")
        {
            throw new InvalidDataException("expected the header sepal_length,sepal_width,petal_length,petal_width,species");
        }

        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Trim().Length == 0)
            {
                continue;
            }

            string[] fields = line.Split(',');
            if (fields.Length != 5)
            {
                throw new InvalidDataException($"expected 5 fields: {line}");
            }

            var x = new double[4];
            for (int i = 0; i < 4; i++)
            {
                x[i] = double.Parse(fields[i], NumberStyles.Float, CultureInfo.InvariantCulture);
            }

            rows.Add(new IrisRow(x, fields[4].Trim()));
        }

        return rows;
    }
}
