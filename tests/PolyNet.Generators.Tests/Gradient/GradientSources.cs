using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Gradient;

/// <summary>
/// The Hamiltonians the gradient tests compile once (class <c>Grad</c>): the README's (double and float), a deep product
/// of 8, a power, flat products of 3 and 4, a method mixing bits, spins and continuous inputs, and a network of more than
/// 48 gates, which runs from the gate table (GateProgram.EvaluateGradient) instead of unrolled code.
/// </summary>
internal static class GradientSources
{
    public const string Readme = "x*y + 3*x*y*z";

    public const string Oscillator = "0.5*(x^2 + y^2 + z^2) + 0.1*(x^4 + y^4 + z^4) - 0.3*x*y*z";

    public static readonly GradientCase[] Cases =
    [
        new("ReadmeD", Readme, ["x", "y", "z"]),
        new("ReadmeF", Readme, ["x", "y", "z"], IsDouble: false),
        new("OscillatorD", Oscillator, ["x", "y", "z"], InputBound: 2),
        new("OscillatorF", Oscillator, ["x", "y", "z"], IsDouble: false, InputBound: 2),
        new("TripleF", "x*y*z", ["x", "y", "z"], IsDouble: false),
        new("Product8D", "a*b*c*d*e*f*g*h", ["a", "b", "c", "d", "e", "f", "g", "h"]),
        new("Power7D", "x^7", ["x"], InputBound: 1.5),
        new("FlatTripleD", "x*y*z", ["x", "y", "z"], MaxHiddenLayers: 1),
        new("FlatQuadD", "a*b*c*d - 0.5*a*b", ["a", "b", "c", "d"], MaxHiddenLayers: 1),
        new("MixedD", "x*s*b + 0.5*y*b - x*y*s + 0.25*x^2*s", ["x", "y", "s", "b"], InputBound: 2) { Spins = ["s"], Bits = ["b"] },
        new("ProgramD", "(x + y + z)^8", ["x", "y", "z"]),
        new("ProgramF", "(x + y + z)^8", ["x", "y", "z"], IsDouble: false),
    ];

    /// <summary>The README Hamiltonians: the accuracy contract's rows (double and float).</summary>
    public static IEnumerable<GradientCase> ReadmeCases => Cases.Where(c => c.Name.StartsWith("Readme", StringComparison.Ordinal) || c.Name.StartsWith("Oscillator", StringComparison.Ordinal) || c.Name == "TripleF");

    private static readonly Lazy<Compiled> Assembly = new(() =>
    {
        // Run + CompileAndLoad (not BuildAndLoad): the flat cases carry the flattening analyzer's warnings by design.
        var run = GeneratorHarness.Run(GradientCase.SourceOf("Grad", Cases));
        var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var type = GeneratorHarness.CompileAndLoad(run.Output).GetType("Grad")!;
        return new Compiled(type, run);
    });

    /// <summary>The compiled class <c>Grad</c>.</summary>
    public static Type Type => Assembly.Value.Type;

    public static GradientCase Case(string name) => Cases.Single(c => c.Name == name);

    public static CompiledCase Get(string name) => Get(Case(name));

    public static CompiledCase Get(GradientCase @case) => new(@case, Assembly.Value.Type);

