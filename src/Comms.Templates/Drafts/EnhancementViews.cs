using System.Globalization;
using Comms.Core.Changelog;
using Comms.Core.Compose;
using Comms.Core.Config;
using Comms.Core.Enhancements;
using Comms.Core.Model;

namespace Comms.Templates.Drafts;

/// <summary>
/// The launch post's material: the counts (enhancements by stage with enhancement data, else changes), the
/// spotlight, and one short paragraph per enhancement ("what it is", "what changed now", "who led it"). Without
/// enhancement data the stage sections fall back to the notes whose text names a stage, one each.
/// </summary>
internal static partial class EnhancementViews
{
    /// <summary>About how much of a summary a paragraph keeps (whole sentences).</summary>
    private const int SummaryChars = 420;

    public static Dictionary<string, object?> Build(ReleaseModel release, CommsConfig config, Phrases p)
    {
        var version = DraftModel.ShortVersion(release.Release.Version);
        var spotlit = release.Highlights.Select(h => h.Enhancement?.Id).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var spotlitPrs = release.Highlights.Where(h => h.Enhancement is null).SelectMany(h => h.Prs).ToHashSet();
        object[] Stage(string stage)
        {
            if (release.HasEnhancementData)
            {
                return release.Stated.Where(e => e.Stage == stage && !spotlit.Contains(e.Id))
                    .Select(e => (object)View(e, release.EnhancementNotes[e.Id], version, config, p)).ToArray();
            }

            return release.Notes.Where(n => n.Comms.Stability?.Level == stage && !spotlitPrs.Contains(n.PrNumber))
                .Select(n => (object)NoteAsView(n, config, p)).ToArray();
        }

        // A selection per stage, told in depth (the highest-ranked first); the rest named in a line; every graduation listed.
        var score = release.SpotlightRanking.GroupBy(c => c.Enhancement.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(c => c.Score), StringComparer.Ordinal);
        object[] Selected(object[] all, int shown) => all.Length <= shown
            ? all
            : all.Select((v, i) => (View: v, Index: i)).OrderByDescending(x => score.GetValueOrDefault((string?)((Dictionary<string, object?>)x.View)["id"] ?? string.Empty))
                .ThenBy(x => x.Index).Take(shown).OrderBy(x => x.Index).Select(x => x.View).ToArray();
        object[] Rest(object[] all, object[] shown) => all.Except(shown).Select(v => (object)Brief((Dictionary<string, object?>)v)).ToArray();
        var stable = Stage(Stages.Stable);
        var beta = Stage(Stages.Beta);
        var alpha = Stage(Stages.Alpha);
        var stableShown = Selected(stable, StableShown);
        var betaShown = Selected(beta, BetaShown);
        var alphaShown = Selected(alpha, AlphaShown);
        var counts = release.Stats.Enhancements;
        var unlinked = release.Notes.Where(n => n.Comms.Enhancement is null).ToArray();
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["has_data"] = release.HasEnhancementData,
            ["total"] = counts?.Total ?? 0,
            ["stable"] = counts?.Stable ?? 0,
            ["beta"] = counts?.Beta ?? 0,
            ["alpha"] = counts?.Alpha ?? 0,
            ["deprecated"] = counts?.Deprecated ?? 0,
            ["removed"] = counts?.Removed ?? 0,
            ["summary"] = CountsLine(release, config, p),
            ["graduating"] = stableShown,
            ["beta_list"] = betaShown,
            ["alpha_list"] = alphaShown,
            ["graduating_more"] = Rest(stable, stableShown),
            ["beta_more"] = Rest(beta, betaShown),
            ["alpha_more"] = Rest(alpha, alphaShown),
            // Every enhancement stated stable in the release, the spotlight's included: the complete list of graduations.
            ["graduated_all"] = release.HasEnhancementData
                ? release.Stated.Where(e => e.Stage == Stages.Stable).Select(e => (object)new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["id"] = e.Id,
                    ["title"] = e.Title,
                    ["url"] = e.TrackingUrl ?? e.ProposalUrl,
                }).ToArray()
                : [],
            ["deprecated_list"] = release.HasEnhancementData ? Stage(Stages.Deprecated) : [],
            ["removed_list"] = release.HasEnhancementData ? Stage(Stages.Removed) : [],
            // What only a plan says, or notes touch without saying a stage: never stated, listed for the enhancements team.
            ["to_confirm"] = release.ToConfirm.Select(e => (object)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["id"] = e.Id,
                ["title"] = e.Title,
                ["stage"] = e.Stage,
                ["tracking_url"] = e.TrackingUrl,
                ["tied"] = release.ConfirmationOf(e.Id) == Confirmation.Tied,
                ["slipped"] = release.Slipped.TryGetValue(e.Id, out var why) ? why : null,
            }).ToArray(),
            // Work without an enhancement that readers notice: features and API changes that reach the most audiences.
            ["other_notable"] = OtherNotable(release, spotlitPrs, config),
            // Deprecations and removals the enhancements do not cover: counted, read in the changelog.
            ["other_deprecations"] = unlinked.Count(n => n.Comms.Stability?.Level == Stages.Deprecated),
            ["other_removals"] = unlinked.Count(n => n.Comms.Stability?.Level == Stages.Removed),
        };
    }

    /// <summary>"58 enhancements: 23 graduating to stable, 22 entering beta and 13 new in alpha" or "138 changes across 13 special interest groups".</summary>
    public static string CountsLine(ReleaseModel release, CommsConfig config, Phrases p)
    {
        if (release.Stats.Enhancements is { } c && release.HasEnhancementData)
        {
            if (c.Total == 0)
            {
                return p.Text("enhancements.counts.none");
            }

            var parts = new List<string>();
            foreach (var (n, key) in new[] { (c.Stable, "stable"), (c.Beta, "beta"), (c.Alpha, "alpha") })
            {
                if (n > 0)
                {
                    parts.Add(p.Format("enhancements.counts." + key, ("n", n)));
                }
            }

            if (c.Deprecated + c.Removed > 0)
            {
                parts.Add(p.Join(
                [
                    c.Deprecated > 0 ? p.Format("enhancements.counts.deprecations", ("n", c.Deprecated)) : string.Empty,
                    c.Removed > 0 ? p.Format("enhancements.counts.removals", ("n", c.Removed)) : string.Empty,
                ]));
            }

            return Confirm(c, p, p.Format("enhancements.counts.line", ("total", c.Total), ("parts", parts.ToArray())), parts.Count == 0 ? null : p.Join(parts));
        }

        return p.Format("enhancements.counts.changes", ("notes", release.Stats.Notes), ("groups", Groups(release, config, p)));
    }

    /// <summary>"13 special interest groups" when every group of the release is a SIG of the project's list, else "13 groups".</summary>
    public static string Groups(ReleaseModel release, CommsConfig config, Phrases p)
    {
        return p.Format(AllSigs(release, config) ? "groups.sigs" : "groups.other", ("n", release.Stats.BySig.Count));
    }

    /// <summary>Whether every group of the release is a SIG of the project's list (then they are "special interest groups").</summary>
    public static bool AllSigs(ReleaseModel release, CommsConfig config) =>
        release.Stats.BySig.All(g => config.Groups.Find(g.Key) is { Kind: "sig" });

    /// <summary>
    /// The count as fact when nothing counted is only planned; else inside a placeholder the lead must confirm (and the
    /// site holds back): "[CONFIRM: 55 enhancements, 14 not confirmed: …]", <paramref name="detail"/> being what the
    /// line says after the total.
    /// </summary>
    public static string Confirm(EnhancementCounts counts, Phrases p, string line, string? detail)
    {
        if (counts.Sure)
        {
            return line;
        }

        return detail is null
            ? p.Format("enhancements.confirm", ("total", counts.Total), ("unconfirmed", counts.ToConfirm))
            : p.Format("enhancements.confirm_detail", ("total", counts.Total), ("unconfirmed", counts.ToConfirm), ("detail", detail));
    }

    public static Dictionary<string, object?> View(Enhancement e, IReadOnlyList<ReleaseNote> notes, string version, CommsConfig config, Phrases p)
    {
        var description = e.Blurb ?? (e.Summary is null ? null : Described(e.Summary) is { Length: > 0 } d
            ? ProposalSpeak.Told(d, p.Format("enhancements.subject", ("project", config.Project.Name), ("version", version))) is { Length: > 0 } told ? told : null
            : null);
        if (description is not null && notes.Any(n => Same(n.Text, description)))
        {
            description = null;
        }

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = e.Id,
            ["title"] = e.Title,
            ["stage"] = e.Stage,
            ["previous_stage"] = e.PreviousStage,
            ["description"] = description,
            ["changes"] = Changes(notes, version, description is not null, p),
            ["credit"] = Credit(e, notes, config, p),
            ["tracking_url"] = e.TrackingUrl,
            ["proposal_url"] = e.ProposalUrl,
            ["feature_gates"] = e.FeatureGates.ToArray(),
            ["notes"] = notes.Select(n => (object)NoteView.Of(n, config)).ToArray(),
            ["prs"] = notes.Select(n => n.PrNumber).ToArray(),
        };
    }

    /// <summary>
    /// A paragraph from a proposal's summary that leads with what the reader can now do (the sentence that says what
    /// the enhancement does, wherever the summary puts it), then the summary's opening for context, in whole sentences.
    /// </summary>
    private static string Described(string summary)
    {
        var first = summary.Split("\n\n")[0];
        var lead = ProposalSpeak.WhatItDoes(summary);
        if (lead is null || first.StartsWith(lead, StringComparison.Ordinal))
        {
            return KepSummary.Sentences(first, SummaryChars);
        }

        var rest = first.Replace(lead, string.Empty, StringComparison.Ordinal).Replace("  ", " ", StringComparison.Ordinal).Trim();
        return KepSummary.Sentences(rest.Length == 0 ? lead : $"{lead} {rest}", SummaryChars);
    }

    /// <summary>A note that says it fixes something, whatever its kind label says: "Fixed …", "… didn't work", "… panicked".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:[\w.-]+: )?(?:Fixe[sd]|Fix)\b|\b(?:didn't|did not|doesn't|does not) work\b|\bpanic|\baborted\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ReadsAsFix();

    /// <summary>How many enhancements of each stage the launch post tells in depth; the others are named in a line.</summary>
    private const int StableShown = 8;
    private const int BetaShown = 6;
    private const int AlphaShown = 5;

    /// <summary>An enhancement named, not told: its title and link.</summary>
    private static Dictionary<string, object?> Brief(Dictionary<string, object?> view) => new(StringComparer.Ordinal)
    {
        ["id"] = view["id"],
        ["title"] = view["title"],
        ["url"] = view["tracking_url"] ?? view["proposal_url"],
    };

    /// <summary>How many changes without an enhancement the launch post tells.</summary>
    private const int OtherNotableShown = 5;

    /// <summary>
    /// The notable changes no enhancement covers: features and API changes (not fixes, even those that touch an API,
    /// not what goes away, not action required, which have their own sections), those sent to the most audiences
    /// first, then by PR; a note of several lines (a list of its own) is left to the changelog.
    /// </summary>
    private static object[] OtherNotable(ReleaseModel release, HashSet<int> spotlit, CommsConfig config)
    {
        var going = release.GoingAway.SelectMany(g => g.Notes).Select(n => n.PrNumber).ToHashSet();
        return release.Notes
            .Where(n => n.Comms.Enhancement is null && !n.ActionRequired && !spotlit.Contains(n.PrNumber) && !going.Contains(n.PrNumber) &&
                        n.Comms.Stability?.Level is not (Stages.Deprecated or Stages.Removed) &&
                        n.Kinds.Any(k => k is "feature" or "api-change") && !n.Kinds.Any(k => k is "bug" or "regression" or "failing-test" or "cleanup" or "flake") && !ReadsAsFix().IsMatch(n.Text) && !n.Text.Trim().Contains('\n'))
            .OrderByDescending(n => n.Comms.Audiences.Select(a => a.Audience).Distinct(StringComparer.Ordinal).Count())
            .ThenByDescending(n => n.Kinds.Contains("api-change", StringComparer.Ordinal) ? 1 : 0)
            .ThenBy(n => n.PrNumber)
            .Take(OtherNotableShown)
            .Select(n => (object)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["title"] = HighlightTitle.Of(n.Text),
                ["text"] = n.Text.Trim(),
                // The note as a sentence that its link closes: "Added X ([#12](…), SIG CLI)."
                ["sentence"] = n.Text.Trim().TrimEnd('.'),
                ["pr_number"] = n.PrNumber,
                ["pr_url"] = n.PrUrl,
                ["sigs_label"] = n.Sigs.Count > 0 ? SigNames.Label(n.Sigs, config) : null,
            })
            .ToArray();
    }

    /// <summary>Whether two texts open with the same sentence (a note pasted as a description).</summary>
    private static bool Same(string a, string b)
    {
        static string First(string t) => TemplateFunctions.FirstSentence(t.TrimStart().TrimStart('-', '*').TrimStart()).TrimEnd('.', ' ');
        return First(a).Length > 0 && string.Equals(First(a), First(b), StringComparison.Ordinal);
    }

    /// <summary>A highlight's view: an enhancement's paragraph, or a note's.</summary>
    public static Dictionary<string, object?> Highlight(Highlight h, ReleaseModel release, CommsConfig config, Phrases p)
    {
        var version = DraftModel.ShortVersion(release.Release.Version);
        if (h.Enhancement is { } e)
        {
            var its = release.EnhancementNotes.TryGetValue(e.Id, out var notes) ? notes : [];
            var view = View(e, its, version, config, p);
            view["title"] = h.Title ?? e.Title;
            if (h.Manual && !ReferenceEquals(h.Text, e.Description) && h.Text != e.Title)
            {
                view["description"] = h.Text;
            }

            // A description that is one of the notes' own words is said once: by the notes, as what changed.
            if (view["description"] is string said && its.Any(n => Same(n.Text, said)))
            {
                view["description"] = null;
                view["changes"] = Changes(its, version, described: false, p);
            }

            view["reason"] = h.Reason;
            return view;
        }

        var text = h.Note?.Text ?? h.Text;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = null,
            ["title"] = HighlightTitle.Of(h),
            ["stage"] = h.Note?.Comms.Stability?.Level,
            ["previous_stage"] = null,
            ["description"] = h.Text == text ? text : h.Text,
            ["changes"] = null,
            ["credit"] = h.Note is null ? null : NoteCredit(h.Note, config),
            ["tracking_url"] = null,
            ["proposal_url"] = null,
            ["feature_gates"] = Array.Empty<string>(),
            ["notes"] = h.Note is null ? Array.Empty<object>() : [NoteView.Of(h.Note, config)],
            ["prs"] = h.Prs.ToArray(),
            ["reason"] = h.Reason,
        };
    }

    private static Dictionary<string, object?> NoteAsView(ReleaseNote note, CommsConfig config, Phrases p) => new(StringComparer.Ordinal)
    {
        ["id"] = null,
        ["title"] = HighlightTitle.Of(note.Text),
        ["stage"] = note.Comms.Stability?.Level,
        ["previous_stage"] = null,
        ["description"] = note.Text,
        ["changes"] = null,
        ["credit"] = NoteCredit(note, config),
        ["tracking_url"] = null,
        ["proposal_url"] = null,
        ["feature_gates"] = note.Comms.Stability?.Feature is { } gate ? new[] { gate } : Array.Empty<string>(),
        ["notes"] = new object[] { NoteView.Of(note, config) },
        ["prs"] = new[] { note.PrNumber },
    };

    /// <summary>
    /// What changed in this release, from at most three notes: "What changed in v1.34: promoted … ([#123](…)); added …"
    /// after a description, or the notes' own sentences when there is no description to follow.
    /// </summary>
    private static string? Changes(IReadOnlyList<ReleaseNote> notes, string version, bool described, Phrases p)
    {
        if (notes.Count == 0)
        {
            return null;
        }

        string Sentence(ReleaseNote n)
        {
            var text = n.Text.TrimStart().TrimStart('-', '*').TrimStart();
            return (described ? TemplateFunctions.FirstSentence(text) : TemplateFunctions.FirstSentences(text, 2)).TrimEnd('.');
        }

        // The notes that say what happened to the enhancement (its stage, a feature, an API) before fixes and clean-ups;
        // last, one whose sentence only leads into a list it does not show ("reported the following metrics:").
        var ordered = notes.Select(n => (Note: n, Sentence: Sentence(n)))
            .OrderBy(x => x.Sentence.TrimEnd().EndsWith(':') ? 1 : 0)
            .ThenBy(x => x.Note.Comms.Stability is { Level: "alpha" or "beta" or "stable" } ? 0
                : x.Note.Kinds.Any(k => k is "feature" or "api-change" or "deprecation") ? 1 : 2)
            .ThenBy(x => x.Note.PrNumber)
            .ToArray();
        const int Shown = 2;
        var items = ordered.Take(Shown).Select((x, i) =>
        {
            var (n, sentence) = x;
            if ((described || i > 0) && sentence.Length > 1 && char.IsUpper(sentence[0]) && char.IsLower(sentence[1]))
            {
                sentence = char.ToLowerInvariant(sentence[0]) + sentence[1..];
            }

            return $"{PhraseFunctions.English(p, sentence)} ([#{n.PrNumber.ToString(CultureInfo.InvariantCulture)}]({n.PrUrl}))";
        }).ToArray();
        var list = notes.Count > Shown
            ? p.Format("enhancements.changes.list_more", ("items", string.Join(p.Text("list.semicolon"), items)), ("more", notes.Count - Shown))
            : p.Format("enhancements.changes.list", ("items", string.Join(p.Text("list.semicolon"), items)));
        return described ? p.Format("enhancements.changes.described", ("version", version), ("list", list)) : list;
    }

    /// <summary>"This work was done as part of [KEP #1287](…) led by SIG Node, with SIG Autoscaling and SIG Scheduling."</summary>
    private static string Credit(Enhancement e, IReadOnlyList<ReleaseNote> notes, CommsConfig config, Phrases p)
    {
        // Without a tracking link of its own, the link its notes give to the proposal.
        var url = e.TrackingUrl ?? e.ProposalUrl ?? notes.SelectMany(n => n.Documentation)
            .Select(d => d.Url)
            .FirstOrDefault(u => EnhancementLinker.KepIds(new ReleaseNote { PrNumber = 0, Text = u }).Contains(e.Id, StringComparer.Ordinal));
        var name = long.TryParse(e.Id, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? p.Format("enhancements.kep", ("id", e.Id)) : e.Id;
        var what = url is null ? name : $"[{name}]({url})";
        var lead = e.OwningSig is { } owner ? SigNames.Group(owner, config) : null;
        var others = e.ParticipatingSigs.Where(s => s != e.OwningSig).Select(s => SigNames.Group(s, config)).ToArray();
        var key = (lead, others.Length) switch
        {
            (null, 0) => "plain",
            (null, _) => "with",
            (_, 0) => "led",
            _ => "led_with",
        };
        return p.Format("enhancements.credit." + key, ("what", what), ("lead", lead), ("others", others));
    }

    private static string NoteCredit(ReleaseNote note, CommsConfig config) =>
        $"([#{note.PrNumber.ToString(CultureInfo.InvariantCulture)}]({note.PrUrl}){(note.Sigs.Count > 0 ? ", " + SigNames.Label(note.Sigs, config) : string.Empty)})";
}
