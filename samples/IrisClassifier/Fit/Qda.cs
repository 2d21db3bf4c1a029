using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

/// <summary>One row of iris.csv: the four measurements in centimetres and the species.</summary>
internal sealed record IrisRow(double[] X, string Species);

/// <summary>
/// The maximum-likelihood Gaussian of one class: mean m, covariance Σ with divisor n (the MLE, not the
/// unbiased n − 1), Σ⁻¹ from the Cholesky factor, and the Hamiltonian
/// H(x) = ½(x − m)ᵀΣ⁻¹(x − m) + ½ ln det(2πΣ) = −ln N(x; m, Σ) expanded into monomials.
/// </summary>
internal sealed class GaussianClass
{
    public const int Dimension = 4;

    /// <summary>The parameter names of Iris.Classify, in the column order of iris.csv.</summary>
    public static readonly string[] VariableNames = { "sepalLength", "sepalWidth", "petalLength", "petalWidth" };

    private GaussianClass(string species, int count, double[] mean, double[,] covariance, double[,] precision, double[] choleskyDiagonal, double logDetTwoPiCovariance)
    {
        Species = species;
        CholeskyDiagonal = choleskyDiagonal;
        Count = count;
        Mean = mean;
        Covariance = covariance;
        Precision = precision;
        LogDetTwoPiCovariance = logDetTwoPiCovariance;

        // ½(x − m)ᵀA(x − m) = ½xᵀAx − (Am)ᵀx + ½mᵀAm with A = Σ⁻¹ symmetric.
        var am = new double[Dimension];
        double mam = 0;
        for (int i = 0; i < Dimension; i++)
        {
            double sum = 0;
            for (int j = 0; j < Dimension; j++)
            {
                sum += precision[i, j] * mean[j];
            }

            am[i] = sum;
        }

        for (int i = 0; i < Dimension; i++)
        {
            mam += mean[i] * am[i];
        }

        var terms = new List<(int[] Exponents, double Coefficient)>();
        for (int i = 0; i < Dimension; i++)
        {
            for (int j = i; j < Dimension; j++)
            {
                var exponents = new int[Dimension];
                exponents[i]++;
                exponents[j]++;
                // x_i² carries ½A_ii; x_i·x_j (i < j) carries ½(A_ij + A_ji) = A_ij.
                terms.Add((exponents, i == j ? 0.5 * precision[i, i] : precision[i, j]));
            }
        }

        for (int i = 0; i < Dimension; i++)
        {
            var exponents = new int[Dimension];
            exponents[i] = 1;
            terms.Add((exponents, -am[i]));
        }

        terms.Add((new int[Dimension], (0.5 * mam) + (0.5 * logDetTwoPiCovariance)));
        Terms = terms;
    }

    public string Species { get; }

    public int Count { get; }

    public double[] Mean { get; }

    public double[,] Covariance { get; }

    public double[,] Precision { get; }

    /// <summary>L_ii of the Cholesky factor Σ = LLᵀ.</summary>
    public double[] CholeskyDiagonal { get; }

    /// <summary>ln det(2πΣ) = 4 ln 2π + 2 Σ ln L_ii.</summary>
    public double LogDetTwoPiCovariance { get; }

    /// <summary>Monomials of H: the 10 quadratic ones in graded order, the 4 linear ones, the constant.</summary>
    public IReadOnlyList<(int[] Exponents, double Coefficient)> Terms { get; }

    public static GaussianClass Fit(string species, IReadOnlyList<double[]> rows)
    {
        int n = rows.Count;
        var mean = new double[Dimension];
        for (int i = 0; i < Dimension; i++)
        {
            double sum = 0;
            foreach (var x in rows)
            {
                sum += x[i];
            }

            mean[i] = sum / n;
        }

        // Two passes (mean first, then centred products): no cancellation from Σx² − n·m².
        var covariance = new double[Dimension, Dimension];
        for (int i = 0; i < Dimension; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = 0;
                foreach (var x in rows)
                {
                    sum += (x[i] - mean[i]) * (x[j] - mean[j]);
                }

                covariance[i, j] = covariance[j, i] = sum / n;
            }
        }

        var l = Cholesky(covariance, species);
        var lInverse = InverseLowerTriangular(l);

        // Σ⁻¹ = L⁻ᵀL⁻¹; A_ij and A_ji are the same products summed in the same order, so A is exactly symmetric.
        var precision = new double[Dimension, Dimension];
        for (int i = 0; i < Dimension; i++)
        {
            for (int j = 0; j < Dimension; j++)
            {
                double sum = 0;
                for (int k = Math.Max(i, j); k < Dimension; k++)
                {
                    sum += lInverse[k, i] * lInverse[k, j];
                }

                precision[i, j] = sum;
            }
        }

        var diagonal = new double[Dimension];
        double logDet = Dimension * DeterministicMath.Log(2 * Math.PI);
        for (int i = 0; i < Dimension; i++)
        {
            diagonal[i] = l[i, i];
            logDet += 2 * DeterministicMath.Log(l[i, i]);
        }