    /// <summary>The generated source of one case (its hint name contains the method's name).</summary>
    public static string GeneratedSource(string name) =>
        Assembly.Value.Run.Sources.Single(s => s.HintName.Contains($".{name}.", StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>
    /// Random points inside the bounds (bits and spins at random values), every corner of the continuous inputs (up to
    /// 256) with the bits and spins at every combination of their values, and the origin.
    /// </summary>
    public static IEnumerable<double[]> Points(GradientCase @case, int randomPoints, int seed)
    {
        var random = new Random(seed);
        var kinds = @case.Variables.Select(@case.KindOf).ToArray();
        var bounds = @case.Bounds;
        for (int i = 0; i < randomPoints; i++)
        {
            yield return kinds.Select((k, v) => Sample(k, bounds[v], random)).ToArray();
        }

        int dimension = kinds.Length;
        for (int corner = 0; corner < Math.Min(1 << dimension, 256); corner++)
        {
            yield return kinds.Select((k, v) =>
            {
                bool low = ((corner >> v) & 1) == 1;
                return k switch
                {
                    InputKind.Bit => low ? 0 : 1,
                    InputKind.Spin => low ? -1 : 1,
                    _ => low ? -bounds[v] : bounds[v],
                };
            }).ToArray();
        }

        yield return kinds.Select(k => k == InputKind.Spin ? 1.0 : 0.0).ToArray();
    }

    /// <summary>Bits 0 or 1, spins −1 or +1, continuous inputs uniform inside the bound.</summary>
    public static double Sample(InputKind kind, double bound, Random random) => kind switch
    {
        InputKind.Bit => random.Next(2),
        InputKind.Spin => (2 * random.Next(2)) - 1,
        _ => bound * ((2 * random.NextDouble()) - 1),
    };

    /// <summary>
    /// How far two evaluations of one network (generated and interpreted, batch and scalar) may differ, relative to the
    /// scale (Σ|c|·r·∏B^r/B_x for a derivative, S for a value).
    /// </summary>
    internal static double ParityTolerance(GradientCase @case, SigmoidNetwork network)
    {
        if (!@case.IsDouble)
        {
            // The float code rounds every gate to float (u = 6e-8), and each gate's local derivative is a difference of
            // sigmoids that cancels most of their digits, while the interpreter runs the same weights in double: they
            // differ by float rounding (measured ≤ 1.4e-6 of the scale), which MaxGradientError covers (1.5e-5 to 5e-5
            // of the scale here). 1e-5 of the scale is inside that bound and far below a wrong adjoint's O(scale) error.
            return 1e-5;
        }

        // A flat product cancels λ^degree out of pair terms of order 1: two passes that round those terms (or their
        // exponentials) differently by ~1e-16 differ by up to ~1e-16/λ^degree (measured ≤ 1.3e-10 of the scale, batch
        // against scalar), the cancellation its MaxGradientError (~3e-9 of the scale) accounts for; deep networks differ
        // by a few ulps of their gates (measured ≤ 5e-13).
        return network.HiddenLayers == 1 ? 1e-9 : 1e-10;
    }

    private sealed record Compiled(Type Type, GeneratorRun Run);
}

/// <summary>One compiled case: its adapters as delegates, and its network description.</summary>
internal sealed class CompiledCase
{
    private readonly Func<double[], double> _value;
    private readonly Func<double[], double[], double> _gradient;
    private readonly Action<double[][], int, double[], double[][]> _batch;

    public CompiledCase(GradientCase @case, Type type)
    {
        Case = @case;
        _value = type.GetMethod(@case.Name + "Value")!.CreateDelegate<Func<double[], double>>();
        _gradient = type.GetMethod(@case.Name + "Gradient", [typeof(double[]), typeof(double[])])!.CreateDelegate<Func<double[], double[], double>>();
        _batch = type.GetMethod(@case.Name + "Batch")!.CreateDelegate<Action<double[][], int, double[], double[][]>>();
        Network = (SigmoidNetwork)type.GetProperty(@case.Name + "Network")!.GetValue(null)!;
    }

    public GradientCase Case { get; }

    public SigmoidNetwork Network { get; }

    /// <summary>The generated method's value at <paramref name="point"/> (converted to the method's types).</summary>
    public double Value(double[] point) => _value(point);

    /// <summary>The generated scalar gradient: returns the value, one derivative per continuous input.</summary>
    public (double Value, double[] Gradient) Gradient(double[] point)
    {
        var gradient = new double[Case.Continuous.Length];
        double value = _gradient(point, gradient);
        return (value, gradient);
    }

    /// <summary>The generated batch gradient over <paramref name="columns"/> (one per parameter), sliced at <paramref name="offset"/>.</summary>
    public (double[] Energy, double[][] Derivatives) Batch(double[][] columns, int offset = 0)
    {
        int length = columns.Length == 0 ? 0 : columns[0].Length;
        var energy = new double[length];
        var derivatives = Case.Continuous.Select(_ => new double[length]).ToArray();
        _batch(columns, offset, energy, derivatives);
        return (energy, derivatives);
    }

    /// <summary>The interpreter's backward pass at <paramref name="point"/>.</summary>
    public (double Value, double[] Gradient) Interpreted(double[] point)
    {
        var gradient = new double[Case.Continuous.Length];
        double value = Network.EvaluateGradient(Case.Representable(point), gradient);
        return (value, gradient);
    }
}
