using AngleSharp.Html.Parser;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Site.Tests.Fixture;
using Comms.TestKit;

namespace Comms.Site.Tests;

public sealed class SiteTests
{
    [CorpusFact]
    public void Every_internal_link_and_anchor_of_the_site_resolves()
    {
        using var dir = new TempDir();
        var site = Sites.Build(dir, withCorpus: true);
        var broken = LinkChecker.Check(site);
        Assert.True(broken.Count == 0, string.Join("\n", broken.Take(30)));
        Assert.True(Directory.GetFiles(site, "*.html").Length > 20);
    }

    [Fact]
    public void The_site_has_every_page_of_the_issue()
    {
        using var dir = new TempDir();
        var site = Sites.Build(dir, withCorpus: false);
        foreach (var page in new[]
                 {
                     "index.html", "release-2.1.0.html", "sig-node.html", "sig-cli.html", "audience-vendor.html", "audience-end-user.html",
                     "audience-developer.html", "blog-2.1.0.html", "press-2.1.0.html", "brief-2.1.0-vendor.html", "changelog-2.1.0.html",
                     "notes.html", "upgrade.html", "404.html", "feeds/all.atom", "feeds/vendor.atom", "feeds/end-user.atom",
                     "assets/style.css", "assets/filter.js", "assets/upgrade.js",
                 })
        {
            Assert.True(File.Exists(Path.Combine(site, page)), $"missing {page}");
        }

        Assert.Empty(LinkChecker.Check(site));
    }

