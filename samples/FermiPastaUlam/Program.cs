using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using PolyNet;

// The Fermi–Pasta–Ulam–Tsingou α-chain (1955): 32 masses with fixed ends, all the energy put into the lowest normal
// mode, integrated with velocity Verlet whose force is the generated lattice gradient Fput.EnergyGradient. It prints
// the energies of the first normal modes over time, the near-recurrence of mode 1, the energy drift, the time per step,
// and the same run with the polynomial's gradient written by hand.
// Usage: FermiPastaUlam [t_end = 24000] [dt = 0.1]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

const int Masses = 32;
const double Amplitude = 1.0;
const int TableModes = 5;
const int TableRows = 40;
const int StepsPerSample = 10;
double endTime = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 24000;
double dt = args.Length > 1 ? double.Parse(args[1], CultureInfo.InvariantCulture) : 0.1;
int steps = (int)Math.Round(endTime / dt);
if (!(dt > 0) || steps < TableRows * StepsPerSample || steps % (TableRows * StepsPerSample) != 0)
{
    Console.Error.WriteLine($"usage: FermiPastaUlam [t_end] [dt], t_end/dt a multiple of {TableRows * StepsPerSample}");
    return 2;
}

LatticeNetwork lattice = Fput.EnergyLattice;
var modes = new NormalModes(Masses, TableModes);
var network = new NetworkChain(Masses, Amplitude);
var exact = new ExactChain(Masses, Amplitude);
network.UpdateGradient();
exact.UpdateGradient();

double energy0 = Fput.ExactEnergy(network.Q, network.P);
double[] modeEnergy = new double[TableModes];
double[] exactModeEnergy = new double[TableModes];
modes.Energies(network.Q, network.P, modeEnergy);
double mode1Energy0 = modeEnergy[0];
double period1 = 2 * Math.PI / modes.Frequency(1);
// Zabusky's estimate from the KdV continuum limit, as usually quoted: T_R ≈ 0.44·T_1·(N³/(αA))^½.
double estimate = 0.44 * Math.Sqrt(Math.Pow(Masses, 3) / (Fput.Alpha * Amplitude));

Console.WriteLine($"Fermi–Pasta–Ulam–Tsingou α-chain: N = {Masses} moving masses between fixed walls, α = {Fput.Alpha}, unit masses and springs");
Console.WriteLine($"network   {lattice}");
Console.WriteLine($"          site polynomial {lattice.SitePolynomial}");
Console.WriteLine($"          MaxErrorPerSite {lattice.MaxErrorPerSite:G3}, MaxError({Masses}) {lattice.MaxError(Masses):G3}, MaxGradientError {lattice.MaxGradientError:G3} (each gradient entry)");
Console.WriteLine($"start     q_j = A·sin(πj/{Masses + 1}), A = {Amplitude}, p = 0: E(0) = {energy0:F6}, E_1(0) = {mode1Energy0:F6} (all in mode 1), T_1 = 2π/ω_1 = {period1:F2}");
Console.WriteLine($"run       velocity Verlet, dt = {dt}, t = 0 … {endTime} ({steps:N0} steps, {endTime / period1:F0} T_1), force −∂H/∂q from Fput.EnergyGradient");
Console.WriteLine($"estimate  recurrence T_R ≈ 0.44·T_1·(N³/(αA))^½ = {estimate:F0} T_1 = {estimate * period1:F0} (Zabusky, KdV limit)");
Console.WriteLine();
Console.WriteLine($"E_k/E(0) of the first {TableModes} normal modes (network trajectory), every T/{TableRows}; last column (E(t) − E(0))/E(0):");
Console.Write("       t     t/T_1");
for (int k = 1; k <= TableModes; k++)
{
    Console.Write($"     E_{k}");
}

Console.WriteLine("     drift");
PrintRow(0, modeEnergy, 0);

