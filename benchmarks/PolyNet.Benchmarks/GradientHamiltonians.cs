using PolyNet;

namespace PolyNet.Benchmarks;

/// <summary>
/// The README's three Hamiltonians with <c>Gradient = true</c> (GradientBenchmarks, --gradient), in double and float, with
/// their exact polynomials and gradients written out by hand. The oscillator is the README's (0.1 quartic, −0.3 xyz), not
/// <see cref="Hamiltonians.Oscillator"/>; <see cref="Energy"/> is the same network as <see cref="Hamiltonians.Energy"/>.
/// </summary>
public static partial class GradientHamiltonians
{
    public const string EnergyExpression = "x*y + 3*x*y*z";

    public const string OscillatorExpression = "0.5*(x^2 + y^2 + z^2) + 0.1*(x^4 + y^4 + z^4) - 0.3*x*y*z";

    public const string Product3Expression = "x*y*z";

    [Hamiltonian(EnergyExpression, Gradient = true)]
    public static partial double Energy(double x, double y, double z);

    [Hamiltonian(EnergyExpression, Gradient = true)]
    public static partial float EnergyF(float x, float y, float z);

    [Hamiltonian(OscillatorExpression, InputBound = 2, Gradient = true)]
    public static partial double Oscillator(double x, double y, double z);

    [Hamiltonian(OscillatorExpression, InputBound = 2, Gradient = true)]
    public static partial float OscillatorF(float x, float y, float z);

    [Hamiltonian(Product3Expression, Gradient = true)]
    public static partial double Product3(double x, double y, double z);

    [Hamiltonian(Product3Expression, Gradient = true)]
    public static partial float Product3F(float x, float y, float z);

    /// <summary>The exact polynomial of <paramref name="expression"/> and its gradient (∂/∂x, ∂/∂y, ∂/∂z), in double.</summary>
    public static (double Value, double Dx, double Dy, double Dz) Exact(string expression, double x, double y, double z) => expression switch
    {
        EnergyExpression => ((x * y) + (3 * x * y * z), y + (3 * y * z), x + (3 * x * z), 3 * x * y),
        OscillatorExpression => (
            (0.5 * ((x * x) + (y * y) + (z * z))) + (0.1 * ((x * x * x * x) + (y * y * y * y) + (z * z * z * z))) - (0.3 * x * y * z),
            x + (0.4 * x * x * x) - (0.3 * y * z),
            y + (0.4 * y * y * y) - (0.3 * x * z),
            z + (0.4 * z * z * z) - (0.3 * x * y)),
        _ => (x * y * z, y * z, x * z, x * y),
    };
}
