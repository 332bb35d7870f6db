using System.Text.Json;

namespace Comms.Core.Model;

/// <summary>
/// One release note in the Kubernetes release-notes schema (relnotes.k8s.io), plus the Comms-only
/// fields in <see cref="Comms"/>. Fields the schema does not name are kept in <see cref="Extra"/> so
/// a file reads and writes back without losing anything.
/// </summary>
public sealed record ReleaseNote
{
    public required int PrNumber { get; init; }
    public string Commit { get; init; } = string.Empty;
    public string Text { get; init; } = string.Empty;
    public string Markdown { get; init; } = string.Empty;
    public IReadOnlyList<Documentation> Documentation { get; init; } = [];
    public string Author { get; init; } = string.Empty;
    public string AuthorUrl { get; init; } = string.Empty;
    public string PrUrl { get; init; } = string.Empty;
    public IReadOnlyList<string> Areas { get; init; } = [];
    public IReadOnlyList<string> Kinds { get; init; } = [];
    public IReadOnlyList<string> Sigs { get; init; } = [];
    public bool Feature { get; init; }
    public bool Duplicate { get; init; }
    public bool DuplicateKind { get; init; }
    public bool ActionRequired { get; init; }
    public string? ReleaseVersion { get; init; }
    public bool DoNotPublish { get; init; }
    public bool IsMapped { get; init; }

    /// <summary>Free-form data from maps (<c>datafields</c>), e.g. <c>cve</c>.</summary>
    public IReadOnlyDictionary<string, JsonElement> DataFields { get; init; } = EmptyFields;

    /// <summary>Comms-only fields, written under the single <c>comms</c> key.</summary>
    public NoteComms Comms { get; init; } = NoteComms.Empty;

    /// <summary>Fields of the input this schema does not name, kept verbatim.</summary>
    public IReadOnlyDictionary<string, JsonElement> Extra { get; init; } = EmptyFields;

    internal static readonly IReadOnlyDictionary<string, JsonElement> EmptyFields =
        new SortedDictionary<string, JsonElement>(StringComparer.Ordinal);
}

/// <summary>What Comms knows of a note beyond the Kubernetes schema.</summary>
public sealed record NoteComms
{
    public static readonly NoteComms Empty = new();

    public string? Title { get; init; }
    public DateTimeOffset? MergedAt { get; init; }
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The map files applied to the note, relative to the maps folder.</summary>
    public IReadOnlyList<string> Maps { get; init; } = [];

    /// <summary>The audiences the note is for, each with the rule that put it there (classify stage).</summary>
    public IReadOnlyList<AudienceAssignment> Audiences { get; init; } = [];

    /// <summary>alpha, beta, stable, deprecated or removed, when the note is about a feature's stability.</summary>
    public StabilityInfo? Stability { get; init; }

    /// <summary>Set when the note is one of the release's highlights.</summary>
    public HighlightInfo? Highlight { get; init; }

    /// <summary>The id of the release's enhancement the note belongs to (the KEP number for Kubernetes), and how it was tied.</summary>
    public EnhancementRef? Enhancement { get; init; }

    /// <summary>Fields under <c>comms</c> that this version does not know, kept verbatim.</summary>
    public IReadOnlyDictionary<string, JsonElement> Extra { get; init; } = ReleaseNote.EmptyFields;

    public bool IsEmpty =>
        Title is null && MergedAt is null && Labels.Count == 0 && Maps.Count == 0 && Extra.Count == 0 &&
        Audiences.Count == 0 && Stability is null && Highlight is null && Enhancement is null;
}

/// <summary>A note's audience (e.g. <c>vendor</c>) and the rule that assigned it, with the rule's reason.</summary>
public sealed record AudienceAssignment(string Audience, string Rule, string Reason);

/// <summary>The enhancement a note belongs to, and what tied it (a proposal link, a feature gate, enhancements.yaml).</summary>
public sealed record EnhancementRef(string Id, string How);

/// <summary>A stability level (alpha, beta, stable, deprecated, removed), what found it, and the feature if named.</summary>
public sealed record StabilityInfo(string Level, string Source, string? Feature = null);

/// <summary>
/// Why a note is a highlight: chosen by hand (release.yaml or a map) or scored. A negative score set by
/// hand (<c>highlight: false</c> in a map) keeps the note out of the automatic pick.
/// </summary>
public sealed record HighlightInfo(double Score, string Reason, bool Manual);
