using System.Globalization;
using System.Text.RegularExpressions;
using Comms.Core.Compose;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Enhancements;
using Comms.Core.Model;

namespace Comms.Templates.Drafts;

/// <summary>Something the sneak peek says is going: an enhancement at deprecated or removed stage, or a note that deprecates or removes.</summary>
public sealed record GoingItem(string Title, string Level, string? What, string When, string? Instead, string? Url, string? LinkText, Enhancement? Enhancement, ReleaseNote? Note, bool Ongoing)
{
    /// <summary>How much readers must act (the story's ranking).</summary>
    public double Weight { get; init; }
}

/// <summary>One post of the feature-blog series.</summary>
public sealed record FeatureBlog(Enhancement Enhancement, string Title, string Slug, string FileName, DateOnly? Date, string? Writer, string? Buddy, bool DateGiven);

/// <summary>A day of the comms plan: a release milestone, a comms task, or a feature blog's publication.</summary>
public sealed record Milestone(string Key, string Title, DateOnly Date, string Kind, string Description)
{
    /// <summary>The exact time, for the embargo; null for a whole-day event.</summary>
    public DateTimeOffset? At { get; init; }
}

/// <summary>
/// The release cycle around the launch post: what the sneak peek announces as going, the feature-blog series and its
/// schedule, and the comms plan's milestones, from release.yaml (its <c>dates:</c> and <c>feature_blogs:</c>), the
/// enhancements and the notes. Dates release.yaml does not give are said to be missing (CM7106), never made up.
/// </summary>
public sealed partial class CyclePlan
{
    /// <summary>At most this many feature blogs are proposed when release.yaml names none.</summary>
    public const int ProposedBlogs = 15;

    /// <summary>Feature blogs are published within this many days after the release.</summary>
    public const int SeriesDays = 30;

    public required IReadOnlyList<GoingItem> Going { get; init; }
    public required IReadOnlyList<ReleaseNote> Breaking { get; init; }
    public required IReadOnlyList<FeatureBlog> Blogs { get; init; }

    /// <summary>True when the series is proposed from the spotlight ranking (release.yaml has no <c>feature_blogs:</c>).</summary>
    public required bool BlogsProposed { get; init; }
    public required IReadOnlyList<Milestone> Milestones { get; init; }

    /// <summary>The milestones release.yaml leaves without a date, in words.</summary>
    public required IReadOnlyList<string> MissingDates { get; init; }