    [Fact]
    public void The_release_page_shows_highlights_upgrade_notes_and_sections_but_not_unpublished_notes()
    {
        using var dir = new TempDir();
        var html = File.ReadAllText(Path.Combine(Sites.Build(dir, withCorpus: false), "release-2.1.0.html"));
        using var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal(["101", "103"], doc.QuerySelectorAll("#highlights li.note .perma").Select(a => a.GetAttribute("href")!.Split("#pr-")[1]).Order());
        Assert.Equal(["102"], doc.QuerySelectorAll("#upgrade li.note .perma").Select(a => a.GetAttribute("href")!.Split("#pr-")[1]));
        Assert.Equal(["Deprecation", "Feature", "Bug or Regression"], doc.QuerySelectorAll("#changes h3").Select(h => h.TextContent));
        Assert.DoesNotContain("Internal clean-up", html, StringComparison.Ordinal);
        Assert.Contains("Released 2026-03-04", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_blog_post_loses_its_front_matter_and_uses_its_title()
    {
        using var dir = new TempDir();
        var html = File.ReadAllText(Path.Combine(Sites.Build(dir, withCorpus: false), "blog-2.1.0.html"));
        Assert.Contains("<h1>Project 2.1: Lantern</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("date: 2026", html, StringComparison.Ordinal);
        // The draft's own "# Project 2.1" would be a second title: the page's <h1> replaces it.
        Assert.DoesNotContain(">Project 2.1</h", html, StringComparison.Ordinal);
        Assert.Contains("href=\"release-2.1.0.html\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_audience_page_shows_its_brief_and_only_its_notes()
    {
        using var dir = new TempDir();
        var html = File.ReadAllText(Path.Combine(Sites.Build(dir, withCorpus: false), "audience-vendor.html"));
        using var doc = new HtmlParser().ParseDocument(html);
        Assert.Contains("Migrate FlowSchema", doc.QuerySelector(".brief")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["release-2.1.0.html#pr-102"], doc.QuerySelectorAll("li.note .perma").Select(a => a.GetAttribute("href")!));
    }

    [Fact]
    public void Every_page_has_landmarks_one_h1_headings_in_order_and_no_external_resources()
    {
        using var dir = new TempDir();
        var site = Sites.Build(dir, withCorpus: false);
        var parser = new HtmlParser();
        foreach (var file in Directory.GetFiles(site, "*.html"))
        {
            using var doc = parser.ParseDocument(File.ReadAllText(file));
            var name = Path.GetFileName(file);
            Assert.True(doc.QuerySelector("main") is not null && doc.QuerySelector("header") is not null && doc.QuerySelector("footer") is not null, name);
            Assert.Single(doc.QuerySelectorAll("h1"));
            var last = 1;
            foreach (var h in doc.QuerySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6"))
            {
                var level = h.LocalName[1] - '0';
                Assert.True(level <= last + 1, $"{name}: {h.LocalName} after h{last}: {h.TextContent}");
                last = level;
            }

            Assert.All(doc.QuerySelectorAll("img"), img => Assert.False(string.IsNullOrEmpty(img.GetAttribute("alt")), name));
            Assert.All(doc.QuerySelectorAll("script[src], link[rel=stylesheet]"),
                e => Assert.StartsWith("assets/", e.GetAttribute("src") ?? e.GetAttribute("href"), StringComparison.Ordinal));
            Assert.Equal("en", doc.DocumentElement.GetAttribute("lang"));
        }
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_site_untouched_and_points_at_the_layout()
    {
        using var dir = new TempDir();
        var site = Sites.Build(dir, withCorpus: false);
        var before = File.ReadAllText(Path.Combine(site, "release-2.1.0.html"));
        dir.File("broken/site/release.sbn", "<h1>\n{{ for n in Notes }}</h1>");
        var d = new DiagnosticBag();
        var releases = SiteLoader.Load(Path.Combine(dir.Path, "release-notes"), CommsConfig.Kubernetes, d);
        var ok = SiteBuilder.Build(new SiteRequest
        {
            OutputFolder = site,
            Releases = releases,
            ThemeFolders = [Path.Combine(dir.Path, "broken"), Sites.DefaultTheme],
        }, d);
        Assert.False(ok);
        var error = Assert.Single(d.Items, i => i.Severity == Severity.Error);
        Assert.Equal("CM7201", error.Code);
        Assert.EndsWith("release.sbn", error.File, StringComparison.Ordinal);
        Assert.True(error.Line == 2 && error.Column >= 1, error.ToString());
        Assert.Equal(before, File.ReadAllText(Path.Combine(site, "release-2.1.0.html")));
        Assert.Equal(["site"], Directory.GetFileSystemEntries(Path.GetDirectoryName(site)!).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("release.sbn", "<article>\n<h1>{{ Titel }}</h1>\n</article>\n", 2, 8, "Titel")]
    [InlineData("_note.sbn", "<li>{{ note.Nubmer }}</li>\n", 1, 13, "Nubmer")]
    [InlineData("layout.sbn", "<title>{{ Project.Length }}</title>{{ Body }}\n", 1, 19, "Length")]
    public void A_typo_in_any_layout_or_partial_is_an_error_at_its_place(string file, string text, int line, int column, string field)
    {
        using var dir = new TempDir();
        SampleRelease.Write(dir);
        dir.File($"typo/site/{file}", text);
        var d = new DiagnosticBag();
        var ok = SiteBuilder.Build(new SiteRequest
        {
            OutputFolder = Path.Combine(dir.Path, "out", "site"),
            Releases = SiteLoader.Load(Path.Combine(dir.Path, "release-notes"), CommsConfig.Kubernetes, d),
            ThemeFolders = [Path.Combine(dir.Path, "typo"), Sites.DefaultTheme],
        }, d);
        Assert.False(ok);
        var error = Assert.Single(d.Items, i => i.Severity == Severity.Error);
        Assert.Equal("CM7202", error.Code);
        Assert.Equal(Path.Combine(dir.Path, "typo", "site", file), error.File);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains($"\"{field}\"", error.Message, StringComparison.Ordinal);
        var output = Path.Combine(dir.Path, "out");
        Assert.True(!Directory.Exists(output) || Directory.GetFileSystemEntries(output).Length == 0, "a failed build publishes nothing and leaves nothing behind");
    }

    [Fact]
    public void A_user_theme_overrides_one_partial_on_every_page()
    {
        using var dir = new TempDir();
        dir.File("mine/site/_note.sbn", "<li class=\"mine\" id=\"pr-{{ note.Number }}\">{{ note.Html }}</li>\n");
        var site = Sites.Build(dir, withCorpus: false, themes: [Path.Combine(dir.Path, "mine"), Sites.DefaultTheme]);
        var release = File.ReadAllText(Path.Combine(site, "release-2.1.0.html"));
        Assert.Contains("<li class=\"mine\"", release, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"meta\"", release, StringComparison.Ordinal);
        Assert.Contains("<li class=\\\"mine\\\"", File.ReadAllText(Path.Combine(site, "assets", "data", "notes-2.1.0.js")), StringComparison.Ordinal);
        Assert.Contains("Skip to content", release, StringComparison.Ordinal);
    }

    [Fact]
    public void Theme_files_that_link_out_of_the_theme_are_refused()
    {
        using var dir = new TempDir();
        var secret = dir.File("secret/passwd", "root:x:0:0");
        dir.File("secret/keys/id", "PRIVATE");
        Directory.CreateDirectory(Path.Combine(dir.Path, "linked", "site"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "linked", "site", "404.sbn"), secret);
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "linked", "site", "keys"), Path.Combine(dir.Path, "secret", "keys"));
        SampleRelease.Write(dir);
        var d = new DiagnosticBag();
        var ok = SiteBuilder.Build(new SiteRequest
        {
            OutputFolder = Path.Combine(dir.Path, "out", "site"),
            Releases = SiteLoader.Load(Path.Combine(dir.Path, "release-notes"), CommsConfig.Kubernetes, d),
            ThemeFolders = [Path.Combine(dir.Path, "linked"), Sites.DefaultTheme],
        }, d);
        Assert.False(ok);
        var refused = d.Items.Where(i => i.Code == "CM7203").Select(i => Path.GetFileName(i.File)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["404.sbn", "keys"], refused.OfType<string>());
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
    }

    [Fact]
    public void A_user_theme_overrides_single_files_and_keeps_the_rest()
    {
        using var dir = new TempDir();
        dir.File("mine/site/style.css", "body { color: rebeccapurple; }");
        dir.File("mine/site/404.sbn", "<h1>Lost</h1><p><a href=\"{{ Home }}\">Back</a></p>");
        var site = Sites.Build(dir, withCorpus: false, themes: [Path.Combine(dir.Path, "mine"), Sites.DefaultTheme]);
        Assert.Contains("rebeccapurple", File.ReadAllText(Path.Combine(site, "assets", "style.css")), StringComparison.Ordinal);
        Assert.Contains("<h1>Lost</h1>", File.ReadAllText(Path.Combine(site, "404.html")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(site, "assets", "filter.js")));
    }

    [Fact]
    public void Building_twice_gives_the_same_bytes()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        var first = Sites.Build(a, withCorpus: false);
        var second = Sites.Build(b, withCorpus: false);
        foreach (var file in Directory.GetFiles(first, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(first, file);
            Assert.Equal(File.ReadAllText(file), File.ReadAllText(Path.Combine(second, relative)));
        }
    }

    [Fact]
    public void The_release_page_and_the_vendor_feed_match_the_approved_files()
    {
        using var dir = new TempDir();
        var site = Sites.Build(dir, withCorpus: false);
        Approvals.Verify(File.ReadAllText(Path.Combine(site, "release-2.1.0.html")), "release-2.1.0", "html");
        Approvals.Verify(File.ReadAllText(Path.Combine(site, "feeds", "vendor.atom")), "vendor-feed", "atom");
    }
}
