using System.Globalization;
using Comms.Core.Changelog;
using Comms.Site.Render;
using Comms.Templates;

namespace Comms.Site.Pages;

/// <summary>One page per release (highlights, upgrade notes, notes by section) and its rendered drafts.</summary>
internal static class ReleasePages
{
    // The page's <h1> is the draft's title (its leading "# ..." is dropped); the draft's sections are <h2> and below.
    private static readonly SafeMarkdown Drafts = new(allowRelativeLinks: true, headingShift: 0, headingIds: true, minHeading: 2);

    public static void Write(SiteContext site)
    {
        var sections = new ChangelogSections(site.Request.Config);
        for (var rank = 0; rank < site.Releases.Count; rank++)
        {
            var release = site.Releases[rank];
            var notes = site.Notes[rank];
            site.Advance("release pages", notes.Count);
            var byNumber = release.Notes.Zip(notes).ToArray();
            var groups = byNumber
                .SelectMany(p => sections.SectionsOf(p.First).Take(1).Select(s => (section: s, view: p.Second)))
                .GroupBy(x => x.section, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(x => x.view)
                    .OrderBy(v => v.Html.Html, StringComparer.Ordinal).ThenBy(v => v.Number).ToArray(), StringComparer.Ordinal);
            // The section lists carry each note's anchor (pr-N).
            var ordered = sections.Order(groups.Keys)
                .Select(title => new NoteGroup(title, "kind-" + Slug.Of(title), site.Models(groups[title], anchored: true))).ToArray();
            var highlights = byNumber.Where(p => p.First.Comms.Highlight is { Score: >= 0 } || release.HighlightPrs.Contains(p.First.PrNumber))
                .Select(p => p.Second).ToArray();
            var upgrade = byNumber.Where(p => NoteViews.IsUpgradeNote(p.First)).Select(p => p.Second).ToArray();
            var drafts = DraftLinks(site, release);
            var title = $"{site.Project} {release.Version.Text}";
            site.Page(SitePaths.Release(release), "release", title, new
            {
                Title = title,
                Version = release.Version.Text,
                Date = release.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                release.Codename,
                release.Theme,
                Count = notes.Count,
                Highlights = site.Models(highlights),
                Upgrade = site.Models(upgrade),
                Sections = ordered,
                Drafts = drafts,
                Previous = rank > 0 ? new LinkView(site.Releases[rank - 1].Version.Text, SitePaths.Release(site.Releases[rank - 1])) : null,
                Next = rank + 1 < site.Releases.Count ? new LinkView(site.Releases[rank + 1].Version.Text, SitePaths.Release(site.Releases[rank + 1])) : null,
            });
            WriteDrafts(site, release, title);
        }
    }

    private static LinkView[] DraftLinks(SiteContext site, SiteRelease release)
    {
        var links = new List<LinkView>();
        if (release.Drafts.BlogPost is not null)
        {
            links.Add(new("Blog post", SitePaths.Blog(release)));
        }

        if (release.Drafts.PressBrief is not null)
        {
            links.Add(new("Press brief", SitePaths.Press(release)));
        }

        if (release.Drafts.Changelog is not null)
        {
            links.Add(new("Changelog", SitePaths.Changelog(release)));
        }

        foreach (var audience in site.Request.Audiences.Where(a => release.Drafts.Briefs.ContainsKey(a.Id)))
        {
            links.Add(new($"Brief for {audience.Name.ToLowerInvariant()}", SitePaths.Brief(release, audience.Id)));
        }

        return [.. links];
    }

    private static void WriteDrafts(SiteContext site, SiteRelease release, string title)
    {
        var back = new LinkView(title, SitePaths.Release(release));
        void Doc(string path, string docTitle, string markdown, string page)
        {
            var html = Drafts.ToHtml(markdown, url => site.DraftLinks.Resolve(release, url), dropFirstTitle: true);
            site.Page(path, "doc", docTitle, new { Title = docTitle, Html = new SafeHtml(html), Back = back }, bodyClass: "doc", draft: release.Drafts.Flagged.Contains(page));
        }

        if (release.Drafts.BlogPost is { } blog)
        {
            Doc(SitePaths.Blog(release), release.Drafts.BlogTitle ?? $"{title}: blog post", blog, Publish.DraftPolicy.BlogPage);
        }

        if (release.Drafts.PressBrief is { } press)
        {
            Doc(SitePaths.Press(release), $"{title}: press brief", press, Publish.DraftPolicy.PressPage);
        }

        if (release.Drafts.Changelog is { } changelog)
        {
            Doc(SitePaths.Changelog(release), $"{title}: changelog", changelog, "changelog");
        }

        foreach (var audience in site.Request.Audiences)
        {
            if (release.Drafts.Briefs.TryGetValue(audience.Id, out var brief))
            {
                Doc(SitePaths.Brief(release, audience.Id), $"{title}: brief for {audience.Name.ToLowerInvariant()}", brief, $"brief-{audience.Id}");
            }
        }
    }
}
