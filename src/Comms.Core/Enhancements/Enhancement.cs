namespace Comms.Core.Enhancements;

/// <summary>The stages an enhancement can be at in a release, most advanced first.</summary>
public static class Stages
{
    public const string Alpha = "alpha";
    public const string Beta = "beta";
    public const string Stable = "stable";
    public const string Deprecated = "deprecated";
    public const string Removed = "removed";

    /// <summary>The order of the drafts and of the counts.</summary>
    public static readonly IReadOnlyList<string> All = [Stable, Beta, Alpha, Deprecated, Removed];

    public static bool IsKnown(string? stage) => stage is not null && All.Contains(stage, StringComparer.Ordinal);

    /// <summary>Rank for "the most advanced stage of a release": removed over deprecated over stable over beta over alpha.</summary>
    public static int Rank(string stage) => stage switch
    {
        Alpha => 1,
        Beta => 2,
        Stable => 3,
        Deprecated => 4,
        Removed => 5,
        _ => 0,
    };
}

/// <summary>
/// A unit of work a release announces (a KEP in Kubernetes; a proposal, RFC or epic elsewhere), at one stage
/// in this release. SIG keys are as notes carry them (<c>node</c>, not <c>sig-node</c>).
/// </summary>
public sealed record Enhancement
{
    /// <summary>The id: the KEP number for Kubernetes, any short name elsewhere.</summary>
    public required string Id { get; init; }

    public required string Title { get; init; }

    /// <summary>alpha, beta, stable, deprecated or removed (see <see cref="Stages"/>).</summary>
    public required string Stage { get; init; }

    /// <summary>The stage it had before this release, when known.</summary>
    public string? PreviousStage { get; init; }

    public string? OwningSig { get; init; }

    public IReadOnlyList<string> ParticipatingSigs { get; init; } = [];

    public IReadOnlyList<string> FeatureGates { get; init; } = [];

    /// <summary>What it does, in plain language (the KEP's Summary, or the release team's blurb).</summary>
    public string? Summary { get; init; }

    /// <summary>The release team's own words for the drafts; wins over <see cref="Summary"/>.</summary>
    public string? Blurb { get; init; }

    /// <summary>The tracking issue.</summary>
    public string? TrackingUrl { get; init; }

    /// <summary>The proposal text.</summary>
    public string? ProposalUrl { get; init; }

    /// <summary>Where it came from: <c>kep</c>, <c>github</c> or <c>enhancements.yaml</c> (the last source that set it).</summary>
    public required string Source { get; init; }

    /// <summary>PRs the release team linked by hand (enhancements.yaml); notes are linked by <see cref="EnhancementLinker"/>.</summary>
    public IReadOnlyList<int> Prs { get; init; } = [];

    /// <summary>The proposal's own status (<c>implementable</c>, <c>implemented</c>, …) when a KEP gave it, normalized.</summary>
    public string? Status { get; init; }

    /// <summary>
    /// Who confirmed that it ships in this release: <c>tracking board</c> (tracked issues on GitHub), <c>board export</c>,
    /// <c>enhancements.yaml</c>; null when only a milestone says so (then notes may still evidence it).
    /// </summary>
    public string? ConfirmedBy { get; init; }

    /// <summary>The board said it is in, but not yet tracked for code freeze (for example "At risk"): counted, not confirmed.</summary>
    public string? BoardStatus { get; init; }

    /// <summary>What its proposal says goes away with it (a field, a flag, a value deprecated or removed), when it says so.</summary>
    public string? GoingAway { get; init; }

    /// <summary>When that goes, as the proposal says it ("… will be removed in Kubernetes 1.38."), when it says so.</summary>
    public string? GoingAwayWhen { get; init; }

    /// <summary>The story it is part of (enhancements.yaml <c>story:</c>): enhancements of one story are spotlighted as one.</summary>
    public string? Story { get; init; }

    /// <summary>The proposal's <c>latest-milestone</c> (<c>v1.34</c>), when a KEP gave it.</summary>
    public string? LatestMilestone { get; init; }

    /// <summary>The proposal text not read yet (a proposal of the catalog); see <see cref="KepReader.WithSummary"/>.</summary>
    public string? ReadmePath { get; init; }

    /// <summary>The proposal's own <c>stage:</c> field, when a KEP gave it.</summary>
    public string? ProposalStage { get; init; }

    /// <summary>Whether a <c>milestone.&lt;stage&gt;</c> of the proposal names the release (false: only <c>latest-milestone</c> does).</summary>
    public bool MilestoneNamesRelease { get; init; } = true;

    /// <summary>Facts of the proposal that tell how big a piece of work it is (for the spotlight shortlist).</summary>
    public ProposalFacts? Facts { get; init; }

    /// <summary>Every SIG involved, owner first.</summary>
    public IEnumerable<string> Sigs => (OwningSig is null ? ParticipatingSigs : ParticipatingSigs.Prepend(OwningSig)).Distinct(StringComparer.Ordinal);

    /// <summary>The text the drafts use: the blurb, else the summary.</summary>
    public string? Description => Blurb ?? Summary;
}

/// <summary>What the proposal tells of its size and history: its text's length and the release it entered alpha.</summary>
/// <param name="TextChars">Characters of the proposal text (README.md), 0 when unknown.</param>
/// <param name="AlphaMilestone">The milestone it entered alpha (<c>v1.27</c>), when known.</param>
/// <param name="CreationYear">The year the proposal was written, when known.</param>
public sealed record ProposalFacts(int TextChars, string? AlphaMilestone, int? CreationYear);

/// <summary>How an enhancement of a release is known to ship.</summary>
public static class Confirmation
{
    /// <summary>The tracking board (tracked issues, a board export) or the release team's enhancements.yaml says it ships.</summary>
    public const string Confirmed = "confirmed";

    /// <summary>A note of the release says its stage: a graduation, a gate locked, a default flipped, an alpha introduced.</summary>
    public const string Evidenced = "evidenced";

    /// <summary>Notes of the release tie it (a link to the proposal, a feature gate) but none says a stage: to confirm.</summary>
    public const string Tied = "tied";

    /// <summary>Only a milestone says so: a plan, often not updated when work slips.</summary>
    public const string Planned = "planned";
}

/// <summary>An enhancement a source named for the release that is not counted, and why.</summary>
/// <param name="Data">What the source knew of it (a KEP's summary, SIGs, gates), so a later source can bring it back whole.</param>
public sealed record ExcludedEnhancement(string Id, string Title, string? Stage, string Reason, string Source, Enhancement? Data = null);

/// <summary>A release's enhancements from every source, and the ones a source named that cannot ship.</summary>
public sealed record EnhancementSet(IReadOnlyList<Enhancement> Enhancements, IReadOnlyList<ExcludedEnhancement> Excluded)
{
    /// <summary>
    /// Proposals with feature gates that no milestone puts in the release: a note of the release that graduates
    /// one of their gates (locks it, flips its default) brings them into the release's list.
    /// </summary>
    public IReadOnlyList<Enhancement> Catalog { get; init; } = [];

    public static readonly EnhancementSet Empty = new([], []);
}
