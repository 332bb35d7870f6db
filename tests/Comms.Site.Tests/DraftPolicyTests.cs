using AngleSharp.Html.Parser;
using Comms.Core.Compose;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Model;
using Comms.Site.Tests.Fixture;
using Comms.TestKit;

namespace Comms.Site.Tests;

/// <summary>Deploying the site early leaks nothing: drafts and embargoed pages wait, or are shown only as marked drafts.</summary>
public sealed class DraftPolicyTests : IDisposable
{
    private static readonly DateTimeOffset Embargo = new(2026, 12, 8, 16, 0, 0, TimeSpan.Zero);
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private (string Site, DiagnosticBag Diagnostics) Build(DateTimeOffset now, bool includeDrafts, string blog = "---\ntitle: \"T\"\ndraft: true\n---\n\n# T\n\nThe post.\n")
    {
        var d = new DiagnosticBag();
        var release = SiteLoader.FromMemory("v1.0.0", [new ReleaseNote { PrNumber = 1, Text = "Added a thing.", Kinds = ["feature"] }],
            new ReleaseFile { Version = "v1.0.0", ReleaseDate = new DateOnly(2026, 12, 8), Embargo = Embargo },
            new Dictionary<string, string>
            {
                ["blog-post.md"] = blog,
                ["press-brief.md"] = "**EMBARGOED UNTIL DECEMBER 8, 2026 AT 16:00 UTC**. Do not publish or share before then.\n\n# P\n\nEmbargoed words.\n",
                ["brief-vendor.md"] = "# V\n\nFor vendors.\n",
                ["brief-end-user.md"] = "# U\n\nWritten by [AUTHOR NAME].\n",
                ["CHANGELOG.md"] = "# v1.0.0\n\n- Added a thing.\n",
            }, d)!;
        var output = Path.Combine(_dir.Path, $"out-{now:yyyyMMddHHmm}-{includeDrafts}", "site");
        var ok = SiteBuilder.Build(new SiteRequest
        {
            OutputFolder = output,
            Releases = [release],
            Config = CommsConfig.Kubernetes,
            ThemeFolders = [Sites.DefaultTheme],
            Now = now,
            IncludeDrafts = includeDrafts,
        }, d);
        Assert.True(ok && !d.HasErrors, string.Join("\n", d.Items));
        return (output, d);
    }

