using System;
using System.Diagnostics;
using System.Globalization;

// Metropolis Monte Carlo of the 2-D Ising model (J = 1, no field) on a periodic L×L lattice, every acceptance test
// computed by the generated network's one-site delta, compared with Onsager's exact solution.
// Usage: Ising2D [L = 64] [measurement sweeps = 20000]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

int size = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 64;
int measureSweeps = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20000;
const int ThermaliseSweeps = 1000;
const int Blocks = 20;
const ulong Seed = 20261206;
if (size < 2 || measureSweeps < Blocks)
{
    Console.Error.WriteLine($"usage: Ising2D [L >= 2] [measurement sweeps >= {Blocks}]");
    return 2;
}

double[] temperatures = [1.5, 2.0, 2.2, 2.269, 2.4, 2.6, 3.0];
int sites = size * size;
PolyNet.LatticeNetwork lattice = Ising.EnergyLattice;

Console.WriteLine($"2-D Ising model, Metropolis: {size}×{size} periodic lattice, N = {sites:N0} spins, J = 1, h = 0");
Console.WriteLine($"network   {lattice}");
Console.WriteLine($"          {lattice.NeuronsPerSite} neurons per site ({lattice.NeuronCount(size, size):N0} unrolled), MaxErrorPerSite {lattice.MaxErrorPerSite:G3}, MaxError(N) {lattice.MaxError(sites):G3}; cliques {lattice.CliqueCount} of size {lattice.CliqueSize} (bound {lattice.CliqueNeuronBound} neurons per site)");
Console.WriteLine($"run       {ThermaliseSweeps} thermalisation + {measureSweeps} measurement sweeps per T (typewriter order), {Blocks} blocks for errors, xoshiro256** seed {Seed}");
Console.WriteLine($"          start ordered (all up) below T_c = {Onsager.CriticalTemperature:F6}, random above; ΔE of every flip from Ising.EnergyDelta");
// Finite-size scaling: at T_c the order parameter of a lattice of side L scales as L^(−β/ν) = L^(−1/8); well above
// T_c the spins decorrelate within ξ, so Σ s is a random walk of N/ξ² steps and <|m|> falls like ξ/L.
Console.WriteLine($"note      finite-size effects near T_c are expected: on a finite lattice <|m|> does not vanish at and above T_c,");
Console.WriteLine($"          at T_c it scales like L^(-1/8) = {Math.Pow(size, -1.0 / 8):F3} (times a constant of order 1), falling off like ξ/L above;");
Console.WriteLine("          and Metropolis slows down critically (τ ~ L^2.17 sweeps), so the errors next to T_c are underestimates.");
Console.WriteLine();
Console.WriteLine("    T     <|m|>    ± err   Onsager m      E/N      ± err   Onsager u     drift(E)   accept   µs/sweep   ns/flip");

// A few untimed sweeps on a scratch lattice (own generator) so that the first temperature's time per sweep is not
// the JIT compiling Sweep; the seeded run below is unaffected.
var warmUp = new Metropolis(size, ordered: false, new Xoshiro256StarStar(Seed + 1));
for (int sweep = 0; sweep < Math.Max(20, 200_000 / sites); sweep++)
{
    warmUp.Sweep(Onsager.CriticalTemperature);
}

var random = new Xoshiro256StarStar(Seed);
var absMagnetisation = new double[measureSweeps];
var energyPerSite = new double[measureSweeps];
double worstNetworkError = 0;
var total = Stopwatch.StartNew();
foreach (double temperature in temperatures)
{
    var model = new Metropolis(size, ordered: temperature < Onsager.CriticalTemperature, random);
    var clock = Stopwatch.StartNew();
    for (int sweep = 0; sweep < ThermaliseSweeps; sweep++)
    {
        model.Sweep(temperature);
    }

    long acceptedBefore = model.Accepted;
    for (int sweep = 0; sweep < measureSweeps; sweep++)
    {
        model.Sweep(temperature);
        absMagnetisation[sweep] = Math.Abs(model.Magnetisation) / (double)sites;
        energyPerSite[sweep] = model.Energy / sites;
    }

    clock.Stop();
    double microsecondsPerSweep = clock.Elapsed.TotalMicroseconds / (ThermaliseSweeps + measureSweeps);
    double acceptance = (model.Accepted - acceptedBefore) / ((double)measureSweeps * sites);

    // The tracked energy summed (ThermaliseSweeps + measureSweeps)·N·acceptance deltas, each exact to ~1e-14:
    // its drift from the network's whole-lattice Energy shows how little the rounding accumulates.
    double drift = model.Resynchronise();
    worstNetworkError = Math.Max(worstNetworkError, Math.Abs(model.Energy - model.ExactEnergy()));

    var (m, mError) = Blocking.MeanAndError(absMagnetisation, Blocks);
    var (e, eError) = Blocking.MeanAndError(energyPerSite, Blocks);
    Console.WriteLine(
        $"{temperature,6:F3}  {m,8:F5}  {mError,7:F5}  {Onsager.SpontaneousMagnetisation(temperature),8:F5}  " +
        $"{e,9:F5}  {eError,7:F5}  {Onsager.EnergyPerSite(temperature),9:F5}  {drift,12:0.0E+0}  {acceptance,6:F3}  " +
        $"{microsecondsPerSweep,9:F1}  {microsecondsPerSweep * 1000 / sites,8:F1}");
}

total.Stop();
Console.WriteLine();
bool withinBound = worstNetworkError <= lattice.MaxError(sites);
Console.WriteLine($"|Energy(network) − exact bond count| at the end of each T: max {worstNetworkError:G3}, bound MaxError(N) {lattice.MaxError(sites):G3}: {(withinBound ? "holds" : "VIOLATED")}");
Console.WriteLine($"total {total.Elapsed.TotalSeconds:F1} s");
return withinBound ? 0 : 1;