        return new GaussianClass(species, n, mean, covariance, precision, diagonal, logDet);
    }

    /// <summary>H(x) from the expanded monomials, as the generated code's polynomial reads it.</summary>
    public double EvaluateExpanded(ReadOnlySpan<double> x)
    {
        double h = 0;
        foreach (var (exponents, coefficient) in Terms)
        {
            double term = coefficient;
            for (int i = 0; i < Dimension; i++)
            {
                for (int r = 0; r < exponents[i]; r++)
                {
                    term *= x[i];
                }
            }

            h += term;
        }

        return h;
    }

    /// <summary>H(x) in centred form, ½(x − m)ᵀΣ⁻¹(x − m) + ½ ln det(2πΣ), to check the expansion.</summary>
    public double EvaluateCentred(ReadOnlySpan<double> x)
    {
        double q = 0;
        for (int i = 0; i < Dimension; i++)
        {
            for (int j = 0; j < Dimension; j++)
            {
                q += (x[i] - Mean[i]) * Precision[i, j] * (x[j] - Mean[j]);
            }
        }

        return (0.5 * q) + (0.5 * LogDetTwoPiCovariance);
    }

    /// <summary>The polynomial text for [Category]: "a*x^2 + b*x*y - c*y + d", coefficients in "R" format.</summary>
    public string PolynomialText()
    {
        var text = new StringBuilder();
        foreach (var (exponents, coefficient) in Terms)
        {
            if (coefficient == 0)
            {
                continue;
            }

            if (text.Length == 0)
            {
                text.Append(coefficient < 0 ? "-" : string.Empty);
            }
            else
            {
                text.Append(coefficient < 0 ? " - " : " + ");
            }

            text.Append(Math.Abs(coefficient).ToString("R", CultureInfo.InvariantCulture));
            for (int i = 0; i < Dimension; i++)
            {
                if (exponents[i] > 0)
                {
                    text.Append('*').Append(VariableNames[i]);
                    if (exponents[i] > 1)
                    {
                        text.Append('^').Append(exponents[i].ToString(CultureInfo.InvariantCulture));
                    }
                }
            }
        }

        return text.Length == 0 ? "0" : text.ToString();
    }

    /// <summary>The line of Iris.cs for this class, indentation included.</summary>
    public string AttributeLine() =>
        $"    [Category(\"{Species}\", \"{PolynomialText()}\", Prior = {Count.ToString(CultureInfo.InvariantCulture)})]";

    private static double[,] Cholesky(double[,] a, string species)
    {
        var l = new double[Dimension, Dimension];
        for (int j = 0; j < Dimension; j++)
        {
            double diagonal = a[j, j];
            for (int k = 0; k < j; k++)
            {
                diagonal -= l[j, k] * l[j, k];
            }

            if (!(diagonal > 0))
            {
                throw new InvalidDataException($"the covariance of '{species}' is not positive definite");
            }

            l[j, j] = Math.Sqrt(diagonal);
            for (int i = j + 1; i < Dimension; i++)
            {
                double sum = a[i, j];
                for (int k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }

                l[i, j] = sum / l[j, j];
            }
        }

        return l;
    }

    private static double[,] InverseLowerTriangular(double[,] l)
    {
        // Forward substitution, one column of the identity at a time; L⁻¹ is lower triangular.
        var inverse = new double[Dimension, Dimension];
        for (int column = 0; column < Dimension; column++)
        {
            for (int i = column; i < Dimension; i++)
            {
                double sum = i == column ? 1 : 0;
                for (int k = column; k < i; k++)
                {
                    sum -= l[i, k] * inverse[k, column];
                }

                inverse[i, column] = sum / l[i, i];
            }
        }

        return inverse;
    }
}

/// <summary>
/// A natural logarithm from +, −, ×, ÷ and exact scaling only, so that the printed coefficients are the same
/// bits on every platform (Math.Log comes from the C runtime, which may differ by an ulp between systems).
/// Accurate to about 1 ulp, which is all the constant term needs.
/// </summary>
internal static class DeterministicMath
{
    // fdlibm's split of ln 2: Ln2Hi has trailing zero bits, so k·Ln2Hi is exact for |k| < 2^11.
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;

    public static double Log(double x)
    {
        if (!(x > 0) || double.IsInfinity(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "the logarithm needs a positive finite number");
        }

        // x = 2^k · m with m in [√½, √2): ILogB and ScaleB are exact.
        int k = Math.ILogB(x);
        double m = Math.ScaleB(x, -k);
        if (m > 1.4142135623730951)
        {
            m *= 0.5;
            k++;
        }

        // ln m = 2 atanh s = 2(s + s³/3 + s⁵/5 + …), s = (m − 1)/(m + 1), |s| ≤ 0.1716: s²⁰ < 1e-15 relative.
        double s = (m - 1) / (m + 1);
        double s2 = s * s;
        double series = 0;
        for (int n = 27; n >= 3; n -= 2)
        {
            series = (series + (1.0 / n)) * s2;
        }

        double logM = (2 * s) + (2 * s * series);
        return (k * Ln2Hi) + ((k * Ln2Lo) + logM);
    }
}
