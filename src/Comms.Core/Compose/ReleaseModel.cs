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

    /// <summary>The release's enhancements, most advanced stage first, then by id; empty without enhancement data.</summary>
    public IReadOnlyList<Enhancements.Enhancement> Enhancements { get; init; } = [];

    /// <summary>Whether enhancement data was given (KEPs, GitHub or enhancements.yaml): only then do the drafts count enhancements.</summary>
    public bool HasEnhancementData { get; init; }

    /// <summary>The published notes of each enhancement, by id, in PR order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<ReleaseNote>> EnhancementNotes { get; init; } =
        new Dictionary<string, IReadOnlyList<ReleaseNote>>(StringComparer.Ordinal);

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

    /// <summary>True when <see cref="Contributors"/> are the authors of every merged PR; false when only the notes' authors are known.</summary>
    public bool ContributorsFromPullRequests { get; init; }

    /// <summary>Authors not among the previous contributors given for that purpose; null when none were given.</summary>
    public IReadOnlyList<string>? FirstTimeContributors { get; init; }

    /// <summary>Enhancements by stage, from enhancement data; null without it (then the drafts count changes).</summary>
    public EnhancementCounts? Enhancements { get; init; }

    public static int Count(IReadOnlyList<KeyValuePair<string, int>> counts, string key) =>
        counts.FirstOrDefault(c => c.Key == key).Value;
}

/// <summary>How many enhancements the release has at each stage.</summary>
public sealed record EnhancementCounts(int Stable, int Beta, int Alpha, int Deprecated, int Removed)
{
    public int Total => Stable + Beta + Alpha + Deprecated + Removed;

    public static EnhancementCounts Of(IEnumerable<Enhancements.Enhancement> enhancements)
    {
        var list = enhancements.ToArray();
        int Count(string stage) => list.Count(e => e.Stage == stage);
        return new EnhancementCounts(Count("stable"), Count("beta"), Count("alpha"), Count("deprecated"), Count("removed"));
    }
}
