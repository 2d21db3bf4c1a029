using System;
using System.ComponentModel;
using System.Globalization;

namespace PolyNet.Kernels;

/// <summary>
/// The numerically stable softmax of a Boltzmann classifier (<see cref="BoltzmannClassifier"/>): with
/// z_y = logPriors[y] − energies[y] and m = max z, p_y = e^(z_y − m) / Σ_k e^(z_k − m) and
/// ln p_y = z_y − m − ln Σ_k e^(z_k − m). Generated classifiers call these after evaluating their energies.
/// </summary>
/// <remarks>
/// <para>Every method validates the lengths first (energies and log priors as long as the destination) and throws
/// <see cref="ArgumentException"/> naming the destination before writing anything.</para>
/// <para>Finite z (energies up to ±1e300, say) never overflow or give NaN: the largest term is e⁰ = 1, so the sum lies
/// in [1, count]; a category far below the best gets probability 0 (underflow) but a finite, hugely negative
/// log-probability. Categories with equal z get exactly equal probabilities, and the probabilities sum to 1 within a
/// few ulps (the sum is compensated). Only when z_y − m itself exceeds the range of double (differences beyond
/// ~1.8e308) is the log-probability −∞.</para>
/// <para>Non-finite values: a NaN energy or log prior (or a z that is NaN, such as −∞ − (−∞)) makes every probability
/// and log-probability NaN and the argmax −1. A z of +∞ (an energy of −∞) takes the whole probability, shared
/// equally between the categories whose z is +∞ (the others get 0, log-probability −∞). When every z is −∞ (every
/// energy +∞) there is no limit: every result is NaN and the argmax −1. No categories at all give −1.</para>
/// <para>Infrastructure for generated code; not meant to be called directly.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Softmax
{
    /// <summary>Categories up to this count keep their scratch on the stack.</summary>
    private const int StackLimit = 256;

    /// <summary>
    /// Writes p_y = e^(z_y − m) / Σ_k e^(z_k − m) with z_y = logPriors[y] − energies[y] into
    /// <paramref name="probabilities"/> and returns the index of the largest z (the first on ties), or −1 (see the
    /// remarks of <see cref="Softmax"/> for NaN and infinite values).
    /// </summary>
    /// <param name="energies">One energy H_y(x) per category.</param>
    /// <param name="logPriors">One log prior ln π_y (π normalised) per category; −μ_y.</param>
    /// <param name="probabilities">Receives one probability per category.</param>
    /// <exception cref="ArgumentException">The lengths differ; nothing is written.</exception>
    public static int Probabilities(ReadOnlySpan<double> energies, ReadOnlySpan<double> logPriors, Span<double> probabilities)
    {
        RequireLengths(energies.Length, logPriors.Length, probabilities.Length, nameof(probabilities));
        for (int y = 0; y < probabilities.Length; y++)
        {
            probabilities[y] = logPriors[y] - energies[y];
        }

        return ProbabilitiesInPlace(probabilities);
    }

    /// <summary>
    /// The single-precision <see cref="Probabilities(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>:
    /// computed in double, each probability rounded to float once at the end.
    /// </summary>
    /// <param name="energies">One energy H_y(x) per category.</param>
    /// <param name="logPriors">One log prior ln π_y (π normalised) per category; −μ_y.</param>
    /// <param name="probabilities">Receives one probability per category.</param>
    /// <exception cref="ArgumentException">The lengths differ; nothing is written.</exception>
    public static int Probabilities(ReadOnlySpan<float> energies, ReadOnlySpan<double> logPriors, Span<float> probabilities)
    {
        RequireLengths(energies.Length, logPriors.Length, probabilities.Length, nameof(probabilities));
        int count = probabilities.Length;
        Span<double> z = count <= StackLimit ? stackalloc double[count] : new double[count];
        for (int y = 0; y < count; y++)
        {
            z[y] = logPriors[y] - energies[y];
        }

        int best = ProbabilitiesInPlace(z);
        for (int y = 0; y < count; y++)
        {
            probabilities[y] = (float)z[y];
        }

        return best;
    }

    /// <summary>
    /// Writes ln p_y = z_y − m − ln Σ_k e^(z_k − m) with z_y = logPriors[y] − energies[y] into
    /// <paramref name="logProbabilities"/>: finite for finite z, however improbable the category (see the remarks of
    /// <see cref="Softmax"/> for NaN and infinite values).
    /// </summary>
    /// <param name="energies">One energy H_y(x) per category.</param>
    /// <param name="logPriors">One log prior ln π_y (π normalised) per category; −μ_y.</param>
    /// <param name="logProbabilities">Receives one log-probability per category.</param>
    /// <exception cref="ArgumentException">The lengths differ; nothing is written.</exception>
    public static void LogProbabilities(ReadOnlySpan<double> energies, ReadOnlySpan<double> logPriors, Span<double> logProbabilities)
    {
        RequireLengths(energies.Length, logPriors.Length, logProbabilities.Length, nameof(logProbabilities));
        for (int y = 0; y < logProbabilities.Length; y++)
        {
            logProbabilities[y] = logPriors[y] - energies[y];
        }

        LogProbabilitiesInPlace(logProbabilities);
    }

    /// <summary>
    /// The single-precision <see cref="LogProbabilities(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>:
    /// computed in double, each log-probability rounded to float once at the end (one below float's range becomes −∞).
    /// </summary>
    /// <param name="energies">One energy H_y(x) per category.</param>
    /// <param name="logPriors">One log prior ln π_y (π normalised) per category; −μ_y.</param>
    /// <param name="logProbabilities">Receives one log-probability per category.</param>
    /// <exception cref="ArgumentException">The lengths differ; nothing is written.</exception>
    public static void LogProbabilities(ReadOnlySpan<float> energies, ReadOnlySpan<double> logPriors, Span<float> logProbabilities)
    {
        RequireLengths(energies.Length, logPriors.Length, logProbabilities.Length, nameof(logProbabilities));
        int count = logProbabilities.Length;
        Span<double> z = count <= StackLimit ? stackalloc double[count] : new double[count];
        for (int y = 0; y < count; y++)
        {
            z[y] = logPriors[y] - energies[y];
        }

        LogProbabilitiesInPlace(z);
        for (int y = 0; y < count; y++)
        {
            logProbabilities[y] = (float)z[y];
        }
    }

    /// <summary>
    /// The index of the largest value, the first on ties; −1 when <paramref name="values"/> is empty or holds a NaN.
    /// </summary>
    public static int ArgMax(ReadOnlySpan<double> values)
    {
        int best = -1;
        double max = double.NegativeInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            double value = values[i];
            if (double.IsNaN(value))
            {
                return -1;
            }

            if (best < 0 || value > max)
            {
                best = i;
                max = value;
            }
        }

        return best;
    }

    /// <summary>Replaces z by the probabilities and returns the argmax of z (−1 for NaN, all −∞ or none).</summary>
    private static int ProbabilitiesInPlace(Span<double> z)
    {
        int best = ArgMax(z);
        if (best < 0 || z[best] == double.NegativeInfinity)
        {
            z.Fill(double.NaN);
            return -1;
        }

        double max = z[best];
        if (double.IsPositiveInfinity(max))
        {
            double share = 1.0 / CountInfinite(z);
            for (int y = 0; y < z.Length; y++)
            {
                z[y] = double.IsPositiveInfinity(z[y]) ? share : 0.0;
            }

            return best;
        }

        // The best term is e⁰ = 1 exactly; the others are in [0, 1], so the sum is in [1, count].
        var sum = default(NeumaierSum);
        sum.Add(1.0);
        for (int y = 0; y < z.Length; y++)
        {
            if (y != best)
            {
                z[y] = Math.Exp(z[y] - max);
                sum.Add(z[y]);
            }
        }

        z[best] = 1.0;
        double total = sum.Value;
        for (int y = 0; y < z.Length; y++)
        {
            z[y] /= total;
        }

        return best;
    }

    /// <summary>Replaces z by the log-probabilities.</summary>
    private static void LogProbabilitiesInPlace(Span<double> z)
    {
        int best = ArgMax(z);
        if (best < 0 || z[best] == double.NegativeInfinity)
        {
            z.Fill(double.NaN);
            return;
        }

        double max = z[best];
        if (double.IsPositiveInfinity(max))
        {
            double share = -Math.Log(CountInfinite(z));
            for (int y = 0; y < z.Length; y++)
            {
                z[y] = double.IsPositiveInfinity(z[y]) ? share : double.NegativeInfinity;
            }

            return;
        }

        // ln Σ = ln(1 + rest) through log1p: the best category's log-probability keeps the digits of a tiny rest.
        var rest = default(NeumaierSum);
        for (int y = 0; y < z.Length; y++)
        {
            if (y != best)
            {
                rest.Add(Math.Exp(z[y] - max));
            }
        }

        double logTotal = LogOnePlus(rest.Value);
        for (int y = 0; y < z.Length; y++)
        {
            z[y] = y == best ? -logTotal : (z[y] - max) - logTotal;
        }
    }

    private static int CountInfinite(ReadOnlySpan<double> z)
    {
        int count = 0;
        foreach (double value in z)
        {
            if (double.IsPositiveInfinity(value))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>ln(1 + x) for finite x ≥ 0 without losing the digits of a small x (Goldberg's correction).</summary>
    internal static double LogOnePlus(double x)
    {
        double u = 1.0 + x;
        return u == 1.0 ? x : Math.Log(u) * x / (u - 1.0);
    }

    private static void RequireLengths(int energies, int logPriors, int destination, string name)
    {
        if (energies != destination || logPriors != destination)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'{name}' has {destination} elements, but there are {energies} energies and {logPriors} log priors; all three need one element per category."),
                name);
        }
    }
}
