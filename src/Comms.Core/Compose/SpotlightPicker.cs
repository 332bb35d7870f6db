using System.Globalization;
using System.Text.RegularExpressions;
using Comms.Core.Enhancements;
using Comms.Core.Model;

namespace Comms.Core.Compose;

/// <summary>
/// Proposes the spotlight (the highlights) and a shortlist of candidates from the release's enhancements, across
/// stages. An enhancement scores for what makes release teams spotlight it: its stage (stable 3, beta 2.5, alpha 2),
/// the size of its proposal (+1 for each 40,000 characters of its text, at most +3: the big pieces of work have long
/// proposals), the SIGs it spans (+0.5 for each past the owner, at most +1.5), the notes behind it (+0.25 each, at
/// most +1.5), a surface users touch directly (+1.5 for a kubectl feature: owned by SIG CLI or named for kubectl),
/// how long it has been in flight when it graduates (+0.2 for each release since alpha, at most +1), and a
/// summary to write from (+0.5). The shortlist is the best three of each of stable, beta and alpha, then the best
/// of the rest, ten in all; the highlights are the best of each stage first (so a release with beta and alpha
/// work shows some), then the rest by score, five in all. Ties go to the lower id. Deprecations and removals are
/// never spotlighted: the drafts say what to do about them in their own section.
/// </summary>
public static partial class SpotlightPicker
{
    public const int Count = 5;

    /// <summary>How many candidates the shortlist holds.</summary>
    public const int Candidates = 10;

    private const int PerStage = 3;

    private static readonly string[] Spotlit = [Stages.Stable, Stages.Beta, Stages.Alpha];

