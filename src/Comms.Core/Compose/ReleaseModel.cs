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

    /// <summary>What a source named for the release that is not counted (a provisional KEP, an item the board removed), with why.</summary>
    public IReadOnlyList<Enhancements.ExcludedEnhancement> Excluded { get; init; } = [];

    /// <summary>How each counted enhancement is known to ship (<see cref="Enhancements.Confirmation"/>), by id.</summary>
    public IReadOnlyDictionary<string, string> Confirmations { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The spotlight shortlist (ten, every stage represented), best first, each with its score and why.</summary>
    public IReadOnlyList<SpotlightCandidate> SpotlightCandidates { get; init; } = [];

    /// <summary>Every stable, beta or alpha enhancement with its spotlight score and why, best first: the shortlist, the highlights and the proposed feature blogs are taken from it.</summary>
    public IReadOnlyList<SpotlightCandidate> SpotlightRanking { get; init; } = [];

    /// <summary>What the release deprecates or removes, one item each, most to act on first: the one list every draft tells.</summary>
    public IReadOnlyList<GoingAwayItem> GoingAway { get; init; } = [];

    /// <summary>The note that says each evidenced enhancement's stage, by id.</summary>
    public IReadOnlyDictionary<string, Enhancements.StageClaim> StageClaims { get; init; } = new Dictionary<string, Enhancements.StageClaim>(StringComparer.Ordinal);

    /// <summary>Why an unconfirmed plan may have slipped, by id.</summary>
    public IReadOnlyDictionary<string, string> Slipped { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Whether the drafts may state the enhancement as shipped at its stage (confirmed, or a note says its stage).</summary>
    public bool IsStated(string id) => ConfirmationOf(id) is Comms.Core.Enhancements.Confirmation.Confirmed or Comms.Core.Enhancements.Confirmation.Evidenced;

    /// <summary>The enhancements the drafts state as shipped, in the model's order.</summary>
    public IEnumerable<Enhancements.Enhancement> Stated => Enhancements.Where(e => IsStated(e.Id));

    /// <summary>The enhancements to confirm with the enhancements team (planned only, or tied by notes that say no stage).</summary>
    public IEnumerable<Enhancements.Enhancement> ToConfirm => Enhancements.Where(e => !IsStated(e.Id));

    /// <summary>The enhancement's confirmation (planned when unknown).</summary>
    public string ConfirmationOf(string id) => Confirmations.TryGetValue(id, out var c) ? c : Comms.Core.Enhancements.Confirmation.Planned;

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

/// <summary>How many enhancements the release has at each stage, and how many of them are confirmed, evidenced or only planned.</summary>
public sealed record EnhancementCounts(int Stable, int Beta, int Alpha, int Deprecated, int Removed)
{
    public int Total => Stable + Beta + Alpha + Deprecated + Removed;

    /// <summary>Confirmed by the tracking board or the release team's enhancements.yaml.</summary>
    public int Confirmed { get; init; }

    /// <summary>Not confirmed, but tied by notes of the release.</summary>
    public int Evidenced { get; init; }

    /// <summary>Known only from a milestone: the count is not a fact until these are confirmed.</summary>
    public int Planned { get; init; }

    /// <summary>Tied by notes that say no stage: to confirm like the planned.</summary>
    public int Tied { get; init; }

    /// <summary>Whether the count can be printed as fact (everything counted is confirmed or its stage evidenced).</summary>
    public bool Sure => Planned == 0 && Tied == 0;

    /// <summary>How many are still to confirm with the enhancements team.</summary>
    public int ToConfirm => Planned + Tied;

    public static EnhancementCounts Of(IEnumerable<Enhancements.Enhancement> enhancements, IReadOnlyDictionary<string, string>? confirmations = null)
    {
        var list = enhancements.ToArray();
        int Count(string stage) => list.Count(e => e.Stage == stage);
        int Known(string how) => list.Count(e => (confirmations is not null && confirmations.TryGetValue(e.Id, out var c) ? c : Enhancements.Confirmation.Planned) == how);
        return new EnhancementCounts(Count("stable"), Count("beta"), Count("alpha"), Count("deprecated"), Count("removed"))
        {
            Confirmed = Known(Enhancements.Confirmation.Confirmed),
            Evidenced = Known(Enhancements.Confirmation.Evidenced),
            Planned = Known(Enhancements.Confirmation.Planned),
            Tied = Known(Enhancements.Confirmation.Tied),
        };
    }
}
