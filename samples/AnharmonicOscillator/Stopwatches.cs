using System;
using System.Diagnostics;

/// <summary>Best-of-N wall-clock timing: the minimum filters out JIT tiering, GC and other noise.</summary>
internal static class Stopwatches
{
    public static TimeSpan BestOf(int repetitions, Action action)
    {
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
}
