using System;

/// <summary>
/// The chain's state and one velocity Verlet step, p ← p − (dt/2)∂H/∂q, q ← q + dt·p, p ← p − (dt/2)∂H/∂q (∂H/∂p = p),
/// with ∂H/∂q kept from the previous step: one gradient per step. The subclasses differ only in who computes it.
/// </summary>
public abstract class Chain
{
    protected Chain(int masses, double amplitude)
    {
        Q = new double[masses];
        P = new double[masses];
        Gradient = new double[2 * masses];
        for (int j = 0; j < masses; j++)
        {
            // Mass j + 1 of 1 … N: the lowest normal mode, all the energy in mode 1.
            Q[j] = amplitude * Math.Sin(Math.PI * (j + 1) / (masses + 1));
        }
    }

    public int Masses => Q.Length;

    /// <summary>Positions of the moving masses 1 … N (the walls are not stored).</summary>
    public double[] Q { get; }

    /// <summary>Momenta (unit masses).</summary>
    public double[] P { get; }

    /// <summary>∂H/∂q at <see cref="Q"/> in the first <see cref="Masses"/> entries (the network also writes ∂H/∂p after them).</summary>
    public double[] Gradient { get; }

    /// <summary>Computes the gradient at the current positions; call once before the first step.</summary>
    public abstract void UpdateGradient();

    public void Steps(int count, double dt)
    {
        double half = 0.5 * dt;
        double[] q = Q, p = P, gradient = Gradient;
        int n = q.Length;
        for (int step = 0; step < count; step++)
        {
            for (int j = 0; j < n; j++)
            {
                p[j] -= half * gradient[j];
                q[j] += dt * p[j];
            }

            UpdateGradient();
            for (int j = 0; j < n; j++)
            {
                p[j] -= half * gradient[j];
            }
        }
    }
}

/// <summary>The force from the generated network: Fput.EnergyGradient, one backward pass over the lattice.</summary>
public sealed class NetworkChain(int masses, double amplitude) : Chain(masses, amplitude)
{
    public override void UpdateGradient() => Fput.EnergyGradient(Q, P, Masses, Gradient);
}

/// <summary>The force from the polynomial's derivative written by hand (Fput.ExactGradientQ).</summary>
public sealed class ExactChain(int masses, double amplitude) : Chain(masses, amplitude)
{
    public override void UpdateGradient() => Fput.ExactGradientQ(Q, Gradient.AsSpan(0, Masses));
}
