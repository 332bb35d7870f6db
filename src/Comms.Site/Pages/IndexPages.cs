using System.Globalization;
using Comms.Core.Changelog;
using Comms.Site.Render;
using Comms.Templates;

namespace Comms.Site.Pages;

/// <summary>The home page, the SIG pages and index, the audience pages and the 404 page.</summary>
internal static class IndexPages
{
    public static void Write(SiteContext site)
    {
        Home(site);
        Sigs(site);
        Audiences(site);
        NotFound(site);
    }

    /// <summary>
    /// Finds the site's folder from a 404 page served at any depth: the deepest folder of the address that holds the
    /// site's icon is the site's top folder; every relative link of the page is then made to start there.
    /// </summary>
    internal const string BaseScript =
        "document.addEventListener('DOMContentLoaded',function(){var p=location.pathname.split('/');p.pop();" +
        "function fix(b){document.querySelectorAll('a[href],link[href]').forEach(function(e){var h=e.getAttribute('href');" +
        "if(!/^([a-z][a-z0-9+.-]*:|#|\\/)/i.test(h)){e.setAttribute('href',b+h);}});document.documentElement.setAttribute('data-base',b);}" +
        "function probe(i){if(i<1){return;}var b=p.slice(0,i).join('/')+'/';" +
        "fetch(b+'assets/favicon.svg',{method:'HEAD'}).then(function(r){if(r.ok){fix(b);}else{probe(i-1);}},function(){probe(i-1);});}" +
        "if(location.protocol!=='file:'){probe(p.length);}});";

