using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using PolyNet.Generators.Tests.Infrastructure;

namespace PolyNet.Generators.Tests.Diagnostics;

/// <summary>
/// The generated partial declarations re-open every kind of containing type, namespace and accessibility and
/// compile with no warning at all (the harness: nullable on, warning level 9999, warnings as errors), and the
/// generated method computes the polynomial within the network's MaxError.
/// </summary>
public sealed class ContainingTypeTests
{
    private const BindingFlags AnyStatic = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void Nested_class_in_class() => BuildAndCheck("""
        using PolyNet;
        public static partial class Outer
        {
            public static partial class Inner
            {
                [Hamiltonian("x*y + 2*x")]
                public static partial double Energy(double x, double y);
            }
        }
        """, "Outer+Inner", v => (v[0] * v[1]) + (2 * v[0]));

    [Fact]
    public void Generic_types_with_constraints() => BuildAndCheck("""
        using PolyNet;
        public partial class Outer<T>
            where T : class
        {
            public T? Value { get; set; }

            internal sealed partial class Inner<U>
                where U : struct, System.IComparable<U>
            {
                [Hamiltonian("x*y*z")]
                public static partial double Energy(double x, double y, double z);
            }
        }
        """, "Outer`1+Inner`1", v => v[0] * v[1] * v[2], typeArguments: [typeof(string), typeof(int)]);

    [Fact]
    public void Struct() => BuildAndCheck("""
        using PolyNet;
        public partial struct Lattice
        {
            public int Size;

            [Hamiltonian("x^2 - y")]
            public static partial double Energy(double x, double y);
        }
        """, "Lattice", v => (v[0] * v[0]) - v[1]);

    [Fact]
    public void Readonly_struct() => BuildAndCheck("""
        using PolyNet;
        public readonly partial struct Lattice
        {
            public readonly int Size;

            [Hamiltonian("x*y")]
            public static partial double Energy(double x, double y);
        }
        """, "Lattice", v => v[0] * v[1]);

    [Fact]
    public void Record() => BuildAndCheck("""
        using PolyNet;
        public sealed partial record Model(int Size)
        {
            [Hamiltonian("x*y")]
            public static partial double Energy(double x, double y);
        }
        """, "Model", v => v[0] * v[1]);

    [Fact]
    public void Record_struct() => BuildAndCheck("""
        using PolyNet;
        public readonly partial record struct Model(int Size)
        {
            [Hamiltonian("x*y")]
            public static partial double Energy(double x, double y);
        }
        """, "Model", v => v[0] * v[1]);

    [Fact]
    public void Interface() => BuildAndCheck("""
        using PolyNet;
        public partial interface IModel
        {
            [Hamiltonian("x*y")]
            public static partial double Energy(double x, double y);
        }
        """, "IModel", v => v[0] * v[1]);

    [Fact]
    public void File_scoped_namespace() => BuildAndCheck("""
        using PolyNet;
        namespace Models.Ising;
        public static partial class Physics
        {
            [Hamiltonian("x*y")]
            public static partial double Energy(double x, double y);
        }
        """, "Models.Ising.Physics", v => v[0] * v[1]);

    [Fact]
    public void Global_namespace() => BuildAndCheck("""
        using PolyNet;
        static partial class Physics
        {
            [Hamiltonian("x*y")]
            internal static partial double Energy(double x, double y);
        }
        """, "Physics", v => v[0] * v[1]);

    [Fact]
    public void Nested_block_namespaces() => BuildAndCheck("""
        using PolyNet;
        namespace A
        {
            namespace B.C
            {
                public static partial class Physics
                {
                    [Hamiltonian("x*y")]
                    public static partial double Energy(double x, double y);
                }
            }
        }
        """, "A.B.C.Physics", v => v[0] * v[1]);

    [Theory]
    [InlineData("public")]
    [InlineData("internal")]
    [InlineData("private")]
    [InlineData("protected")]
    [InlineData("protected internal")]
    [InlineData("private protected")]
    public void Every_accessibility(string accessibility)
    {
        var assembly = BuildAndCheck($$"""
            using PolyNet;
            public partial class Physics
            {
                [Hamiltonian("x*y")]
                {{accessibility}} static partial double Energy(double x, double y);
            }
            """, "Physics", v => v[0] * v[1]);

        // The batch overload and the Network property have the method's accessibility.
        var type = assembly.GetType("Physics")!;
        var scalar = type.GetMethod("Energy", AnyStatic, [typeof(double), typeof(double)])!;
        var batch = type.GetMethods(AnyStatic).Single(m => m.Name == "Energy" && m.GetParameters().Length == 3);
        var getter = type.GetProperty("EnergyNetwork", AnyStatic)!.GetMethod!;
        Assert.Equal(scalar.Attributes & MethodAttributes.MemberAccessMask, batch.Attributes & MethodAttributes.MemberAccessMask);
        Assert.Equal(scalar.Attributes & MethodAttributes.MemberAccessMask, getter.Attributes & MethodAttributes.MemberAccessMask);
    }

    [Fact]
    public void Parameter_names_that_are_keywords() => BuildAndCheck("""
        using PolyNet;
        public static partial class Physics
        {
            [Hamiltonian("in*class + class")]
            public static partial double Energy(double @in, double @class);
        }
        """, "Physics", v => (v[0] * v[1]) + v[1]);

