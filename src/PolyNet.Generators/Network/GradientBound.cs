using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PolyNet.Generators.Network.Flat;
using PolyNet.Generators.Planning;
using PolyNet.Generators.Shared;

namespace PolyNet.Generators.Network;

/// <summary>
/// MaxGradientError: a bound on |∂network/∂xᵢ − ∂polynomial/∂xᵢ| inside the bounds, for the gradient the generated code
/// computes by backpropagation (docs/design.md §14). For each differentiated input it propagates, gate by gate in
/// evaluation order, a bound J on the exact derivative, a bound D on the error of the computed one, and a bound H on
/// the sum over paths of |products of computed local derivatives| (what the backward pass's own rounding is relative to).
/// </summary>
internal static class GradientBound
{
    /// <summary>
    /// Per input, the error bound and a bound on the magnitude of the computed derivative (the sum over paths of the
    /// products of computed local derivatives: what a sum of such derivatives, as a lattice's gradient forms, rounds
    /// relative to); both 0 for inputs that are not differentiated or that the network does not read.
    /// </summary>
    public static ImmutableArray<(double Error, double Magnitude)> Analyze(NetworkModel network, IReadOnlyList<bool> differentiated)
    {
        var local = LocalErrors(network);
        int roundings = BackwardRoundings(network);
        double u = network.Precision.UnitRoundoff();
        double gamma = roundings * u / (1 - (roundings * u));
        var result = ImmutableArray.CreateBuilder<(double, double)>(differentiated.Count);
        for (int input = 0; input < differentiated.Count; input++)
        {
            result.Add(differentiated[input] ? ForInput(network, local, input, u, gamma) : (0, 0));
        }

        return result.MoveToImmutable();
    }

    private static (double Error, double Magnitude) ForInput(NetworkModel network, double[][] local, int input, double u, double gamma)
    {
        int count = network.Gates.Length;
        var exact = new double[count];
        var error = new double[count];
        var paths = new double[count];
        double J(ValueRef v) => v.IsGate ? exact[v.Index] : v.Index == input ? 1 : 0;
        double D(ValueRef v) => v.IsGate ? error[v.Index] : 0;
        double H(ValueRef v) => v.IsGate ? paths[v.Index] : v.Index == input ? 1 : 0;
        double B(ValueRef v) => v.IsGate ? network.Gates[v.Index].Bound : network.InputBounds[v.Index];
        double E(ValueRef v) => v.IsGate ? network.Gates[v.Index].Error : 0;

        for (int k = 0; k < count; k++)
        {
            double[] epsilon = local[k];
            switch (network.Gates[k])
            {
                case MultiplyGate multiply:
                {
                    ValueRef a = multiply.Left, c = multiply.Right;
                    double sa = B(a) + E(a), sc = B(c) + E(c);

                    // |ĝ_a·D̂_a − c·D_a| ≤ |ĝ_a − c|·|D̂_a| + |c|·|D̂_a − D_a|, |ĝ_a − c| ≤ ε'·S_c + δ_c.
                    exact[k] = (B(c) * J(a)) + (B(a) * J(c));
                    error[k] = (((sc * epsilon[0]) + E(c)) * (J(a) + D(a))) + (B(c) * D(a))
                        + (((sa * epsilon[0]) + E(a)) * (J(c) + D(c))) + (B(a) * D(c));
                    paths[k] = (sc * (1 + epsilon[0]) * H(a)) + (sa * (1 + epsilon[0]) * H(c));
                    break;
                }

                case SquareGate square:
                {
                    ValueRef a = square.Operand;
                    double sa = B(a) + E(a);
                    exact[k] = 2 * B(a) * J(a);
                    error[k] = (((sa * epsilon[0]) + (2 * E(a))) * (J(a) + D(a))) + (2 * B(a) * D(a));
                    paths[k] = sa * (2 + epsilon[0]) * H(a);
                    break;
                }

                case FlatGate flat:
                    FlatStep(flat, epsilon, B, E, J, D, H, out exact[k], out error[k], out paths[k]);
                    break;

                default:
                    // A bit product reads only bits and spins: its derivative is exactly 0.
                    break;
            }
        }

        double propagated = 0, magnitude = 0, sums = 0;
        foreach (var term in network.OutputTerms)
        {
            double c = Math.Abs(term.Coefficient);
            propagated += c * D(term.Value);
            magnitude += c * J(term.Value);
            sums += c * H(term.Value);
        }

        // The coefficients were rounded to double and then to the working precision: 2u of each.
        return (NetworkBuilder.RoundUp(propagated + (2 * u * magnitude) + (gamma * sums)), sums * (1 + gamma));
    }

