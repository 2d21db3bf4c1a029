namespace PolyNet.EndToEnd.Tests.Infrastructure;

/// <summary>All end-to-end tests share one packed package and run one after another (2 cores).</summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackageWorkspace>
{
    public const string Name = "End to end";
}
