using System;

namespace PolyNet.Generators.Tests.Runtime;

/// <summary>The sparse form of <see cref="SigmoidNetworkDefinition.Terms"/>: input names with optional exponents beside the dense form.</summary>
public sealed class SparseTermsTests
{
    private static SigmoidNetwork With(string terms) => new(new SigmoidNetworkDefinition
    {
        Inputs = ["x", "y", "z"],
        InputBounds = [1.0, 1.0, 1.0],
        Terms = terms,
        Output = "0",
    });

    [Theory]
    [InlineData("1 1 1 0; 3 1 1 1", "1 x y; 3 x y z")]
    [InlineData("2 2 1 0; -1 0 0 0", "2 x^2 y; -1")]
    [InlineData("2 2 1 0; -1 0 0 0", "2 x y x; -1")]
    [InlineData("0.5 0 0 3; 4 1 0 0", "0.5 z^3; 4 1 0 0")]
    [InlineData("1 0 0 0", "1 x^0")]
    [InlineData("7 1 2 3", "7 z z^2 y^2 x")]
    public void Sparse_terms_evaluate_as_the_dense_ones(string dense, string sparse)
    {
        var expected = With(dense);
        var actual = With(sparse);
        foreach (var point in new[] { new[] { 0.5, -0.25, 2.0 }, new[] { -1.5, 3.0, 0.125 } })
        {
            Assert.Equal(expected.EvaluatePolynomial(point), actual.EvaluatePolynomial(point));
        }
    }

    [Fact]
    public void An_input_named_like_a_power_is_that_input()
    {
        var network = new SigmoidNetwork(new SigmoidNetworkDefinition { Inputs = ["a^2", "a"], InputBounds = [1.0, 1.0], Terms = "1 a^2; 2 a^2^2 a^3" });
        Assert.Equal(3 + (2 * 9 * 8), network.EvaluatePolynomial([3, 2]));
    }

    public static TheoryData<string, Type, string[]> Malformed => new()
    {
        { "1 x 2", typeof(FormatException), ["Terms", "'2'", "sparse"] },
        { "1 x^", typeof(FormatException), ["Terms", "'x^'"] },
        { "1 x^-1", typeof(FormatException), ["Terms", "'x^-1'"] },
        { "1 x^1.5", typeof(FormatException), ["Terms", "'x^1.5'"] },
        { "1 ^2", typeof(FormatException), ["Terms", "'^2'"] },
        { "1 w", typeof(ArgumentException), ["Terms", "'w'", "no input"] },
        { "1 x; 2 w^2", typeof(ArgumentException), ["Terms", "term 2", "'w'"] },
        { "1 x;", typeof(FormatException), ["Terms", "another term"] },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void Malformed_sparse_terms_are_refused(string terms, Type exception, string[] fragments)
    {
        var thrown = Assert.ThrowsAny<Exception>(() => With(terms));
        Assert.IsType(exception, thrown);
        foreach (string fragment in fragments)
        {
            Assert.Contains(fragment, thrown.Message, StringComparison.Ordinal);
        }
    }
}