    private static string[] Pages(string site) =>
        Directory.GetFiles(site, "*.html").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Before_the_embargo_the_press_brief_the_draft_post_and_a_page_with_a_placeholder_are_not_published()
    {
        var (site, d) = Build(Embargo.AddMinutes(-1), includeDrafts: false);
        var pages = Pages(site);
        Assert.DoesNotContain("press-1.0.0.html", pages);
        Assert.DoesNotContain("blog-1.0.0.html", pages);
        Assert.DoesNotContain("brief-1.0.0-end-user.html", pages);
        Assert.Contains("brief-1.0.0-vendor.html", pages);
        Assert.Contains("changelog-1.0.0.html", pages);
        var everything = string.Join("\n", Directory.GetFiles(site, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.DoesNotContain("Embargoed words", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("[AUTHOR NAME]", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("press-1.0.0.html", everything, StringComparison.Ordinal);
        var withheld = d.Items.Where(i => i.Code == SiteCodes.DraftWithheld).Select(i => i.Message).ToArray();
        Assert.Equal(3, withheld.Length);
        Assert.Contains(withheld, m => m.Contains("embargo until 2026-12-08 16:00 UTC", StringComparison.Ordinal));
        Assert.Contains(withheld, m => m.Contains("[AUTHOR NAME]", StringComparison.Ordinal));
        Assert.Contains(withheld, m => m.Contains("draft: true", StringComparison.Ordinal));
        Assert.Empty(LinkChecker.Check(site));
    }

    [Fact]
    public void Once_the_embargo_has_passed_the_press_brief_is_published_unmarked()
    {
        var (site, _) = Build(Embargo.AddMinutes(1), includeDrafts: false, blog: "---\ntitle: \"T\"\ndraft: false\n---\n\n# T\n\nThe post.\n");
        var press = File.ReadAllText(Path.Combine(site, "press-1.0.0.html"));
        Assert.Contains("Embargoed words", press, StringComparison.Ordinal);
        Assert.DoesNotContain("draft-banner", press, StringComparison.Ordinal);
        Assert.DoesNotContain("noindex", press, StringComparison.Ordinal);
        Assert.Contains("blog-1.0.0.html", Pages(site));
    }

    [Fact]
    public void With_include_drafts_every_held_page_is_published_with_a_banner_and_noindex()
    {
        var (site, d) = Build(Embargo.AddDays(-7), includeDrafts: true);
        var parser = new HtmlParser();
        foreach (var page in new[] { "press-1.0.0.html", "blog-1.0.0.html", "brief-1.0.0-end-user.html" })
        {
            var doc = parser.ParseDocument(File.ReadAllText(Path.Combine(site, page)));
            Assert.Equal("noindex", doc.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
            Assert.Contains("DRAFT", doc.QuerySelector(".draft-banner")?.TextContent, StringComparison.Ordinal);
        }

        var vendor = parser.ParseDocument(File.ReadAllText(Path.Combine(site, "brief-1.0.0-vendor.html")));
        Assert.Null(vendor.QuerySelector(".draft-banner"));
        Assert.Null(vendor.QuerySelector("meta[name=robots]"));
        Assert.DoesNotContain(d.Items, i => i.Code == SiteCodes.DraftWithheld);
    }
}

/// <summary>Every slot a draft leaves for the release team holds its page back from the public site.</summary>
public sealed class DraftSlotTests
{
    [Theory]
    [InlineData("[QUOTE: a sentence from the release lead; name and role.]")]
    [InlineData("[ABOUT: two or three sentences on what the project is.]")]
    [InlineData("[CONTACT: the name and email journalists write to.]")]
    [InlineData("## [TO CONFIRM with the Enhancements team before publishing]")]
    [InlineData("brings [CONFIRM: 60 enhancements, 24 not confirmed]")]
    public void A_slot_is_a_placeholder(string text) =>
        Assert.Matches(Comms.Site.Publish.DraftPolicy.PlaceholderPattern, text);

    [Theory]
    [InlineData("[the changelog](CHANGELOG.md)")]
    [InlineData("Contact us at press@example.org.")]
    public void Links_and_prose_are_not(string text) =>
        Assert.DoesNotMatch(Comms.Site.Publish.DraftPolicy.PlaceholderPattern, text);

    [Fact]
    public void A_press_brief_is_a_draft_by_the_release_not_by_its_text()
    {
        Comms.Site.SiteRelease Release(DateOnly? date) => new()
        {
            Version = SemVersion.TryParse("v1.0.0", out var v) ? v : throw new InvalidOperationException(),
            Notes = [],
            Date = date,
            // A theme that moved the state line: the brief does not start with "**DRAFT".
            Drafts = new Comms.Site.SiteDrafts { PressBrief = "# Project v1.0\n\nThe news.\n\n**DRAFT — NOT FOR DISTRIBUTION**\n" },
        };
        var d = new DiagnosticBag();
        var undated = Comms.Site.Publish.DraftPolicy.Apply([Release(null)], DateTimeOffset.UnixEpoch, includeDrafts: false, d).Single();
        Assert.Null(undated.Drafts.PressBrief);
        Assert.Contains(d.Items, i => i.Message.Contains("no release date yet", StringComparison.Ordinal));
        var dated = Comms.Site.Publish.DraftPolicy.Apply([Release(new DateOnly(2026, 1, 2))], DateTimeOffset.UnixEpoch, includeDrafts: false, new DiagnosticBag()).Single();
        Assert.NotNull(dated.Drafts.PressBrief);
    }
}
