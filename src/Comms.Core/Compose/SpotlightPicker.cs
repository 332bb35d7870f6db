using System.Globalization;
using System.Text.RegularExpressions;
using Comms.Core.Enhancements;
using Comms.Core.Model;

namespace Comms.Core.Compose;

/// <summary>
/// Proposes the spotlight (the highlights) and a shortlist of candidates from what the release changed for its
/// readers. An enhancement scores for its stage (stable 2, beta 1.5, alpha 1), a graduation to stable of long-running
/// work (+0.25 for each release since alpha, at most +2), a default flipped on (+1.5), action required of its readers
/// (+1), reach into the end-user (+1) and vendor (+0.75) briefs, a surface users touch (+1.5 for kubectl; +0.75 for
/// API kinds and fields), the SIGs involved (+0.4 for each past the owner, at most +1.2), the notes behind it (+0.35
/// each, at most +1.4) and words to write from (+0.25). The length of its proposal earns nothing. Enhancements of one
/// story (a shared title prefix such as "DRA:", or the same <c>story</c>) compete as one: the story takes its best
/// member's score, +0.5 for each other member (at most +2). Only what is confirmed or evidenced is scored for the
/// highlights; an enhancement tied by notes that say no stage may sit on the shortlist (marked to confirm), one only
/// planned never does. Ties go to the lower id. Deprecations and removals are told in their own section.
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
        var scored = Writable(ranked).Where(c => c.Stated).ToList();
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

    /// <summary>Every stable, beta and alpha enhancement scored once, stories as one, best first (ties to the lower id).</summary>
    public static IReadOnlyList<SpotlightCandidate> Rank(IReadOnlyList<Enhancement> enhancements, IReadOnlyDictionary<string, IReadOnlyList<ReleaseNote>> notes, string? version, Func<Enhancement, bool>? stated = null)
    {
        stated ??= _ => true;
        var scored = enhancements
            .Where(e => Spotlit.Contains(e.Stage, StringComparer.Ordinal))
            .Select(e =>
            {
                var its = notes.TryGetValue(e.Id, out var n) ? n : [];
                var score = Score(e, its, out var reason, version);
                if (!stated(e))
                {
                    score = Math.Round(score - 1.5, 2);
                    reason += ", to confirm (no note says its stage) -1.5";
                }

                return new SpotlightCandidate(e, its, score, reason) { Stated = stated(e) };
            })
            .ToArray();
        var result = new List<SpotlightCandidate>();
        foreach (var story in scored.GroupBy(c => StoryKey(c.Enhancement) ?? "#" + c.Enhancement.Id, StringComparer.OrdinalIgnoreCase))
        {
            var members = story.OrderByDescending(c => c.Stated).ThenByDescending(c => c.Score).ThenBy(c => c.Enhancement.Id, IdOrder.Instance).ToArray();
            if (members.Length == 1 || story.Key.StartsWith('#'))
            {
                result.AddRange(members);
                continue;
            }

            var lead = members[0];
            var bonus = Math.Min(2, 0.5 * (members.Length - 1));
            result.Add(lead with
            {
                Score = Math.Round(lead.Score + bonus, 2),
                Reason = lead.Reason + $", a story of {members.Length.ToString(CultureInfo.InvariantCulture)} enhancements +{bonus.ToString("0.##", CultureInfo.InvariantCulture)}",
                Story = story.Key,
                Members = members.Select(m => m.Enhancement).ToArray(),
            });
        }

        return result.OrderByDescending(x => x.Score).ThenBy(x => x.Enhancement.Id, IdOrder.Instance).ToArray();
    }

    /// <summary>
    /// The story an enhancement belongs to: its <c>story</c> (enhancements.yaml), else its title's family, the words
    /// before a colon ("DRA: Admin Access") or a leading acronym ("DRA Prioritized List"); null when it stands alone.
    /// </summary>
    public static string? StoryKey(Enhancement e)
    {
        if (!string.IsNullOrWhiteSpace(e.Story))
        {
            return e.Story.Trim();
        }

        var colon = e.Title.IndexOf(':', StringComparison.Ordinal);
        if (colon is > 1 and <= 30)
        {
            return e.Title[..colon].Trim();
        }

        var first = e.Title.Split(' ', 2)[0];
        return first.Length >= 2 && first.Length <= 6 && first.All(char.IsAsciiLetterUpper) && e.Title.Contains(' ', StringComparison.Ordinal) ? first : null;
    }

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

        Add(enhancement.Stage switch { Stages.Stable => 2, Stages.Beta => 1.5, Stages.Alpha => 1, _ => 0 }, enhancement.Stage);
        if (enhancement.Stage == Stages.Stable && ReleasesSinceAlpha(enhancement, version) is { } flight and > 0)
        {
            Add(Math.Min(2, 0.25 * flight), $"stable after {flight.ToString(CultureInfo.InvariantCulture)} releases in flight");
        }

        var texts = notes.Select(n => n.Text).Append(enhancement.Title).Append(enhancement.Blurb ?? string.Empty).ToArray();
        if (enhancement.Stage == Stages.Beta && notes.Any(n => StageEvidence.Claim(n) is { What: "default flip" } || DefaultOn().IsMatch(n.Text)))
        {
            Add(1.5, "on by default now");
        }

        if (notes.Any(n => n.ActionRequired))
        {
            Add(1, "action required");
        }

        var audiences = notes.SelectMany(n => n.Comms.Audiences.Select(a => a.Audience)).ToHashSet(StringComparer.Ordinal);
        if (audiences.Contains("end-user"))
        {
            Add(1, "in the end-user brief");
        }

        if (audiences.Contains("vendor"))
        {
            Add(0.75, "in the vendor brief");
        }

        if (enhancement.OwningSig == "cli" || texts.Any(t => Kubectl().IsMatch(t)))
        {
            Add(1.5, "a kubectl feature users touch directly");
        }
        else if (notes.Any(n => n.Kinds.Contains("api-change", StringComparer.OrdinalIgnoreCase)))
        {
            Add(0.75, "API kinds or fields users write");
        }

        var sigs = enhancement.Sigs.Count();
        Add(Math.Min(1.2, 0.4 * (sigs - 1)), $"{sigs} SIGs");
        Add(Math.Min(1.4, 0.35 * notes.Count), notes.Count == 1 ? "1 note" : $"{notes.Count} notes");
        if (enhancement.Description is not null)
        {
            Add(0.25, "words to write from");
        }

        reason = string.Join(", ", parts);
        return Math.Round(score, 2);
    }

    [GeneratedRegex(@"\b(?:enabled|on)\s+by\s+default\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DefaultOn();

    /// <summary>Minor releases between the alpha milestone and this release (<c>v1.28</c> to <c>v1.34.0</c>: 6).</summary>
    private static int? ReleasesSinceAlpha(Enhancement e, string? version) =>
        e.Facts?.AlphaMilestone is { } alpha && version is not null &&
        SemVersion.TryParse(alpha, out var a) && SemVersion.TryParse(version, out var v) &&
        a.Numbers.Count >= 2 && v.Numbers.Count >= 2 && a.Numbers[0] == v.Numbers[0]
            ? (int)(v.Numbers[1] - a.Numbers[1])
            : null;
}

/// <summary>An enhancement on the spotlight shortlist, with its score and why.</summary>
public sealed record SpotlightCandidate(Enhancement Enhancement, IReadOnlyList<ReleaseNote> Notes, double Score, string Reason)
{
    /// <summary>Whether the drafts may state it (confirmed or evidenced); false: on the shortlist to confirm only.</summary>
    public bool Stated { get; init; } = true;

    /// <summary>The story it leads, when several enhancements make one (<c>DRA</c>); null when it stands alone.</summary>
    public string? Story { get; init; }

    /// <summary>Every enhancement of the story, the lead first; empty when it stands alone.</summary>
    public IReadOnlyList<Enhancement> Members { get; init; } = [];

    /// <summary>The story's title: "DRA: Structured Parameters, Prioritized List and Admin Access", else the enhancement's.</summary>
    public string Title => Story is null || Members.Count == 0
        ? Enhancement.Title
        : $"{Story}: {string.Join(", ", Members.Select(m => Tail(m.Title, Story)))}";

    private static string Tail(string title, string story) =>
        title.StartsWith(story, StringComparison.OrdinalIgnoreCase) ? title[story.Length..].TrimStart(':', ' ', '-') is { Length: > 0 } t ? t : title : title;
}