    [GeneratedRegex(@"\bkubectl\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Kubectl();

    public static IReadOnlyList<Highlight> Pick(IReadOnlyList<Enhancement> enhancements, IReadOnlyDictionary<string, IReadOnlyList<ReleaseNote>> notes, int count = Count, string? version = null) =>
        Pick(Rank(enhancements, notes, version), count);

    /// <summary>The highlights from a ranking (<see cref="Rank"/>): the best of each stage first, then the rest by score.</summary>
    public static IReadOnlyList<Highlight> Pick(IReadOnlyList<SpotlightCandidate> ranked, int count = Count)
    {
        var scored = Writable(ranked);
        var picked = new List<SpotlightCandidate>();
        foreach (var stage in Spotlit)
        {
            if (picked.Count < count && scored.FirstOrDefault(x => x.Enhancement.Stage == stage) is { } best)
            {
                picked.Add(best);
            }
        }

        picked.AddRange(scored.Where(x => !picked.Contains(x)).Take(Math.Max(0, count - picked.Count)));
        return picked
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Enhancement.Id, IdOrder.Instance)
            .Select(x => new Highlight(x.Notes.Count > 0 ? x.Notes[0] : null, x.Enhancement.Description ?? x.Notes[0].Text,
                $"Spotlight proposed from the enhancements (score {x.Score.ToString("0.#", CultureInfo.InvariantCulture)}: {x.Reason}).", x.Score, Manual: false)
            {
                Enhancement = x.Enhancement,
                Title = x.Enhancement.Title,
                Prs = x.Notes.Select(n => n.PrNumber).Order().ToArray(),
            })
            .ToArray();
    }

    /// <summary>The shortlist: the best <c>3</c> of each of stable, beta and alpha, then the best of the rest, <paramref name="count"/> in all, best first.</summary>
    public static IReadOnlyList<SpotlightCandidate> Shortlist(IReadOnlyList<SpotlightCandidate> ranked, int count = Candidates)
    {
        var scored = Writable(ranked);
        var picked = Spotlit.SelectMany(stage => scored.Where(x => x.Enhancement.Stage == stage).Take(PerStage)).Take(count).ToList();
        picked.AddRange(scored.Where(x => !picked.Contains(x)).Take(Math.Max(0, count - picked.Count)));
        return picked.OrderByDescending(x => x.Score).ThenBy(x => x.Enhancement.Id, IdOrder.Instance).ToArray();
    }

    /// <summary>Every stable, beta and alpha enhancement scored once, best first (ties to the lower id).</summary>
    public static IReadOnlyList<SpotlightCandidate> Rank(IReadOnlyList<Enhancement> enhancements, IReadOnlyDictionary<string, IReadOnlyList<ReleaseNote>> notes, string? version) =>
        enhancements
            .Where(e => Spotlit.Contains(e.Stage, StringComparer.Ordinal))
            .Select(e =>
            {
                var its = notes.TryGetValue(e.Id, out var n) ? n : [];
                var score = Score(e, its, out var reason, version);
                return new SpotlightCandidate(e, its, score, reason);
            })
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Enhancement.Id, IdOrder.Instance)
            .ToArray();

    /// <summary>The ranked ones a draft can say something about: a summary or notes to write from.</summary>
    private static List<SpotlightCandidate> Writable(IReadOnlyList<SpotlightCandidate> ranked) =>
        ranked.Where(x => x.Enhancement.Description is not null || x.Notes.Count > 0).ToList();

    public static double Score(Enhancement enhancement, IReadOnlyList<ReleaseNote> notes, out string reason, string? version = null)
    {
        var parts = new List<string>();
        double score = 0;
        void Add(double points, string why)
        {
            if (points <= 0)
            {
                return;
            }

            points = Math.Round(points, 2);
            score += points;
            parts.Add($"{why} +{points.ToString("0.##", CultureInfo.InvariantCulture)}");
        }

        Add(enhancement.Stage switch { Stages.Stable => 3, Stages.Beta => 2.5, Stages.Alpha => 2, _ => 0 }, enhancement.Stage);
        if (enhancement.Facts is { TextChars: > 0 } facts)
        {
            Add(Math.Min(3, facts.TextChars / 40_000.0), $"a proposal of {(facts.TextChars / 1000).ToString(CultureInfo.InvariantCulture)}k characters");
        }

        var sigs = enhancement.Sigs.Count();
        Add(Math.Min(1.5, 0.5 * (sigs - 1)), $"{sigs} SIGs");
        Add(Math.Min(1.5, 0.25 * notes.Count), notes.Count == 1 ? "1 note" : $"{notes.Count} notes");
        if (enhancement.OwningSig == "cli" || Kubectl().IsMatch(enhancement.Title) || (enhancement.Blurb is { } blurb && Kubectl().IsMatch(blurb)))
        {
            Add(1.5, "a kubectl feature users touch directly");
        }

        if (enhancement.Stage != Stages.Alpha && ReleasesSinceAlpha(enhancement, version) is { } flight and > 0)
        {
            Add(Math.Min(1, 0.2 * flight), $"{flight} releases since alpha");
        }

        if (enhancement.Description is not null)
        {
            Add(0.5, "has a summary");
        }

        reason = string.Join(", ", parts);
        return Math.Round(score, 2);
    }

    /// <summary>Minor releases between the alpha milestone and this release (<c>v1.28</c> to <c>v1.34.0</c>: 6).</summary>
    private static int? ReleasesSinceAlpha(Enhancement e, string? version) =>
        e.Facts?.AlphaMilestone is { } alpha && version is not null &&
        SemVersion.TryParse(alpha, out var a) && SemVersion.TryParse(version, out var v) &&
        a.Numbers.Count >= 2 && v.Numbers.Count >= 2 && a.Numbers[0] == v.Numbers[0]
            ? (int)(v.Numbers[1] - a.Numbers[1])
            : null;
}

/// <summary>An enhancement on the spotlight shortlist, with its score and why.</summary>
public sealed record SpotlightCandidate(Enhancement Enhancement, IReadOnlyList<ReleaseNote> Notes, double Score, string Reason);
