using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PolyNet.Generators.Tests.CompileAndRun;

/// <summary>One row of the compile-and-run table: an expression, its variables and their bounds.</summary>
internal sealed record HamiltonianCase(string Expression, string[] Variables, double InputBound = 1.0, params (string Name, double Bound)[] Bounds)
{
    public static readonly HamiltonianCase[] Table =
    [
        new("x*y + 3*x*y*z", ["x", "y", "z"]),
        new("x*y", ["x", "y"]),
        new("a*b*c*d*e*f*g*h", ["a", "b", "c", "d", "e", "f", "g", "h"]),
        new("x^2", ["x"], 3),
        new("x^3 + 0.5*y^2", ["x", "y"], 2, ("y", 3)),
        new("0.5*(x^2 + y^2 + z^2) + 0.1*(x^4 + y^4 + z^4) - 0.3*x*y*z + 0.2*x*y", ["x", "y", "z"], 2),
        new("(x + y)^4 - x*y/3", ["x", "y"]),
        new("1 - 2*x + y/4", ["x", "y"], 10),
        new("x^7", ["x"], 1.5),
        new("(x - 2*y + z)^3", ["x", "y", "z"], 0.5),
        new("1e-3*x*y*z + 250*x^2 - 7", ["x", "y", "z"], 1, ("x", 0.1)),
        new("-(u*v - w)^2 + u^2*w", ["u", "v", "w"], 4),
    ];

    public double BoundOf(string variable) => Bounds.FirstOrDefault(b => b.Name == variable) is { Name: not null } b ? b.Bound : InputBound;

    public IReadOnlyList<double> VariableBounds => Variables.Select(BoundOf).ToArray();

    /// <summary>The C# declaration of this case as method <paramref name="name"/>.</summary>
    public string Declaration(string name, string type)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"    [Hamiltonian(\"{Expression}\", InputBound = {InputBound.ToString("R", CultureInfo.InvariantCulture)})]\n");
        var parameters = Variables.Select(v => Bounds.Any(b => b.Name == v)
            ? $"[Bound({BoundOf(v).ToString("R", CultureInfo.InvariantCulture)})] {type} {v}"
            : $"{type} {v}");
        text.Append(CultureInfo.InvariantCulture, $"    public static partial {type} {name}({string.Join(", ", parameters)});\n");
        return text.ToString();
    }
}
