using System;
using System.Globalization;
using PolyNet;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

double[] destination = new double[1];
Physics.Energy([0.5], [-0.25], [0.75], destination);

Console.WriteLine($"value={Physics.Energy(0.5, -0.25, 0.75):R}");
Console.WriteLine($"batch={destination[0]:R}");
Console.WriteLine($"neurons={Physics.EnergyNetwork.NeuronCount}");
Console.WriteLine($"maxError={Physics.EnergyNetwork.MaxError:R}");

public static partial class Physics
{
    [Hamiltonian("x*y + 3*x*y*z")]
    public static partial double Energy(double x, double y, double z);
}
