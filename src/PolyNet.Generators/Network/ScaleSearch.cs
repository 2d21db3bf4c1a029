using System;
using System.Globalization;

namespace PolyNet.Generators.Network;

/// <summary>
/// Finds the scale λ that minimises an error bound which is unimodal in log λ (rounding falling, truncation
/// rising): golden-section search, then λ rounded to 3 significant digits so the generated weights read well
/// and stay stable across runtimes. Shared by the deep gates and the flat products.
/// </summary>
internal static class ScaleSearch
{
    public static double Minimise(Func<double, double> bound, double from, double to, int iterations)
    {
        double lo = Math.Log(from), hi = Math.Log(to);
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double a = hi - (ratio * (hi - lo)), c = lo + (ratio * (hi - lo));
        double fa = bound(Math.Exp(a)), fc = bound(Math.Exp(c));
        for (int i = 0; i < iterations; i++)
        {
            if (fa < fc)
            {
                hi = c;
                c = a;
                fc = fa;
                a = hi - (ratio * (hi - lo));
                fa = bound(Math.Exp(a));
            }
            else
            {
                lo = a;
                a = c;
                fa = fc;
                c = lo + (ratio * (hi - lo));
                fc = bound(Math.Exp(c));
            }
        }

        double lambda = Math.Exp((lo + hi) / 2);
        return double.Parse(lambda.ToString("G3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
