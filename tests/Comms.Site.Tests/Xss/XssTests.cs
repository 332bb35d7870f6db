using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Comms.Site.Tests.Xss;

public sealed class XssTests(XssSite site) : IClassFixture<XssSite>
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "srcdoc"];
    private static readonly string[] ThemeScripts = ["assets/filter.js", "assets/upgrade.js", "assets/data/index.js"];

    /// <summary>The notes' &lt;li&gt; HTML from the all-notes page's data shards, as one document.</summary>
    internal static string ShardHtml(string root) =>
        string.Concat(Directory.GetFiles(Path.Combine(root, "assets", "data"), "notes-*.js").Order(StringComparer.Ordinal).SelectMany(file =>
        {
            var text = File.ReadAllText(file);
            using var json = System.Text.Json.JsonDocument.Parse(text["commsNotes(".Length..text.LastIndexOf(')')]);
            return json.RootElement.GetProperty("n").EnumerateArray().Select(n => n[1].GetString()!).ToArray();
        }));

    [Fact]
    public void At_least_a_hundred_payloads_go_through_the_whole_pipeline()
    {
        Assert.True(site.Payloads.Count >= 100, $"only {site.Payloads.Count} payloads");
        Assert.Equal(site.Payloads.Count, site.NoteCount);
        using var doc = new HtmlParser().ParseDocument("<main><ul>" + ShardHtml(site.Root) + "</ul></main>");
        Assert.Equal(site.Payloads.Count, doc.QuerySelectorAll("li.note").Length);
        // The payloads are shown as text: the reader sees exactly what the PR said.
        Assert.Contains("<script>alert(1)</script>", doc.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void The_xss_site_has_no_broken_link_or_anchor()
    {
        var broken = LinkChecker.Check(site.Root);
        Assert.True(broken.Count == 0, string.Join("\n", broken.Take(30)));
    }

    [Fact]
    public void No_page_has_a_foreign_script_an_event_handler_or_a_script_url()
    {
        var parser = new HtmlParser();
        var problems = new List<string>();
        foreach (var file in Directory.GetFiles(site.Root, "*.html"))
        {
            using var doc = parser.ParseDocument(File.ReadAllText(file));
            problems.AddRange(Check(doc, Path.GetFileName(file)));
        }

        using (var shards = parser.ParseDocument("<ul>" + ShardHtml(site.Root) + "</ul>"))
        {
            problems.AddRange(Check(shards, "assets/data/notes-*.js"));
        }

        foreach (var feed in Directory.GetFiles(Path.Combine(site.Root, "feeds"), "*.atom"))
        {
            var xml = XDocument.Load(feed);
            foreach (var content in xml.Descendants().Where(e => e.Name.LocalName == "content" || (string?)e.Attribute("type") == "html"))
            {
                using var doc = parser.ParseDocument(content.Value);
                problems.AddRange(Check(doc, Path.GetFileName(feed)));
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(40)));
    }

    private static IEnumerable<string> Check(IDocument doc, string name)
    {
        foreach (var script in doc.QuerySelectorAll("script"))
        {
            // The 404 page's one inline script is allowed by its hash in that page's CSP; no other inline script is.
            var hash = "'sha256-" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(script.TextContent))) + "'";
            var allowedInline = name == "404.html" && script.TextContent == Pages.IndexPages.BaseScript &&
                                (doc.QuerySelector("meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content") ?? string.Empty).Contains(hash, StringComparison.Ordinal);
            if (allowedInline)
            {
                continue;
            }

            if (!ThemeScripts.Contains(script.GetAttribute("src")) || script.TextContent.Length > 0)
            {
                yield return $"{name}: script {script.OuterHtml}";
            }
        }

        foreach (var element in doc.All)
        {
            if (element.LocalName is "iframe" or "object" or "embed" or "base" or "frame" or "frameset" or "svg" or "math" or "img" or "style" or "form" && name.EndsWith(".atom", StringComparison.Ordinal) is false && element.Id != "filters" && element.Id != "upgrade-form")
            {
                yield return $"{name}: element {element.LocalName}";
            }

            if (element.LocalName == "meta" && element.GetAttribute("http-equiv") is { } equiv && !equiv.Equals("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
            {
                yield return $"{name}: meta {element.OuterHtml}";
            }

            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || attribute.Name == "style")
                {
                    yield return $"{name}: attribute {attribute.Name} on {element.LocalName}";
                }

                if (UrlAttributes.Contains(attribute.Name.ToLowerInvariant()))
                {
                    var squeezed = new string(attribute.Value.Where(c => c > ' ').ToArray()).ToLowerInvariant();
                    if (squeezed.StartsWith("javascript:", StringComparison.Ordinal) || squeezed.StartsWith("data:", StringComparison.Ordinal) ||
                        squeezed.StartsWith("vbscript:", StringComparison.Ordinal))
                    {
                        yield return $"{name}: {attribute.Name}={attribute.Value}";
                    }
                }
            }
        }
    }
}