    private static void NotFound(SiteContext site)
    {
        if (site.SiteUrl is { } url)
        {
            // Served at any depth: every link of the page is absolute.
            site.Page(SitePaths.NotFound, "404", site.English.Text("site.not_found.title"), new ScriptFields { { "Home", url + SitePaths.Home }, { "Script", false } }, frame: f => f with { Base = url });
            return;
        }

        var hash = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(BaseScript)));
        site.Page(SitePaths.NotFound, "404", site.English.Text("site.not_found.title"), new ScriptFields { { "Home", SitePaths.Home }, { "Script", true } }, frame: f => f with
        {
            InlineScript = new SafeHtml(BaseScript),
            ScriptSources = $"'self' 'sha256-{hash}'",
            ConnectSources = "'self'",
        });
    }

    private static void Home(SiteContext site)
    {
        var latest = site.Latest;
        var archive = site.Releases.Reverse()
            .GroupBy(r => r.Version.Numbers.Count >= 2
                ? string.Create(CultureInfo.InvariantCulture, $"{r.Version.Numbers[0]}.{r.Version.Numbers[1]}")
                : r.Version.Text, StringComparer.Ordinal)
            .Select(g => new ScriptFields
            {
                { "Title", g.Key },
                { "Id", "v" + Slug.Of(g.Key) },
                {
                    "Releases", g.Select(r => new ScriptFields
                    {
                        { "Text", r.Version.Text },
                        { "Href", SitePaths.Release(r) },
                        { "Date", r.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                        { "Count", r.Notes.Count },
                    }).ToArray()
                },
            }).ToArray();
        site.Page(SitePaths.Home, "home", site.English.Format("site.brand", ("project", site.Project)), new ScriptFields
        {
            { "Project", site.Project },
            { "Description", site.Request.Config.Project.Description },
            {
                "Latest", latest is null ? null : new ScriptFields
                {
                    { "Text", latest.Version.Text },
                    { "Href", SitePaths.Release(latest) },
                    { "Date", latest.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
                    { "Count", latest.Notes.Count },
                    { "Theme", latest.Theme },
                    { "Codename", latest.Codename },
                }
            },
            { "Archive", archive },
            { "NoteCount", site.Notes.Sum(n => n.Count) },
            { "ReleaseCount", site.Releases.Count },
            { "Audiences", site.Request.Audiences.Select(a => new LinkView(a.Name, SitePaths.Audience(a.Id))).ToArray() },
            { "Feeds", site.Feeds },
            { "SigIndex", false },
        });
    }

    private static void Sigs(SiteContext site)
    {
        var bySig = new SortedDictionary<string, List<(int Rank, NoteView View)>>(StringComparer.Ordinal);
        for (var rank = 0; rank < site.Releases.Count; rank++)
        {
            foreach (var (note, view) in site.Releases[rank].Notes.Zip(site.Notes[rank]))
            {
                foreach (var sig in note.Sigs.Distinct(StringComparer.Ordinal))
                {
                    if (!bySig.TryGetValue(sig, out var list))
                    {
                        bySig[sig] = list = [];
                    }

                    list.Add((rank, view));
                }
            }
        }

        var index = bySig.Select(s => (Text: SigNames.Display(s.Key, site.Request.Config), Href: SitePaths.Sig(s.Key), s.Value.Count))
            .OrderBy(s => s.Text, StringComparer.Ordinal).ThenBy(s => s.Href, StringComparer.Ordinal)
            .Select(s => new ScriptFields { { "Text", s.Text }, { "Href", s.Href }, { "Count", s.Count } }).ToArray();
        site.Page(SitePaths.Sigs, "home", site.English.Text("site.home.sigs"), new ScriptFields { { "Project", site.Project }, { "Sigs", index }, { "SigIndex", true } });
        foreach (var (sig, notes) in bySig)
        {
            var name = SigNames.Group(sig, site.Request.Config);
            var (groups, more) = Capped(site, notes, $"{SitePaths.Notes}#pre=1&sig={NoteViews.HashValue(sig)}", $"all {notes.Count} notes of {name}");
            site.Page(SitePaths.Sig(sig), "sig", name, new ScriptFields { { "Title", name }, { "Count", notes.Count }, { "Groups", groups }, { "More", more } });
        }
    }

    private static void Audiences(SiteContext site)
    {
        var briefs = new SafeMarkdown(allowRelativeLinks: true, headingShift: 1, headingIds: true, minHeading: 3);
        foreach (var audience in site.Request.Audiences)
        {
            var notes = new List<(int Rank, NoteView View)>();
            for (var rank = 0; rank < site.Releases.Count; rank++)
            {
                notes.AddRange(site.Notes[rank].Where(v => v.Audiences.Contains(audience.Id, StringComparer.Ordinal)).Select(v => (rank, v)));
            }

            var withBrief = site.Releases.Where(r => r.Drafts.Briefs.ContainsKey(audience.Id)).ToArray();
            var capped = Capped(site, notes, $"{SitePaths.Notes}#pre=1&audience={NoteViews.HashValue(audience.Id)}", $"all {notes.Count} notes for {audience.Name.ToLowerInvariant()}");
            var latest = withBrief.LastOrDefault();
            site.Page(SitePaths.Audience(audience.Id), "audience", $"{site.Project} for {audience.Name.ToLowerInvariant()}", new ScriptFields
            {
                { "Title", $"{site.Project} for {audience.Name.ToLowerInvariant()}" },
                { "Name", audience.Name },
                { "Feed", site.FeedRanks(audience.Id).Count > 0 ? SitePaths.AudienceFeed(audience.Id) : null },
                // A long brief is not repeated here: its own page has it.
                {
                    "Brief", latest is null || latest.Drafts.Briefs[audience.Id].Length > InlineBrief ? null
                        : new SafeHtml(briefs.ToHtml(latest.Drafts.Briefs[audience.Id], url => site.DraftLinks.Resolve(latest, url), dropFirstTitle: true))
                },
                { "BriefRelease", latest?.Version.Text },
                { "Briefs", withBrief.Reverse().Select(r => new LinkView(r.Version.Text, SitePaths.Brief(r, audience.Id))).ToArray() },
                { "Count", notes.Count },
                { "Groups", capped.Groups },
                { "More", capped.More },
            });
        }
    }

    /// <summary>A brief longer than this (characters of Markdown) is linked from the audience page and the feeds, not copied into them.</summary>
    public const int InlineBrief = 64 * 1024;

    /// <summary>How many notes a SIG or audience page lists before it points at the all-notes page for the rest.</summary>
    public const int PageNotes = 2000;

    /// <summary>
    /// The newest <see cref="PageNotes"/> notes grouped by release, and, when there are more, a link to all of them on the
    /// all-notes page (every release page still lists all of its notes): a page stays readable at any scale.
    /// </summary>
    private static (NoteGroup[] Groups, LinkView? More) Capped(SiteContext site, List<(int Rank, NoteView View)> notes, string href, string text)
    {
        if (notes.Count <= PageNotes)
        {
            return (ByRelease(site, notes), null);
        }

        var newest = notes.OrderByDescending(n => n.Rank).Take(PageNotes).ToArray();
        return (ByRelease(site, newest), new LinkView($"See {text} on the all-notes page", href));
    }

    /// <summary>Notes grouped by release, newest release first.</summary>
    public static NoteGroup[] ByRelease(SiteContext site, IEnumerable<(int Rank, NoteView View)> notes) =>
        notes.GroupBy(n => n.Rank)
            .OrderByDescending(g => g.Key)
            .Select(g => new NoteGroup(site.Releases[g.Key].Version.Text, "r-" + SitePaths.VersionSlug(site.Releases[g.Key]),
                site.Models(g.Select(n => n.View)), g.Key, SitePaths.Release(site.Releases[g.Key])))
            .ToArray();
}