    [Fact]
    public void Parameter_names_that_collide_with_generated_locals() => BuildAndCheck("""
        using PolyNet;
        public static partial class Physics
        {
            [Hamiltonian("g0*p0 + ep0*q1 - mp0*destination^2 + length*i")]
            public static partial double Energy(double g0, double p0, double ep0, double q1, double mp0, double destination, double length, double i);
        }
        """, "Physics", v => (v[0] * v[1]) + (v[2] * v[3]) - (v[4] * v[5] * v[5]) + (v[6] * v[7]));

    /// <summary>
    /// Overloads by parameter type would both get a property named <c>EnergyNetwork</c> (method name + "Network"), and
    /// a member the user already declares under that name would collide too: the generator leaves the property out
    /// and the analyzer says why with PNET004, instead of the compiler failing with CS0102.
    /// </summary>
    [Fact]
    public void Overloads_sharing_a_Network_property_name_get_PNET004_instead_of_CS0102()
    {
        var run = GeneratorHarness.Run("""
            using PolyNet;
            public static partial class Physics
            {
                [Hamiltonian("x*y")]
                public static partial double Energy(double x, double y);

                [Hamiltonian("x*y")]
                public static partial float Energy(float x, float y);

                [Hamiltonian("x^2")]
                public static partial double Field(double x);

                public static int FieldNetwork => 0;
            }
            """);
        Assert.Equal(3, run.Sources.Count);
        Assert.Equal(3, run.Sources.Select(s => s.HintName).Distinct().Count());
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var diagnostics = GeneratorHarness.Analyze(run.Output);
        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal("PNET004", d.Id));
        Assert.Contains("both would publish 'EnergyNetwork'", diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'Physics' already has a member named 'FieldNetwork'", diagnostics[1].GetMessage(), StringComparison.Ordinal);

        // The first overload keeps its network; the second gets a body that throws the diagnostic's message.
        Assert.Contains("SigmoidNetwork EnergyNetwork", run.Sources[0].SourceText.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("SigmoidNetwork EnergyNetwork", run.Sources[1].SourceText.ToString(), StringComparison.Ordinal);
        Assert.Contains("throw new global::System.InvalidOperationException(\"PNET004:", run.Sources[1].SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Documented_method_with_documentation_diagnostics_gets_no_CS1591()
    {
        var parseOptions = GeneratorHarness.ParseOptions.WithDocumentationMode(DocumentationMode.Diagnose);
        var compilation = GeneratorHarness.CreateCompilation("""
            using PolyNet;

            /// <summary>Physics.</summary>
            public static partial class Physics
            {
                /// <summary>The energy.</summary>
                /// <param name="x">First spin.</param>
                /// <param name="y">Second spin.</param>
                /// <returns>x*y.</returns>
                [Hamiltonian("x*y")]
                public static partial double Energy(double x, double y);
            }
            """);
        compilation = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Single(),
            CSharpSyntaxTree.ParseText(compilation.SyntaxTrees.Single().GetText(), parseOptions, path: "Source0.cs"));
        var driver = GeneratorHarness.CreateDriver().WithUpdatedParseOptions(parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        Assert.All(driver.GetRunResult().Results, r => Assert.Null(r.Exception));
        Assert.All(output.SyntaxTrees, t => Assert.Equal(DocumentationMode.Diagnose, t.Options.DocumentationMode));

        // Emitting with a documentation stream makes the compiler check every doc comment (CS1591, CS1573, CS1574, ...).
        using var peStream = new MemoryStream();
        using var xmlStream = new MemoryStream();
        var emit = output.Emit(peStream, xmlDocumentationStream: xmlStream);
        var problems = emit.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(emit.Success && problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(GeneratorHarness.Analyze(output));

        string xml = System.Text.Encoding.UTF8.GetString(xmlStream.ToArray());
        Assert.Contains("P:Physics.EnergyNetwork", xml, StringComparison.Ordinal);
        Assert.Contains("M:Physics.Energy(System.ReadOnlySpan{System.Double},System.ReadOnlySpan{System.Double},System.Span{System.Double})", xml, StringComparison.Ordinal);
    }

    /// <summary>Builds (no diagnostic at all), then calls the method on sample points and compares with the polynomial.</summary>
    private static Assembly BuildAndCheck(string source, string typeName, Func<double[], double> exact, Type[]? typeArguments = null)
    {
        var assembly = GeneratorHarness.BuildAndLoad(source);
        var type = assembly.GetType(typeName) ?? throw new InvalidOperationException($"type {typeName} not found");
        if (typeArguments is not null)
        {
            type = type.MakeGenericType(typeArguments);
        }

        var network = (SigmoidNetwork)type.GetProperty("EnergyNetwork", AnyStatic)!.GetValue(null)!;
        int arity = network.Inputs.Count;
        var method = type.GetMethod("Energy", AnyStatic, Enumerable.Repeat(typeof(double), arity).ToArray())!;
        var random = new Random(1234);
        for (int sample = 0; sample < 20; sample++)
        {
            double[] values = Enumerable.Range(0, arity).Select(_ => (random.NextDouble() * 2) - 1).ToArray();
            double actual = (double)method.Invoke(null, values.Cast<object>().ToArray())!;
            double expected = exact(values);
            Assert.True(Math.Abs(actual - expected) <= network.MaxError, $"{typeName}.Energy({string.Join(", ", values)}) = {actual}, polynomial {expected}, MaxError {network.MaxError}");
        }

        return assembly;
    }
}
