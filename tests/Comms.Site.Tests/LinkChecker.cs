using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Comms.Site.Tests;

/// <summary>Checks every internal link and anchor of a built site with AngleSharp.</summary>
public static class LinkChecker
{
    public static IReadOnlyList<string> Check(string siteRoot)
    {
        var parser = new HtmlParser();
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var links = new List<(string Page, string Href)>();
        foreach (var file in Directory.GetFiles(siteRoot, "*.html", SearchOption.AllDirectories))
        {
            var page = Path.GetRelativePath(siteRoot, file).Replace('\\', '/');
            using var doc = parser.ParseDocument(File.ReadAllText(file));
            ids[page] = doc.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
            foreach (var el in doc.QuerySelectorAll("a[href], link[href]"))
            {
                links.Add((page, el.GetAttribute("href")!));
            }

            foreach (var el in doc.QuerySelectorAll("script[src], img[src]"))
            {
                links.Add((page, el.GetAttribute("src")!));
            }
        }

        var broken = new List<string>();
        foreach (var (page, href) in links)
        {
            if (href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith("https://", StringComparison.Ordinal) ||
                href.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            if (href.StartsWith('/') || href.Contains(':', StringComparison.Ordinal))
            {
                broken.Add($"{page}: not a relative link: {href}");
                continue;
            }

            var hash = href.IndexOf('#', StringComparison.Ordinal);
            var path = hash < 0 ? href : href[..hash];
            var fragment = hash < 0 ? null : Uri.UnescapeDataString(href[(hash + 1)..]);
            var target = path.Length == 0 ? page : Normalize(Path.GetDirectoryName(page)!, path);
            if (!File.Exists(Path.Combine(siteRoot, target)))
            {
                broken.Add($"{page}: missing file {href}");
            }
            else if (fragment is { Length: > 0 } && fragment.Contains('=', StringComparison.Ordinal) && target is "notes.html" or "upgrade.html")
            {
                // A filter state (notes.html#kind=bug), read by the page's script, not an anchor.
            }
            else if (fragment is { Length: > 0 } && (!ids.TryGetValue(target, out var set) || !set.Contains(fragment)))
            {
                broken.Add($"{page}: missing anchor {href}");
            }
        }

        return broken;
    }

    private static string Normalize(string folder, string relative)
    {
        var parts = new List<string>(folder.Length == 0 ? [] : folder.Split('/'));
        foreach (var part in relative.Split('/'))
        {
            if (part == "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
