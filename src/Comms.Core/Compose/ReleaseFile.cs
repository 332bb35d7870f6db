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

    /// <summary>The cycle's milestones (<c>dates:</c>): enhancements freeze, code freeze, feature-blog freeze and more.</summary>
    public CycleDates Dates { get; init; } = new();

    /// <summary>The feature-blog series the comms team agreed (<c>feature_blogs:</c>); null when not given (then it is proposed).</summary>
    public IReadOnlyList<FeatureBlogEntry>? FeatureBlogs { get; init; }

    /// <summary>The file it was read from, for diagnostics; null when made up from the command line.</summary>
    public string? File { get; init; }
}

/// <summary>The release cycle's milestones from release.yaml's <c>dates:</c>; each null until it is set.</summary>
public sealed record CycleDates
{
    /// <summary>release.yaml has a <c>dates:</c> section: the release is planned with Comms, so missing milestones are warned about.</summary>
    public bool Given { get; init; }

    public DateOnly? EnhancementsFreeze { get; init; }
    public DateOnly? FeatureBlogFreeze { get; init; }
    public DateOnly? CodeFreeze { get; init; }
    public DateOnly? SneakPeek { get; init; }
    public DateOnly? FeatureBlogsReady { get; init; }
    public DateOnly? Webinar { get; init; }
}

/// <summary>One post of the feature-blog series: the enhancement it is about, who writes it, their writing buddy, and its day.</summary>
public sealed record FeatureBlogEntry(string Enhancement, string? Writer, string? Buddy, DateOnly? Date, int Line = 0, int Column = 0);

/// <summary>A highlight named by PR number or given as free text; Line/Column point into release.yaml.</summary>
public sealed record HighlightEntry(int? Pr, string? Text, int Line = 0, int Column = 0)
{
    /// <summary>The enhancement it names (<c>kep: 1287</c>).</summary>
    public string? Enhancement { get; init; }
}

public sealed record ReleaseTeam(string? Lead, IReadOnlyList<string> Comms);

public sealed record Quote(string Name, string Role, string Text, int Line = 0, int Column = 0);

public sealed record Contact(string Name, string Role, string? Email, string? Phone);
