using System.Globalization;
using Comms.Core.Changelog;
using Comms.Core.Compose;
using Comms.Core.Config;
using YamlDotNet.Core;

namespace Comms.Templates.Drafts;

/// <summary>
/// The drafts' model of the cycle (documented in docs/templates.md): <c>sneak_peek</c>, <c>feature_blogs</c>, <c>plan</c>
/// and <c>webinar</c>, made safe for Markdown like the rest of the model; front matter is written by the YAML emitter.
/// </summary>
internal static class CycleViews
{
    /// <summary>Deprecations and removals the sneak peek tells one by one.</summary>
    private const int SneakPeekItems = 6;

    /// <summary>Breaking changes the sneak peek tells one by one (the rest are listed).</summary>
    private const int SneakPeekBreaking = 4;

    /// <summary>Deprecations and removals the launch post narrates.</summary>
    private const int LaunchPostItems = 5;

    public static void Add(Dictionary<string, object?> model, CyclePlan plan, ReleaseModel release, CommsConfig config, Phrases? phrases = null)
    {
        var p = phrases ?? Phrases.English;
        string? Long(DateOnly? day) => day?.ToString(p.Text("format.long_date"), p.Culture);
        var r = release.Release;
        var version = DraftModel.ShortVersion(r.Version);
        var project = config.Project.Name;
        var kubernetes = string.Equals(project, "Kubernetes", StringComparison.Ordinal);
        var author = r.Author ?? p.Format("slots.author", ("project", project), ("version", version));
        var peekSlug = $"{Slugged(project)}-{version.Replace('.', '-')}-sneak-peek";
        var sneak = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["title"] = p.Format("titles.sneak_peek", ("project", project), ("version", version)),
            ["date"] = Long(r.Dates.SneakPeek),
            // The few that change how people run the software, each told; the rest as one short linked list.
            ["deprecations"] = plan.Going.Where(g => !g.Ongoing).Take(SneakPeekItems).Select(g => (object)Going(g, config)).ToArray(),
            ["more"] = plan.Going.Where(g => !g.Ongoing).Skip(SneakPeekItems).Select(g => (object)Going(g, config)).ToArray(),
            ["ongoing"] = plan.Going.Where(g => g.Ongoing).Select(g => (object)Going(g, config)).ToArray(),
            ["breaking"] = plan.Breaking.Take(SneakPeekBreaking).Select(n => (object)Breaking(n, config)).ToArray(),
            ["more_breaking"] = plan.Breaking.Skip(SneakPeekBreaking).Select(n => (object)Breaking(n, config)).ToArray(),
            ["count"] = plan.Going.Count,
            ["kubernetes"] = kubernetes,
        };
        var going = plan.Going.Select(g => (object)Going(g, config)).ToArray();
        model["going_away"] = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["top"] = going.Take(LaunchPostItems).ToArray(),
            ["rest"] = going.Skip(LaunchPostItems).ToArray(),
            ["count"] = going.Length,
        };
        var blogs = plan.Blogs.Select(b => (object)Blog(b, release, config, version, p, Long(b.Date))).ToArray();
        var series = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["proposed"] = plan.BlogsProposed,
            ["count"] = blogs.Length,
            ["posts"] = blogs,
            ["freeze"] = Long(r.Dates.FeatureBlogFreeze),
            ["ready"] = Long(r.Dates.FeatureBlogsReady),
            ["first"] = plan.Blogs.Select(b => b.Date).Min() is { } first ? Long(first) : null,
            ["last"] = plan.Blogs.Select(b => b.Date).Max() is { } last ? Long(last) : null,
            ["days"] = CyclePlan.SeriesDays,
            ["kubernetes"] = kubernetes,
        };
        var planView = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["milestones"] = plan.Milestones.Select(m => (object)new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["key"] = m.Key,
                ["title"] = m.Title,
                ["date"] = Long(m.Date),
                ["date_iso"] = m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["time"] = m.At?.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture),
                ["kind"] = m.Kind,
                ["description"] = m.Description,
            }).ToArray(),
            ["missing"] = plan.MissingDates.ToArray(),
            ["calendar"] = DraftRenderer.CalendarFile,
        };
        var webinar = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["date"] = Long(r.Dates.Webinar),
            ["kubernetes"] = kubernetes,
        };

        model["sneak_peek"] = DraftModel.Safe(sneak, config);
        model["feature_blogs"] = DraftModel.Safe(series, config);
        model["plan"] = DraftModel.Safe(planView, config);
        model["webinar"] = DraftModel.Safe(webinar, config);
        ((Dictionary<string, object?>)model["sneak_peek"]!)["front_matter"] = FrontMatter.Write(
        [
            ("layout", "blog", ScalarStyle.Plain),
            ("title", p.Format("titles.sneak_peek", ("project", project), ("version", version)), ScalarStyle.DoubleQuoted),
            ("date", r.Dates.SneakPeek?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "YYYY-MM-DD", ScalarStyle.Any),
            ("slug", peekSlug, ScalarStyle.Any),
            ("draft", "true", ScalarStyle.Plain),
            ("author", author, ScalarStyle.DoubleQuoted),
        ]);
        var posts = (object?[])((Dictionary<string, object?>)model["feature_blogs"]!)["posts"]!;
        for (var i = 0; i < posts.Length; i++)
        {
            var b = plan.Blogs[i];
            ((Dictionary<string, object?>)posts[i]!)["front_matter"] = FrontMatter.Write(
            [
                ("layout", "blog", ScalarStyle.Plain),
                ("title", b.Title, ScalarStyle.DoubleQuoted),
                ("date", b.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "YYYY-MM-DD", ScalarStyle.Any),
                ("slug", b.Slug, ScalarStyle.Any),
                ("draft", "true", ScalarStyle.Plain),
                ("author", b.Writer ?? p.Text("slots.writer"), ScalarStyle.DoubleQuoted),
            ]);
        }
    }

    private static string Slugged(string name) => CyclePlan.Slug(name);

    private static Dictionary<string, object?> Going(GoingItem g, CommsConfig config) => new(StringComparer.Ordinal)
    {
        ["title"] = g.Title,
        // A headline that already says "Deprecated ..." or "Removed ..." is not prefixed again.
        ["says_level"] = g.Title.Contains("deprecat", StringComparison.OrdinalIgnoreCase) || g.Title.Contains("remov", StringComparison.OrdinalIgnoreCase) ||
                         g.Title.StartsWith("Drop", StringComparison.OrdinalIgnoreCase),
        ["level"] = g.Level,
        ["what"] = g.What,
        ["when"] = g.When,
        ["instead"] = g.Instead,
        ["url"] = g.Url,
        ["link_text"] = g.LinkText,
        ["sig"] = (g.Enhancement?.OwningSig ?? g.Note?.Sigs.Order(StringComparer.Ordinal).FirstOrDefault()) is { } sig ? SigNames.Group(sig, config) : null,
        ["kep_id"] = g.Enhancement?.Id,
        ["pr_number"] = g.Note?.PrNumber,
    };

    private static Dictionary<string, object?> Breaking(Comms.Core.Model.ReleaseNote n, CommsConfig config) => new(StringComparer.Ordinal)
    {
        ["title"] = HighlightTitle.Of(n.Text),
        ["text"] = n.Text.Trim(),
        ["pr_number"] = n.PrNumber,
        ["pr_url"] = n.PrUrl,
        ["sigs_label"] = SigNames.Label(n.Sigs, config),
    };

    private static Dictionary<string, object?> Blog(FeatureBlog b, ReleaseModel release, CommsConfig config, string version, Phrases p, string? date)
    {
        var e = b.Enhancement;
        var notes = release.EnhancementNotes.TryGetValue(e.Id, out var n) ? n : [];
        var view = EnhancementViews.View(e, notes, version, config, p);
        view["post_title"] = b.Title;
        view["slug"] = b.Slug;
        view["file"] = "feature-blogs/" + b.FileName;
        view["date"] = date;
        view["date_iso"] = b.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        view["date_given"] = b.DateGiven;
        view["writer"] = b.Writer;
        view["buddy"] = b.Buddy;
        view["sig"] = e.OwningSig is { } sig ? SigNames.Group(sig, config) : null;
        view["url"] = e.TrackingUrl ?? e.ProposalUrl;
        return view;
    }
}
