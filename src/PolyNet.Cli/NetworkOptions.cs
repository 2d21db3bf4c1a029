using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Linq;
using PolyNet.Generators.Shared;

namespace PolyNet.Cli;

/// <summary>The expression argument and the options that say how to compile it, shared by <c>inspect</c> and <c>export</c>.</summary>
internal sealed class NetworkOptions
{
    public Argument<string> Expression { get; } = new("expression")
    {
        Description = "The polynomial, as written in [Hamiltonian(\"...\")], e.g. \"x*y + 3*x*y*z\". Its variables are the names it uses, in order of first appearance.",
    };

    public Option<double> Bound { get; } = new("--bound")
    {
        Description = "The bound |x| <= B of every continuous input (InputBound); bits and spins are bounded by 1.",
        DefaultValueFactory = _ => 1.0,
        CustomParser = InvariantDouble,
        HelpName = "B",
    };

    public Option<bool> Float { get; } = new("--float")
    {
        Description = "Compile for float arithmetic instead of double.",
    };

    public Option<int> Layers { get; } = new("--layers")
    {
        Description = "The most hidden layers the network may have (MaxHiddenLayers); 0, the default, is the deep network.",
        HelpName = "k",
    };

    public Option<string[]> Spins { get; } = new("--spin")
    {
        Description = "Variables that are spins (+1 or -1), comma-separated: --spin s1,s2.",
        HelpName = "names",
    };

    public Option<string[]> Bits { get; } = new("--bits")
    {
        Description = "Variables that are bits (0 or 1), comma-separated: --bits b1,b2.",
        HelpName = "names",
    };

    /// <summary>Adds the argument and the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(Expression);
        command.Options.Add(Bound);
        command.Options.Add(Float);
        command.Options.Add(Layers);
        command.Options.Add(Spins);
        command.Options.Add(Bits);
    }

    /// <summary>What the command line asks for; throws <see cref="UsageException"/> for values that make no sense.</summary>
    public NetworkRequest Read(ParseResult parse)
    {
        string expression = parse.GetValue(Expression) ?? string.Empty;
        double bound = parse.GetValue(Bound);
        if (!(bound > 0) || double.IsInfinity(bound))
        {
            throw new UsageException($"--bound must be positive and finite, not {bound.ToString(CultureInfo.InvariantCulture)}");
        }

        int layers = parse.GetValue(Layers);
        if (layers < 0)
        {
            throw new UsageException($"--layers must be 0 (the deep network) or more, not {layers}");
        }

        var spins = Names(parse.GetValue(Spins));
        var bits = Names(parse.GetValue(Bits));
        if (spins.Intersect(bits, StringComparer.Ordinal).FirstOrDefault() is { } both)
        {
            throw new UsageException($"'{both}' is given both as a spin and as a bit");
        }

        return new NetworkRequest(expression, bound, parse.GetValue(Float) ? NumericPrecision.Single : NumericPrecision.Double, layers, spins, bits);
    }

    /// <summary>"2.5" means 2.5 in every culture.</summary>
    private static double InvariantDouble(ArgumentResult result)
    {
        string text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            return value;
        }

        result.AddError($"'{text}' is not a number");
        return 0;
    }

    private static IReadOnlyList<string> Names(string[]? values) =>
        (values ?? []).SelectMany(v => v.Split(',')).Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
