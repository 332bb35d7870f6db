using System.Globalization;
using System.Text.RegularExpressions;
using Comms.Core.Enhancements;
using Comms.Core.Model;

namespace Comms.Core.Compose;

/// <summary>
/// Proposes the spotlight (the highlights) from the release's enhancements, across stages. An enhancement
/// scores for what it means to users: its stage (stable 3, beta 2.5, alpha 2), the SIGs it spans (+0.5 for each
/// past the owner, at most +1.5), the notes behind it (+0.5 each, at most +1.5), a feature switched on by default
/// (+1), a note that needs action (+1), the audiences its notes reach (+0.5 for each past the first, at most +1)
/// and a summary to write from (+0.5). The best of each of stable, beta and alpha is taken first (so a release
/// with beta and alpha work shows some), then the rest by score; ties go to the lower id. Deprecations and
/// removals are never spotlighted: the drafts say what to do about them in their own section.
/// </summary>
public static partial class SpotlightPicker
{
    public const int Count = 5;

    [GeneratedRegex(@"\b(enabled|on) by default\b|\bdefault(s)? (to )?(true|on)\b|\bdefault true\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DefaultOn();

    public static IReadOnlyList<Highlight> Pick(IReadOnlyList<Enhancement> enhancements, IReadOnlyDictionary<string, IReadOnlyList<ReleaseNote>> notes, int count = Count)
    {
        var scored = enhancements
            .Where(e => e.Stage is Stages.Stable or Stages.Beta or Stages.Alpha)
            .Select(e => (Enhancement: e, Notes: notes.TryGetValue(e.Id, out var n) ? n : [], Score: 0.0, Reason: string.Empty))
            .Select(x =>
            {
                var score = Score(x.Enhancement, x.Notes, out var reason);
                return (x.Enhancement, x.Notes, Score: score, Reason: reason);
            })
            .Where(x => x.Enhancement.Description is not null || x.Notes.Count > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Enhancement.Id, IdOrder.Instance)
            .ToList();

        var picked = new List<(Enhancement Enhancement, IReadOnlyList<ReleaseNote> Notes, double Score, string Reason)>();
        foreach (var stage in new[] { Stages.Stable, Stages.Beta, Stages.Alpha })
        {
            if (picked.Count < count && scored.FirstOrDefault(x => x.Enhancement.Stage == stage) is { Enhancement: not null } best)
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

    public static double Score(Enhancement enhancement, IReadOnlyList<ReleaseNote> notes, out string reason)
    {
        var parts = new List<string>();
        double score = 0;
        void Add(double points, string why)
        {
            if (points <= 0)
            {
                return;
            }

            score += points;
            parts.Add($"{why} +{points.ToString("0.#", CultureInfo.InvariantCulture)}");
        }

        Add(enhancement.Stage switch { Stages.Stable => 3, Stages.Beta => 2.5, Stages.Alpha => 2, _ => 0 }, enhancement.Stage);
        var sigs = enhancement.Sigs.Count();
        Add(Math.Min(1.5, 0.5 * (sigs - 1)), $"{sigs} SIGs");
        Add(Math.Min(1.5, 0.5 * notes.Count), notes.Count == 1 ? "1 note" : $"{notes.Count} notes");
        if (notes.Any(n => DefaultOn().IsMatch(n.Text)))
        {
            Add(1, "on by default");
        }

        if (notes.Any(n => n.ActionRequired))
        {
            Add(1, "action required");
        }

        var audiences = notes.SelectMany(n => n.Comms.Audiences.Select(a => a.Audience)).Distinct(StringComparer.Ordinal).Count();
        Add(Math.Min(1, 0.5 * (audiences - 1)), $"{audiences} audiences");
        if (enhancement.Description is not null)
        {
            Add(0.5, "has a summary");
        }

        reason = string.Join(", ", parts);
        return score;
    }
}
