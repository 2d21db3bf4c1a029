namespace PolyNet.Benchmarks;

/// <summary>The double-precision Hamiltonians.</summary>
public class DoubleForwardPass : ForwardPassBenchmarks<double>
{
    protected override SigmoidNetwork NetworkOf(string hamiltonian) => hamiltonian switch
    {
        Energy => Hamiltonians.EnergyNetwork,
        Product8 => Hamiltonians.Product8Network,
        Mixed8 => Hamiltonians.Mixed8Network,
        _ => Hamiltonians.OscillatorNetwork,
    };

    protected override void RunScalar()
    {
        var (i, d) = (Inputs, Destination);
        switch (Hamiltonian)
        {
            case Energy:
                for (int k = 0; k < d.Length; k++) { d[k] = Hamiltonians.Energy(i[0][k], i[1][k], i[2][k]); }
                break;
            case Product8:
                for (int k = 0; k < d.Length; k++) { d[k] = Hamiltonians.Product8(i[0][k], i[1][k], i[2][k], i[3][k], i[4][k], i[5][k], i[6][k], i[7][k]); }
                break;
            case Mixed8:
                for (int k = 0; k < d.Length; k++) { d[k] = Hamiltonians.Mixed8(i[0][k], i[1][k], i[2][k], i[3][k], i[4][k], i[5][k], i[6][k], i[7][k]); }
                break;
            default:
                for (int k = 0; k < d.Length; k++) { d[k] = Hamiltonians.Oscillator(i[0][k], i[1][k], i[2][k]); }
                break;
        }
    }

    protected override void RunBatch()
    {
        var (i, d) = (Inputs, Destination);
        switch (Hamiltonian)
        {
            case Energy: Hamiltonians.Energy(i[0], i[1], i[2], d); break;
            case Product8: Hamiltonians.Product8(i[0], i[1], i[2], i[3], i[4], i[5], i[6], i[7], d); break;
            case Mixed8: Hamiltonians.Mixed8(i[0], i[1], i[2], i[3], i[4], i[5], i[6], i[7], d); break;
            default: Hamiltonians.Oscillator(i[0], i[1], i[2], d); break;
        }
    }

    protected override void RunExact()
    {
        var (i, d) = (Inputs, Destination);
        switch (Hamiltonian)
        {
            case Energy:
                for (int k = 0; k < d.Length; k++) { d[k] = Hamiltonians.EnergyExact(i[0][k], i[1][k], i[2][k]); }
                break;
            case Product8:
                for (int k = 0; k < d.Length; k++) { d[k] = Hamiltonians.Product8Exact(i[0][k], i[1][k], i[2][k], i[3][k], i[4][k], i[5][k], i[6][k], i[7][k]); }
                break;
            case Mixed8:
                for (int k = 0; k < d.Length; k++) { d[k] = Hamiltonians.Mixed8Exact(i[0][k], i[1][k], i[2][k], i[3][k], i[4][k], i[5][k], i[6][k], i[7][k]); }
                break;
            default:
                for (int k = 0; k < d.Length; k++) { d[k] = Hamiltonians.OscillatorExact(i[0][k], i[1][k], i[2][k]); }
                break;
        }
    }
}
