using PolyNet;

namespace PolyNet.Onnx.Tests;

/// <summary>The networks the export is tested on: the README's Hamiltonians and a few other shapes, double and float.</summary>
public static partial class Hamiltonians
{
    [Hamiltonian("x*y + 3*x*y*z")]
    public static partial double Readme(double x, double y, double z);

    [Hamiltonian("x*y + 3*x*y*z")]
    public static partial float ReadmeF(float x, float y, float z);

    [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 0.1*(x^4 + y^4 + z^4) - 0.3*x*y*z", InputBound = 2)]
    public static partial double Oscillator(double x, double y, double z);

    [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 0.1*(x^4 + y^4 + z^4) - 0.3*x*y*z", InputBound = 2)]
    public static partial float OscillatorF(float x, float y, float z);

    [Hamiltonian("x*y*z")]
    public static partial float Triple(float x, float y, float z);

    [Hamiltonian("x*y*z")]
    public static partial double TripleD(double x, double y, double z);

    [Hamiltonian("a*b*c*d*e*f*g*h")]
    public static partial double Product8(double a, double b, double c, double d, double e, double f, double g, double h);

    [Hamiltonian("x*s + 2*x*y*s*t - s*t + 0.5*x + t*u", InputBound = 1.5)]
    public static partial double Mixed(double x, double y, [Spin] int s, [Spin] int t, bool u);

    [Hamiltonian("a*b*c*d", MaxHiddenLayers = 1)]
    public static partial double Flat4(double a, double b, double c, double d);
}

/// <summary>A classifier and a lattice for the export tests.</summary>
public static partial class Models
{
    [Category("sunny", "0.5*(t - 1)^2 + 2*(h - 0.2)^2", Prior = 0.6)]
    [Category("rainy", "0.5*(t + 0.5)^2 + (h - 0.8)^2 + 0.3*t*h", Prior = 0.4)]
    [Category("windy", "t*h + 0.2*h^2", Prior = 0.2)]
    public static partial int Weather(double t, double h, System.Span<double> probabilities);

    [Hamiltonian("sum(i < rows, j < columns: 0.5*(phi[i+1,j] - phi[i,j])^2 + 0.5*(phi[i,j+1] - phi[i,j])^2 + 0.25*phi[i,j]^4)", InputBound = 1.5)]
    public static partial double Phi4(System.ReadOnlySpan<double> phi, int rows, int columns);
}
