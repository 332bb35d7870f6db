using System.Globalization;
using Comms.Core.Changelog;
using Comms.Core.Classify;
using Comms.Core.Compose;
using Comms.Core.Config;
using Comms.Core.Enhancements;
using Comms.Core.Model;

namespace Comms.Templates.Drafts;

/// <summary>
/// Builds the model every draft template receives (documented field by field in docs/templates.md).
/// Every key is always present, null when unknown, so a template referring to a missing field is an error.
/// </summary>
public static class DraftModel
{
    public static Dictionary<string, object?> Build(ReleaseModel release, IReadOnlyList<Audience> audiences, CommsConfig config, string? about, Phrases? phrases = null)
    {
        var p = phrases ?? Phrases.English;
        var stats = release.Stats;
        var r = release.Release;
        int Stab(string level) => ReleaseStats.Count(stats.ByStability, level);
        var notes = release.Notes;
        var features = notes.Where(n => n.Kinds.Contains("feature", StringComparer.Ordinal) && n.Comms.Stability is null).ToArray();
        var memo = new Dictionary<ReleaseNote, object>(ReferenceEqualityComparer.Instance);
        var model = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            // What a phrase's {project}, {version} and {release} stand for, unless the template gives them.
            ["names"] = Names(config.Project.Name, ShortVersion(r.Version)),
            ["project"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["name"] = config.Project.Name,
                ["repo"] = config.Project.Repo,
                ["repo_url"] = $"{config.Project.GitHubUrl}/{config.Project.Repo}",
                ["url"] = config.Project.Url,
                ["description"] = config.Project.Description,
                // The paragraph `comms init` wrote is not the project's boilerplate: the brief shows its slot instead.
                ["about"] = about?.Trim() is { Length: > 0 } written && !written.StartsWith(CommsConfig.PlaceholderMarker, StringComparison.Ordinal) ? written : null,
            },
            ["release"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["version"] = r.Version,
                ["short_version"] = ShortVersion(r.Version),
                ["previous_version"] = r.PreviousVersion,
                // The release date release.yaml sets, never one guessed from the last merge: a draft without it says so.
                ["date"] = r.ReleaseDate?.ToString(p.Text("format.date"), p.Culture),
                ["date_iso"] = r.ReleaseDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["codename"] = r.Codename,
                ["theme"] = r.Theme,
                ["embargo"] = r.Embargo?.ToString(p.Text("format.embargo"), p.Culture),
                ["slug"] = Slug(config.Project.Name, r.Version),
                ["quotes"] = r.Quotes.Select(q => Map(("name", q.Name), ("role", q.Role), ("text", q.Text))).ToArray(),
                ["contacts"] = r.Contacts.Select(c => Map(("name", c.Name), ("role", c.Role), ("email", c.Email), ("phone", c.Phone))).ToArray(),
                ["release_url"] = $"{config.Project.GitHubUrl}/{config.Project.Repo}/releases/tag/{r.Version}",
                ["download_url"] = config.Project.DownloadUrl is { } download
                    ? UrlPattern.Expand(download, r.Version)
                    : $"{config.Project.GitHubUrl}/{config.Project.Repo}/releases/tag/{r.Version}",
                ["download_site"] = Host(config.Project.DownloadUrl ?? config.Project.GitHubUrl),
                // Absolute, so the link still works when the post moves to a website repository: the changelog beside the drafts.
                ["changelog_url"] = config.Project.ChangelogUrl is { } changelog
                    ? UrlPattern.Expand(changelog, r.Version)
                    : $"{config.Project.GitHubUrl}/{config.Project.Repo}/blob/HEAD/release-notes/{Uri.EscapeDataString(r.Version)}/CHANGELOG.md",
                ["webinar_date"] = r.Dates.Webinar?.ToString(p.Text("format.date"), p.Culture),
                ["author"] = r.Author,
                ["editors"] = r.Editors.ToArray(),
                ["team_lead"] = r.Team?.Lead,
                ["comms_team"] = (r.Team?.Comms ?? []).ToArray(),
            },
            ["stats"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["notes"] = stats.Notes,
                ["pull_requests"] = stats.PullRequests,
                ["enhancements"] = stats.Enhancements?.Total ?? 0,
                ["stable"] = Stab("stable"),
                ["beta"] = Stab("beta"),
                ["alpha"] = Stab("alpha"),
                ["deprecated"] = Stab("deprecated"),
                ["removed"] = Stab("removed"),
                ["action_required"] = release.UpgradeNotes.Count(),
                ["contributors"] = stats.Contributors.Count,
                ["contributors_from_pull_requests"] = stats.ContributorsFromPullRequests,
                ["first_time_contributors"] = stats.FirstTimeContributors?.Count,
                ["sigs"] = stats.BySig.Count,
                ["by_section"] = stats.BySection.Select(p => Map(("name", p.Key), ("count", p.Value))).ToArray(),
                ["by_sig"] = stats.BySig.Select(p => Map(("sig", p.Key), ("name", SigNames.Display(p.Key, config)), ("count", p.Value))).ToArray(),
                ["by_audience"] = audiences.Select(a => Map(("id", a.Id), ("name", a.Name), ("count", ReleaseStats.Count(stats.ByAudience, a.Id)))).ToArray(),
                ["top_sigs"] = stats.BySig.Take(3).Select(p => SigNames.Group(p.Key, config)).ToArray(),
                // What the project calls its groups, as the release's groups are: "special interest groups" or "groups".
                ["groups_name"] = p.Text(EnhancementViews.AllSigs(release, config) ? "groups.name_sigs" : "groups.name_other"),
            },
            ["contributors"] = stats.Contributors.ToArray(),
            ["first_time_contributors"] = stats.FirstTimeContributors?.ToArray(),
            ["highlights"] = release.Highlights.Select(h => Highlight(h, config)).ToArray(),
            ["spotlight"] = release.Highlights.Select(h => (object)EnhancementViews.Highlight(h, release, config, p)).ToArray(),
            ["enhancements"] = EnhancementViews.Build(release, config, p),
            ["press"] = PressModel.Build(release, config, p),
            // Lists of notes (every note of the release, by SIG): made only when a template reads them.
            ["graduations"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["stable"] = new ScriptModel.Deferred(() => Views(release.WithStability("stable"), config, null, memo)),
                ["beta"] = new ScriptModel.Deferred(() => Views(release.WithStability("beta"), config, null, memo)),
                ["alpha"] = new ScriptModel.Deferred(() => Views(release.WithStability("alpha"), config, null, memo)),
            },
            ["features"] = new ScriptModel.Deferred(() => Views(features, config, null, memo)),
            ["deprecations"] = new ScriptModel.Deferred(() => Views(release.WithStability("deprecated"), config, null, memo)),
            ["removals"] = new ScriptModel.Deferred(() => Views(release.WithStability("removed"), config, null, memo)),
            ["upgrade_notes"] = new ScriptModel.Deferred(() => Views(release.UpgradeNotes, config, null, memo)),
            ["notes_by_sig"] = new ScriptModel.Deferred(() => BySig(notes, config, null, p, memo)),
            ["audiences"] = audiences.Select(a => Map(("id", a.Id), ("name", a.Name), ("description", a.Description))).ToArray(),
            ["audience"] = null,
            // Set by CycleViews: the sneak peek, the feature-blog series (and each post while its own draft renders), the comms plan, the webinar.
            ["sneak_peek"] = null,
            ["feature_blogs"] = null,
            ["post"] = null,
            ["plan"] = null,
            ["webinar"] = null,
        };