// Sampled every step (energy) and every StepsPerSample steps (modes, trajectories, gradients).
int samples = steps / StepsPerSample;
int samplesPerRow = samples / TableRows;
var mode1 = new double[samples + 1];
var exactMode1 = new double[samples + 1];
mode1[0] = exactMode1[0] = 1;
double maxDrift = 0, exactMaxDrift = 0, drift = 0, exactDrift = 0;
var maxDriftByHalf = new double[2];
double maxPositionDifference = 0, maxModeDifference = 0;
double maxGradientDifference = 0, maxEnergyDifference = 0;
double maxPosition = 0, maxMomentum = 0;
var exactGradient = new double[Masses];
var checkGradient = new double[2 * Masses];
for (int step = 1; step <= steps; step++)
{
    network.Steps(1, dt);
    exact.Steps(1, dt);
    drift = (Fput.ExactEnergy(network.Q, network.P) - energy0) / energy0;
    exactDrift = (Fput.ExactEnergy(exact.Q, exact.P) - energy0) / energy0;
    maxDrift = Math.Max(maxDrift, Math.Abs(drift));
    int half = 2 * (step - 1) / steps;
    maxDriftByHalf[half] = Math.Max(maxDriftByHalf[half], Math.Abs(drift));
    exactMaxDrift = Math.Max(exactMaxDrift, Math.Abs(exactDrift));
    if (step % StepsPerSample != 0)
    {
        continue;
    }

    int sample = step / StepsPerSample;
    modes.Energies(network.Q, network.P, modeEnergy);
    modes.Energies(exact.Q, exact.P, exactModeEnergy);
    mode1[sample] = modeEnergy[0] / mode1Energy0;
    exactMode1[sample] = exactModeEnergy[0] / mode1Energy0;
    for (int k = 0; k < TableModes; k++)
    {
        maxModeDifference = Math.Max(maxModeDifference, Math.Abs(modeEnergy[k] - exactModeEnergy[k]));
    }

    // A fresh EnergyGradient at the sample's (q, p) (the one inside the step saw the half-step momenta) against the
    // derivative written by hand at the same point: the q part against ExactGradientQ, the p part against p.
    double networkEnergy = Fput.EnergyGradient(network.Q, network.P, Masses, checkGradient);
    double exactEnergy = Fput.ExactEnergy(network.Q, network.P);
    Fput.ExactGradientQ(network.Q, exactGradient);
    for (int j = 0; j < Masses; j++)
    {
        maxPositionDifference = Math.Max(maxPositionDifference, Math.Abs(network.Q[j] - exact.Q[j]));
        maxGradientDifference = Math.Max(maxGradientDifference, Math.Abs(checkGradient[j] - exactGradient[j]));
        maxGradientDifference = Math.Max(maxGradientDifference, Math.Abs(checkGradient[Masses + j] - network.P[j]));
        maxPosition = Math.Max(maxPosition, Math.Abs(network.Q[j]));
        maxMomentum = Math.Max(maxMomentum, Math.Abs(network.P[j]));
    }

    maxEnergyDifference = Math.Max(maxEnergyDifference, Math.Abs(networkEnergy - exactEnergy));
    maxEnergyDifference = Math.Max(maxEnergyDifference, Math.Abs(Fput.Energy(network.Q, network.P, Masses) - exactEnergy));
    if (sample % samplesPerRow == 0)
    {
        PrintRow(step * dt, modeEnergy, drift);
    }
}

Console.WriteLine();
double sampleTime = StepsPerSample * dt;
List<(double Time, double Fraction, bool Complete)> returns = Returns(mode1);
List<(double Time, double Fraction, bool Complete)> exactReturns = Returns(exactMode1);
double drained = FirstBelow(mode1, 0.25);
Console.WriteLine($"mode 1    falls below 25% of E_1(0) at t = {drained:F0}; its returns (E_1 peaks between rising above 50% and falling below 25%, sampled every Δt = {sampleTime}):");
foreach (var (time, fraction, complete) in returns)
{
    Console.WriteLine($"          t = {time,7:F0} ({time / period1,5:F1} T_1): E_1 = {100 * fraction:F1}% of E_1(0){(complete ? "" : " (still rising when the run ends)")}");
}

if (returns.Count > 0)
{
    var (time, fraction, _) = returns[0];
    Console.WriteLine($"          => mode 1 holds {100 * fraction * mode1Energy0 / energy0:F1}% of the energy again at t = {time:F0} = {time / period1:F1} T_1 (estimate {estimate:F0} T_1)");
}

Console.WriteLine();
Console.WriteLine($"energy    max |E(t) − E(0)|/E(0) over all {steps:N0} steps {maxDrift:0.00E+0}, at the end {drift:0.00E+0} (E the exact H of the network trajectory)");
Console.WriteLine($"          max over the first half {maxDriftByHalf[0]:0.00E+0}, over the second half {maxDriftByHalf[1]:0.00E+0}: {(maxDriftByHalf[1] <= 1.5 * maxDriftByHalf[0] ? "bounded, no secular growth (velocity Verlet is symplectic)" : "it GROWS")}");
Console.WriteLine($"          hand-written gradient: max {exactMaxDrift:0.00E+0}, at the end {exactDrift:0.00E+0}");