    [GeneratedRegex(@"\b(?:instead|in favou?r of|replaced by|replacement|migrate to|switch to|move to|superseded by|use)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex InsteadWords();

    [GeneratedRegex(@"(?<=[a-z0-9)`\]][.!?])\s+(?=[A-Z`])", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b(?:removed|removal|dropped|stop(?:s|ped)? being (?:served|read))\b[^.\n]{0,40}?\b(?:in|from|by)\s+(?:Kubernetes\s+|release\s+)?(v?\d+\.\d+(?:\.\d+)?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex RemovalPlanned();

    [GeneratedRegex(@"v?\d+\.\d+(?:\.\d+)?")]
    private static partial Regex Version();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NotSlug();

    public static CyclePlan Build(ReleaseModel release, CommsConfig config, DiagnosticBag diagnostics, Phrases? phrases = null)
    {
        var p = phrases ?? Phrases.English;
        var version = DraftModel.ShortVersion(release.Release.Version);
        var going = GoingOf(release, version, p);
        var covered = release.GoingAway.SelectMany(g => g.Notes.Select(n => n.PrNumber)).ToHashSet();
        var breaking = release.UpgradeNotes.Where(n => !covered.Contains(n.PrNumber)).OrderBy(n => n.PrNumber).ToArray();
        var (blogs, proposed) = BlogsOf(release, config, version, diagnostics, p);
        var (milestones, missing) = MilestonesOf(release, blogs, config, version, diagnostics, p);
        return new CyclePlan
        {
            Going = going,
            Breaking = breaking,
            Blogs = blogs,
            BlogsProposed = proposed,
            Milestones = milestones,
            MissingDates = missing,
        };
    }

    /// <summary>The release's going-away list (composed once, in Core), as the cycle drafts show it.</summary>
    private static GoingItem[] GoingOf(ReleaseModel release, string version, Phrases p) =>
        release.GoingAway.Select(g =>
        {
            var e = g.Enhancement;
            var note = g.Notes.Count > 0 ? g.Notes[0] : null;
            var url = e is not null ? e.TrackingUrl ?? e.ProposalUrl : note?.PrUrl;
            var link = e is not null
                ? long.TryParse(e.Id, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? p.Format("going.kep_link", ("id", e.Id), ("title", e.Title)) : e.Title
                : note is null ? null : $"#{note.PrNumber.ToString(CultureInfo.InvariantCulture)}";
            var what = e is not null && g.What is not null ? KepSummaryText(g.What) : g.What;
            var when = When(g.Level, version, g.PlannedRemoval, g.Ongoing, e is null && g.PlannedRemoval is not null, p);
            if (g.When is not null)
            {
                when = p.Format(g.Level == Stages.Removed ? "going.removed_when" : "going.deprecated_when", ("version", version), ("when", g.When.TrimEnd('.')));
            }

            return new GoingItem(g.Title, g.Level, what, when, g.Instead, url, url is null ? null : link, e, note, g.Ongoing) { Weight = g.Weight };
        }).ToArray();

    private static string KepSummaryText(string description) => KepSummary.Sentences(description.Split("\n\n")[0], 420);

    /// <summary>"Removed in v1.34.", "Deprecated in v1.34; removal planned for v1.36.", or, for a deprecation from an earlier release, when its removal is planned.</summary>
    private static string When(string level, string version, string? planned, bool ongoing, bool said, Phrases p)
    {
        if (level == Stages.Removed)
        {
            return p.Format("going.removed", ("version", version));
        }

        var since = ongoing ? "going.ongoing" : "going.deprecated";
        // The note already says when it goes: not said twice.
        planned = planned is null ? null : Version().Match(planned) is { Success: true } m ? m.Value : null;
        return planned is null ? p.Format(since, ("version", version))
            : said ? p.Format(since + "_said", ("version", version))
            : p.Format(since + "_planned", ("version", version), ("planned", planned.StartsWith('v') ? planned : "v" + planned));
    }

    /// <summary>The sentence of a note or KEP that says what to use instead, when one does and it is not the headline.</summary>
    private static string? Instead(string text, string headline)
    {
        var sentences = SentenceEnd().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
        var found = sentences.Select(x => x.Trim().TrimStart('-', '*', ' ')).FirstOrDefault(x => x.Length > 0 && InsteadWords().IsMatch(x));
        if (found is null || headline.Contains(found.TrimEnd('.'), StringComparison.Ordinal) || found.Contains(headline.TrimEnd('.'), StringComparison.Ordinal))
        {
            return null;
        }

        return found.EndsWith('.') ? found : found + ".";
    }

    private static (FeatureBlog[] Blogs, bool Proposed) BlogsOf(ReleaseModel release, CommsConfig config, string version, DiagnosticBag diagnostics, Phrases p)
    {
        var byId = release.Enhancements.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var picks = new List<(Enhancement E, FeatureBlogEntry? Entry)>();
        var proposed = release.Release.FeatureBlogs is null;
        if (release.Release.FeatureBlogs is { } entries)
        {
            foreach (var entry in entries)
            {
                var id = entry.Enhancement.TrimStart('#').Replace("KEP-", string.Empty, StringComparison.OrdinalIgnoreCase);
                if (!byId.TryGetValue(id, out var e))
                {
                    diagnostics.Warning(ComposeCodes.FeatureBlogProblem,
                        $"feature_blogs names enhancement {entry.Enhancement}, which is not among the release's {release.Enhancements.Count} enhancements; it has no post",
                        release.Release.File, entry.Line, entry.Column);
                    continue;
                }

                if (picks.Any(p => p.E.Id == id))
                {
                    diagnostics.Warning(ComposeCodes.FeatureBlogProblem, $"feature_blogs names enhancement {id} twice; it has one post", release.Release.File, entry.Line, entry.Column);
                    continue;
                }

                picks.Add((e, entry));
            }
        }
        else if (release.HasEnhancementData)
        {
            // The spotlight shortlist's ranking (three of each stage first, then by score), carried on to 15.
            picks.AddRange(SpotlightPicker.Shortlist(release.SpotlightRanking.Where(c => c.Stated).ToArray(), ProposedBlogs)
                .Select(c => (c.Enhancement, (FeatureBlogEntry?)null)));
        }

        var dates = Schedule(release, picks.Select(p => p.Entry?.Date).ToArray(), diagnostics);
        var slugs = new HashSet<string>(StringComparer.Ordinal);
        var blogs = new List<FeatureBlog>();
        for (var i = 0; i < picks.Count; i++)
        {
            var (e, entry) = picks[i];
            var slug = Slug(e.Title);
            if (!slugs.Add(slug))
            {
                slug = $"{slug}-{Slug(e.Id)}";
                slugs.Add(slug);
            }

            var project = NotSlug().Replace(config.Project.Name.ToLowerInvariant(), "-").Trim('-');
            blogs.Add(new FeatureBlog(e, p.Format("titles.feature_blog", ("project", config.Project.Name), ("version", version), ("title", e.Title)), $"{project}-{version.Replace('.', '-')}-{slug}", slug + ".md",
                dates[i], entry?.Writer, entry?.Buddy, entry?.Date is not null));
        }

        return (blogs.OrderBy(b => b.Date ?? DateOnly.MaxValue).ThenBy(b => b.Enhancement.Id, IdOrder.Instance).ToArray(), proposed);
    }

    /// <summary>"in-place-resource-resize-for-pods" from a title: lower case, words joined by hyphens, at most about 50 characters.</summary>
    public static string Slug(string title)
    {
        var slug = NotSlug().Replace(title.ToLowerInvariant(), "-").Trim('-');
        if (slug.Length > 50)
        {
            var cut = slug.LastIndexOf('-', 50);
            slug = slug[..(cut > 10 ? cut : 50)];
        }

        return slug.Length == 0 ? "post" : slug;
    }

    public static bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// Publication days: a date release.yaml gives is kept; the others are spread over the working days from the day
    /// after the release to <see cref="SeriesDays"/> days after it, two to three a week (more only when the posts do
    /// not fit, with a warning), one post a day. Without a release date nothing is scheduled.
    /// </summary>
    private static DateOnly?[] Schedule(ReleaseModel release, DateOnly?[] given, DiagnosticBag diagnostics)
    {
        var result = given.ToArray();
        var releaseDate = release.Release.ReleaseDate;
        if (releaseDate is not { } day || day > DateOnly.MaxValue.AddDays(-SeriesDays - 1))
        {
            return result;
        }

        foreach (var entry in release.Release.FeatureBlogs ?? [])
        {
            if (entry.Date is { } d && (!IsWorkingDay(d) || d <= day || d > day.AddDays(SeriesDays)))
            {
                diagnostics.Warning(ComposeCodes.FeatureBlogProblem,
                    $"the feature blog on {entry.Enhancement} is dated {d:yyyy-MM-dd}, {(IsWorkingDay(d) ? "outside" : "a weekend day, or outside")} the {SeriesDays} days after the release ({day:yyyy-MM-dd}); the series runs on working days after the release",
                    release.Release.File, entry.Line, entry.Column);
            }
        }

        var free = Enumerable.Range(1, SeriesDays).Select(i => day.AddDays(i)).Where(IsWorkingDay).Where(d => !given.Contains(d)).ToArray();
        var open = Enumerable.Range(0, result.Length).Where(i => result[i] is null).ToArray();
        if (open.Length == 0 || free.Length == 0)
        {
            return result;
        }

        // Working days between posts: 2.5 is two a week, 5/3 three a week.
        var step = Math.Clamp((double)free.Length / open.Length, 5.0 / 3, 2.5);
        if (step * (open.Length - 1) >= free.Length)
        {
            step = (double)free.Length / open.Length;
            diagnostics.Warning(ComposeCodes.FeatureBlogProblem,
                $"{open.Length} feature blogs to schedule in the {SeriesDays} days after the release need {(5 / step).ToString("0.#", CultureInfo.InvariantCulture)} posts a week, more than the usual two to three; name fewer in release.yaml's feature_blogs",
                release.Release.File, 1, 1);
        }

        for (var k = 0; k < open.Length && k < free.Length; k++)
        {
            result[open[k]] = free[Math.Min(free.Length - 1, (int)Math.Floor(k * step))];
        }

        return result;
    }

    private static (Milestone[] Milestones, string[] Missing) MilestonesOf(ReleaseModel release, IReadOnlyList<FeatureBlog> blogs, CommsConfig config, string version, DiagnosticBag diagnostics, Phrases p)
    {
        var r = release.Release;
        var d = r.Dates;
        var name = $"{config.Project.Name} {version}";
        var list = new List<Milestone>();
        var missing = new List<string>();
        void Add(string key, string title, DateOnly? date, string kind, string description, bool required)
        {
            if (date is { } day)
            {
                list.Add(new Milestone(key, title, day, kind, description));
            }
            else if (required)
            {
                missing.Add(title.ToLower(p.Culture));
            }
        }

        string Title(string key) => p.Format($"plan.{key}.title", ("name", name));
        string Text(string key) => p.Format($"plan.{key}.text", ("name", name));
        void Step(string key, DateOnly? date, string kind, bool required) => Add(key.Replace('_', '-'), Title(key), date, kind, Text(key), required);
        Step("enhancements_freeze", d.EnhancementsFreeze, "milestone", true);
        Step("feature_blog_freeze", d.FeatureBlogFreeze, "milestone", true);
        Step("code_freeze", d.CodeFreeze, "milestone", true);
        Step("sneak_peek", d.SneakPeek, "task", false);
        Step("feature_blogs_ready", d.FeatureBlogsReady, "milestone", false);
        if (r.Embargo is { } embargo)
        {
            list.Add(new Milestone("embargo", Title("embargo"), DateOnly.FromDateTime(embargo.UtcDateTime), "milestone", Text("embargo")) { At = embargo });
        }
        else
        {
            missing.Add(p.Text("plan.embargo.missing"));
        }

        Step("release", r.ReleaseDate, "milestone", true);
        Step("webinar", d.Webinar, "task", false);
        if (r.ReleaseDate is { } released && released > DateOnly.MinValue.AddDays(28))
        {
            Step("press_email", released.AddDays(-28), "task", false);
        }

        foreach (var blog in blogs.Where(b => b.Date is not null))
        {
            list.Add(new Milestone("feature-blog-" + blog.Slug, p.Format("plan.feature_blog.title", ("title", blog.Enhancement.Title)), blog.Date!.Value, "feature-blog",
                p.Format("plan.feature_blog.text", ("title", blog.Title), ("file", blog.FileName))));
        }

        if (missing.Count > 0 && d.Given)
        {
            diagnostics.Warning(ComposeCodes.CycleDateMissing,
                $"release.yaml gives no date for the {TemplateFunctions.Join(missing.ToArray())}; the comms plan and calendar leave {(missing.Count == 1 ? "it" : "them")} out (set them under dates:, release_date: and embargo:)",
                r.File, 1, 1);
        }

        return (list.OrderBy(m => m.Date).ThenBy(m => m.At ?? DateTimeOffset.MinValue).ThenBy(m => m.Key, StringComparer.Ordinal).ToArray(), missing.ToArray());
    }
}
