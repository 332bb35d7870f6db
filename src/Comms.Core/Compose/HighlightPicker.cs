using System.Globalization;
using Comms.Core.Model;

namespace Comms.Core.Compose;

/// <summary>
/// Picks highlights when release.yaml names none. A note scores for what makes news: a graduation
/// (stable +5, beta +3, alpha +2), being a feature (+2) or an API change (+1), needing action (+1),
/// a design document (KEP) link (+1) and breadth (+0.5 for each SIG past the first, at most +2).
/// Housekeeping kinds (cleanup, flake, failing-test, documentation) never score. The best five with
/// a score of at least 3 are picked; ties go to the lower PR number.
/// </summary>
public static class HighlightPicker
{
    public const int Count = 5;
    public const double Threshold = 3;

    private static readonly string[] Housekeeping = ["cleanup", "flake", "failing-test", "documentation"];

    public static IReadOnlyList<Highlight> Pick(IEnumerable<ReleaseNote> notes) =>
        notes.Where(n => n.Comms.Highlight is not { Manual: true, Score: < 0 })
            .Select(n => (Note: n, Score: Score(n, out var reason), Reason: reason))
            .Where(s => s.Score >= Threshold)
            .OrderByDescending(s => s.Score)
            .ThenBy(s => s.Note.PrNumber)
            .Take(Count)
            .Select(s => new Highlight(s.Note, s.Note.Text, $"Picked automatically (score {s.Score.ToString("0.#", CultureInfo.InvariantCulture)}: {s.Reason}).", s.Score, Manual: false) { Prs = [s.Note.PrNumber] })
            .ToArray();

    public static double Score(ReleaseNote note, out string reason)
    {
        var parts = new List<string>();
        if (note.Kinds.Count > 0 && note.Kinds.All(k => Housekeeping.Contains(k, StringComparer.Ordinal)))
        {
            reason = "housekeeping change";
            return 0;
        }

        double score = 0;
        void Add(double points, string why)
        {
            score += points;
            parts.Add($"{why} +{points.ToString("0.#", CultureInfo.InvariantCulture)}");
        }

        switch (note.Comms.Stability?.Level)
        {
            case "stable": Add(5, "graduated to stable"); break;
            case "beta": Add(3, "graduated to beta"); break;
            case "alpha": Add(2, "new alpha feature"); break;
        }

        if (note.Kinds.Contains("feature", StringComparer.Ordinal))
        {
            Add(2, "feature");
        }

        if (note.Kinds.Contains("api-change", StringComparer.Ordinal))
        {
            Add(1, "API change");
        }

        if (note.ActionRequired)
        {
            Add(1, "action required");
        }

        if (note.Documentation.Any(d => d.Type == "KEP"))
        {
            Add(1, "design document");
        }

        if (note.Sigs.Count > 1)
        {
            Add(Math.Min(2, 0.5 * (note.Sigs.Count - 1)), $"spans {note.Sigs.Count} SIGs");
        }

        reason = parts.Count == 0 ? "nothing newsworthy" : string.Join(", ", parts);
        return score;
    }
}
