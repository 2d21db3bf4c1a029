using System;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using PolyNet;

// Evaluates the oscillator's network at a million random points three ways (the SIMD batch overload,
// the scalar method, and the hand-written polynomial) and checks the network against MaxError.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

const int Points = 1_000_000;
const int Repetitions = 5;

SigmoidNetwork network = Oscillator.EnergyNetwork;
Console.WriteLine($"[Hamiltonian(\"{network.Expression}\", InputBound = {network.InputBound})]");
Console.WriteLine($"  polynomial  {network.Polynomial}");
Console.WriteLine($"  network     {network.NeuronCount} neurons in {network.HiddenLayers} hidden layers, {network.SynapseCount} synapses");
Console.WriteLine($"  MaxError    {network.MaxError:G3}");
Console.WriteLine();

// Uniform inputs over the whole box |x|, |y|, |z| <= InputBound, fixed seed for reproducible output.
var random = new Random(1608);
double[] x = RandomInputs(random, Points, network.InputBound);
double[] y = RandomInputs(random, Points, network.InputBound);
double[] z = RandomInputs(random, Points, network.InputBound);
double[] batch = new double[Points];
double[] scalar = new double[Points];
double[] exact = new double[Points];

TimeSpan batchTime = Stopwatches.BestOf(Repetitions, () => Oscillator.Energy(x, y, z, batch));
TimeSpan scalarTime = Stopwatches.BestOf(Repetitions, () =>
{
    for (int i = 0; i < Points; i++)
    {
        scalar[i] = Oscillator.Energy(x[i], y[i], z[i]);
    }
});
TimeSpan exactTime = Stopwatches.BestOf(Repetitions, () =>
{
    for (int i = 0; i < Points; i++)
    {
        exact[i] = Oscillator.ExactEnergy(x[i], y[i], z[i]);
    }
});

Console.WriteLine($"{Points:N0} points, best of {Repetitions}:");
// A Debug build of PolyNet.dll (the default of `dotnet run`) leaves its vector kernels unoptimized.
if (typeof(SigmoidNetwork).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled == true)
{
    Console.WriteLine("  (PolyNet.dll is a Debug build: run with -c Release for representative batch timings)");
}

Report("network, batch (SIMD)", batchTime);
Report("network, scalar", scalarTime);
Report("exact polynomial loop", exactTime);
Console.WriteLine();

double batchError = MaxAbsDifference(batch, exact);
double scalarError = MaxAbsDifference(scalar, exact);
bool withinBound = batchError <= network.MaxError && scalarError <= network.MaxError;
Console.WriteLine($"max |network - exact|   batch {batchError:E2}   scalar {scalarError:E2}");
Console.WriteLine($"MaxError bound          {network.MaxError:E2}   {(withinBound ? "holds" : "VIOLATED")}");
return withinBound ? 0 : 1;

static double[] RandomInputs(Random random, int count, double bound)
{
    double[] values = new double[count];
    for (int i = 0; i < count; i++)
    {
        values[i] = (2 * random.NextDouble() - 1) * bound;
    }

    return values;
}

static double MaxAbsDifference(double[] actual, double[] expected)
{
    double max = 0;
    for (int i = 0; i < actual.Length; i++)
    {
        max = Math.Max(max, Math.Abs(actual[i] - expected[i]));
    }

    return max;
}

static void Report(string label, TimeSpan elapsed) =>
    Console.WriteLine($"  {label,-24} {elapsed.TotalMilliseconds,8:F1} ms   {elapsed.TotalNanoseconds / Points,6:F2} ns/point");
