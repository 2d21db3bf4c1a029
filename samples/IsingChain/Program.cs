using System;
using System.Globalization;
using System.Linq;
using PolyNet;

// Every one of the 2^10 states of the chain through the generated network, checked against the exact
// polynomial, then the Boltzmann distribution over those energies at a few temperatures.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

const int Spins = 10;
const int States = 1 << Spins;

SigmoidNetwork network = Chain.EnergyNetwork;
Console.WriteLine($"H = {network.Polynomial}");
Console.WriteLine($"  network     {network.NeuronCount} neurons in {network.HiddenLayers} hidden layer, {network.SynapseCount} synapses (one neuron per bond)");
Console.WriteLine($"  MaxError    {network.MaxError:G3}");
Console.WriteLine();

// State number k has spin i = +1 when bit i of k is set, else -1. The batch overload takes one span per
// spin: spins[i][k] is spin i in state k.
int[][] spins = new int[Spins][];
for (int i = 0; i < Spins; i++)
{
    spins[i] = new int[States];
    for (int state = 0; state < States; state++)
    {
        spins[i][state] = ((state >> i) & 1) == 1 ? 1 : -1;
    }
}

double[] energies = new double[States];
Chain.Energy(spins[0], spins[1], spins[2], spins[3], spins[4], spins[5], spins[6], spins[7], spins[8], spins[9], energies);

double[] exact = new double[States];
double maxBatchError = 0;
for (int state = 0; state < States; state++)
{
    exact[state] = network.EvaluatePolynomial(SpinsOf(state).Select(s => (double)s).ToArray());
    maxBatchError = Math.Max(maxBatchError, Math.Abs(energies[state] - exact[state]));
}

// The scalar method for a few named states: all up, all down, alternating, one domain wall.
Console.WriteLine("scalar method:");
double maxScalarError = 0;
foreach (int state in new[] { States - 1, 0, 0b0101010101, 0b0000011111 })
{
    int[] s = SpinsOf(state);
    double energy = Chain.Energy(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7], s[8], s[9]);
    maxScalarError = Math.Max(maxScalarError, Math.Abs(energy - exact[state]));
    Console.WriteLine($"  {Picture(state)}  H = {energy,22:R}   exact {exact[state],5}");
}

Console.WriteLine();
bool withinBound = maxBatchError <= network.MaxError && maxScalarError <= network.MaxError;
Console.WriteLine($"all {States} states, batch overload: max |network - exact| {maxBatchError:G3} (scalar, 4 states: {maxScalarError:G3})");
Console.WriteLine($"MaxError bound {network.MaxError:G3}: {(withinBound ? "holds" : "VIOLATED")}");
Console.WriteLine();

// Energy levels, lowest first, with their degeneracy; the exact energies are multiples of 0.5.
Console.WriteLine("lowest energy levels (spin 1 on the left, + is up):");
foreach (var level in Enumerable.Range(0, States).GroupBy(state => exact[state]).OrderBy(level => level.Key).Take(4))
{
    string examples = string.Join(" ", level.Take(4).Select(Picture)) + (level.Count() > 4 ? " ..." : "");
    Console.WriteLine($"  H = {level.Key,5}  x{level.Count(),-2}  {examples}");
}

Console.WriteLine();

// Boltzmann weights from the network's energies, shifted by the ground energy so that nothing overflows
// at low temperature: Z = e^(-E0/T) * sum e^(-(E - E0)/T).
double groundEnergy = energies.Min();
int groundState = Array.IndexOf(energies, groundEnergy);
Console.WriteLine("   T            Z   p(ground)       <H>   <|M|>");
foreach (double temperature in new[] { 0.5, 1, 2, 5 })
{
    double shiftedZ = 0, energySum = 0, magnetisationSum = 0;
    for (int state = 0; state < States; state++)
    {
        double weight = Math.Exp(-(energies[state] - groundEnergy) / temperature);
        shiftedZ += weight;
        energySum += weight * energies[state];
        magnetisationSum += weight * Math.Abs(SpinsOf(state).Sum());
    }

    double z = Math.Exp(-groundEnergy / temperature) * shiftedZ;
    Console.WriteLine($"{temperature,4:F1} {z,12:0.0000e+0} {1 / shiftedZ,11:F6} {energySum / shiftedZ,9:F4} {magnetisationSum / shiftedZ,7:F4}");
}

Console.WriteLine($"(ground state {Picture(groundState)}, H = {groundEnergy:R}; |M| is out of {Spins})");
Console.WriteLine();

// A spin must be -1 or +1: the generated method checks before computing anything.
try
{
    Chain.Energy(1, 1, 1, 0, 1, 1, 1, 1, 1, 1);
}
catch (ArgumentOutOfRangeException exception)
{
    Console.WriteLine($"Energy(1, 1, 1, 0, ...) throws {exception.GetType().Name} for '{exception.ParamName}':");
    Console.WriteLine("  " + exception.Message.ReplaceLineEndings(Environment.NewLine + "  "));
}

return withinBound ? 0 : 1;

static int[] SpinsOf(int state) =>
    Enumerable.Range(0, Spins).Select(i => ((state >> i) & 1) == 1 ? 1 : -1).ToArray();

static string Picture(int state) =>
    string.Concat(SpinsOf(state).Select(s => s > 0 ? '+' : '-'));
