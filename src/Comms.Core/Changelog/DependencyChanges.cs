namespace Comms.Core.Changelog;

/// <summary>The optional Dependencies section: modules added, changed (from, to) and removed.</summary>
public sealed record DependencyChanges(
    IReadOnlyList<(string Module, string Version)> Added,
    IReadOnlyList<(string Module, string From, string To)> Changed,
    IReadOnlyList<(string Module, string Version)> Removed);

public sealed record ChangelogOptions
{
    /// <summary>Reproduce the Kubernetes tool's output byte for byte, quirks included (see KUBERNETES-RULES.md).</summary>
    public bool Strict { get; init; }

    public DependencyChanges? Dependencies { get; init; }

    /// <summary>Escape the composed document as a whole (the reference the piece-by-piece writing is tested against).</summary>
    internal bool WholeDocument { get; init; }
}
