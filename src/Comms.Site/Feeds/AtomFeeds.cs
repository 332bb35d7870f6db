using System.Globalization;
using System.Text;
using System.Xml;
using Comms.Site.Pages;

namespace Comms.Site.Feeds;

/// <summary>Atom feeds: one entry per release, overall and per audience. Dates come from release.yaml, never the clock.</summary>
internal static class AtomFeeds
{
    private static readonly DateOnly Undated = new(1970, 1, 1);
    private static readonly Render.SafeMarkdown Briefs = new(allowRelativeLinks: true, headingShift: 1);

    public static void Write(SiteContext site)
    {
        var project = site.Project;
        var entries = Enumerable.Range(0, site.Releases.Count).Reverse().Select(rank => Entry(site, rank, "release", site.Notes[rank])).ToArray();
        site.Write(SitePaths.FeedAll, Feed(site, $"{project} releases", "all", SitePaths.Home, entries));
        foreach (var audience in site.Request.Audiences)
        {
            var list = Enumerable.Range(0, site.Releases.Count).Reverse()
                .Select(rank => (rank, notes: site.Notes[rank].Where(v => v.Audiences.Contains(audience.Id, StringComparer.Ordinal)).ToArray()))
                .Where(x => x.notes.Length > 0 || site.Releases[x.rank].Drafts.Briefs.ContainsKey(audience.Id))
                .Select(x => Entry(site, x.rank, audience.Id, x.notes)).ToArray();
            site.Write(SitePaths.AudienceFeed(audience.Id), Feed(site, $"{project} for {audience.Name.ToLowerInvariant()}", audience.Id, SitePaths.Audience(audience.Id), list));
        }
    }

    private sealed record FeedEntry(string Id, string Title, string Href, DateOnly Date, string Html);

    private static FeedEntry Entry(SiteContext site, int rank, string feed, IReadOnlyList<NoteView> notes)
    {
        var release = site.Releases[rank];
        var html = new StringBuilder();
        if (release.Drafts.Briefs.TryGetValue(feed, out var brief))
        {
            html.Append(Briefs.ToHtml(brief));
        }

        var action = notes.Count(n => n.ActionRequired);
        html.Append(CultureInfo.InvariantCulture, $"<p>{notes.Count} notes, {action} action required.</p><ul>");
        foreach (var note in notes.Where(n => n.ActionRequired || feed != "release").Take(50))
        {
            html.Append("<li>").Append(note.Html.Html).Append("</li>");
        }

        html.Append("</ul>");
        return new FeedEntry($"{Slug(site)}:{feed}:{release.Version.Text}", $"{site.Project} {release.Version.Text}",
            SitePaths.Release(release), release.Date ?? Undated, html.ToString());
    }

    private static string Slug(SiteContext site) => "urn:comms:" + Render.Slug.Of(site.Project);

    private static string Feed(SiteContext site, string title, string id, string alternate, IReadOnlyList<FeedEntry> entries)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n", OmitXmlDeclaration = false };
        var sb = new StringBuilder();
        using (var w = XmlWriter.Create(new StringWriterUtf8(sb), settings))
        {
            const string ns = "http://www.w3.org/2005/Atom";
            w.WriteStartElement("feed", ns);
            var baseUrl = BaseUrl(site);
            if (baseUrl is not null)
            {
                w.WriteAttributeString("xml", "base", null, baseUrl);
            }

            w.WriteElementString("id", ns, $"{Slug(site)}:{id}");
            w.WriteElementString("title", ns, XmlSafe(title));
            var updated = entries.Count == 0 ? Undated : entries.Max(e => e.Date);
            w.WriteElementString("updated", ns, Stamp(updated));
            Link(w, ns, alternate, "alternate");
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

    internal static string? BaseUrl(SiteContext site) =>
        Render.SafeUrl.Clean(site.Request.Config.Project.Url) is { } url ? url.TrimEnd('/') + "/" : null;

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
