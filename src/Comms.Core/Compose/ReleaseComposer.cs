using Comms.Core.Changelog;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Enhancements;
using Comms.Core.Model;

namespace Comms.Core.Compose;

/// <summary>Composes the release model: the numbers, the contributors, the highlights and their checks.</summary>
public sealed partial class ReleaseComposer(CommsConfig config, DiagnosticBag diagnostics)
{
    /// <param name="authors">Authors of every merged PR of the release (notes or not); null to count note authors only.</param>
    /// <param name="enhancements">The release's enhancements from every source given; null when none was given.</param>
    public ReleaseModel Compose(
        ReleaseFile release,
        IReadOnlyList<ReleaseNote> allNotes,
        IReadOnlyList<string>? authors = null,
        IReadOnlyList<Enhancement>? enhancements = null,
        IReadOnlyList<ExcludedEnhancement>? excluded = null,
        ResolvedEnhancements? resolved = null)
    {
        // Enhancements are tied to notes once (EnhancementResolver, before audiences are assigned); a caller that
        // did not resolve them gets them resolved here.
        if (resolved is null && enhancements is not null)
        {
            resolved = EnhancementResolver.Resolve(allNotes, new EnhancementSet(enhancements, excluded ?? []), release.Version, diagnostics);
            allNotes = resolved.Notes;
        }

        if (resolved is not null)
        {
            enhancements = resolved.Enhancements;
            excluded = resolved.Excluded;
        }

        var notes = allNotes.Where(n => !n.DoNotPublish).OrderBy(n => n.PrNumber).ToArray();
        var ordered = (enhancements ?? []).OrderBy(e => Array.IndexOf(["stable", "beta", "alpha", "deprecated", "removed"], e.Stage)).ThenBy(e => e.Id, IdOrder.Instance).ToArray();
        var byEnhancement = ordered.ToDictionary(
            e => e.Id,
            e => (IReadOnlyList<ReleaseNote>)notes.Where(n => n.Comms.Enhancement?.Id == e.Id).ToArray(),
            StringComparer.Ordinal);
        CheckStages(release, ordered, byEnhancement);
        var confirmations = ordered.ToDictionary(
            e => e.Id,
            e => resolved is not null && resolved.Confirmations.TryGetValue(e.Id, out var how) ? how : Confirmation.Planned,
            StringComparer.Ordinal);
        CheckConfirmed(release, ordered, confirmations);
        var ranked = enhancements is null ? [] : SpotlightPicker.Rank(ordered.Where(e => confirmations[e.Id] != Confirmation.Planned).ToArray(), byEnhancement, release.Version,
            e => confirmations[e.Id] is Confirmation.Confirmed or Confirmation.Evidenced);
        var previous = release.PreviousContributors?.ToHashSet(StringComparer.OrdinalIgnoreCase);
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
            ContributorsFromPullRequests = authors is not null,
            FirstTimeContributors = previous is null ? null : contributors.Where(c => !previous.Contains(c)).ToArray(),
            Enhancements = enhancements is null ? null : EnhancementCounts.Of(ordered, confirmations),
        };

