using System;

namespace PolyNet.Generators.Tests.Runtime;

/// <summary>Lattice definitions written by hand for the lattice tests: bond templates with mul and bit gates, and a linear one.</summary>
internal static class LatticeTemplates
{
    /// <summary>Σ x[i]·x[i+1] over a 1-D chain of continuous values: one mul gate per site.</summary>
    public static LatticeNetworkDefinition ContinuousChain(LatticeBoundary boundary = LatticeBoundary.Periodic) => new()
    {
        Expression = "sum(i < n: x[i]*x[i+1])",
        Site = new SigmoidNetworkDefinition
        {
            Expression = "x[i]*x[i+1]",
            Polynomial = "x[i]*x[i+1]",
            Inputs = ["x[i]", "x[i+1]"],
            InputBounds = [1.0, 1.0],
            Terms = "1 1 1",
            Gates = "%0 = mul x[i] x[i+1] 0.00113 0.00113 2877464.652028168",
            Output = "0 %0 1",
            MaxError = 6e-13,
        },
        Parameters = ["x"],
        ParameterKinds = [InputKind.Continuous],
        ParameterBounds = [1.0],
        Fields = ["x"],
        Extents = ["n"],
        Reads = "x 0; x 1",
        Boundary = boundary,
        SiteBound = 1,
        SummationRounding = Math.ScaleB(1.0, -53),
    };

    /// <summary>−Σ s[i]·s[i+1] over a 1-D chain of spins: −s·t = 1 + s + t − 4·y(s)·y(t), one bit gate per site.</summary>
    public static LatticeNetworkDefinition SpinChain(LatticeBoundary boundary = LatticeBoundary.Periodic) => new()
    {
        Expression = "-sum(i < n: s[i]*s[i+1])",
        Site = new SigmoidNetworkDefinition
        {
            Expression = "-s[i]*s[i+1]",
            Polynomial = "-s[i]*s[i+1]",
            Inputs = ["s[i]", "s[i+1]"],
            InputBounds = [1.0, 1.0],
            InputKinds = [InputKind.Spin, InputKind.Spin],
            Terms = "-1 1 1",
            Gates = "%0 = bit -40 s[i] 40 s[i+1] 40",
            Output = "1 s[i] 1 s[i+1] 1 %0 -4",
            MaxError = 1e-14,
        },
        Parameters = ["s"],
        ParameterKinds = [InputKind.Spin],
        ParameterBounds = [1.0],
        Fields = ["s"],
        Extents = ["n"],
        Reads = "s 0; s 1",
        Boundary = boundary,
        SiteBound = 1,
    };

    /// <summary>The 2-D Ising model −Σ s[i,j]·s[i+1,j] + s[i,j]·s[i,j+1]: two bit gates per site.</summary>
    public static LatticeNetworkDefinition Ising(LatticeBoundary boundary = LatticeBoundary.Periodic) => new()
    {
        Expression = "-sum(i < rows, j < columns: s[i,j]*s[i+1,j] + s[i,j]*s[i,j+1])",
        Site = new SigmoidNetworkDefinition
        {
            Expression = "-(s[i,j]*s[i+1,j] + s[i,j]*s[i,j+1])",
            Polynomial = "-s[i,j]*s[i+1,j] - s[i,j]*s[i,j+1]",
            Inputs = ["s[i,j]", "s[i+1,j]", "s[i,j+1]"],
            InputBounds = [1.0, 1.0, 1.0],
            InputKinds = [InputKind.Spin, InputKind.Spin, InputKind.Spin],
            Terms = "-1 1 1 0; -1 1 0 1",
            Gates = "%0 = bit -40 s[i,j] 40 s[i+1,j] 40\n%1 = bit -40 s[i,j] 40 s[i,j+1] 40",
            Output = "2 s[i,j] 2 s[i+1,j] 1 s[i,j+1] 1 %0 -4 %1 -4",
            MaxError = 2e-14,
        },
        Parameters = ["s"],
        ParameterKinds = [InputKind.Spin],
        ParameterBounds = [1.0],
        Fields = ["s"],
        Extents = ["rows", "columns"],
        Reads = "s 0 0; s 1 0; s 0 1",
        Boundary = boundary,
        Constant = 0,
        SiteBound = 2,
        SummationRounding = Math.ScaleB(1.0, -53),
    };

    /// <summary>Σ phi[i-2] + h/2 + 3: a linear template without gates, with a scalar parameter and a constant outside the sum.</summary>
    public static LatticeNetworkDefinition Linear(LatticeBoundary boundary = LatticeBoundary.Periodic) => new()
    {
        Expression = "sum(i < n: phi[i-2] + h/2) + 3",
        Site = new SigmoidNetworkDefinition
        {
            Expression = "phi[i-2] + h/2",
            Polynomial = "phi[i-2] + 0.5*h",
            Inputs = ["phi[i-2]", "h"],
            InputBounds = [2.0, 1.0],
            Terms = "1 1 0; 0.5 0 1",
            Output = "0 phi[i-2] 1 h 0.5",
            MaxError = 1e-15,
        },
        Parameters = ["phi", "h"],
        ParameterKinds = [InputKind.Continuous, InputKind.Continuous],
        ParameterBounds = [2.0, 1.0],
        Fields = ["phi"],
        Extents = ["n"],
        Reads = "phi -2; h",
        Boundary = boundary,
        Constant = 3,
        SiteBound = 2.5,
    };
}
