using System;
using System.Linq;
using System.Numerics;
using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;

namespace PolyNet.Benchmarks;

/// <summary>
/// One Hamiltonian at one batch size, five ways: the generated scalar method in a loop, the generated batch
/// overload, the same weights layer by layer with TensorPrimitives, TensorPrimitives.Sigmoid over
/// NeuronCount × batch elements (the roofline), and the exact polynomial (the floor).
/// </summary>
public abstract class ForwardPassBenchmarks<T>
    where T : unmanaged, IFloatingPointIeee754<T>, IExponentialFunctions<T>
{
    public const string Energy = "x*y + 3*x*y*z";
    public const string Product8 = "product of 8";
    public const string Oscillator = "anharmonic 3-D";
    public const string Mixed8 = "mixed products of 8";

    /// <summary>The benchmarked Hamiltonians, in table order.</summary>
    public static readonly string[] All = [Energy, Product8, Mixed8, Oscillator];

    private TensorPrimitivesNetwork<T> _layers = null!;
    private T[] _rooflineSource = null!;
    private T[] _rooflineDestination = null!;

    [ParamsSource(nameof(AllHamiltonians))]
    public string Hamiltonian { get; set; } = Energy;

    [ParamsSource(nameof(Batches))]
    public int Batch { get; set; }

    public static string[] AllHamiltonians => All;

    /// <summary>1, 64 and 4096, or those in POLYNET_BENCH_BATCHES (comma-separated; Program's --batch sets it).</summary>
    public static int[] Batches => Environment.GetEnvironmentVariable("POLYNET_BENCH_BATCHES") is { Length: > 0 } list
        ? list.Split(',').Select(int.Parse).ToArray()
        : [1, 64, 4096];

    protected T[][] Inputs { get; private set; } = null!;

    protected T[] Destination { get; private set; } = null!;

    public SigmoidNetwork Network { get; private set; } = null!;

    [GlobalSetup]
    public void Setup()
    {
        Network = NetworkOf(Hamiltonian);
        var random = new Random(1);
        Inputs = Enumerable.Range(0, Network.Inputs.Count)
            .Select(i => Enumerable.Range(0, Batch).Select(_ => T.CreateTruncating(Network.InputBounds[i] * ((2 * random.NextDouble()) - 1))).ToArray())
            .ToArray();
        Destination = new T[Batch];
        _layers = new TensorPrimitivesNetwork<T>(Network, Batch);
        _rooflineSource = Enumerable.Range(0, Network.NeuronCount * Batch).Select(i => T.CreateTruncating(-2.3 + (1e-3 * (i % 100)))).ToArray();
        _rooflineDestination = new T[_rooflineSource.Length];
    }

    [Benchmark(Description = "scalar loop")]
    public void ScalarLoop() => RunScalar();

    [Benchmark(Description = "batch overload")]
    public void BatchOverload() => RunBatch();

    [Benchmark(Description = "TensorPrimitives layers")]
    public void TensorPrimitivesLayers() => _layers.Evaluate(Inputs, Destination);

    [Benchmark(Description = "Sigmoid roofline")]
    public void SigmoidRoofline() => TensorPrimitives.Sigmoid<T>(_rooflineSource, _rooflineDestination);

    [Benchmark(Description = "exact polynomial")]
    public void ExactPolynomial() => RunExact();

    protected abstract SigmoidNetwork NetworkOf(string hamiltonian);

    protected abstract void RunScalar();

    protected abstract void RunBatch();

    protected abstract void RunExact();
}
