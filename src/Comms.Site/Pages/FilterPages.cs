using Comms.Core.Changelog;
using Comms.Site.Render;

namespace Comms.Site.Pages;

/// <summary>
/// The all-notes page (filters over every release) and the upgrade-path page. Both are complete lists without
/// JavaScript; filter.js and upgrade.js hide list items by their data-* attributes and keep the state in the URL.
/// </summary>
internal static class FilterPages
{
    public static void Write(SiteContext site)
    {
        var all = Enumerable.Range(0, site.Releases.Count).SelectMany(rank => site.Notes[rank].Select(v => (rank, v))).ToArray();
        var releases = site.Releases.Select((r, rank) => new OptionView(r.Version.Text, r.Version.Text, rank)).Reverse().ToArray();
        var notes = site.Releases.SelectMany(r => r.Notes).ToArray();
        var config = site.Request.Config;
        site.Page(SitePaths.Notes, "notes", "All notes", new
        {
            Title = "All notes",
            Count = all.Length,
            Releases = releases,
            Sigs = Options(notes.SelectMany(n => n.Sigs), s => SigNames.Display(s, config)),
            Kinds = Options(notes.SelectMany(n => n.Kinds), k => k),
            Areas = Options(notes.SelectMany(n => n.Areas), a => a),
            Audiences = site.Request.Audiences.Select(a => new OptionView(Slug.Of(a.Id), a.Name)).ToArray(),
            Stabilities = Options(notes.Select(n => n.Comms.Stability?.Level).OfType<string>().Where(l => l.Length > 0), l => l),
            Groups = IndexPages.ByRelease(site, all),
        }, ["filter.js"]);

        var upgrade = all.Where(n => n.v.ActionRequired || n.v.Deprecation).ToArray();
        site.Page(SitePaths.Upgrade, "upgrade", "Upgrade path", new
        {
            Title = "Upgrade path",
            Count = upgrade.Length,
            Releases = releases,
            From = releases.Length > 1 ? releases[^1].Value : null,
            To = releases.Length > 0 ? releases[0].Value : null,
            Groups = IndexPages.ByRelease(site, upgrade),
        }, ["upgrade.js"]);
    }

    private static OptionView[] Options(IEnumerable<string> values, Func<string, string> display) =>
        values.Distinct(StringComparer.Ordinal)
            .Select(v => new OptionView(Slug.Of(v), display(v)))
            .GroupBy(o => o.Value, StringComparer.Ordinal).Select(g => g.First())
            .OrderBy(o => o.Text, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Value, StringComparer.Ordinal)
            .ToArray();
}
