using System;
using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Tests.CompileAndRun;

namespace PolyNet.Generators.Tests.Lattice;

/// <summary>
/// The generated lattice loops against exact arithmetic (written out site by site, independently of the generator's
/// lattice stage), against the unrolled network evaluated neuron by neuron, and EnergyDelta against the difference of
/// two energies.
/// </summary>
public sealed class LatticeEnergyTests
{
    private delegate double SpinLattice(ReadOnlySpan<sbyte> s, int rows, int columns);

    private delegate double SpinDelta(ReadOnlySpan<sbyte> s, int rows, int columns, int site);

    private delegate float IntSpinLattice(ReadOnlySpan<int> s, int rows, int columns);

    private delegate double Chain(ReadOnlySpan<double> phi, int n);

    private delegate double ChainDelta(ReadOnlySpan<double> phi, int n, int site, double newValue);

    private delegate double BitLattice(ReadOnlySpan<bool> t, int a, int b, int c);

    private delegate double BitDelta(ReadOnlySpan<bool> t, int a, int b, int c, int site);

    private delegate double MixedChain(double h, ReadOnlySpan<double> phi, int n);

    private delegate double MixedDelta(double h, ReadOnlySpan<double> phi, int n, int site, double newValue);

    [Theory]
    [InlineData("Ising", false)]
    [InlineData("IsingOpen", true)]
    public void Every_state_of_a_4x4_spin_lattice_matches_exact_arithmetic_and_the_unrolled_network(string name, bool open)
    {
        var energy = LatticeSources.Method<SpinLattice>(name);
        var delta = LatticeSources.Method<SpinDelta>(name + "Delta");
        var lattice = LatticeSources.Lattice(name);
        var unrolled = LatticeSources.Unrolled(name, 4, 4);
        Assert.Equal(2, lattice.NeuronsPerSite);
        Assert.Equal(open ? 24 : 32, unrolled.NeuronCount);
        double bound = lattice.MaxError(16);
        Assert.InRange(bound, 1e-300, 1e-9);
        var s = new sbyte[16];
        var inputs = new double[16];
        double worst = 0;
        for (int state = 0; state < 1 << 16; state++)
        {
            for (int k = 0; k < 16; k++)
            {
                s[k] = (sbyte)(((state >> k) & 1) == 1 ? 1 : -1);
            }

            double value = energy(s, 4, 4);
            worst = Math.Max(worst, Math.Abs(value - (double)ExactIsing(s, 4, 4, open)));
            if (state % 97 == 0)
            {
                for (int k = 0; k < 16; k++)
                {
                    inputs[k] = s[k];
                }

                Assert.Equal((double)ExactIsing(s, 4, 4, open), unrolled.EvaluatePolynomial(inputs), 12);
                Assert.True(Math.Abs(value - unrolled.Evaluate(inputs)) <= 2 * bound, $"state {state}: loop {value}, neuron by neuron {unrolled.Evaluate(inputs)}");
            }

            if (state % 61 == 0)
            {
                int site = state % 16;
                double change = delta(s, 4, 4, site);
                s[site] = (sbyte)-s[site];
                double after = energy(s, 4, 4);
                s[site] = (sbyte)-s[site];
                Assert.True(Math.Abs(change - (after - value)) <= 1e-9 * 16, $"state {state}, site {site}: delta {change}, difference {after - value}");
            }
        }

        Assert.True(worst <= bound, $"worst error {worst} > MaxError(16) {bound}");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 5)]
    [InlineData(2, 2)]
    [InlineData(2, 9)]
    [InlineData(3, 17)]
    [InlineData(5, 40)]
    public void Spin_lattices_of_any_shape_match_exact_arithmetic_in_double_and_float(int rows, int columns)
    {
        var random = new Random(rows * 100 + columns);
        var s = Enumerable.Range(0, rows * columns).Select(_ => (sbyte)(random.Next(2) * 2 - 1)).ToArray();
        var ints = s.Select(v => (int)v).ToArray();
        foreach (bool open in new[] { false, true })
        {
            string name = open ? "IsingOpen" : "Ising";
            double value = LatticeSources.Method<SpinLattice>(name)(s, rows, columns);
            Assert.True(Math.Abs(value - (double)ExactIsing(s, rows, columns, open)) <= LatticeSources.Lattice(name).MaxError(rows * columns));
            for (int site = 0; site < s.Length; site += 3)
            {
                double change = LatticeSources.Method<SpinDelta>(name + "Delta")(s, rows, columns, site);
                s[site] = (sbyte)-s[site];
                double after = (double)ExactIsing(s, rows, columns, open);
                s[site] = (sbyte)-s[site];
                Assert.True(Math.Abs(change - (after - (double)ExactIsing(s, rows, columns, open))) <= 1e-9 * s.Length, $"{name} {rows}x{columns} site {site}");
            }
        }

        float single = LatticeSources.Method<IntSpinLattice>("IsingSingle")(ints, rows, columns);
        double singleBound = LatticeSources.Lattice("IsingSingle").MaxError(rows * columns);
        Assert.InRange(singleBound, 1e-12, 1e-3);
        Assert.True(Math.Abs(single - (double)ExactIsing(s, rows, columns, open: false)) <= singleBound, $"float {single} vs {ExactIsing(s, rows, columns, false)}, bound {singleBound}");
    }

    [Fact]
    public void Every_state_of_a_3x3x2_bit_lattice_matches_exact_arithmetic()
    {
        var energy = LatticeSources.Method<BitLattice>("Bits");
        var delta = LatticeSources.Method<BitDelta>("BitsDelta");
        var lattice = LatticeSources.Lattice("Bits");
        double bound = lattice.MaxError(18);
        var unrolled = LatticeSources.Unrolled("Bits", 3, 3, 2);
        var t = new bool[18];
        var inputs = new double[18];
        for (int state = 0; state < 1 << 18; state++)
        {
            for (int k = 0; k < 18; k++)
            {
                t[k] = ((state >> k) & 1) == 1;
            }

            double value = energy(t, 3, 3, 2);
            double exact = ExactBits(t, 3, 3, 2);
            Assert.True(Math.Abs(value - exact) <= bound, $"state {state}: {value} vs {exact}");
            if (state % 1009 == 0)
            {
                for (int k = 0; k < 18; k++)
                {
                    inputs[k] = t[k] ? 1 : 0;
                }

                Assert.Equal(exact, unrolled.EvaluatePolynomial(inputs), 12);
                Assert.True(Math.Abs(value - unrolled.Evaluate(inputs)) <= 2 * bound);
                int site = state % 18;
                double change = delta(t, 3, 3, 2, site);
                t[site] = !t[site];
                double after = ExactBits(t, 3, 3, 2);
                t[site] = !t[site];
                Assert.True(Math.Abs(change - (after - exact)) <= 1e-9 * 18, $"state {state}, site {site}");
            }
        }
    }

    [Theory]
    [InlineData("Phi4", true)]
    [InlineData("Phi4Periodic", false)]
    public void A_16_site_phi4_chain_matches_exact_rational_arithmetic_at_random_points(string name, bool open)
    {
        const int N = 16;
        var energy = LatticeSources.Method<Chain>(name);
        var delta = LatticeSources.Method<ChainDelta>(name + "Delta");
        var lattice = LatticeSources.Lattice(name);
        var unrolled = LatticeSources.Unrolled(name, N);
        var variables = Enumerable.Range(0, N).Select(i => $"p{i}").ToList();
        string P(int i) => open && (i < 0 || i >= N) ? "0" : $"p{((i % N) + N) % N}";
        string text = string.Join(" + ", Enumerable.Range(0, N).Select(i => $"0.5*({P(i + 1)} - {P(i)})^2 + 0.5*{P(i)}^2 + 0.25*{P(i)}^4"));
        var exact = new ExactPolynomial(text, variables);
        var random = new Random(open ? 11 : 12);
        double bound = lattice.MaxError(N);
        Assert.InRange(bound, 1e-300, 1e-8);
        for (int trial = 0; trial < 200; trial++)
        {
            var phi = Enumerable.Range(0, N).Select(_ => (random.NextDouble() * 4) - 2).ToArray();
            double value = energy(phi, N);
            var reference = exact.Evaluate(phi);
            Assert.True(ExactPolynomial.Distance(value, reference) <= bound, $"trial {trial}: {value} vs {reference.ToDouble()}, bound {bound}");
            Assert.True(ExactPolynomial.Distance(unrolled.EvaluatePolynomial(phi), reference) <= 1e-12 * (1 + Math.Abs(value)));
            Assert.True(Math.Abs(value - unrolled.Evaluate(phi)) <= 2 * bound);
            int site = trial % N;
            double newValue = (random.NextDouble() * 4) - 2;
            double change = delta(phi, N, site, newValue);
            phi[site] = newValue;
            double after = energy(phi, N);
            Assert.True(Math.Abs(change - (after - value)) <= 1e-9 * N, $"trial {trial}, site {site}: {change} vs {after - value}");
        }
    }

    [Fact]
    public void A_field_mixed_with_a_scalar_and_a_constant_outside_the_sum()
    {
        const int N = 7;
        var energy = LatticeSources.Method<MixedChain>("Mixed");
        var delta = LatticeSources.Method<MixedDelta>("MixedDelta");
        string P(int i) => i < 0 || i >= N ? "0" : $"p{i}";
        string text = string.Join(" + ", Enumerable.Range(0, N).Select(i => $"h*{P(i)}*{P(i - 1)} - 0.5*{P(i)}^2 + {P(i + 1)}*{P(i)}")) + " + 3";
        var exact = new ExactPolynomial(text, Enumerable.Range(0, N).Select(i => $"p{i}").Prepend("h").ToList());
        var random = new Random(5);
        double bound = LatticeSources.Lattice("Mixed").MaxError(N);
        for (int trial = 0; trial < 100; trial++)
        {
            double h = (random.NextDouble() * 2) - 1;
            var phi = Enumerable.Range(0, N).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
            double value = energy(h, phi, N);
            Assert.True(ExactPolynomial.Distance(value, exact.Evaluate(phi.Prepend(h).ToArray())) <= bound);
            double change = delta(h, phi, N, trial % N, 0.25);
            phi[trial % N] = 0.25;
            Assert.True(Math.Abs(change - (energy(h, phi, N) - value)) <= 1e-9 * N);
        }

        Assert.Equal(3.0, energy(0.5, Array.Empty<double>(), 0));
    }

    [Fact]
    public void Inputs_far_outside_their_bounds_give_the_exact_network_not_nan()
    {
        var phi = Enumerable.Range(0, 40).Select(i => i % 5 == 0 ? 50.0 : 0.5).ToArray();
        double value = LatticeSources.Method<Chain>("Phi4")(phi, phi.Length);
        double reference = LatticeSources.Unrolled("Phi4", phi.Length).Evaluate(phi);
        Assert.True(double.IsFinite(value));
        Assert.True(Math.Abs(value - reference) <= 1e-9 * Math.Abs(reference), $"{value} vs {reference}");
    }

    [Fact]
    public void The_description_reports_the_template_cliques_and_the_linear_growth()
    {
        var ising = LatticeSources.Lattice("Ising");
        Assert.Equal(2, ising.CliqueCount);
        Assert.Equal(2, ising.CliqueSize);
        Assert.Equal(8, ising.CliqueNeuronBound);
        Assert.Equal(new[] { "rows", "columns" }, ising.Extents);
        Assert.Equal(LatticeBoundary.Periodic, ising.Boundary);
        Assert.Equal(2 * 10 * 7, ising.NeuronCount(10, 7));
        Assert.Equal(2 * 20 * 7, ising.NeuronCount(20, 7));
        Assert.Equal(LatticeBoundary.Open, LatticeSources.Lattice("Phi4").Boundary);
        Assert.True(ising.MaxError(1_000_000) <= 1_000_000 * (ising.MaxErrorPerSite + 1e-12));
    }

    /// <summary>−Σ (s·s_down + s·s_right) − 0.1·Σ s, exactly (decimal), with periodic or dropped bonds.</summary>
    private static decimal ExactIsing(IReadOnlyList<sbyte> s, int rows, int columns, bool open)
    {
        decimal energy = 0;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                int here = s[(i * columns) + j];
                if (!open || i + 1 < rows)
                {
                    energy -= here * s[(((i + 1) % rows) * columns) + j];
                }

                if (!open || j + 1 < columns)
                {
                    energy -= here * s[(i * columns) + ((j + 1) % columns)];
                }

                energy -= 0.1m * here;
            }
        }

        return energy;
    }

    /// <summary>The bit lattice's energy; every number is a dyadic fraction, so double arithmetic is exact here.</summary>
    private static double ExactBits(bool[] t, int a, int b, int c)
    {
        double T(int i, int j, int k) => t[((((i % a) * b) + (j % b)) * c) + (k % c)] ? 1 : 0;
        double energy = 0;
        for (int i = 0; i < a; i++)
        {
            for (int j = 0; j < b; j++)
            {
                for (int k = 0; k < c; k++)
                {
                    energy += (T(i, j, k) * T(i + 1, j, k)) - (0.5 * T(i, j, k) * T(i, j + 1, k) * T(i, j, k + 1)) + (0.25 * T(i, j, k));
                }
            }
        }

        return energy;
    }
}
