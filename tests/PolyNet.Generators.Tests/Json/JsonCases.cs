using System;
using System.Collections;
using System.Reflection;
using PolyNet.Generators.Tests.Infrastructure;
using Xunit.Sdk;

namespace PolyNet.Generators.Tests.Json;

/// <summary>The generated networks the JSON tests export, and a comparison of definitions that visits every property.</summary>
internal static class JsonCases
{
    public const string IsingExpression = "-sum(i < rows, j < columns: s[i,j]*s[i+1,j] + s[i,j]*s[i,j+1]) - 0.1*sum(i < rows, j < columns: s[i,j])";

    public const string Phi4Expression = "sum(i < n: 0.5*(phi[i+1] - phi[i])^2 + 0.5*phi[i]^2 + 0.25*phi[i]^4)";

    /// <summary>
    /// One method per kind: the README example, float, bits and spins mixed with continuous inputs, a flat
    /// (<c>MaxHiddenLayers = 1</c>) product, a network of more than 48 gates (emitted as a gate table), lattices periodic
    /// and open, and classifiers. Built with <see cref="GeneratorHarness.Run(string)"/>, since the flat one has a PNET100 warning.
    /// </summary>
    public const string Source = $$"""
        using System;
        using PolyNet;

        public static partial class Exported
        {
            [Hamiltonian("x*y + 3*x*y*z")]
            public static partial double Energy(double x, double y, double z);

            [Hamiltonian("x*y*z - 0.5*x^2 + 1e-3*y", InputBound = 2)]
            public static partial float Single(float x, float y, [Bound(0.1)] float z);

            [Hamiltonian("x*s1*s2 + 0.5*y*a + x*y*s1 - 0.3*x^2*b + a*b*s2 + 0.7*x - s1", InputBound = 2)]
            public static partial double Mixed(double x, double y, bool a, bool b, [Spin] int s1, [Spin] sbyte s2);

            [Hamiltonian("a*b*c*d*e*f*g*h", MaxHiddenLayers = 1)]
            public static partial double Flat(double a, double b, double c, double d, double e, double f, double g, double h);

            [Hamiltonian("(x + y + z)^8 - x*y*z")]
            public static partial double Big(double x, double y, double z);

            [Hamiltonian("{{IsingExpression}}")]
            public static partial double Ising([Spin] ReadOnlySpan<sbyte> s, int rows, int columns);

            [Hamiltonian("{{IsingExpression}}", Boundary = LatticeBoundary.Open)]
            public static partial double IsingOpen([Spin] ReadOnlySpan<sbyte> s, int rows, int columns);

            [Hamiltonian("{{Phi4Expression}}", Boundary = LatticeBoundary.Open, InputBound = 2)]
            public static partial double Phi4(ReadOnlySpan<double> phi, int n);

            [Category("sunny", "0.5*(t - 1)^2 + 2*(h - 0.2)^2", Prior = 0.6)]
            [Category("rainy", "0.5*(t + 0.5)^2 + (h - 0.8)^2 + 0.3*t*h", Prior = 0.4)]
            public static partial int Weather(double t, double h, Span<double> probabilities);

            [Category("up", "-s1*s2 - 0.5*s1 + 0.25*b*s2")]
            [Category("down", "-s1*s2 + 0.5*s1 - b")]
            [Category("mixed", "s1*s2*b - 0.1*x*s1", Prior = 2)]
            public static partial int Spins([Spin] int s1, [Spin] sbyte s2, bool b, double x, Span<double> p);
        }
        """;

    private static readonly Lazy<Type> Compiled = new(() =>
        GeneratorHarness.CompileAndLoad(GeneratorHarness.Run(Source).Output).GetType("Exported")!);

    public static SigmoidNetwork Network(string method) => (SigmoidNetwork)Compiled.Value.GetProperty(method + "Network")!.GetValue(null)!;

    public static LatticeNetwork Lattice(string method) => (LatticeNetwork)Compiled.Value.GetProperty(method + "Lattice")!.GetValue(null)!;

    public static BoltzmannClassifier Classifier(string method) => (BoltzmannClassifier)Compiled.Value.GetProperty(method + "Network")!.GetValue(null)!;

    /// <summary>
    /// Asserts that two definitions (or values of their properties) are the same: every public property, found by
    /// reflection so that a property added later is compared too; strings, integers and enums equal, doubles bit for
    /// bit (NaN: both NaN), collections element by element, nested definitions property by property, null only as null.
    /// </summary>
    public static void AssertSame(object? expected, object? actual, string path = "definition")
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual}");
                break;
            case double value:
                double other = Assert.IsType<double>(actual);
                Assert.True(
                    BitConverter.DoubleToInt64Bits(value) == BitConverter.DoubleToInt64Bits(other) || (double.IsNaN(value) && double.IsNaN(other)),
                    $"{path}: expected {value:R} ({BitConverter.DoubleToInt64Bits(value):X16}), got {other:R} ({BitConverter.DoubleToInt64Bits(other):X16})");
                break;
            case string or int or Enum:
                Assert.True(actual is not null && expected.GetType() == actual.GetType(), $"{path}: expected a {expected.GetType().Name}, got {actual}");
                Assert.True(expected.Equals(actual), $"{path}: expected {expected}, got {actual}");
                break;
            case SigmoidNetworkDefinition or LatticeNetworkDefinition or BoltzmannClassifierDefinition:
                Assert.True(actual is not null && expected.GetType() == actual.GetType(), $"{path}: expected a {expected.GetType().Name}, got {actual}");
                foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    AssertSame(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
                }

                break;
            case IList list:
                var actualList = Assert.IsAssignableFrom<IList>(actual);
                Assert.True(list.Count == actualList.Count, $"{path}: expected {list.Count} elements, got {actualList.Count}");
                for (int i = 0; i < list.Count; i++)
                {
                    AssertSame(list[i], actualList[i], $"{path}[{i}]");
                }

                break;
            default:
                throw new XunitException($"{path}: no comparison for a {expected.GetType()}");
        }
    }

    /// <summary>Asserts two doubles have the same bits (NaN: both NaN).</summary>
    public static void AssertBits(double expected, double actual, string what) => AssertSame(expected, actual, what);
}