        CheckEmbargo(release);
        CheckGroups(release, notes, ordered);
        CheckQuotes(release, notes);
        return new ReleaseModel
        {
            Release = release,
            ProjectName = config.Project.Name,
            Repo = config.Project.Repo,
            Date = release.ReleaseDate ?? LastMerge(notes),
            Notes = notes,
            Highlights = Highlights(release, notes, enhancements is null ? null : ordered, byEnhancement, ranked),
            Stats = stats,
            Enhancements = ordered,
            HasEnhancementData = enhancements is not null,
            EnhancementNotes = byEnhancement,
            Excluded = excluded ?? [],
            Confirmations = confirmations,
            SpotlightCandidates = SpotlightPicker.Shortlist(ranked),
            SpotlightRanking = ranked,
            GoingAway = GoingAwayComposer.Compose(notes, ordered.Where(e => confirmations[e.Id] is Confirmation.Confirmed or Confirmation.Evidenced).ToArray(), byEnhancement, release.Version),
            StageClaims = resolved?.Claims ?? new Dictionary<string, StageClaim>(StringComparer.Ordinal),
            Slipped = resolved?.Slipped ?? new Dictionary<string, string>(StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// One warning when any counted enhancement is known only from a milestone: the drafts then print the count as a
    /// placeholder to confirm, and <c>--warnings-as-errors</c> (the publish workflow) stops.
    /// </summary>
    private void CheckConfirmed(ReleaseFile release, IReadOnlyList<Enhancement> enhancements, IReadOnlyDictionary<string, string> confirmations)
    {
        var planned = enhancements.Where(e => confirmations[e.Id] is Confirmation.Planned or Confirmation.Tied).Select(e => e.Id).ToArray();
        if (planned.Length == 0)
        {
            return;
        }

        const int Named = 12;
        var ids = string.Join(", ", planned.Take(Named)) + (planned.Length > Named ? $" and {planned.Length - Named} more" : string.Empty);
        diagnostics.Warning(EnhancementCodes.Unconfirmed,
            $"{planned.Length} of the {enhancements.Count} enhancements counted for {release.Version} are not confirmed (a milestone says so, and no note of the release says their stage; no tracking board confirms them): {ids}. " +
            $"Confirm the list with the Enhancements team: give the tracking board (--enhancements github, or its export: --enhancements board.csv), or list them in enhancements.yaml (comms enhancements --version {release.Version} --write starts one); until then the drafts print the count as [CONFIRM: …]",
            release.File);
    }

    /// <summary>A note that names a stage other than its enhancement's is worth a second look (the data wins).</summary>
    private void CheckStages(ReleaseFile release, IReadOnlyList<Enhancement> enhancements, IReadOnlyDictionary<string, IReadOnlyList<ReleaseNote>> notes)
    {
        foreach (var enhancement in enhancements.Where(e => e.Stage is "alpha" or "beta" or "stable"))
        {
            foreach (var note in notes[enhancement.Id])
            {
                if (note.Comms.Stability is { Level: "alpha" or "beta" or "stable" } said && said.Level != enhancement.Stage &&
                    !said.Source.StartsWith("map", StringComparison.Ordinal))
                {
                    diagnostics.Warning(EnhancementCodes.StageDisagrees,
                        $"PR #{note.PrNumber} reads as {said.Level} ({said.Source}) but enhancement {enhancement.Id} \"{enhancement.Title}\" is {enhancement.Stage} in {release.Version}; the enhancement's stage is used",
                        release.File);
                }
            }
        }
    }

    /// <summary>A group key (a note's sig label, a proposal's SIG) the project's list of groups does not hold: shown as written, warned once.</summary>
    private void CheckGroups(ReleaseFile release, IReadOnlyList<ReleaseNote> notes, IReadOnlyList<Enhancement> enhancements)
    {
        var unknown = notes.SelectMany(n => n.Sigs).Concat(enhancements.SelectMany(e => e.Sigs))
            .Where(k => !SigNames.Known(k, config)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            diagnostics.Warning(EnhancementCodes.GroupUnknown,
                $"{unknown.Length} group {(unknown.Length == 1 ? "key is" : "keys are")} not in the project's list of groups and {(unknown.Length == 1 ? "is" : "are")} shown as written: {string.Join(", ", unknown.Take(12))}{(unknown.Length > 12 ? $" and {unknown.Length - 12} more" : string.Empty)}. Fix the label, or name the list in comms.yaml (groups: path/to/sigs.yaml)",
                release.File);
        }
    }

    private bool IsBot(string login) =>
        login.EndsWith("[bot]", StringComparison.OrdinalIgnoreCase) || login.EndsWith("-bot", StringComparison.OrdinalIgnoreCase) ||
        login.EndsWith("-robot", StringComparison.OrdinalIgnoreCase) ||
        config.Notes.CherryPickBots.Contains(login, StringComparer.OrdinalIgnoreCase);

    private IReadOnlyList<Highlight> Highlights(
        ReleaseFile release,
        IReadOnlyList<ReleaseNote> notes,
        IReadOnlyList<Enhancement>? enhancements,
        IReadOnlyDictionary<string, IReadOnlyList<ReleaseNote>> enhancementNotes,
        IReadOnlyList<SpotlightCandidate> ranked)
    {
        var byNumber = notes.ToDictionary(n => n.PrNumber);
        var byId = (enhancements ?? []).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var chosen = new List<Highlight>();
        const string ByTeam = "Chosen by the release team (release.yaml).";

        // A highlight of an enhancement is headed by its title and lists all of its notes.
        Highlight Pick(ReleaseNote? note, Enhancement? enhancement, string text, string reason, double score) =>
            new(note, text, reason, score, Manual: true)
            {
                Enhancement = enhancement,
                Title = enhancement?.Title,
                Prs = enhancement is not null ? enhancementNotes[enhancement.Id].Select(n => n.PrNumber).ToArray() : note is null ? [] : [note.PrNumber],
            };

        Enhancement? EnhancementOf(ReleaseNote note) => note.Comms.Enhancement is { } link && byId.TryGetValue(link.Id, out var e) ? e : null;

        foreach (var entry in release.Highlights)
        {
            if (entry.Enhancement is { } id)
            {
                if (byId.TryGetValue(id, out var enhancement))
                {
                    var its = enhancementNotes[id];
                    chosen.Add(Pick(its.Count > 0 ? its[0] : null, enhancement, entry.Text ?? enhancement.Description ?? enhancement.Title, ByTeam, 100));
                }
                else
                {
                    diagnostics.Error(EnhancementCodes.SpotlightUnknown,
                        enhancements is null
                            ? $"highlight names enhancement {id}, but no enhancement data was given (--enhancements, enhancements.yaml)"
                            : $"highlight names enhancement {id}, which is not in {release.Version}; add it to enhancements.yaml or fix the id",
                        release.File, entry.Line, entry.Column);
                }
            }
            else if (entry.Pr is { } pr)
            {
                if (byNumber.TryGetValue(pr, out var note))
                {
                    var enhancement = EnhancementOf(note);
                    chosen.Add(Pick(note, enhancement, entry.Text ?? enhancement?.Description ?? note.Text, ByTeam, 100));
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
                chosen.Add(new Highlight(null, entry.Text!, ByTeam, 100, Manual: true));
            }
        }

        foreach (var note in notes.Where(n => n.Comms.Highlight is { Manual: true, Score: >= 0 }))
        {
            var enhancement = EnhancementOf(note);
            if (chosen.All(h => h.Note?.PrNumber != note.PrNumber && (enhancement is null || h.Enhancement?.Id != enhancement.Id)))
            {
                chosen.Add(Pick(note, enhancement, enhancement?.Description ?? note.Text, note.Comms.Highlight!.Reason, note.Comms.Highlight.Score));
            }
        }

        if (chosen.Count > 0)
        {
            return chosen;
        }

        return enhancements is not null ? SpotlightPicker.Pick(ranked) : HighlightPicker.Pick(notes);
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
