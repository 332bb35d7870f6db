using System.Xml.Linq;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Site.Tests.Fixture;
using Comms.TestKit;

namespace Comms.Site.Tests;

/// <summary>Feeds, sitemap, draft links and the notes' data shards.</summary>
public sealed class FormatTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public void With_a_site_url_feeds_and_sitemap_are_absolute()
    {
        using var dir = new TempDir();
        var site = Sites.Build(dir, withCorpus: false, config: CommsConfig.Kubernetes with { SiteUrl = "https://example.org/rel" });
        var sitemap = XDocument.Load(Path.Combine(site, "sitemap.xml"));
        var locs = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToArray();
        Assert.NotEmpty(locs);
        Assert.All(locs, l => Assert.StartsWith("https://example.org/rel/", l, StringComparison.Ordinal));
        var feed = XDocument.Load(Path.Combine(site, "feeds", "all.atom"));
        Assert.All(feed.Descendants(Atom + "link"), l => Assert.StartsWith("https://example.org/rel/", (string)l.Attribute("href")!, StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_site_url_there_is_no_sitemap_and_feed_links_resolve_from_the_feed_folder()
    {
        using var dir = new TempDir();
        var site = Sites.Build(dir, withCorpus: false);
        Assert.False(File.Exists(Path.Combine(site, "sitemap.xml")));
        Assert.DoesNotContain("sitemap.xml", File.ReadAllText(Path.Combine(site, "index.html")), StringComparison.Ordinal);
        foreach (var file in Directory.GetFiles(Path.Combine(site, "feeds"), "*.atom"))
        {
            var feed = XDocument.Load(file);
            foreach (var link in feed.Descendants(Atom + "link"))
            {
                var href = (string)link.Attribute("href")!;
                var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, href));
                Assert.True(File.Exists(target), $"{Path.GetFileName(file)}: {href} does not resolve from the feed's folder");
            }

            Assert.DoesNotContain("1970", File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_release_without_a_date_takes_its_newest_merge_date_and_one_with_none_stays_out_of_the_feeds()
    {
        using var dir = new TempDir();
        dir.File("rn/v1.0.0/notes.json", """{"5": {"pr_number": 5, "text": "x", "kinds": ["bug"], "comms": {"merged_at": "2026-02-03T10:00:00Z", "audiences": [{"audience": "vendor", "rule": "r", "reason": "r"}]}}, "6": {"pr_number": 6, "text": "y", "comms": {"merged_at": "2026-02-01T10:00:00Z"}}}""");
        dir.File("rn/v1.1.0/notes.json", """{"7": {"pr_number": 7, "text": "z"}}""");
        var d = new DiagnosticBag();
        var out1 = Path.Combine(dir.Path, "site");
        Assert.True(SiteBuilder.Build(new SiteRequest
        {
            OutputFolder = out1,
            Releases = SiteLoader.Load(Path.Combine(dir.Path, "rn"), CommsConfig.Kubernetes, d),
            ThemeFolders = [Sites.DefaultTheme],
        }, d));
        var feed = XDocument.Load(Path.Combine(out1, "feeds", "all.atom"));
        var entry = Assert.Single(feed.Descendants(Atom + "entry"));
        Assert.Equal("2026-02-03T00:00:00Z", entry.Element(Atom + "updated")!.Value);
        Assert.Contains(d.Items, i => i.Code == SiteCodes.ReleaseUndated && i.Message.Contains("1.1.0", StringComparison.Ordinal));
        Assert.Contains(d.Items, i => i.Code == SiteCodes.SiteUrlMissing);
        var vendor = XDocument.Load(Path.Combine(out1, "feeds", "vendor.atom"));
        Assert.Contains("x", Assert.Single(vendor.Descendants(Atom + "entry")).Element(Atom + "content")!.Value, StringComparison.Ordinal);
        Assert.Empty(LinkChecker.Check(out1));
    }

    [Fact]
    public void Links_between_drafts_point_at_the_drafts_pages()
    {
        using var dir = new TempDir();
        SampleRelease.Write(dir);
        dir.File("release-notes/v2.1.0/blog-post.md", "# Blog\n\nSee the [changelog](CHANGELOG.md), the [vendor brief](./brief-vendor.md), the [JSON](notes.json), [upgrade notes](#upgrade-notes) and [missing](other.md).\n\n## Upgrade notes\n\nRead them.\n");
        var d = new DiagnosticBag();
        var site = Path.Combine(dir.Path, "site");
        Assert.True(SiteBuilder.Build(new SiteRequest
        {
            OutputFolder = site,
            Releases = SiteLoader.Load(Path.Combine(dir.Path, "release-notes"), CommsConfig.Kubernetes, d),
            ThemeFolders = [Sites.DefaultTheme],
        }, d));
        var html = File.ReadAllText(Path.Combine(site, "blog-2.1.0.html"));
        Assert.Contains("href=\"changelog-2.1.0.html\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"brief-2.1.0-vendor.html\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"release-2.1.0.html\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#upgrade-notes\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"upgrade-notes\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("other.md", html.Replace(">missing<", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(LinkChecker.Check(site));
    }

    [Fact]
    public void The_real_sample_site_has_no_broken_link_or_anchor()
    {
        using var dir = new TempDir();
        var site = SampleSite.Build(dir);
        var broken = LinkChecker.Check(site);
        Assert.True(broken.Count == 0, string.Join("\n", broken.Take(30)));
        Assert.True(new FileInfo(Path.Combine(site, "notes.html")).Length < 200_000);
    }

    [CorpusFact]
    public void Pre_release_notes_are_one_per_pr_and_list_the_pre_releases()
    {
        using var dir = new TempDir();
        var site = Sites.Build(dir, withCorpus: true);
        var shard = File.ReadAllText(Path.Combine(site, "assets", "data", "notes-1.27.0.js"));
        var d = new DiagnosticBag();
        var corpus = Sites.CorpusReleases(d);
        var distinct = corpus.Where(r => r.Version.Text.StartsWith("1.27.0", StringComparison.Ordinal)).SelectMany(r => r.Notes.Select(n => n.PrNumber)).Distinct().Count();
        Assert.Equal(distinct, System.Text.RegularExpressions.Regex.Count(shard, "\\[\\d+,\"<li"));
        Assert.Contains("pre-releases: 1.27.0-rc.0", shard, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(site, "assets", "data", "notes-1.27.0-rc.0.js")));
    }
}

public sealed class InMemoryTests
{
    [Fact]
    public void Releases_given_in_memory_are_not_read_back_from_notes_json()
    {
        using var dir = new TempDir();
        dir.File("rn/v1.0.0/notes.json", "{ not json");
        dir.File("rn/v0.9.0/notes.json", """{"1": {"pr_number": 1, "text": "older"}}""");
        var d = new DiagnosticBag();
        var built = SiteLoader.FromMemory("v1.0.0", [new Core.Model.ReleaseNote { PrNumber = 7, Text = "built now" }], null,
            new Dictionary<string, string> { ["blog-post.md"] = "---\ntitle: T\n---\n# T\n\nBody.\n", ["brief-vendor.md"] = "# V\n" }, d)!;
        var releases = SiteLoader.Load(Path.Combine(dir.Path, "rn"), CommsConfig.Kubernetes, d, pending: null, inMemory: new Dictionary<string, SiteRelease> { ["v1.0.0"] = built });
        Assert.False(d.HasErrors, string.Join("\n", d.Sorted()));
        Assert.Equal(["0.9.0", "1.0.0"], releases.Select(r => r.Version.Text));
        Assert.Equal(7, Assert.Single(releases[1].Notes).PrNumber);
        Assert.Equal("T", releases[1].Drafts.BlogTitle);
        Assert.True(releases[1].Drafts.Briefs.ContainsKey("vendor"));

        SiteLoader.Load(Path.Combine(dir.Path, "rn"), CommsConfig.Kubernetes, d);
        Assert.True(d.HasErrors, "without the release in memory, the broken notes.json is read and reported");
    }
}
