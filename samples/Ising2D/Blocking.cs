using System;

/// <summary>
/// The mean of a correlated time series and its statistical error by blocking (binning): successive Monte Carlo
/// sweeps are correlated, so the naive σ/√n underestimates the error. Averaging over blocks much longer than the
/// autocorrelation time gives nearly independent block means, whose standard error is honest.
/// </summary>
public static class Blocking
{
    /// <summary>The mean of <paramref name="samples"/> and the standard error of its <paramref name="blocks"/> block means.</summary>
    /// <remarks>
    /// Samples beyond a whole number of blocks are dropped from the error (not from the mean). If the blocks are not
    /// longer than the autocorrelation time (Metropolis at T_c: τ grows like L^2.17), the error is still too small.
    /// </remarks>
    public static (double Mean, double Error) MeanAndError(ReadOnlySpan<double> samples, int blocks)
    {
        if (blocks < 2 || samples.Length < blocks)
        {
            throw new ArgumentOutOfRangeException(nameof(blocks), blocks, "Need at least 2 blocks and one sample per block.");
        }

        double mean = 0;
        foreach (double sample in samples)
        {
            mean += sample;
        }

        mean /= samples.Length;

        int length = samples.Length / blocks;
        double blockMeanOfMeans = 0;
        Span<double> blockMeans = blocks <= 256 ? stackalloc double[blocks] : new double[blocks];
        for (int block = 0; block < blocks; block++)
        {
            double sum = 0;
            foreach (double sample in samples.Slice(block * length, length))
            {
                sum += sample;
            }

            blockMeans[block] = sum / length;
            blockMeanOfMeans += blockMeans[block];
        }

        blockMeanOfMeans /= blocks;
        double squares = 0;
        foreach (double blockMean in blockMeans)
        {
            squares += (blockMean - blockMeanOfMeans) * (blockMean - blockMeanOfMeans);
        }

        // Standard error of the mean of `blocks` independent block means: sample variance / blocks.
        return (mean, Math.Sqrt(squares / (blocks - 1) / blocks));
    }
}
