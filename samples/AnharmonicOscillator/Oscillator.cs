using PolyNet;

/// <summary>A 3-D anharmonic oscillator: harmonic wells, quartic walls and a three-body coupling.</summary>
public static partial class Oscillator
{
    /// <summary>Compiled into a sigmoid network at build time; accurate for |x|, |y|, |z| ≤ 2.</summary>
    [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 0.1*(x^4 + y^4 + z^4) - 0.3*x*y*z", InputBound = 2)]
    public static partial double Energy(double x, double y, double z);

    /// <summary>The same polynomial written by hand: the exact reference and the speed floor.</summary>
    public static double ExactEnergy(double x, double y, double z)
    {
        double x2 = x * x, y2 = y * y, z2 = z * z;
        return 0.5 * (x2 + y2 + z2) + 0.1 * (x2 * x2 + y2 * y2 + z2 * z2) - 0.3 * x * y * z;
    }
}