// Timing: the bare integration again from the start, gradient and updates only, after a JIT warm-up.
double networkNs = TimeSteps(() => new NetworkChain(Masses, Amplitude), steps, dt);
double exactNs = TimeSteps(() => new ExactChain(Masses, Amplitude), steps, dt);
Console.WriteLine($"time      network gradient {networkNs:F0} ns per step = {networkNs / Masses:F1} ns per site; hand-written gradient {exactNs:F0} ns per step = {exactNs / Masses:F2} ns per site (best of 3 runs of {steps:N0} steps)");
Console.WriteLine();

Console.WriteLine($"vs exact  the same run with the hand-written gradient (Fput.ExactGradientQ), sampled every Δt = {sampleTime}:");
Console.WriteLine($"          max |q_network − q_exact| {maxPositionDifference:0.00E+0}, max |E_k network − E_k exact| (k ≤ {TableModes}) {maxModeDifference:0.00E+0} = {maxModeDifference / energy0:0.00E+0} E(0)");
if (exactReturns.Count > 0)
{
    Console.WriteLine($"          first return with the exact gradient: t = {exactReturns[0].Time:F0}, E_1 = {100 * exactReturns[0].Fraction:F1}% of E_1(0)");
}

bool inside = maxPosition <= lattice.Site.InputBound && maxMomentum <= lattice.Site.InputBound;
bool gradientHolds = maxGradientDifference <= lattice.MaxGradientError;
bool energyHolds = maxEnergyDifference <= lattice.MaxError(Masses);
Console.WriteLine($"          max |q| {maxPosition:F3}, max |p| {maxMomentum:F3}: {(inside ? "inside" : "OUTSIDE")} InputBound {lattice.Site.InputBound}");
Console.WriteLine($"          max |EnergyGradient − exact derivative| {maxGradientDifference:0.00E+0} per entry, MaxGradientError {lattice.MaxGradientError:0.00E+0}: {(gradientHolds ? "holds" : "VIOLATED")}");
Console.WriteLine($"          max |Energy, EnergyGradient's energy − exact H| {maxEnergyDifference:0.00E+0}, MaxError({Masses}) {lattice.MaxError(Masses):0.00E+0}: {(energyHolds ? "holds" : "VIOLATED")}");
return inside && gradientHolds && energyHolds ? 0 : 1;

void PrintRow(double time, double[] energies, double relativeDrift)
{
    Console.Write($"{time,8:F0}  {time / period1,8:F1}");
    foreach (double e in energies)
    {
        Console.Write($"  {e / energy0,6:F4}");
    }

    Console.WriteLine($"  {relativeDrift,8:0.0E+0}");
}

double FirstBelow(double[] series, double level)
{
    int index = Array.FindIndex(series, value => value < level);
    return index < 0 ? double.NaN : index * StepsPerSample * dt;
}

// After mode 1 first falls below 25% of its initial energy: each excursion above 50% and its peak.
List<(double Time, double Fraction, bool Complete)> Returns(double[] series)
{
    var found = new List<(double, double, bool)>();
    int start = Array.FindIndex(series, value => value < 0.25);
    bool drainedNow = true;
    int peak = -1;
    for (int i = Math.Max(start, 0); start >= 0 && i < series.Length; i++)
    {
        if (drainedNow && series[i] > 0.5)
        {
            drainedNow = false;
            peak = i;
        }
        else if (!drainedNow && series[i] > series[peak])
        {
            peak = i;
        }
        else if (!drainedNow && series[i] < 0.25)
        {
            found.Add((peak * StepsPerSample * dt, series[peak], true));
            drainedNow = true;
        }
    }

    if (!drainedNow)
    {
        found.Add((peak * StepsPerSample * dt, series[peak], peak < series.Length - 1));
    }

    return found;
}

static double TimeSteps(Func<Chain> create, int steps, double dt)
{
    // Warm-up: enough calls for the tiered JIT to promote the step loop and the gradient.
    Chain warmUp = create();
    warmUp.UpdateGradient();
    var clock = Stopwatch.StartNew();
    while (clock.ElapsedMilliseconds < 300)
    {
        warmUp.Steps(1000, dt);
    }

    double best = double.PositiveInfinity;
    for (int run = 0; run < 3; run++)
    {
        Chain chain = create();
        chain.UpdateGradient();
        clock.Restart();
        chain.Steps(steps, dt);
        clock.Stop();
        best = Math.Min(best, clock.Elapsed.TotalNanoseconds / steps);
    }

    return best;
}
