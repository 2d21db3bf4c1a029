using PolyNet;

/// <summary>An open Ising chain of 10 spins: ferromagnetic bonds J = 1 and a field h = 0.5 along +1.</summary>
public static partial class Chain
{
    /// <summary>H = −J Σ sᵢsᵢ₊₁ − h Σ sᵢ, 9 bonds (open ends), written out term by term.</summary>
    [Hamiltonian("""
        -s1*s2 - s2*s3 - s3*s4 - s4*s5 - s5*s6 - s6*s7 - s7*s8 - s8*s9 - s9*s10
        - 0.5*s1 - 0.5*s2 - 0.5*s3 - 0.5*s4 - 0.5*s5 - 0.5*s6 - 0.5*s7 - 0.5*s8 - 0.5*s9 - 0.5*s10
        """)]
    public static partial double Energy([Spin] int s1, [Spin] int s2, [Spin] int s3, [Spin] int s4, [Spin] int s5,
                                        [Spin] int s6, [Spin] int s7, [Spin] int s8, [Spin] int s9, [Spin] int s10);
}
