using System.Globalization;
using System.Text;
using System.Xml;
using Comms.Site.Pages;

namespace Comms.Site.Feeds;

/// <summary>
/// Atom feeds: one entry per dated release, overall and per audience. Dates come from release.yaml (else the day the
/// release's newest PR was merged), never the clock; a release with neither is left out of the feeds. Links are
/// absolute from <c>site_url</c>, else relative to the feed's own folder.
/// </summary>
internal static class AtomFeeds
{
    private static readonly Render.SafeMarkdown Briefs = new(allowRelativeLinks: true, headingShift: 1, minHeading: 2);

    public static void Write(SiteContext site)
    {
        var project = site.Project;
        if (site.SiteUrl is null)
        {
            site.Warning(SiteCodes.SiteUrlMissing, "site_url is not set in comms.yaml: the feeds use links relative to their folder and no sitemap.xml is written; set site_url to the address the site is published at");
        }

        var undated = site.Releases.Where((_, rank) => site.Dates[rank] is null).Select(r => r.Version.Text).ToArray();
        if (undated.Length > 0)
        {
            site.Warning(SiteCodes.ReleaseUndated, $"{undated.Length} release(s) have no release_date in release.yaml and no merge date on any note, so the feeds leave them out: {string.Join(", ", undated.Take(5))}{(undated.Length > 5 ? ", ..." : string.Empty)}");
        }

        var feeds = site.Feeds.Select(f => f.Href).ToHashSet(StringComparer.Ordinal);
        if (feeds.Contains(SitePaths.FeedAll))
        {
            var entries = site.FeedRanks("release").Select(rank => Entry(site, rank, "release", site.Notes[rank])).ToArray();
            site.Write(SitePaths.FeedAll, Feed(site, site.English.Format("site.brand", ("project", project)), "all", SitePaths.FeedAll, SitePaths.Home, entries));
        }

        foreach (var audience in site.Request.Audiences.Where(a => feeds.Contains(SitePaths.AudienceFeed(a.Id))))
        {
            var list = site.FeedRanks(audience.Id)
                .Select(rank => Entry(site, rank, audience.Id, site.Notes[rank].Where(v => v.Audiences.Contains(audience.Id, StringComparer.Ordinal)).ToArray()))
                .ToArray();
            site.Write(SitePaths.AudienceFeed(audience.Id), Feed(site, site.English.Format("site.feed_for", ("project", project), ("audience", audience.Name.ToLowerInvariant())), audience.Id,
                SitePaths.AudienceFeed(audience.Id), SitePaths.Audience(audience.Id), list));
        }
    }

    private sealed record FeedEntry(string Id, string Title, string Href, DateOnly Date, string Html);

    /// <summary>A page's href as written in a feed: absolute from site_url, else relative to <c>feeds/</c>.</summary>
    private static string Href(SiteContext site, string page) => (site.SiteUrl ?? "../") + page;

    private static FeedEntry Entry(SiteContext site, int rank, string feed, IReadOnlyList<NoteView> notes)
    {
        var release = site.Releases[rank];
        var html = new StringBuilder();
        if (release.Drafts.Briefs.TryGetValue(feed, out var brief) && brief.Length > Pages.IndexPages.InlineBrief)
        {
            html.Append("<p><a href=\"").Append(Href(site, SitePaths.Brief(release, feed))).Append("\">Read the brief</a></p>");
        }
        else if (brief is not null)
        {
            html.Append(Briefs.ToHtml(brief, url => site.DraftLinks.Resolve(release, url, site.SiteUrl ?? "../") is { } href && !href.StartsWith('#') ? href : null));
        }

        var action = notes.Count(n => n.ActionRequired);
        html.Append(CultureInfo.InvariantCulture, $"<p>{notes.Count} notes, {action} action required.</p><ul>");
        foreach (var note in notes.Where(n => n.ActionRequired || feed != "release").Take(50))
        {
            html.Append("<li>").Append(note.Html.Html).Append("</li>");
        }

        html.Append("</ul>");
        return new FeedEntry($"{Slug(site)}:{feed}:{release.Version.Text}", $"{site.Project} {release.Version.Text}",
            Href(site, SitePaths.Release(release)), site.Dates[rank]!.Value, html.ToString());
    }

    private static string Slug(SiteContext site) => "urn:comms:" + Render.Slug.Of(site.Project);

    private static string Feed(SiteContext site, string title, string id, string self, string alternate, IReadOnlyList<FeedEntry> entries)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n", OmitXmlDeclaration = false };
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(new StringWriterUtf8(sb), settings))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            w.WriteStartElement("feed", ns);
            w.WriteElementString("id", ns, $"{Slug(site)}:{id}");
            w.WriteElementString("title", ns, XmlSafe(title));
            w.WriteElementString("updated", ns, Stamp(entries.Max(e => e.Date)));
            Link(w, ns, Href(site, alternate), "alternate");
            // The feed's own address: relative to its folder when there is no site_url.
            Link(w, ns, site.SiteUrl is null ? Path.GetFileName(self) : site.SiteUrl + self, "self");
            w.WriteStartElement("author", ns);
            w.WriteElementString("name", ns, XmlSafe(site.Project));
            w.WriteEndElement();
            foreach (var e in entries)
            {
                w.WriteStartElement("entry", ns);
                w.WriteElementString("id", ns, XmlSafe(e.Id));
                w.WriteElementString("title", ns, XmlSafe(e.Title));
                w.WriteElementString("updated", ns, Stamp(e.Date));
                Link(w, ns, e.Href, "alternate");
                w.WriteStartElement("content", ns);
                w.WriteAttributeString("type", "html");
                w.WriteString(XmlSafe(e.Html));
                w.WriteEndElement();
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        return sb.ToString() + "\n";
    }

    /// <summary>Drops characters XML cannot carry (control characters from untrusted text).</summary>
    internal static string XmlSafe(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                sb.Append(text[i]);
            }
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                sb.Append(text, i, 2);
                i++;
            }
        }

        return sb.ToString();
    }

    private static void Link(XmlWriter w, string ns, string href, string rel)
    {
        w.WriteStartElement("link", ns);
        w.WriteAttributeString("rel", rel);
        w.WriteAttributeString("href", XmlSafe(href));
        w.WriteEndElement();
    }

    private static string Stamp(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private sealed class StringWriterUtf8(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
