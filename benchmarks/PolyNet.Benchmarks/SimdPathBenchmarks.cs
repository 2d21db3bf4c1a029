using BenchmarkDotNet.Attributes;

namespace PolyNet.Benchmarks;

/// <summary>The batch overload at 4096 on each SIMD path (the jobs set DOTNET_Enable* variables; see Program).</summary>
public class SimdPathBenchmarks
{
    private readonly DoubleForwardPass _double = new();
    private readonly SingleForwardPass _single = new();

    [ParamsSource(nameof(AllHamiltonians))]
    public string Hamiltonian { get; set; } = ForwardPassBenchmarks<double>.Energy;

    public static string[] AllHamiltonians => ForwardPassBenchmarks<double>.All;

    [GlobalSetup]
    public void Setup()
    {
        _double.Hamiltonian = _single.Hamiltonian = Hamiltonian;
        _double.Batch = _single.Batch = 4096;
        _double.Setup();
        _single.Setup();
    }

    [Benchmark(Description = "batch double")]
    public void BatchDouble() => _double.BatchOverload();

    [Benchmark(Description = "batch float")]
    public void BatchSingle() => _single.BatchOverload();

    [Benchmark(Description = "Sigmoid roofline double")]
    public void RooflineDouble() => _double.SigmoidRoofline();

    [Benchmark(Description = "Sigmoid roofline float")]
    public void RooflineSingle() => _single.SigmoidRoofline();
}
