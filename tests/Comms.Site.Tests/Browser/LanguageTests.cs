using System.Xml.Linq;
using Comms.Site.Tests.Fixture;
using Comms.TestKit;

namespace Comms.Site.Tests.Browser;

/// <summary>
/// The sample site's pages that exist in several languages (the briefs in English, German and Japanese), in Chromium:
/// each page says its language, links the others in its head (hreflang) and in a language switch that works, and the
/// sitemap names every version of each.
/// </summary>
public sealed class LanguageTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_sitemap_names_every_language_of_a_page()
    {
        var root = SampleSite.Build(_dir);
        var sitemap = XDocument.Load(Path.Combine(root, "sitemap.xml"));
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var urls = sitemap.Root!.Elements(sm + "url").ToDictionary(u => u.Element(sm + "loc")!.Value, u => u.Elements(xhtml + "link").ToArray(), StringComparer.Ordinal);
        const string site = "https://tidewater.example.org/releases/";
        foreach (var page in new[] { "brief-2.4.0-vendor.html", "brief-2.4.0-vendor.de.html", "brief-2.4.0-vendor.ja.html" })
        {
            var links = urls[site + page];
            Assert.Equal(["en", "de", "ja"], links.Select(l => (string)l.Attribute("hreflang")!));
            Assert.Equal([site + "brief-2.4.0-vendor.html", site + "brief-2.4.0-vendor.de.html", site + "brief-2.4.0-vendor.ja.html"], links.Select(l => (string)l.Attribute("href")!));
            Assert.All(links, l => Assert.Equal("alternate", (string)l.Attribute("rel")!));
        }

        // A page in one language only names no alternates.
        Assert.Empty(urls[site + "notes.html"]);
        Assert.All(urls.Keys.Where(u => u.EndsWith(".de.html", StringComparison.Ordinal)), u => Assert.True(File.Exists(Path.Combine(root, u[site.Length..]))));
    }

    /// <summary>
    /// After a click on the switch: the page at <paramref name="file"/> in <paramref name="lang"/>, loaded. Read from the
    /// document itself, not from the browser's navigation events, which a loaded machine can deliver before the wait.
    /// </summary>
    private static Task Arrived(Microsoft.Playwright.IPage page, string file, string lang) =>
        page.WaitForFunctionAsync("([file, lang]) => location.pathname.endsWith('/' + file) && document.readyState === 'complete' && document.documentElement.lang === lang",
            new[] { file, lang });

    [BrowserFact]
    public async Task Each_page_says_its_language_and_the_switch_moves_between_them()
    {
        var root = SampleSite.Build(_dir);
        await using var server = await StaticServer.StartAsync(root);
        var (playwright, browser) = await Chromium.LaunchAsync();
        using (playwright)
        {
            await using (browser)
            {
                var page = await browser.OpenPageAsync();
                var errors = new List<string>();
                page.PageError += (_, e) => errors.Add(e);
                await page.GotoAsync(server.BaseUrl + "brief-2.4.0-vendor.html");
                Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
                Assert.Equal(["en", "de", "ja"], await page.EvalOnSelectorAllAsync<string[]>("head link[rel=alternate][hreflang]", "els => els.map(e => e.hreflang)"));
                Assert.Equal("English", await page.TextContentAsync("nav.languages [aria-current=page]"));

                // To German: the page, its chrome and its language change; the free text the team wrote stays as written.
                await page.ClickAsync("nav.languages a[hreflang=de]");
                await Arrived(page, "brief-2.4.0-vendor.de.html", "de");
                Assert.Equal("de", await page.GetAttributeAsync("html", "lang"));
                Assert.Equal("Deutsch", await page.TextContentAsync("nav.languages [aria-current=page]"));
                Assert.Equal("Zum Inhalt springen", (await page.TextContentAsync("a.skip"))?.Trim());
                Assert.Contains("Auf einen Blick", await page.InnerTextAsync("main"), StringComparison.Ordinal);
                Assert.DoesNotContain("<!--", await page.InnerTextAsync("main"), StringComparison.Ordinal);
                Assert.DoesNotContain("At a glance", await page.InnerTextAsync("main"), StringComparison.Ordinal);

                // To Japanese, and back to English.
                await page.ClickAsync("nav.languages a[hreflang=ja]");
                await Arrived(page, "brief-2.4.0-vendor.ja.html", "ja");
                Assert.Equal("ja", await page.GetAttributeAsync("html", "lang"));
                Assert.Contains("概要", await page.InnerTextAsync("main"), StringComparison.Ordinal);
                await page.ClickAsync("nav.languages a[hreflang=en]");
                await Arrived(page, "brief-2.4.0-vendor.html", "en");
                Assert.Contains("At a glance", await page.InnerTextAsync("main"), StringComparison.Ordinal);

                // A page in one language has no switch.
                await page.GotoAsync(server.BaseUrl + "notes.html");
                Assert.Equal(0, await page.Locator("nav.languages").CountAsync());
                Assert.Empty(errors);
            }
        }
    }
}
