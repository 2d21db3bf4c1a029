using System;
using System.Linq;

namespace PolyNet.Generators.Tests.Runtime;

/// <summary>A lattice network's sizes, error bound and unrolled whole-lattice network, against sums written by hand.</summary>
public sealed class LatticeNetworkTests
{
    [Fact]
    public void The_template_s_sizes_are_the_site_network_s()
    {
        var ising = new LatticeNetwork(LatticeTemplates.Ising());
        Assert.Equal(2, ising.NeuronsPerSite);
        Assert.Equal(ising.Site.SynapseCount, ising.SynapsesPerSite);
        Assert.Equal(1, ising.HiddenLayers);
        Assert.Equal(2e-14, ising.MaxErrorPerSite);
        Assert.Equal(["s"], ising.Parameters);
        Assert.Equal(["s"], ising.Fields);
        Assert.Equal(["rows", "columns"], ising.Extents);
        Assert.Equal(LatticeBoundary.Periodic, ising.Boundary);
        Assert.Equal(NetworkPrecision.Double, ising.Precision);
        Assert.Equal("-s[i,j]*s[i+1,j] - s[i,j]*s[i,j+1]", ising.SitePolynomial);
        Assert.Contains("2 neurons per site", ising.ToString(), StringComparison.Ordinal);
        Assert.Contains("Periodic", ising.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Periodic_lattices_have_every_site_s_neurons()
    {
        var ising = new LatticeNetwork(LatticeTemplates.Ising());
        Assert.Equal(32, ising.NeuronCount(4, 4));
        Assert.Equal(32, ising.Unroll(4, 4).NeuronCount);
        Assert.Equal(2, ising.Unroll(1, 1).NeuronCount);
        var chain = new LatticeNetwork(LatticeTemplates.ContinuousChain());
        Assert.Equal(4 * 7, chain.NeuronCount(7));
        Assert.Equal(4 * 7, chain.Unroll(7).NeuronCount);
        Assert.Equal(2L * 4 * 1000 * 1000, 4L * new LatticeNetwork(LatticeTemplates.Ising()).NeuronCount(1000, 1000));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public void An_open_chain_of_n_sites_has_n_minus_1_bonds(int n)
    {
        var chain = new LatticeNetwork(LatticeTemplates.ContinuousChain(LatticeBoundary.Open));
        Assert.Equal(4 * (n - 1), chain.NeuronCount(n));
        Assert.Equal(4 * (n - 1), chain.Unroll(n).NeuronCount);
        var spins = new LatticeNetwork(LatticeTemplates.SpinChain(LatticeBoundary.Open));
        Assert.Equal(n - 1, spins.NeuronCount(n));
        Assert.Equal(n - 1, spins.Unroll(n).NeuronCount);
    }

    [Fact]
    public void An_open_ising_lattice_has_one_neuron_per_bond()
    {
        var ising = new LatticeNetwork(LatticeTemplates.Ising(LatticeBoundary.Open));
        Assert.Equal((2 * 4) + (3 * 3), ising.NeuronCount(3, 4));
        Assert.Equal((2 * 4) + (3 * 3), ising.Unroll(3, 4).NeuronCount);
        Assert.Equal((999 * 1000 * 2), ising.NeuronCount(1000, 1000));
        Assert.Equal(0, ising.NeuronCount(1, 1));
    }

    [Fact]
    public void The_unrolled_polynomial_is_the_lattice_sum()
    {
        var random = new Random(3);
        double[] x = Enumerable.Range(0, 6).Select(_ => (2 * random.NextDouble()) - 1).ToArray();
        var periodic = new LatticeNetwork(LatticeTemplates.ContinuousChain()).Unroll(6);
        Assert.Equal(["x[0]", "x[1]", "x[2]", "x[3]", "x[4]", "x[5]"], periodic.Inputs);
        Assert.Equal(Enumerable.Range(0, 6).Sum(i => x[i] * x[(i + 1) % 6]), periodic.EvaluatePolynomial(x), 1e-15);
        var open = new LatticeNetwork(LatticeTemplates.ContinuousChain(LatticeBoundary.Open)).Unroll(6);
        Assert.Equal(Enumerable.Range(0, 5).Sum(i => x[i] * x[i + 1]), open.EvaluatePolynomial(x), 1e-15);

        // Extents 1 and 2: the wrapped reads coincide, x[0]·x[0] and x[0]·x[1] + x[1]·x[0].
        var one = new LatticeNetwork(LatticeTemplates.ContinuousChain()).Unroll(1);
        Assert.Equal(0.3 * 0.3, one.EvaluatePolynomial([0.3]));
        var two = new LatticeNetwork(LatticeTemplates.ContinuousChain()).Unroll(2);
        Assert.Equal(2 * 0.3 * -0.7, two.EvaluatePolynomial([0.3, -0.7]), 1e-16);
    }

    [Fact]
    public void The_unrolled_ising_polynomial_is_the_energy()
    {
        var random = new Random(5);
        foreach (var boundary in new[] { LatticeBoundary.Periodic, LatticeBoundary.Open })
        {
            var network = new LatticeNetwork(LatticeTemplates.Ising(boundary)).Unroll(3, 3);
            Assert.Equal("s[0,0]", network.Inputs[0]);
            Assert.Equal("s[1,2]", network.Inputs[5]);
            for (int trial = 0; trial < 20; trial++)
            {
                var s = new int[3, 3];
                var inputs = new double[9];
                for (int i = 0; i < 9; i++)
                {
                    s[i / 3, i % 3] = (2 * random.Next(2)) - 1;
                    inputs[i] = s[i / 3, i % 3];
                }

                double energy = 0;
                for (int i = 0; i < 3; i++)
                {
                    for (int j = 0; j < 3; j++)
                    {
                        if (boundary == LatticeBoundary.Periodic || i + 1 < 3)
                        {
                            energy -= s[i, j] * s[(i + 1) % 3, j];
                        }

                        if (boundary == LatticeBoundary.Periodic || j + 1 < 3)
                        {
                            energy -= s[i, j] * s[i, (j + 1) % 3];
                        }
                    }
                }

                Assert.Equal(energy, network.EvaluatePolynomial(inputs));
                Assert.Equal(energy, network.Evaluate(inputs), network.MaxError);
            }
        }
    }

    [Fact]
    public void Small_periodic_spin_lattices_wrap_onto_themselves()
    {
        // 1×1: both bonds read the site itself, −s² − s² = −2; 2×1: each vertical bond twice, the horizontal ones are s².
        var ising = new LatticeNetwork(LatticeTemplates.Ising());
        var single = ising.Unroll(1, 1);
        Assert.Equal(-2, single.EvaluatePolynomial([1.0]));
        Assert.Equal(-2, single.Evaluate([-1.0]), single.MaxError);
        var pair = ising.Unroll(2, 1);
        Assert.Equal(-(2 * 1 * -1) - 2, pair.EvaluatePolynomial([1.0, -1.0]));
        Assert.Equal(-(2 * 1 * -1) - 2, pair.Evaluate([1.0, -1.0]), pair.MaxError);
    }

    [Theory]
    [InlineData(LatticeBoundary.Periodic)]
    [InlineData(LatticeBoundary.Open)]
    public void The_unrolled_network_matches_its_polynomial_within_its_bound(LatticeBoundary boundary)
    {
        var random = new Random(11);
        foreach (var (definition, extents) in new (LatticeNetworkDefinition, int[])[]
        {
            (LatticeTemplates.ContinuousChain(boundary), [9]),
            (LatticeTemplates.SpinChain(boundary), [7]),
            (LatticeTemplates.Ising(boundary), [4, 5]),
            (LatticeTemplates.Linear(boundary), [6]),
        })
        {
            var lattice = new LatticeNetwork(definition);
            var network = lattice.Unroll(extents);
            int sites = extents.Aggregate(1, (a, b) => a * b);
            Assert.Equal(lattice.MaxError(sites), network.MaxError);
            for (int trial = 0; trial < 50; trial++)
            {
                var inputs = TestNetworks.RandomInputs(network, random);
                Assert.Equal(network.EvaluatePolynomial(inputs), network.Evaluate(inputs), network.MaxError);
            }
        }
    }

    [Fact]
    public void A_scalar_parameter_and_the_constant_are_kept_at_an_open_edge()
    {
        var linear = new LatticeNetwork(LatticeTemplates.Linear(LatticeBoundary.Open)).Unroll(5);
        Assert.Equal(["phi[0]", "phi[1]", "phi[2]", "phi[3]", "phi[4]", "h"], linear.Inputs);
        Assert.Equal([2.0, 2.0, 2.0, 2.0, 2.0, 1.0], linear.InputBounds);
        Assert.Equal(0, linear.NeuronCount);
        double[] inputs = [1, 2, 4, 8, 16, 0.25];
        Assert.Equal(1 + 2 + 4 + (5 * 0.5 * 0.25) + 3, linear.EvaluatePolynomial(inputs));
        Assert.Equal(1 + 2 + 4 + (5 * 0.5 * 0.25) + 3, linear.Evaluate(inputs), 1e-14);
        var periodic = new LatticeNetwork(LatticeTemplates.Linear()).Unroll(5);
        Assert.Equal(31 + (5 * 0.5 * 0.25) + 3, periodic.EvaluatePolynomial(inputs));
        Assert.Contains("Σ over 5 sites", periodic.Polynomial, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cliques_are_the_maximal_term_supports()
    {
        var ising = new LatticeNetwork(LatticeTemplates.Ising());
        Assert.Equal(2, ising.CliqueCount);
        Assert.Equal(2, ising.CliqueSize);
        Assert.Equal(8, ising.CliqueNeuronBound);

        // phi[i-2] alone; the scalar h is no field read, so its term has an empty support.
        var linear = new LatticeNetwork(LatticeTemplates.Linear());
        Assert.Equal(1, linear.CliqueCount);
        Assert.Equal(1, linear.CliqueSize);
        Assert.Equal(2, linear.CliqueNeuronBound);
    }

    [Fact]
    public void MaxError_adds_the_accumulation_rounding()
    {
        var ising = new LatticeNetwork(LatticeTemplates.Ising());
        Assert.Equal(0, ising.MaxError(0));
        double rho = Math.ScaleB(1.0, -53);
        Assert.Equal(100 * (2e-14 + (2 * (rho + (2 * 100 * Math.ScaleB(1.0, -106))))), ising.MaxError(100));
        Assert.Throws<ArgumentOutOfRangeException>(() => ising.MaxError(-1));
    }

    [Fact]
    public void Too_large_a_lattice_is_not_unrolled()
    {
        var ising = new LatticeNetwork(LatticeTemplates.Ising());
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => ising.Unroll(400, 400));
        Assert.Equal("extents", refused.ParamName);
        Assert.Contains("320000", refused.Message, StringComparison.Ordinal);
        Assert.Contains("250000", refused.Message, StringComparison.Ordinal);
        Assert.Equal("extents", Assert.Throws<ArgumentOutOfRangeException>(() => ising.NeuronCount(100_000, 100_000)).ParamName);
        Assert.Equal("extents", Assert.Throws<ArgumentException>(() => ising.NeuronCount(4)).ParamName);
        Assert.Equal("extents", Assert.Throws<ArgumentOutOfRangeException>(() => ising.Unroll(4, 0)).ParamName);
        Assert.Throws<ArgumentNullException>(() => ising.Unroll(null!));
    }

    [Fact]
    public void A_64_by_64_lattice_unrolls_with_sparse_terms()
    {
        var network = new LatticeNetwork(LatticeTemplates.Ising()).Unroll(64, 64);
        Assert.Equal(2 * 64 * 64, network.NeuronCount);
        Assert.True(network.Definition.Terms.Length < 400_000, $"{network.Definition.Terms.Length} characters of terms");
        var inputs = Enumerable.Repeat(1.0, 64 * 64).ToArray();
        Assert.Equal(-2 * 64 * 64, network.EvaluatePolynomial(inputs));
        Assert.Equal(-2 * 64 * 64, network.Evaluate(inputs), network.MaxError);
    }
}
