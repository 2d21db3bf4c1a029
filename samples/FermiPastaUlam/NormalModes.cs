using System;

/// <summary>
/// The normal modes of the harmonic chain with fixed ends: Q_k = √(2/(N+1)) Σ_j q_j sin(πjk/(N+1)) (masses j = 1 … N,
/// stored at j − 1), the same for P_k, frequency ω_k = 2 sin(πk/(2(N+1))), harmonic energy E_k = ½(P_k² + ω_k²Q_k²).
/// </summary>
public sealed class NormalModes
{
    private readonly double[,] basis;
    private readonly double[] frequencies;

    public NormalModes(int masses, int modes)
    {
        Masses = masses;
        Modes = modes;
        basis = new double[modes, masses];
        frequencies = new double[modes];
        double scale = Math.Sqrt(2.0 / (masses + 1));
        for (int k = 1; k <= modes; k++)
        {
            frequencies[k - 1] = 2 * Math.Sin(Math.PI * k / (2.0 * (masses + 1)));
            for (int j = 1; j <= masses; j++)
            {
                basis[k - 1, j - 1] = scale * Math.Sin(Math.PI * j * k / (masses + 1));
            }
        }
    }

    public int Masses { get; }

    public int Modes { get; }

    /// <summary>ω_k, k from 1.</summary>
    public double Frequency(int k) => frequencies[k - 1];

    /// <summary>E_k for k = 1 … Modes into <paramref name="energies"/>[k − 1].</summary>
    public void Energies(ReadOnlySpan<double> q, ReadOnlySpan<double> p, Span<double> energies)
    {
        for (int k = 0; k < Modes; k++)
        {
            double amplitude = 0, momentum = 0;
            for (int j = 0; j < Masses; j++)
            {
                amplitude += basis[k, j] * q[j];
                momentum += basis[k, j] * p[j];
            }

            energies[k] = 0.5 * ((momentum * momentum) + (frequencies[k] * frequencies[k] * amplitude * amplitude));
        }
    }
}
