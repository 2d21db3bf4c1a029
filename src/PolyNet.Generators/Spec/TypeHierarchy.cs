using PolyNet.Generators.Shared;
namespace PolyNet.Generators.Spec;

/// <summary>Where the method lives: its namespace ("" for the global one) and containing types, outermost first.</summary>
internal sealed record TypeHierarchy(string Namespace, EquatableArray<ContainingType> Types)
{
    /// <summary>"Outer.Inner.Method": the member as C# code names it inside its namespace.</summary>
    public string DisplayName(string member) =>
        string.Concat(System.Linq.Enumerable.Select(Types, t => t.Name.TrimStart('@') + t.TypeParameters + ".")) + member;

    /// <summary>A file-name-safe, unique-enough prefix for generated files.</summary>
    public string HintPrefix
    {
        get
        {
            var text = new System.Text.StringBuilder(Namespace);
            foreach (var type in Types)
            {
                text.Append(text.Length > 0 ? "." : string.Empty).Append(type.Name.TrimStart('@'));
                if (type.TypeParameters.Length > 0)
                {
                    text.Append('`').Append(type.TypeParameters.Split(',').Length);
                }
            }

            return text.ToString();
        }
    }
}
