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
        site.Page(SitePaths.NotFound, "404", "Page not found", new { Home = SitePaths.Home });
    }

    private static void Home(SiteContext site)
    {
        var latest = site.Latest;
        var archive = site.Releases.Reverse()
            .GroupBy(r => r.Version.Numbers.Count >= 2
                ? string.Create(CultureInfo.InvariantCulture, $"{r.Version.Numbers[0]}.{r.Version.Numbers[1]}")
                : r.Version.Text, StringComparer.Ordinal)
            .Select(g => new
            {
                Title = g.Key,
                Id = "v" + Slug.Of(g.Key),
                Releases = g.Select(r => new
                {
                    Text = r.Version.Text,
                    Href = SitePaths.Release(r),
                    Date = r.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Count = r.Notes.Count,
                }).ToArray(),
            }).ToArray();
        site.Page(SitePaths.Home, "home", site.Project + " releases", new
        {
            site.Project,
            site.Request.Config.Project.Description,
            Latest = latest is null ? null : new
            {
                Text = latest.Version.Text,
                Href = SitePaths.Release(latest),
                Date = latest.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Count = latest.Notes.Count,
                latest.Theme,
                latest.Codename,
            },
            Archive = archive,
            NoteCount = site.Notes.Sum(n => n.Count),
            ReleaseCount = site.Releases.Count,
            Audiences = site.Request.Audiences.Select(a => new LinkView(a.Name, SitePaths.Audience(a.Id))).ToArray(),
            site.Feeds,
            SigIndex = false,
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

        var index = bySig.Select(s => new { Text = SigNames.Display(s.Key, site.Request.Config), Href = SitePaths.Sig(s.Key), Count = s.Value.Count })
            .OrderBy(s => s.Text, StringComparer.Ordinal).ThenBy(s => s.Href, StringComparer.Ordinal).ToArray();
        site.Page(SitePaths.Sigs, "home", "SIGs", new { site.Project, Sigs = index, SigIndex = true });
        foreach (var (sig, notes) in bySig)
        {
            var name = "SIG " + SigNames.Display(sig, site.Request.Config);
            site.Page(SitePaths.Sig(sig), "sig", name, new { Title = name, Count = notes.Count, Groups = ByRelease(site, notes) });
        }
    }

    private static void Audiences(SiteContext site)
    {
        var briefs = new SafeMarkdown(allowRelativeLinks: true, headingShift: 2);
        foreach (var audience in site.Request.Audiences)
        {
            var notes = new List<(int Rank, NoteView View)>();
            for (var rank = 0; rank < site.Releases.Count; rank++)
            {
                notes.AddRange(site.Notes[rank].Where(v => v.Audiences.Contains(audience.Id, StringComparer.Ordinal)).Select(v => (rank, v)));
            }

            var withBrief = site.Releases.Where(r => r.Drafts.Briefs.ContainsKey(audience.Id)).ToArray();
            var latest = withBrief.LastOrDefault();
            site.Page(SitePaths.Audience(audience.Id), "audience", $"{site.Project} for {audience.Name.ToLowerInvariant()}", new
            {
                Title = $"{site.Project} for {audience.Name.ToLowerInvariant()}",
                audience.Name,
                Feed = SitePaths.AudienceFeed(audience.Id),
                Brief = latest is null ? null : new SafeHtml(briefs.ToHtml(latest.Drafts.Briefs[audience.Id])),
                BriefRelease = latest?.Version.Text,
                Briefs = withBrief.Reverse().Select(r => new LinkView(r.Version.Text, SitePaths.Brief(r, audience.Id))).ToArray(),
                Count = notes.Count,
                Groups = ByRelease(site, notes),
            });
        }
    }

    /// <summary>Notes grouped by release, newest release first.</summary>
    public static NoteGroup[] ByRelease(SiteContext site, IEnumerable<(int Rank, NoteView View)> notes) =>
        notes.GroupBy(n => n.Rank)
            .OrderByDescending(g => g.Key)
            .Select(g => new NoteGroup(site.Releases[g.Key].Version.Text, "r-" + SitePaths.VersionSlug(site.Releases[g.Key]),
                g.Select(n => n.View).ToArray(), g.Key, SitePaths.Release(site.Releases[g.Key])))
            .ToArray();
}
