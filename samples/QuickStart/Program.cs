using System;
using System.Globalization;
using PolyNet;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

Show(Physics.EnergyNetwork, (x, y, z) => Physics.Energy(x, y, z), [(0.5, -0.25, 0.75), (1, 1, 1), (-0.9, 0.3, -0.6)]);
Show(Physics.OscillatorNetwork, (x, y, z) => Physics.Oscillator(x, y, z), [(0.5, -0.25, 0.75), (1, 1, 1), (-0.9, 0.3, -0.6)]);
Show(Physics.ProductNetwork, (x, y, z) => Physics.Product((float)x, (float)y, (float)z), [(0.5, -0.25, 0.75), (1, 1, 1), (-0.9, 0.3, -0.6)]);

static void Show(SigmoidNetwork network, Func<double, double, double, double> evaluate, (double X, double Y, double Z)[] points)
{
    Console.WriteLine($"[Hamiltonian(\"{network.Expression}\")]");
    Console.WriteLine($"  polynomial    {network.Polynomial}");
    Console.WriteLine($"  neurons       {network.NeuronCount} in {network.HiddenLayers} hidden layers ({network.SynapseCount} synapses)");
    Console.WriteLine($"  max error     {network.MaxError:G3} for |x|, |y|, |z| <= {network.InputBound}");
    foreach (var (x, y, z) in points)
    {
        double value = evaluate(x, y, z);
        double exact = network.EvaluatePolynomial([x, y, z]);
        Console.WriteLine($"  H({x,5}, {y,5}, {z,5}) = {value,22:R}   exact {exact,22:R}   |diff| {Math.Abs(value - exact):E2}");
    }

    Console.WriteLine();
}

/// <summary>Three Hamiltonians compiled into sigmoid networks at build time.</summary>
public static partial class Physics
{
    /// <summary>The README's example: x·y is shared by both monomials, so 8 neurons suffice.</summary>
    [Hamiltonian("x*y + 3*x*y*z")]
    public static partial double Energy(double x, double y, double z);

    /// <summary>An anharmonic oscillator with a quartic term and a coupling, inputs up to 2 in magnitude.</summary>
    [Hamiltonian("0.5*(x^2 + y^2 + z^2) + 0.1*(x^4 + y^4 + z^4) - 0.3*x*y*z", InputBound = 2)]
    public static partial double Oscillator(double x, double y, double z);

    /// <summary>The same product in single precision.</summary>
    [Hamiltonian("x*y*z")]
    public static partial float Product(float x, float y, float z);
}
