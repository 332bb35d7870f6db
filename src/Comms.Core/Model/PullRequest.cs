namespace Comms.Core.Model;

/// <summary>A merged (or not) pull request as read from GitHub or from files: the input of extraction.</summary>
public sealed record PullRequest
{
    public required int Number { get; init; }
    public string Title { get; init; } = string.Empty;
    public string? Body { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];
    public string? Author { get; init; }
    public string? AuthorUrl { get; init; }
    public string? Url { get; init; }
    public DateTimeOffset? MergedAt { get; init; }
    public bool Merged { get; init; } = true;
    public string? MergeCommit { get; init; }
    public string? BaseRef { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Where the record was read from, for diagnostics.</summary>
    public string? Source { get; init; }
}
