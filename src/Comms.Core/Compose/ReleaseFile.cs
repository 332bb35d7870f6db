namespace Comms.Core.Compose;

/// <summary>The editorial input of a release: <c>release-notes/&lt;version&gt;/release.yaml</c>.</summary>
public sealed record ReleaseFile
{
    public required string Version { get; init; }
    public string? PreviousVersion { get; init; }
    public DateOnly? ReleaseDate { get; init; }
    public string? Codename { get; init; }
    public string? Theme { get; init; }
    public IReadOnlyList<HighlightEntry> Highlights { get; init; } = [];
    public DateTimeOffset? Embargo { get; init; }
    public IReadOnlyList<Quote> Quotes { get; init; } = [];
    public IReadOnlyList<Contact> Contacts { get; init; } = [];

    /// <summary>The blog post's author line.</summary>
    public string? Author { get; init; }

    public IReadOnlyList<string> Editors { get; init; } = [];

    /// <summary>The release lead and the communications team, thanked in the blog post.</summary>
    public ReleaseTeam? Team { get; init; }

    /// <summary>Authors of earlier releases, given for counting first-time contributors; null when not given.</summary>
    public IReadOnlyList<string>? PreviousContributors { get; init; }

    /// <summary>The file it was read from, for diagnostics; null when made up from the command line.</summary>
    public string? File { get; init; }
}

/// <summary>A highlight named by PR number or given as free text; Line/Column point into release.yaml.</summary>
public sealed record HighlightEntry(int? Pr, string? Text, int Line = 0, int Column = 0)
{
    /// <summary>The enhancement it names (<c>kep: 1287</c>).</summary>
    public string? Enhancement { get; init; }
}

public sealed record ReleaseTeam(string? Lead, IReadOnlyList<string> Comms);

public sealed record Quote(string Name, string Role, string Text, int Line = 0, int Column = 0);

public sealed record Contact(string Name, string Role, string? Email, string? Phone);
