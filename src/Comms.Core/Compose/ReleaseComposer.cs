using Comms.Core.Changelog;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Model;

namespace Comms.Core.Compose;

/// <summary>Composes the release model: the numbers, the contributors, the highlights and their checks.</summary>
public sealed partial class ReleaseComposer(CommsConfig config, DiagnosticBag diagnostics)
{
    /// <param name="authors">Authors of every PR of the release (notes or not); null to count note authors only.</param>
    /// <param name="earlierAuthors">Authors of earlier releases; null when none are known.</param>
    public ReleaseModel Compose(
        ReleaseFile release,
        IReadOnlyList<ReleaseNote> allNotes,
        IReadOnlyList<string>? authors = null,
        IReadOnlySet<string>? earlierAuthors = null)
    {
        var notes = allNotes.Where(n => !n.DoNotPublish).OrderBy(n => n.PrNumber).ToArray();
        var sections = new ChangelogSections(config);
        var contributors = (authors ?? notes.Select(n => n.Author))
            .Where(a => !IsBot(a))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.OrdinalIgnoreCase)
            .ToArray();
        var stats = new ReleaseStats
        {
            Notes = notes.Length,
            PullRequests = authors?.Count ?? notes.Length,
            BySection = Ordered(notes.SelectMany(sections.SectionsOf), sections.Order(notes.SelectMany(sections.SectionsOf))),
            BySig = Counted(notes.SelectMany(n => n.Sigs)),
            ByStability = Ordered(notes.Select(n => n.Comms.Stability?.Level).OfType<string>(), ["stable", "beta", "alpha", "deprecated", "removed"]),
            ByAudience = Counted(notes.SelectMany(n => n.Comms.Audiences.Select(a => a.Audience))),
            Contributors = contributors,
            FirstTimeContributors = earlierAuthors is null
                ? null
                : contributors.Where(c => !earlierAuthors.Contains(c)).ToArray(),
        };

        CheckEmbargo(release);
        CheckQuotes(release, notes);
        return new ReleaseModel
        {
            Release = release,
            ProjectName = config.Project.Name,
            Repo = config.Project.Repo,
            Date = release.ReleaseDate ?? LastMerge(notes),
            Notes = notes,
            Highlights = Highlights(release, notes),
            Stats = stats,
        };
    }

    private bool IsBot(string login) =>
        login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase) || login.EndsWith("-bot", StringComparison.OrdinalIgnoreCase) ||
        login.EndsWith("-robot", StringComparison.OrdinalIgnoreCase) ||
        config.Notes.CherryPickBots.Contains(login, StringComparer.OrdinalIgnoreCase);

    private IReadOnlyList<Highlight> Highlights(ReleaseFile release, IReadOnlyList<ReleaseNote> notes)
    {
        var byNumber = notes.ToDictionary(n => n.PrNumber);
        var chosen = new List<Highlight>();
        foreach (var entry in release.Highlights)
        {
            if (entry.Pr is { } pr)
            {
                if (byNumber.TryGetValue(pr, out var note))
                {
                    chosen.Add(new Highlight(note, entry.Text ?? note.Text, "Chosen by the release team (release.yaml).", 100, Manual: true));
                }
                else
                {
                    diagnostics.Error(ComposeCodes.HighlightNotInRelease,
                        $"highlight names PR #{pr}, which has no published note in {release.Version}; remove it or fix the number",
                        release.File, entry.Line, entry.Column);
                }
            }
            else
            {
                chosen.Add(new Highlight(null, entry.Text!, "Chosen by the release team (release.yaml).", 100, Manual: true));
            }
        }

        foreach (var note in notes.Where(n => n.Comms.Highlight is { Manual: true, Score: >= 0 }))
        {
            if (chosen.All(h => h.Note?.PrNumber != note.PrNumber))
            {
                chosen.Add(new Highlight(note, note.Text, note.Comms.Highlight!.Reason, note.Comms.Highlight.Score, Manual: true));
            }
        }

        return chosen.Count > 0 ? chosen : HighlightPicker.Pick(notes);
    }

    /// <summary>A quote that cites a PR (<c>#123</c>) should cite one of this release.</summary>
    private void CheckQuotes(ReleaseFile release, IReadOnlyList<ReleaseNote> notes)
    {
        var numbers = notes.Select(n => n.PrNumber).ToHashSet();
        foreach (var quote in release.Quotes)
        {
            foreach (System.Text.RegularExpressions.Match match in PrReference().Matches(quote.Text))
            {
                var pr = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                if (!numbers.Contains(pr))
                {
                    diagnostics.Warning(ComposeCodes.QuoteNamesUnknownPr,
                        $"the quote by {quote.Name} names PR #{pr}, which has no published note in {release.Version}",
                        release.File, quote.Line, quote.Column);
                }
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![\w&])#(\d{1,9})\b")]
    private static partial System.Text.RegularExpressions.Regex PrReference();

    private void CheckEmbargo(ReleaseFile release)
    {
        if (release.Embargo is { } embargo && release.ReleaseDate is { } date &&
            DateOnly.FromDateTime(embargo.UtcDateTime) > date)
        {
            diagnostics.Error(ComposeCodes.EmbargoAfterRelease,
                $"the embargo ({embargo:yyyy-MM-dd HH:mm} UTC) ends after the release date ({date:yyyy-MM-dd}); the press would hear of the release after it ships",
                release.File);
        }
    }

    private static DateOnly? LastMerge(IEnumerable<ReleaseNote> notes) =>
        notes.Select(n => n.Comms.MergedAt).Where(d => d is not null).Max() is { } last
            ? DateOnly.FromDateTime(last.UtcDateTime)
            : null;

    private static KeyValuePair<string, int>[] Counted(IEnumerable<string> keys) =>
        keys.GroupBy(k => k, StringComparer.Ordinal)
            .Select(g => KeyValuePair.Create(g.Key, g.Count()))
            .OrderByDescending(p => p.Value)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToArray();

    private static KeyValuePair<string, int>[] Ordered(IEnumerable<string> keys, IReadOnlyList<string> order)
    {
        var counts = keys.GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return order.Where(counts.ContainsKey).Select(k => KeyValuePair.Create(k, counts[k])).ToArray();
    }
}
