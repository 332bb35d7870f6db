using System.Text;
using System.Xml;
using Comms.Site.Pages;

namespace Comms.Site.Feeds;

/// <summary><c>sitemap.xml</c> of every HTML page, with absolute URLs from <c>site_url</c>; without it no sitemap is written (the format allows only absolute URLs).</summary>
internal static class Sitemap
{
    public static void Write(SiteContext site)
    {
        if (site.SiteUrl is not { } baseUrl)
        {
            return;
        }

        var sb = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using (var w = XmlWriter.Create(sb, settings))
        {
            const string ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
            const string xhtml = "http://www.w3.org/1999/xhtml";
            w.WriteStartElement("urlset", ns);
            if (site.Alternates.Count > 0)
            {
                w.WriteAttributeString("xmlns", "xhtml", null, xhtml);
            }

            foreach (var page in site.Pages.Where(p => p != SitePaths.NotFound).Order(StringComparer.Ordinal))
            {
                w.WriteStartElement("url", ns);
                w.WriteElementString("loc", ns, AtomFeeds.XmlSafe(baseUrl + page));
                // A page in several languages names each version (itself included), as search engines ask.
                foreach (var version in site.Alternates.GetValueOrDefault(page) ?? [])
                {
                    w.WriteStartElement("xhtml", "link", xhtml);
                    w.WriteAttributeString("rel", "alternate");
                    w.WriteAttributeString("hreflang", version.Lang);
                    w.WriteAttributeString("href", AtomFeeds.XmlSafe(baseUrl + version.Href));
                    w.WriteEndElement();
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        site.Write("sitemap.xml", sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal) + "\n");
    }
}
