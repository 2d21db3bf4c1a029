using System.Linq;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Lattice;

/// <summary>Every misuse of sums, fields and extents is an error located on the offending text, and the analyzer reports it.</summary>
public sealed class LatticeDiagnosticTests
{
    // Parameters: a field s (spins), a field t, a scalar h and the extents rows, columns, n.
    private static readonly string[] Names = ["s", "t", "h", "rows", "columns", "n"];

    private static readonly ParameterRole[] Roles = [ParameterRole.Field, ParameterRole.Field, ParameterRole.Scalar, ParameterRole.Extent, ParameterRole.Extent, ParameterRole.Extent];

    [Theory]
    [InlineData("sum(i < rows, j < columns: s[i,k])", "PNET009", "'k' is not an index of the enclosing sum", "k")]
    [InlineData("s[i] + sum(i < n: t[i])", "PNET009", "the index 'i' is not bound", "i")]
    [InlineData("sum(i < h: s[i])", "PNET009", "the extent 'h' must be an int parameter", "h")]
    [InlineData("sum(i < rows, j < columns: s[i])", "PNET009", "'s' is read with 1 index, but the sum runs over 2 extents", "s[i]")]
    [InlineData("sum(i < rows, j < columns: s[j,i])", "PNET009", "index 1 of 's' must be the sum's index 'i'", "j")]
    [InlineData("sum(i < n: s[i+j])", "PNET001", "an index offset must be an integer constant", "+j")]
    [InlineData("sum(i < n: s[i+17])", "PNET005", "the offset 17 exceeds the limit of 16", "17")]
    [InlineData("sum(i < n: s)", "PNET009", "'s' is a field: read one site of it with indices", "s")]
    [InlineData("sum(i < n: h[i])", "PNET009", "'h' is not a field", "h[i]")]
    [InlineData("sum(i < n, i < n: s[i,i])", "PNET009", "the index 'i' is bound twice", "i")]
    [InlineData("sum(i < n: s[i]) + sum(i < rows: t[i])", "PNET009", "every sum of a lattice Hamiltonian runs over the same extents", "i < rows")]
    [InlineData("sum(i < n: s[i])*sum(j < n: t[j])", "PNET009", "a product of two sums", "sum(i < n: s[i])*sum(j < n: t[j])")]
    [InlineData("sum(i < n: s[i])^2", "PNET009", "a power of a sum", "sum(i < n: s[i])^2")]
    [InlineData("sum(i < n: s[i]*sum(j < n: t[j]))", "PNET009", "a sum inside a sum must be the whole body", "sum(j < n: t[j])")]
    [InlineData("sum(i < n: s[i]) + h^2", "PNET009", "every term that is not a constant belongs inside a sum", "h")]
    [InlineData("sum(i < n: n*s[i])", "PNET009", "'n' is an extent", "n")]
    [InlineData("sum(i < n: i*s[i])", "PNET009", "the index 'i' is not a number", "i")]
    [InlineData("sum(i < n: q[i])", "PNET002", "'q' is not a parameter of the method", "q")]
    [InlineData("sum(i < n s[i])", "PNET001", "expected ',' and another index, or ':'", "s")]
    [InlineData("sum(i n: s[i])", "PNET001", "expected '<' and an extent after the index 'i'", "n")]
    [InlineData("sum(i < n: s[i]", "PNET001", "missing ')' to close the sum", "sum(")]
    [InlineData("sum(s < n: t[s])", "PNET009", "the index 's' has the name of a parameter", "s")]
    [InlineData("h + s[0]", "PNET001", "an index must be a sum's index name", "0")]
    public void A_misused_lattice_term_is_reported_where_it_is_written(string expression, string id, string message, string located)
    {
        var input = new HamiltonianInput(
            expression,
            Names,
            Enumerable.Repeat(1.0, Names.Length).ToEquatableArray(),
            new[] { VariableKind.Spin, VariableKind.Continuous, VariableKind.Continuous, VariableKind.Continuous, VariableKind.Continuous, VariableKind.Continuous },
            NumericPrecision.Double,
            Roles: Roles);
        var compiled = HamiltonianCompiler.Compile(input);
        Assert.False(compiled.Succeeded);
        var error = compiled.Errors[0];
        Assert.Equal(id, DiagnosticIds.For(error.Kind));
        Assert.Contains(message, error.Message);
        Assert.Equal(located, expression.Substring(error.Span.Start, error.Span.Length));
    }

