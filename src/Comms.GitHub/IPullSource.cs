using Comms.GitHub.Output;

namespace Comms.GitHub;

/// <summary>Where pulls come from: GraphQL (with a token) or REST (without one). Both read and fill the cache.</summary>
internal interface IPullSource
{
    /// <summary>The PR numbers between two refs, from GitHub (no local clone).</summary>
    Task<IReadOnlyList<int>> RangeAsync(string from, string to, CancellationToken ct);

    /// <summary>The pulls by number; cached ones that did not change cost no full fetch. Unknown numbers are warned about and left out.</summary>
    Task<IReadOnlyDictionary<int, RestPull>> FetchAsync(IReadOnlyList<int> numbers, Action<string, int> progress, CancellationToken ct);
}