        Comms.Core.Diagnostics.Timings.Mark("  draft model views");
        // Everything from pull requests, labels, maps, release.yaml and audiences lands in Markdown: make it safe there.
        model = (Dictionary<string, object?>)Safe(model, config)!;
        ((Dictionary<string, object?>)model["release"]!)["front_matter"] = FrontMatter.Blog(release, config, p);
        return model;
    }

    /// <summary>Every string of the model escaped for Markdown (idempotent), every URL checked against the link policy.</summary>
    internal static object? Safe(object? value, CommsConfig config, string? key = null) =>
        Safe(value, config, key, new Dictionary<object, object?>(ReferenceEqualityComparer.Instance));

    /// <remarks>A map met twice (a note's view in two lists) is made safe once: the template sees copies either way (<see cref="ScriptModel"/>).</remarks>
    private static object? Safe(object? value, CommsConfig config, string? key, Dictionary<object, object?> seen)
    {
        switch (value)
        {
            case string url when key is not null && (key == "url" || key.EndsWith("_url", StringComparison.Ordinal)):
                return Comms.Core.Markdown.SafeUrl.Clean(url) ?? string.Empty;
            case string text:
                return MarkdownText.EscapeHtml(text, config.Markdown);
            case Dictionary<string, object?> map:
                if (!seen.TryGetValue(map, out var safe))
                {
                    safe = map.ToDictionary(p => p.Key, p => Safe(p.Value, config, p.Key, seen), StringComparer.Ordinal);
                    seen[map] = safe;
                }

                return safe;
            case ScriptModel.Deferred deferred:
                return new ScriptModel.Deferred(() => Safe(deferred.Value, config, key, seen));
            case string[] list:
                return list.Select(item => (string)Safe(item, config, key, seen)!).ToArray();
            case object?[] list:
                return list.Select(item => Safe(item, config, key, seen)).ToArray();
            default:
                return value;
        }
    }

    /// <summary>
    /// The model of one audience's brief: the release model plus <c>audience</c>, a digest first (what to do
    /// before upgrading, what is new, what is going away) and then every note in groups, one group per rule that
    /// chose notes, in the order the rules are written, so the reason is said once per group.
    /// </summary>
    /// <summary>The names every phrase may use: the project, the version and the two together.</summary>
    public static Dictionary<string, object?> Names(string project, string version) => new(StringComparer.Ordinal)
    {
        ["project"] = project,
        ["version"] = version,
        ["release"] = project + " " + version,
    };

    public static Dictionary<string, object?> ForAudience(Dictionary<string, object?> model, ReleaseModel release, Audience audience, CommsConfig config, Phrases? phrases = null)
    {
        var p = phrases ?? Phrases.English;
        var notes = release.ForAudience(audience.Id).ToArray();
        // A note shows in its rule's group and again in the digest lists or by SIG: one view of it per brief.
        var memo = new Dictionary<ReleaseNote, object>(ReferenceEqualityComparer.Instance);
        string RuleOf(ReleaseNote n) => n.Comms.Audiences.First(a => a.Audience == audience.Id).Rule;
        var rules = audience.Rules.Select((r, i) => (r.Id, Index: i, Title: r.Title ?? RuleTitle(r.Id), r.Reason)).ToList();
        var cap = Math.Max(1, config.BriefItemsPerGroup);
        var links = new List<(Dictionary<string, object?> Group, string Url)>();
        var groups = notes.GroupBy(RuleOf, StringComparer.Ordinal)
            .Select(g =>
            {
                var rule = rules.FirstOrDefault(r => r.Id == g.Key);
                var reason = rule.Id is null ? g.First().Comms.Audiences.First(a => a.Audience == audience.Id).Reason : rule.Reason;
                var title = rule.Id is null ? p.Text("briefs.chosen") : rule.Title;
                // Notes sent here by a map come after the rules' groups.
                return (Index: rule.Id is null ? int.MaxValue : rule.Index, Rule: g.Key, Title: title, Reason: reason, Notes: g.ToArray());
            })
            // Rules with one title (three command-line rules) make one group.
            .GroupBy(g => g.Title, StringComparer.Ordinal)
            .Select(g => (Index: g.Min(x => x.Index), Title: g.Key, Rules: g.Select(x => x.Rule).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
                Reasons: g.Select(x => x.Reason).Distinct(StringComparer.Ordinal).ToArray(), Notes: g.SelectMany(x => x.Notes).ToArray()))
            .OrderBy(g => g.Index)
            .Select(g =>
            {
                var shown = g.Notes.Length <= cap ? ByFirstSig(g.Notes) : MostImportant(g.Notes, rules.Select(r => r.Id).ToList(), RuleOf).Take(cap);
                var group = Map(
                    ("title", g.Title),
                    ("why", string.Join(" ", g.Reasons)),
                    ("count", g.Notes.Length),
                    ("notes", shown.Select(n => View(n, config, audience.Id, memo)).ToArray()),
                    ("more", Math.Max(0, g.Notes.Length - cap)),
                    ("more_url", null));
                if (g.Notes.Length > cap)
                {
                    links.Add((group, GroupUrl(config, release.Release.Version, audience.Id, g.Rules)));
                }

                return (object)group;
            })
            .ToArray();
        var urgent = notes.Where(n => n.ActionRequired).OrderBy(n => n.PrNumber).ToArray();
        // What goes away is the story's list, in its order (who must act first), not each note's own reading.
        var rank = GoingRank(release);
        var going = notes.Where(n => !n.ActionRequired && rank.ContainsKey(n.PrNumber)).OrderBy(n => rank[n.PrNumber].Rank).ThenBy(n => n.PrNumber).ToArray();
        var copy = new Dictionary<string, object?>(model, StringComparer.Ordinal)
        {
            ["audience"] = Safe(new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["id"] = audience.Id,
                ["name"] = audience.Name,
                ["description"] = audience.Description,
                ["count"] = notes.Length,
                ["digest"] = Digest(release, notes, urgent, going, config, p),
                ["groups"] = groups,
                // Every note of the audience again: made only if the template reads them.
                ["action_required"] = new ScriptModel.Deferred(() => Views(urgent, config, audience.Id, memo)),
                ["deprecations"] = new ScriptModel.Deferred(() => Views(going, config, audience.Id, memo)),
                ["by_sig"] = new ScriptModel.Deferred(() => BySig(notes.Where(n => !n.ActionRequired && n.Comms.Stability?.Level is not ("deprecated" or "removed")), config, audience.Id, p, memo)),
            }, config),
        };
        // The link is built from the release's version and safe names only, so it is set after the safety pass
        // (which keeps absolute URLs only): without site_url it is relative to the site's top folder, where briefs are pages.
        var safeGroups = (object?[])((Dictionary<string, object?>)copy["audience"]!)["groups"]!;
        for (var i = 0; i < safeGroups.Length; i++)
        {
            if (links.FirstOrDefault(l => ReferenceEquals(l.Group, groups[i])) is { Url: { } url })
            {
                ((Dictionary<string, object?>)safeGroups[i]!)["more_url"] = url;
            }
        }

        return copy;
    }

    /// <summary>A group's notes in the brief's reading order: by first SIG (notes without one last), then PR.</summary>
    private static IEnumerable<ReleaseNote> ByFirstSig(IEnumerable<ReleaseNote> notes) =>
        notes.OrderBy(n => n.Sigs.Count == 0 ? "~" : n.Sigs.Order(StringComparer.Ordinal).First(), StringComparer.Ordinal).ThenBy(n => n.PrNumber);

    /// <summary>
    /// A group over the cap, most important first: action required, then stage (removed, deprecated, stable, beta,
    /// alpha, none), then the audience reason (the rule's place in the audience's rules), then the reading order.
    /// </summary>
    private static IEnumerable<ReleaseNote> MostImportant(IEnumerable<ReleaseNote> notes, List<string> ruleOrder, Func<ReleaseNote, string> ruleOf) =>
        notes.OrderBy(n => n.ActionRequired ? 0 : 1)
            .ThenBy(n => n.Comms.Stability?.Level switch { "removed" => 0, "deprecated" => 1, "stable" => 2, "beta" => 3, "alpha" => 4, _ => 5 })
            .ThenBy(n => ruleOrder.IndexOf(ruleOf(n)) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(n => n.Sigs.Count == 0 ? "~" : n.Sigs.Order(StringComparer.Ordinal).First(), StringComparer.Ordinal)
            .ThenBy(n => n.PrNumber);

    /// <summary>
    /// The site's all-notes page filtered to exactly one brief group: the release, and the (audience, rule) pairs the
    /// group was made of (<c>notes.html#release=1.0.0&amp;group=vendor:vendor-api-change</c>).
    /// </summary>
    public static string GroupUrl(CommsConfig config, string version, string audience, IEnumerable<string> rules)
    {
        var release = Uri.EscapeDataString(version.StartsWith('v') ? version[1..] : version);
        var group = string.Join(',', rules.Select(rule => Uri.EscapeDataString($"{audience}:{rule}".ToLowerInvariant()).Replace("%3A", ":", StringComparison.Ordinal)));
        return $"{config.SiteUrl ?? string.Empty}notes.html#release={release}&group={group}";
    }

    private static readonly System.Text.RegularExpressions.Regex RemovalPlanned = new(
        @"\b(?:removed|removal|dropped)\b[^.\n]{0,40}?\b(?:in|from|by)\s+(?:Kubernetes\s+|release\s+)?(v?\d+\.\d+(?:\.\d+)?)",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The one-page summary: what to do before upgrading, what is new for this reader, what is going away and when.</summary>
    private static Dictionary<string, object?> Digest(ReleaseModel release, ReleaseNote[] notes, ReleaseNote[] urgent, ReleaseNote[] going, CommsConfig config, Phrases p)
    {
        const int Shown = 6;
        var levels = GoingRank(release);
        var prs = notes.Select(n => n.PrNumber).ToHashSet();
        object[] NewAt(string stage)
        {
            if (release.HasEnhancementData)
            {
                return release.Stated.Where(e => e.Stage == stage && release.EnhancementNotes[e.Id].Any(n => prs.Contains(n.PrNumber)))
                    .Select(e => (object)e.Title).ToArray();
            }

            return notes.Where(n => n.Comms.Stability?.Level == stage).Select(n => (object)HighlightTitle.Of(n.Text)).ToArray();
        }

        var stages = new[] { Stages.Stable, Stages.Beta, Stages.Alpha }
            .Select(s => (Label: p.Text("briefs.stage." + s), Items: NewAt(s)))
            .Where(s => s.Items.Length > 0)
            .Select(s => (object)Map(("label", s.Label), ("count", s.Items.Length), ("items", s.Items.Take(Shown).ToArray()), ("more", Math.Max(0, s.Items.Length - Shown))))
            .ToArray();
        return Map(
            ("before_upgrade", urgent.Take(Shown).Select(n => (object)Map(("headline", HighlightTitle.Of(n.Text)), ("pr_number", n.PrNumber), ("pr_url", n.PrUrl))).ToArray()),
            ("before_upgrade_count", urgent.Length),
            ("new", stages),
            ("going", going.Take(Shown).Select(n => (object)Map(
                ("headline", HighlightTitle.Of(n.Text)),
                ("level", levels[n.PrNumber].Level),
                // When a removal is planned, unless the headline already says so.
                ("when", RemovalPlanned.Match(n.Text) is { Success: true } m && !HighlightTitle.Of(n.Text).Contains(m.Groups[1].Value, StringComparison.Ordinal) ? m.Groups[1].Value : null),
                ("pr_number", n.PrNumber),
                ("pr_url", n.PrUrl))).ToArray()),
            ("going_count", going.Length),
            ("deprecated_count", going.Count(n => levels[n.PrNumber].Level == "deprecated")),
            ("removed_count", going.Count(n => levels[n.PrNumber].Level == "removed")));
    }

    /// <summary>Each going-away note's place in the story's list and its level, by PR.</summary>
    private static Dictionary<int, (int Rank, string Level)> GoingRank(ReleaseModel release)
    {
        var rank = new Dictionary<int, (int, string)>();
        for (var i = 0; i < release.GoingAway.Count; i++)
        {
            foreach (var n in release.GoingAway[i].Notes)
            {
                rank.TryAdd(n.PrNumber, (i, release.GoingAway[i].Level));
            }
        }

        return rank;
    }

    /// <summary>"Vendor dependency area" from the rule id <c>vendor-dependency-area</c>, for a rule without a title.</summary>
    public static string RuleTitle(string ruleId)
    {
        var words = ruleId.Replace('-', ' ').Replace('_', ' ');
        return words.Length == 0 ? ruleId : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static object[] BySig(IEnumerable<ReleaseNote> notes, CommsConfig config, string? audience, Phrases p, Dictionary<ReleaseNote, object>? memo = null) =>
        notes.GroupBy(n => n.Sigs.Count == 0 ? string.Empty : n.Sigs.Order(StringComparer.Ordinal).First(), StringComparer.Ordinal)
            .OrderBy(g => g.Key.Length == 0 ? 1 : 0)
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (object)Map(
                ("sig", g.Key),
                ("name", g.Key.Length == 0 ? p.Text("groups.none") : SigNames.Group(g.Key, config)),
                ("notes", Views(g, config, audience, memo))))
            .ToArray();

    private static object[] Views(IEnumerable<ReleaseNote> notes, CommsConfig config, string? audience = null, Dictionary<ReleaseNote, object>? memo = null) =>
        notes.OrderBy(n => n.PrNumber).Select(n => View(n, config, audience, memo)).ToArray();

    /// <summary>The note's view (for one audience), made once per model: <see cref="Safe"/> copies each place it appears, so sharing is unseen.</summary>
    private static object View(ReleaseNote note, CommsConfig config, string? audience, Dictionary<ReleaseNote, object>? memo)
    {
        if (memo is null)
        {
            return NoteView.Of(note, config, audience);
        }

        if (!memo.TryGetValue(note, out var view))
        {
            view = NoteView.Of(note, config, audience);
            memo[note] = view;
        }

        return view;
    }

    private static Dictionary<string, object?> Highlight(Highlight h, CommsConfig config) => new(StringComparer.Ordinal)
    {
        ["text"] = MarkdownText.EscapeHtml(h.Text),
        ["plain"] = TemplateFunctions.Plain(TemplateFunctions.FirstSentence(h.Text)),
        ["headline"] = TemplateFunctions.Headline(h.Text),
        ["reason"] = h.Reason,
        ["manual"] = h.Manual,
        ["note"] = h.Note is null ? null : NoteView.Of(h.Note, config),
    };

    /// <summary>"GitHub" for github.com, else the host without "www." (where the download link leads).</summary>
    private static string Host(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
            ? uri.Host.Equals("github.com", StringComparison.OrdinalIgnoreCase) ? "GitHub" : uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host
            : url;

    public static string ShortVersion(string version)
    {
        var v = version.TrimStart('v');
        var parts = v.Split('.');
        var shortVersion = parts.Length >= 3 && parts[2] == "0" ? $"{parts[0]}.{parts[1]}" : v;
        return "v" + shortVersion;
    }

    internal static string Slug(string project, string version) =>
        $"{project.ToLowerInvariant().Replace(' ', '-')}-{ShortVersion(version).Replace('.', '-')}-release";

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
