using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.TestKit;

namespace Comms.Site.Tests;

/// <summary>A release of thousands of notes: its page is split so the first HTML stays small, and every note stays reachable.</summary>
public sealed partial class LargeReleaseTests
{
    private const int Count = 3000;

    [GeneratedRegex(@"id=""pr-(\d+)""")]
    private static partial Regex Anchor();

    [GeneratedRegex(@"class=\\?""perma\\?"" href=\\?""([^""\\]+)\\?""")]
    private static partial Regex Perma();

    [GeneratedRegex(@"class=""pages""><p>.*?</p><ul class=""inline"">(.*?)</ul></nav>")]
    private static partial Regex PageList();

    private static string Build(TempDir dir)
    {
        var kinds = new[] { "bug", "feature", "cleanup", "api-change", "deprecation", "documentation" };
        var notes = new JsonObject();
        for (var n = 1; n <= Count; n++)
        {
            notes[n.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new JsonObject
            {
                ["pr_number"] = n,
                ["text"] = $"Change number {n} to the {(n % 7 == 0 ? "scheduler" : "node agent")}, with enough words to look like a real note.",
                ["author"] = "dev",
                ["pr_url"] = $"https://github.com/example/project/pull/{n}",
                ["kinds"] = new JsonArray(kinds[n % kinds.Length]),
                ["sigs"] = new JsonArray(n % 3 == 0 ? "node" : "apps"),
                ["action_required"] = n % 30 == 0,
            };
        }

        dir.File("release-notes/v5.0.0/notes.json", notes.ToJsonString());
        dir.File("release-notes/v5.0.0/release.yaml", "version: v5.0.0\nrelease_date: 2026-05-01\n");
        var d = new DiagnosticBag();
        var output = Path.Combine(dir.Path, "site");
        var ok = SiteBuilder.Build(new SiteRequest
        {
            OutputFolder = output,
            Releases = SiteLoader.Load(Path.Combine(dir.Path, "release-notes"), CommsConfig.Kubernetes, d).ToList(),
            Config = CommsConfig.Kubernetes,
            ThemeFolders = [Fixture.Sites.DefaultTheme],
        }, d);
        Assert.True(ok && !d.HasErrors, string.Join("\n", d.Sorted()));
        return output;
    }

    [Fact]
    public void Every_note_of_a_large_release_is_on_one_page_of_it_and_every_link_resolves()
    {
        using var dir = new TempDir();
        var site = Build(dir);
        var first = Path.Combine(site, "release-5.0.0.html");
        Assert.True(new FileInfo(first).Length <= 200 * 1024, $"the first page is {new FileInfo(first).Length} bytes");

        var pages = Directory.GetFiles(site, "release-5.0.0*.html").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal((Count + Pages.ReleasePages.PageNotes - 1) / Pages.ReleasePages.PageNotes, pages.Length);
        // Each note's anchor is on exactly one page, and the first page links to every page.
        var home = new Dictionary<int, string>();
        foreach (var page in pages)
        {
            foreach (Match m in Anchor().Matches(File.ReadAllText(Path.Combine(site, page!))))
            {
                Assert.True(home.TryAdd(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), page!), $"#pr-{m.Groups[1].Value} twice");
            }
        }

        Assert.Equal(Enumerable.Range(1, Count), home.Keys.Order());
        var firstHtml = File.ReadAllText(first);
        Assert.All(pages.Where(p => p != "release-5.0.0.html"), p => Assert.Contains($"href=\"{p}\"", firstHtml, StringComparison.Ordinal));
        Assert.Contains("upgrade notes of this release are on the upgrade path page", firstHtml, StringComparison.Ordinal);

        // A later page lists the first and last pages and its neighbours (so page lists grow linearly, not as the square).
        var middle = File.ReadAllText(Path.Combine(site, "release-5.0.0-10.html"));
        var list = PageList().Match(middle).Groups[1].Value;
        var expected = "<li><a href=\"release-5.0.0.html\">1</a></li><li><span aria-hidden=\"true\">\u2026</span></li>" +
                       string.Concat(Enumerable.Range(7, 3).Select(p => $"<li><a href=\"release-5.0.0-{p}.html\">{p}</a></li>")) +
                       "<li><strong aria-current=\"page\">10</strong></li>" +
                       string.Concat(Enumerable.Range(11, 3).Select(p => $"<li><a href=\"release-5.0.0-{p}.html\">{p}</a></li>")) +
                       $"<li><span aria-hidden=\"true\">\u2026</span></li><li><a href=\"release-5.0.0-{pages.Length}.html\">{pages.Length}</a></li>";
        Assert.Equal(expected, list);
        Assert.Equal(pages.Length, PageList().Match(firstHtml).Groups[1].Value.Split("<li>").Length - 1);

        // Every permalink the notes page's data gives lands on the page that holds the note.
        var perma = Directory.GetFiles(Path.Combine(site, "assets", "data"), "notes-*.js")
            .SelectMany(f => Perma().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToArray();
        Assert.Equal(Count, perma.Length);
        Assert.All(perma, href =>
        {
            var at = href.Split('#');
            Assert.Equal(home[int.Parse(at[1]["pr-".Length..], System.Globalization.CultureInfo.InvariantCulture)], at[0]);
        });

        var broken = LinkChecker.Check(site);
        Assert.True(broken.Count == 0, string.Join("\n", broken.Take(30)));
    }
}
