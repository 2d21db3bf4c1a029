namespace PolyNet.Benchmarks;

/// <summary>The single-precision Hamiltonians.</summary>
public class SingleForwardPass : ForwardPassBenchmarks<float>
{
    protected override SigmoidNetwork NetworkOf(string hamiltonian) => hamiltonian switch
    {
        Energy => Hamiltonians.EnergyFNetwork,
        Product8 => Hamiltonians.Product8FNetwork,
        Mixed8 => Hamiltonians.Mixed8FNetwork,
        _ => Hamiltonians.OscillatorFNetwork,
    };

    protected override void RunScalar()
    {
        var (i, d) = (Inputs, Destination);
        switch (Hamiltonian)
        {
            case Energy:
                for (int k = 0; k < d.Length; k++) { d[k] = Hamiltonians.EnergyF(i[0][k], i[1][k], i[2][k]); }
                break;
            case Product8:
                for (int k = 0; k < d.Length; k++) { d[k] = Hamiltonians.Product8F(i[0][k], i[1][k], i[2][k], i[3][k], i[4][k], i[5][k], i[6][k], i[7][k]); }
                break;
            case Mixed8:
                for (int k = 0; k < d.Length; k++) { d[k] = Hamiltonians.Mixed8F(i[0][k], i[1][k], i[2][k], i[3][k], i[4][k], i[5][k], i[6][k], i[7][k]); }
                break;
            default:
                for (int k = 0; k < d.Length; k++) { d[k] = Hamiltonians.OscillatorF(i[0][k], i[1][k], i[2][k]); }
                break;
        }
    }

    protected override void RunBatch()
    {
        var (i, d) = (Inputs, Destination);
        switch (Hamiltonian)
        {
            case Energy: Hamiltonians.EnergyF(i[0], i[1], i[2], d); break;
            case Product8: Hamiltonians.Product8F(i[0], i[1], i[2], i[3], i[4], i[5], i[6], i[7], d); break;
            case Mixed8: Hamiltonians.Mixed8F(i[0], i[1], i[2], i[3], i[4], i[5], i[6], i[7], d); break;
            default: Hamiltonians.OscillatorF(i[0], i[1], i[2], d); break;
        }
    }

    protected override void RunExact()
    {
        var (i, d) = (Inputs, Destination);
        switch (Hamiltonian)
        {
            case Energy:
                for (int k = 0; k < d.Length; k++) { d[k] = (float)Hamiltonians.EnergyExact(i[0][k], i[1][k], i[2][k]); }
                break;
            case Product8:
                for (int k = 0; k < d.Length; k++) { d[k] = i[0][k] * i[1][k] * i[2][k] * i[3][k] * i[4][k] * i[5][k] * i[6][k] * i[7][k]; }
                break;
            case Mixed8:
                for (int k = 0; k < d.Length; k++) { d[k] = (float)Hamiltonians.Mixed8Exact(i[0][k], i[1][k], i[2][k], i[3][k], i[4][k], i[5][k], i[6][k], i[7][k]); }
                break;
            default:
                for (int k = 0; k < d.Length; k++) { d[k] = (float)Hamiltonians.OscillatorExact(i[0][k], i[1][k], i[2][k]); }
                break;
        }
    }
}
