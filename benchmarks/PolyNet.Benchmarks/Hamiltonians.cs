using PolyNet;

namespace PolyNet.Benchmarks;

/// <summary>The benchmarked Hamiltonians, in double and float, with their exact polynomials written out by hand.</summary>
public static partial class Hamiltonians
{
    public const string Anharmonic = "0.5*(x^2 + y^2 + z^2) + 0.25*(x^4 + y^4 + z^4) + 0.1*(x*y + y*z + x*z) - 0.05*x*y*z";

    [Hamiltonian("x*y + 3*x*y*z")]
    public static partial double Energy(double x, double y, double z);

    [Hamiltonian("x*y + 3*x*y*z")]
    public static partial float EnergyF(float x, float y, float z);

    [Hamiltonian("a*b*c*d*e*f*g*h")]
    public static partial double Product8(double a, double b, double c, double d, double e, double f, double g, double h);

    [Hamiltonian("a*b*c*d*e*f*g*h")]
    public static partial float Product8F(float a, float b, float c, float d, float e, float f, float g, float h);

    /// <summary>The product of 8 with three lower-degree products beside it: sub-products shared across monomials.</summary>
    public const string MixedProducts = "a*b*c*d*e*f*g*h + a*b - c*d*e + 0.5*f^2*g";

    [Hamiltonian(MixedProducts)]
    public static partial double Mixed8(double a, double b, double c, double d, double e, double f, double g, double h);

    [Hamiltonian(MixedProducts)]
    public static partial float Mixed8F(float a, float b, float c, float d, float e, float f, float g, float h);

    /// <summary>A 3-D anharmonic oscillator: quadratic + quartic + couplings, ten monomials.</summary>
    [Hamiltonian(Anharmonic, InputBound = 2)]
    public static partial double Oscillator(double x, double y, double z);

    [Hamiltonian(Anharmonic, InputBound = 2)]
    public static partial float OscillatorF(float x, float y, float z);

    public static double EnergyExact(double x, double y, double z) => (x * y) + (3 * x * y * z);

    public static double Product8Exact(double a, double b, double c, double d, double e, double f, double g, double h) => a * b * c * d * e * f * g * h;

    public static double Mixed8Exact(double a, double b, double c, double d, double e, double f, double g, double h) =>
        (a * b * c * d * e * f * g * h) + (a * b) - (c * d * e) + (0.5 * f * f * g);

    public static double OscillatorExact(double x, double y, double z)
    {
        double x2 = x * x, y2 = y * y, z2 = z * z;
        return (0.5 * (x2 + y2 + z2)) + (0.25 * ((x2 * x2) + (y2 * y2) + (z2 * z2))) + (0.1 * ((x * y) + (y * z) + (x * z))) - (0.05 * x * y * z);
    }
}