    [Fact]
    public void The_analyzer_reports_a_lattice_error_inside_the_literal_and_the_generator_still_emits_throwing_members()
    {
        const string Source = """
            using System;
            using PolyNet;
            public static partial class L
            {
                [Hamiltonian("-sum(i < n: s[i]*s[i+1]) + sum(i < n: s[j])")]
                public static partial double E([Spin] ReadOnlySpan<sbyte> s, int n);
            }
            """;
        var run = GeneratorHarness.Run(Source);
        var diagnostics = GeneratorHarness.Analyze(run.Output);
        var error = Assert.Single(diagnostics, d => d.Id == "PNET009");
        Assert.Equal("j", error.Location.SourceTree!.ToString().Substring(error.Location.SourceSpan.Start, error.Location.SourceSpan.Length));
        Assert.DoesNotContain(run.Output.GetDiagnostics(), d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.Contains("EDelta", run.Sources.Single().SourceText.ToString(), System.StringComparison.Ordinal);
    }
}

/// <summary>The per-site template: translation on a torus, none on an open lattice, and the unsupported field types.</summary>
public sealed class LatticeTemplateTests
{
    private static CompiledHamiltonian Compile(string expression, BoundaryKind boundary) =>
        HamiltonianCompiler.Compile(new HamiltonianInput(
            expression,
            new[] { "s", "n" },
            new[] { 1.0, 1.0 },
            new[] { VariableKind.Spin, VariableKind.Continuous },
            NumericPrecision.Double,
            Roles: new[] { ParameterRole.Field, ParameterRole.Extent },
            Boundary: boundary));

    [Fact]
    public void On_a_torus_a_bond_written_from_both_ends_is_one_term_computed_once()
    {
        var compiled = Compile("-sum(i < n: s[i]*s[i+1] + s[i-1]*s[i])", BoundaryKind.Periodic);
        Assert.Equal("-2*s[i]*s[i+1]", compiled.Polynomial!.ToCanonicalString());
        Assert.Equal(1, compiled.Network!.NeuronCount);
    }

    [Fact]
    public void On_an_open_lattice_terms_keep_the_site_they_are_written_from()
    {
        var compiled = Compile("-sum(i < n: s[i]*s[i+1] + s[i-1]*s[i])", BoundaryKind.Open);
        Assert.Equal(3, compiled.Lattice!.Reads.Length);
        Assert.Equal(2, compiled.Network!.NeuronCount);
    }

    [Fact]
    public void A_field_of_an_unsupported_element_type_is_pnet004()
    {
        var diagnostics = GeneratorHarness.Analyze(GeneratorHarness.CreateCompilation("""
            using System;
            using PolyNet;
            public static partial class L
            {
                [Hamiltonian("sum(i < n: s[i])")]
                public static partial double E(ReadOnlySpan<long> s, int n);
            }
            """));
        var error = Assert.Single(diagnostics, d => d.Id == "PNET004");
        Assert.Equal("the field 's' is System.ReadOnlySpan<long>; a lattice field is a ReadOnlySpan of double, of bool (bits) or, marked [Spin], of sbyte or int (spins)", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>Random lattice-shaped text never makes the compiler throw, and every error lies inside the text.</summary>
public sealed class LatticeFuzzTests
{
    private static readonly string[] Vocabulary =
        ["sum", "(", ")", "[", "]", ",", ":", "<", "i", "j", "n", "m", "s", "t", "h", "+", "-", "*", "^", "2", "1", "17", " ", "0.5"];

    [Fact]
    public void Random_token_sequences_compile_or_fail_with_located_errors()
    {
        var names = new[] { "s", "t", "h", "n", "m" };
        var roles = new[] { ParameterRole.Field, ParameterRole.Field, ParameterRole.Scalar, ParameterRole.Extent, ParameterRole.Extent };
        var random = new System.Random(2026);
        int compiled = 0;
        for (int trial = 0; trial < 20_000; trial++)
        {
            var text = new System.Text.StringBuilder();
            int length = random.Next(1, 24);
            for (int k = 0; k < length; k++)
            {
                text.Append(Vocabulary[random.Next(Vocabulary.Length)]);
            }

            string expression = trial % 3 == 0 ? "sum(i < n, j < m: " + text + ")" : text.ToString();
            var input = new HamiltonianInput(
                expression,
                names,
                new[] { 1.0, 1.0, 1.0, 1.0, 1.0 },
                new[] { VariableKind.Spin, VariableKind.Continuous, VariableKind.Continuous, VariableKind.Continuous, VariableKind.Continuous },
                NumericPrecision.Double,
                Roles: roles,
                Boundary: trial % 2 == 0 ? BoundaryKind.Periodic : BoundaryKind.Open);
            var result = HamiltonianCompiler.Compile(input);
            if (result.Succeeded)
            {
                compiled++;
                continue;
            }

            Assert.All(result.Errors, e => Assert.True(e.Span.Start >= 0 && e.Span.Start + e.Span.Length <= expression.Length, $"'{expression}': {e.Message} at {e.Span}"));
        }

        Assert.InRange(compiled, 1, 19_999);
    }
}