    private static void FlatStep(
        FlatGate flat,
        double[] epsilon,
        Func<ValueRef, double> bound,
        Func<ValueRef, double> valueError,
        Func<ValueRef, double> exactDerivative,
        Func<ValueRef, double> derivativeError,
        Func<ValueRef, double> pathSum,
        out double exact,
        out double error,
        out double paths)
    {
        exact = error = paths = 0;
        int n = flat.WeightedOperands.Count;
        for (int j = 0; j < n; j++)
        {
            var operand = flat.WeightedOperands[j].Value;
            double slopeAtBound = MonomialDerivative(flat, j, i => bound(flat.WeightedOperands[i].Value));
            double slopeAtScale = MonomialDerivative(flat, j, i => bound(flat.WeightedOperands[i].Value) + valueError(flat.WeightedOperands[i].Value));
            double perUnit = MonomialDerivative(flat, j, i => bound(flat.WeightedOperands[i].Value) + valueError(flat.WeightedOperands[i].Value), withExponent: false);
            double localError = (epsilon[j] * perUnit) + (slopeAtScale - slopeAtBound);
            exact += slopeAtBound * exactDerivative(operand);
            error += (localError * (exactDerivative(operand) + derivativeError(operand))) + (slopeAtBound * derivativeError(operand));
            paths += (slopeAtScale + (epsilon[j] * perUnit)) * pathSum(operand);
        }
    }

    /// <summary>rⱼ·xⱼ^(rⱼ − 1)·∏ᵢ≠ⱼ xᵢ^rᵢ at x = <paramref name="at"/> (without the factor rⱼ and with xⱼ^rⱼ when asked: ∏xᵢ^rᵢ/xⱼ).</summary>
    private static double MonomialDerivative(FlatGate flat, int j, Func<int, double> at, bool withExponent = true)
    {
        double product = withExponent ? flat.Exponents[j] : 1;
        for (int i = 0; i < flat.WeightedOperands.Count; i++)
        {
            product *= Math.Pow(at(i), i == j ? flat.Exponents[i] - 1 : flat.Exponents[i]);
        }

        return product;
    }

    /// <summary>Each gate's normalised local-derivative error (one per operand of a flat product), found once per network.</summary>
    private static double[][] LocalErrors(NetworkModel network)
    {
        var precision = network.Precision;
        var local = new double[network.Gates.Length][];
        double Scale(ValueRef v) => v.IsGate ? network.Gates[v.Index].Bound + network.Gates[v.Index].Error : network.InputBounds[v.Index];
        for (int k = 0; k < local.Length; k++)
        {
            local[k] = network.Gates[k] switch
            {
                // The gate's λ as built: its weight times the operand's scale.
                MultiplyGate multiply => [GateCalibration.DerivativeErrorBound(ProductStep.Multiply, precision, Math.Max(multiply.LeftWeight * Scale(multiply.Left), multiply.RightWeight * Scale(multiply.Right)))],
                SquareGate square => [GateCalibration.DerivativeErrorBound(ProductStep.Square, precision, square.Weight * Scale(square.Operand) / 2)],
                FlatGate flat => Enumerable.Range(0, flat.WeightedOperands.Count)
                    .Select(j => FlatCalibration.For(flat.Degree, precision).DerivativeErrorBound(flat.Exponents, flat.Pairs, j)).ToArray(),
                _ => [],
            };
        }

        return local;
    }

    /// <summary>
    /// The most roundings on one path of the backward pass: each adjoint is a sum of n terms (its output coefficient and
    /// one adjoint × local derivative per consumer), so a path collects n roundings per value it passes and one per product.
    /// </summary>
    private static int BackwardRoundings(NetworkModel network)
    {
        int gates = network.Gates.Length, inputs = network.InputBounds.Length;
        var terms = new int[gates + inputs];
        var consumers = new List<int>[gates];
        int Slot(ValueRef v) => v.IsGate ? v.Index : gates + v.Index;
        foreach (var term in network.OutputTerms)
        {
            terms[Slot(term.Value)]++;
        }

        for (int k = 0; k < gates; k++)
        {
            consumers[k] = new List<int>();
        }

        var inputConsumers = Enumerable.Range(0, inputs).Select(_ => new List<int>()).ToArray();
        for (int k = 0; k < gates; k++)
        {
            foreach (var operand in network.Gates[k].Operands.Distinct())
            {
                terms[Slot(operand)]++;
                (operand.IsGate ? consumers[operand.Index] : inputConsumers[operand.Index]).Add(k);
            }
        }

        // Longest path from the output, in reverse evaluation order: R(k) = n_k + max over consumers (1 + R(j)).
        var longest = new int[gates];
        for (int k = gates - 1; k >= 0; k--)
        {
            longest[k] = terms[k] + consumers[k].Select(j => 1 + longest[j]).DefaultIfEmpty(0).Max();
        }

        int worst = 0;
        for (int v = 0; v < inputs; v++)
        {
            worst = Math.Max(worst, terms[gates + v] + inputConsumers[v].Select(j => 1 + longest[j]).DefaultIfEmpty(0).Max());
        }

        // One more for the final store of the linear coefficient's constant.
        return worst + 1;
    }
}
