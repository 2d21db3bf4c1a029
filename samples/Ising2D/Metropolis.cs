using System;

/// <summary>
/// Single-spin-flip Metropolis dynamics of the periodic L×L Ising lattice. Every acceptance test uses the generated
/// network's <see cref="Ising.EnergyDelta"/>: the energy change of one flip, from the few neurons that read that site.
/// The energy is tracked by adding the accepted deltas; the magnetisation (an exact integer) by adding ∓2.
/// </summary>
public sealed class Metropolis
{
    private readonly sbyte[] spins;
    private readonly Xoshiro256StarStar random;

    /// <summary>A lattice of side <paramref name="size"/>, all spins up (ordered) or independently random (disordered).</summary>
    public Metropolis(int size, bool ordered, Xoshiro256StarStar random)
    {
        Size = size;
        this.random = random;
        spins = new sbyte[size * size];
        for (int site = 0; site < spins.Length; site++)
        {
            spins[site] = ordered || (random.NextUInt64() >> 63) == 0 ? (sbyte)1 : (sbyte)-1;
        }

        Magnetisation = ordered ? spins.Length : SumOfSpins();
        Energy = Ising.Energy(spins, size, size);
    }

    /// <summary>L, the side of the lattice.</summary>
    public int Size { get; }

    /// <summary>N = L², the number of spins.</summary>
    public int Sites => spins.Length;

    /// <summary>The energy, tracked from the network's deltas of every accepted flip.</summary>
    public double Energy { get; private set; }

    /// <summary>Σ s, tracked exactly.</summary>
    public int Magnetisation { get; private set; }

    /// <summary>Accepted flips since construction.</summary>
    public long Accepted { get; private set; }

    /// <summary>The spins, row-major.</summary>
    public ReadOnlySpan<sbyte> Spins => spins;

    /// <summary>
    /// One sweep: a flip attempt at every site in row-major (typewriter) order, which keeps the Boltzmann distribution
    /// stationary (each single-site step satisfies detailed balance) and visits each site exactly once.
    /// </summary>
    public void Sweep(double temperature)
    {
        int size = Size;
        for (int site = 0; site < spins.Length; site++)
        {
            double delta = Ising.EnergyDelta(spins, size, size, site);

            // Metropolis: accept with probability min(1, e^(−ΔE/T)). The network's ΔE carries an error of order
            // 1e-14 around the exact −8, −4, 0, 4, 8, so a "zero" ΔE can be +1e-15; e^(−1e-15/T) < 1 by a negligible amount.
            if (delta <= 0 || random.NextDouble() < Math.Exp(-delta / temperature))
            {
                Magnetisation -= 2 * spins[site];
                spins[site] = (sbyte)-spins[site];
                Energy += delta;
                Accepted++;
            }
        }
    }

    /// <summary>Replaces the tracked energy by the network's whole-lattice energy (after the drift has been read).</summary>
    public double Resynchronise()
    {
        double drift = Energy - Ising.Energy(spins, Size, Size);
        Energy -= drift;
        return drift;
    }

    /// <summary>The exact energy, −Σ over the 2N bonds of s·s', by plain integer counting: to check the network against.</summary>
    public int ExactEnergy()
    {
        int size = Size, energy = 0;
        for (int row = 0; row < size; row++)
        {
            int down = (row + 1) % size;
            for (int column = 0; column < size; column++)
            {
                int s = spins[(row * size) + column];
                energy -= s * (spins[(down * size) + column] + spins[(row * size) + ((column + 1) % size)]);
            }
        }

        return energy;
    }

    private int SumOfSpins()
    {
        int sum = 0;
        foreach (sbyte s in spins)
        {
            sum += s;
        }

        return sum;
    }
}
