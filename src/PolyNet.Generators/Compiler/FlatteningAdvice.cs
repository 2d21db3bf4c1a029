using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using PolyNet.Generators.Planning;
using PolyNet.Generators.Network;
using PolyNet.Generators.Polynomials;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Compiler;

/// <summary>
/// What a MaxHiddenLayers limit costs next to the deep network, for PNET100/PNET101 and their code fixes.
/// Roslyn-free; the neuron counts of a built network are its real (shared) counts, refused ones the formula's.
/// </summary>
/// <param name="Subject">"Flattening a*b*c into 1 hidden layer".</param>
/// <param name="Deep">The deep network (no limit).</param>
/// <param name="ShallowestWithinTwice">The smallest k costing at most 2× the deep network (the deep depth if none).</param>
internal sealed record FlatteningAdvice(string Subject, NetworkModel Deep, int ShallowestWithinTwice)
{
    /// <summary>The factor above which PNET100 warns.</summary>
    public const double WarningFactor = 2.0;

    /// <summary>Null when the limit changes nothing (no limit, deep enough, bits or spins) or the deep network does not compile.</summary>
    public static FlatteningAdvice? For(HamiltonianInput input, CancellationToken cancellationToken)
    {
        if (input.MaxHiddenLayers <= 0 || input.HasBinaryVariables)
        {
            return null;
        }

        var deep = HamiltonianCompiler.Compile(input with { MaxHiddenLayers = 0 }, cancellationToken);
        if (!deep.Succeeded)
        {
            return null;
        }

        var monomials = deep.Terms.Where(t => t.Degree >= 2).Select(t => t.Monomial).ToList();
        if (HamiltonianCost.IsDeep(monomials, input.MaxHiddenLayers))
        {
            return null;
        }

        string site = deep.Lattice is null ? string.Empty : " (one lattice site)";
        string subject = $"Flattening {DepthLimitCheck.Describe(deep.Polynomial!)}{site} into {DepthLimitCheck.Layers(input.MaxHiddenLayers)}";

        // A lattice's network is its per-site template, over the template's reads rather than the method's parameters.
        int shallowest = HamiltonianCost.ShallowestWithin(deep.Polynomial!.Variables.Length, monomials, WarningFactor, cancellationToken);
        return new FlatteningAdvice(subject, deep.Network!, shallowest);
    }

    /// <summary>PNET100's message when <paramref name="requested"/> costs more than twice the deep network, else null.</summary>
    public string? CostWarning(NetworkModel requested)
    {
        if (requested.NeuronCount <= WarningFactor * Deep.NeuronCount)
        {
            return null;
        }

        double factor = (double)requested.NeuronCount / Deep.NeuronCount;
        return string.Format(
            CultureInfo.InvariantCulture,
            "{0} costs {1:N0} neurons, {2:F1}× the deep network's {3:N0} in {4}, and raises the error bound from {5} to {6}",
            Subject,
            requested.NeuronCount,
            factor,
            Deep.NeuronCount,
            Deep.HiddenLayers == 1 ? "1 layer" : $"{Deep.HiddenLayers} layers",
            TwoDigits(Deep.MaxError),
            TwoDigits(requested.MaxError));
    }

    /// <summary>PNET102: "compiles to 28 neurons in 3 hidden layers, max error 2e-10".</summary>
    public static string Summary(string method, NetworkModel network, bool lattice = false) => string.Format(
        CultureInfo.InvariantCulture,
        lattice
            ? "'{0}' compiles to {1:N0} neurons per lattice site in {2}, max error {3} per site (the lattice's error is the sum over its sites){4}"
            : "'{0}' compiles to {1:N0} neurons in {2}, max error {3}{4}",
        method,
        network.NeuronCount,
        DepthLimitCheck.Layers(network.HiddenLayers),
        TwoDigits(network.MaxError),
        network.Gates.Length > ExpressionLimits.MaxUnrolledGates
            ? string.Format(CultureInfo.InvariantCulture, "; its {0:N0} gates (more than {1}) run from a gate table instead of unrolled code", network.Gates.Length, ExpressionLimits.MaxUnrolledGates)
            : string.Empty);

    /// <summary>About two significant digits: "2e-10", "9.1e-05" → "9.1e-5", "0".</summary>
    public static string TwoDigits(double value)
    {
        if (value == 0 || double.IsNaN(value) || double.IsInfinity(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        int exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        double mantissa = Math.Round(value / Math.Pow(10, exponent), 1);
        if (Math.Abs(mantissa) >= 10)
        {
            mantissa /= 10;
            exponent++;
        }

        string digits = mantissa.ToString("0.#", CultureInfo.InvariantCulture);
        return exponent is >= -3 and <= 3
            ? (mantissa * Math.Pow(10, exponent)).ToString("0.####", CultureInfo.InvariantCulture)
            : $"{digits}e{exponent.ToString(CultureInfo.InvariantCulture)}";
    }
}
