using System;

/// <summary>
/// Onsager's exact results for the 2-D Ising model on the infinite square lattice, J = 1, no field, k_B = 1:
/// the reference the Monte Carlo averages are compared with.
/// </summary>
public static class Onsager
{
    /// <summary>T_c = 2 / ln(1 + √2) ≈ 2.269185: where sinh(2/T) = 1, the self-dual point.</summary>
    public static readonly double CriticalTemperature = 2 / Math.Log(1 + Math.Sqrt(2));

    /// <summary>
    /// The spontaneous magnetisation (Onsager 1948, Yang 1952): (1 − sinh⁻⁴(2β))^(1/8) below T_c, 0 at and above it.
    /// The exponent 1/8 is the critical exponent β, so m rises very steeply just below T_c.
    /// </summary>
    public static double SpontaneousMagnetisation(double temperature)
    {
        if (temperature >= CriticalTemperature)
        {
            return 0;
        }

        double sinh = Math.Sinh(2 / temperature);
        return Math.Pow(1 - Math.Pow(sinh, -4), 1.0 / 8);
    }

    /// <summary>
    /// The internal energy per site, u = −coth(2β)·[1 + (2/π)·(2·tanh²(2β) − 1)·K(k)] with k = 2·sinh(2β)/cosh²(2β).
    /// K diverges logarithmically at T_c (k → 1) but its prefactor 2·tanh²(2β) − 1 vanishes there, so u is continuous,
    /// u(T_c) = −coth(2β_c) = −√2; only the specific heat diverges.
    /// </summary>
    public static double EnergyPerSite(double temperature)
    {
        double twoBeta = 2 / temperature;
        double sinh = Math.Sinh(twoBeta);
        double cosh2 = Math.Cosh(twoBeta) * Math.Cosh(twoBeta);
        double tanh = Math.Tanh(twoBeta);
        double coth = 1 / tanh;

        // The complementary modulus k' = √(1 − k²) without cancellation: cosh⁴ − 4·sinh² = (sinh² − 1)², so
        // k' = |sinh²(2β) − 1| / cosh²(2β). Computing 1 − k² directly loses every digit near T_c.
        double kPrime = Math.Abs((sinh * sinh) - 1) / cosh2;
        if (kPrime == 0)
        {
            return -coth;   // exactly at T_c: the prefactor of K(k) = ∞ is 0
        }

        double elliptic = CompleteEllipticK(kPrime);
        return -coth * (1 + (2 / Math.PI * ((2 * tanh * tanh) - 1) * elliptic));
    }

    /// <summary>
    /// The complete elliptic integral of the first kind, K(k) = π / (2·AGM(1, k')), from the complementary modulus
    /// k' = √(1 − k²) (Gauss): the AGM converges quadratically, so a handful of steps reach full double precision.
    /// </summary>
    public static double CompleteEllipticK(double complementaryModulus) =>
        Math.PI / (2 * ArithmeticGeometricMean(1, complementaryModulus));

    /// <summary>The arithmetic–geometric mean of two positive numbers.</summary>
    public static double ArithmeticGeometricMean(double a, double b)
    {
        // Quadratic convergence: the relative gap squares each step, so 64 steps is far more than enough; stop as
        // soon as the two means agree to rounding.
        for (int step = 0; step < 64 && Math.Abs(a - b) > 1e-15 * a; step++)
        {
            (a, b) = ((a + b) / 2, Math.Sqrt(a * b));
        }

        return (a + b) / 2;
    }
}
