System.Console.WriteLine(Physics.Energy(1, 2));

public static partial class Physics
{
    [PolyNet.Hamiltonian("3x + y")]
    public static partial double Energy(double x, double y);
}
