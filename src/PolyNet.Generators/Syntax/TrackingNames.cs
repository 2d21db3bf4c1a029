namespace PolyNet.Generators.Syntax;

/// <summary>Names of the generator's pipeline steps, so tests can assert which steps re-ran.</summary>
internal static class TrackingNames
{
    public const string Specs = nameof(Specs);
    public const string GeneratedFiles = nameof(GeneratedFiles);
    public const string ClassifierSpecs = nameof(ClassifierSpecs);
    public const string ClassifierFiles = nameof(ClassifierFiles);
}
