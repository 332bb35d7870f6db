using Comms.Core.Model;

namespace Comms.Core.Compose;

/// <summary>Everything the drafts say about one release, composed from release.yaml and the notes.</summary>
public sealed record ReleaseModel
{
    public required ReleaseFile Release { get; init; }
    public required string ProjectName { get; init; }
    public required string Repo { get; init; }

    /// <summary>The release date from release.yaml, else the day of the last merge.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>Published notes (do-not-publish left out), by PR number.</summary>
    public required IReadOnlyList<ReleaseNote> Notes { get; init; }

    public required IReadOnlyList<Highlight> Highlights { get; init; }
    public required ReleaseStats Stats { get; init; }

    public IEnumerable<ReleaseNote> UpgradeNotes => Notes.Where(n => n.ActionRequired);
    public IEnumerable<ReleaseNote> WithStability(string level) => Notes.Where(n => n.Comms.Stability?.Level == level);
    public IEnumerable<ReleaseNote> ForAudience(string audience) => Notes.Where(n => n.Comms.Audiences.Any(a => a.Audience == audience));
}

/// <summary>A highlight: an enhancement, a note (by PR) or free text from release.yaml, with why it was picked.</summary>
public sealed record Highlight(ReleaseNote? Note, string Text, string Reason, double Score, bool Manual)
{
    /// <summary>The enhancement it spotlights, when there is enhancement data.</summary>
    public Enhancements.Enhancement? Enhancement { get; init; }

    /// <summary>The headline in plain words: the enhancement's title, else the note's first sentence.</summary>
    public string? Title { get; init; }

    /// <summary>The PRs behind it.</summary>
    public IReadOnlyList<int> Prs { get; init; } = [];
}

/// <summary>Counts for the drafts' numbers. Every dictionary is ordered for stable output.</summary>
public sealed record ReleaseStats
{
    public int Notes { get; init; }
    public int PullRequests { get; init; }
    public IReadOnlyList<KeyValuePair<string, int>> BySection { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, int>> BySig { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, int>> ByStability { get; init; } = [];
    public IReadOnlyList<KeyValuePair<string, int>> ByAudience { get; init; } = [];
    public IReadOnlyList<string> Contributors { get; init; } = [];

    /// <summary>Authors not seen in any earlier release; null when there is no earlier release to compare with.</summary>
    public IReadOnlyList<string>? FirstTimeContributors { get; init; }

    public int Enhancements => Count(ByStability, "alpha") + Count(ByStability, "beta") + Count(ByStability, "stable");

    public static int Count(IReadOnlyList<KeyValuePair<string, int>> counts, string key) =>
        counts.FirstOrDefault(c => c.Key == key).Value;
}
