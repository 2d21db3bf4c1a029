using System.Collections.Generic;
using System.Linq;
using PolyNet.Generators.Lattice;
using PolyNet.Generators.Network;
using PolyNet.Generators.Shared;
using PolyNet.Generators.Spec;

namespace PolyNet.Generators.Emit;

/// <summary>
/// What the lattice emitters need to know about a template, computed once: the reads as forward-pass inputs, which
/// reads each output term depends on (its open-boundary mask) and which gates each term needs.
/// </summary>
internal sealed class LatticeLayout
{
    public LatticeLayout(HamiltonianSpec spec, LatticeTemplate template, NetworkModel network, GeneratedNames names)
    {
        Template = template;
        Network = network;
        Parameters = spec.Parameters;
        ReadInputs = template.Reads
            .Select((read, k) => new ParameterSpec(read.Name, names[$"q{k}"], string.Empty, string.Empty, network.InputBounds[k], spec.Parameters[read.Parameter].Kind))
            .ToList();
        var inputsOfGate = new List<HashSet<int>>();
        var gatesOfGate = new List<HashSet<int>>();
        for (int k = 0; k < network.Gates.Length; k++)
        {
            var inputs = new HashSet<int>();
            var gates = new HashSet<int> { k };
            foreach (var operand in network.Gates[k].Operands)
            {
                if (operand.IsGate)
                {
                    inputs.UnionWith(inputsOfGate[operand.Index]);
                    gates.UnionWith(gatesOfGate[operand.Index]);
                }
                else
                {
                    inputs.Add(operand.Index);
                }
            }

            inputsOfGate.Add(inputs);
            gatesOfGate.Add(gates);
        }

        foreach (var term in network.OutputTerms)
        {
            var inputs = term.Value.IsGate ? inputsOfGate[term.Value.Index] : new HashSet<int> { term.Value.Index };
            TermReads.Add(inputs.Where(k => template.Reads[k].IsField).ToList());
            TermGates.Add(term.Value.IsGate ? gatesOfGate[term.Value.Index] : new HashSet<int>());
        }
    }

    public LatticeTemplate Template { get; }

    public NetworkModel Network { get; }

    public IReadOnlyList<ParameterSpec> Parameters { get; }

    /// <summary>The template's reads as inputs of the forward pass (named q0, q1, …).</summary>
    public IReadOnlyList<ParameterSpec> ReadInputs { get; }

    /// <summary>Per output term, the field reads it depends on.</summary>
    public List<List<int>> TermReads { get; } = new();

    /// <summary>Per output term, the gates it needs (itself and everything below it).</summary>
    public List<HashSet<int>> TermGates { get; } = new();

    public int Dimensions => Template.Domain.Length;

    public ParameterSpec Extent(int dimension) => Parameters[Template.Domain[dimension]];

    public IEnumerable<int> FieldReads => Enumerable.Range(0, Template.Reads.Length).Where(k => Template.Reads[k].IsField);

    /// <summary>The fields (parameter indices) in parameter order.</summary>
    public IEnumerable<int> Fields => Enumerable.Range(0, Parameters.Count).Where(p => Parameters[p].Role == ParameterRole.Field);

    /// <summary>The open-boundary mask of term <paramref name="term"/>: one bit per field read it depends on.</summary>
    public ulong Mask(int term) => TermReads[term].Aggregate(0UL, (mask, k) => mask | (1UL << k));

    /// <summary>The element type of a field's span: the network's number type, bool or the spin's integer type.</summary>
    public static string FieldElement(ParameterSpec field, NumericPrecision precision) => field.Kind switch
    {
        VariableKind.Bit => "bool",
        VariableKind.Spin => field.Type.EndsWith("<sbyte>", System.StringComparison.Ordinal) ? "sbyte" : "int",
        _ => ParameterForms.Element(precision),
    };

    /// <summary>Element <paramref name="index"/> of a field as a number of the network's arithmetic.</summary>
    public static string ScalarElement(ParameterSpec field, string index, NumericPrecision precision) => field.Kind switch
    {
        VariableKind.Bit => $"({field.Identifier}[{index}] ? {Literals.Number(1, precision)} : {Literals.Number(0, precision)})",
        VariableKind.Spin => $"({ParameterForms.Element(precision)}){field.Identifier}[{index}]",
        _ => $"{field.Identifier}[{index}]",
    };

    /// <summary>The row-major index of coordinates <paramref name="coordinates"/> (one expression per dimension).</summary>
    public string RowMajor(IReadOnlyList<string> coordinates)
    {
        string index = coordinates[0];
        for (int d = 1; d < coordinates.Count; d++)
        {
            index = $"({index}) * {Extent(d).Identifier} + {coordinates[d]}";
        }

        return index;
    }
}
