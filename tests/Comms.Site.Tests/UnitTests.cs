using Comms.Core.Model;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Site.Render;
using Comms.TestKit;

namespace Comms.Site.Tests;

public sealed class UnitTests
{
    [Fact]
    public void Versions_sort_semantically_with_pre_releases_before_the_release()
    {
        string[] input = ["1.10.0", "v1.9.2", "1.25.0", "1.25.0-rc.1", "1.25.0-alpha.3", "1.25.0-beta.0", "1.25.0-alpha.10", "1.9.10"];
        var sorted = input.Select(v => { Assert.True(SemVersion.TryParse(v, out var s)); return s; }).Order().Select(s => s.Text);
        Assert.Equal(["1.9.2", "1.9.10", "1.10.0", "1.25.0-alpha.3", "1.25.0-alpha.10", "1.25.0-beta.0", "1.25.0-rc.1", "1.25.0"], sorted);
        Assert.False(SemVersion.TryParse("latest", out _));
        Assert.False(SemVersion.TryParse("1.2.x", out _));
    }

    [Theory]
    [InlineData("https://k8s.io/x", "https://k8s.io/x")]
    [InlineData("http://example.com", "http://example.com")]
    [InlineData("mailto:a@b.c", "mailto:a@b.c")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("JaVaScRiPt:alert(1)", null)]
    [InlineData("java\tscript:alert(1)", null)]
    [InlineData(" \u0001javascript:alert(1)", null)]
    [InlineData("data:text/html,<script>", null)]
    [InlineData("vbscript:msgbox", null)]
    [InlineData("//evil.example/x", null)]
    [InlineData("https:evil", null)]
    [InlineData("page.html#a", null)]
    public void Only_http_https_and_mailto_urls_pass(string url, string? expected) => Assert.Equal(expected, SafeUrl.Clean(url));

    [Fact]
    public void Relative_urls_pass_only_where_allowed() =>
        Assert.Equal("page.html#a", SafeUrl.Clean("page.html#a", allowRelative: true));

    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("[x](javascript:alert(1))", "x")]
    [InlineData("[x](&#106;avascript:alert(1))", "x")]
    [InlineData("<javascript:alert(1)>", "javascript:alert(1)")]
    [InlineData("![a](https://evil.example/p.png)", "<a href=\"https://evil.example/p.png\">a</a>")]
    [InlineData("[ok](https://k8s.io \"t\")", "<a href=\"https://k8s.io\">ok</a>")]
    [InlineData("<img src=x onerror=alert(1)>", "&lt;img src=x onerror=alert(1)&gt;")]
    public void Markdown_escapes_raw_html_and_drops_unsafe_links(string markdown, string html) =>
        Assert.Equal(html, new SafeMarkdown(allowRelativeLinks: false).ToInlineHtml(markdown));

    [Fact]
    public void Slugs_are_file_safe_and_distinct()
    {
        Assert.Equal("api-machinery", Slug.Of("api-machinery"));
        Assert.Matches("^[a-z0-9._-]+$", Slug.Of("../<script>"));
        Assert.NotEqual(Slug.Of("a b"), Slug.Of("a-b"));
    }

    [Fact]
    public void Release_yaml_errors_point_at_the_line()
    {
        using var dir = new TempDir();
        dir.File("rn/v1.0.0/notes.json", "{}");
        dir.File("rn/v1.0.0/release.yaml", "version: 1.0.0\nrelease_date: March 4\nhighlights:\n  - pr: abc\n");
        var d = new DiagnosticBag();
        SiteLoader.Load(Path.Combine(dir.Path, "rn"), CommsConfig.Kubernetes, d);
        Assert.Equal([(2, "CM7101"), (4, "CM3003")], d.Sorted().Select(x => (x.Line, x.Code)));
        Assert.Contains("\"release_date\" must be a date like 2026-12-08", d.Sorted()[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Loading_a_missing_root_or_a_bad_version_gives_diagnostics()
    {
        using var dir = new TempDir();
        dir.File("rn/next/notes.json", "{}");
        var d = new DiagnosticBag();
        Assert.Empty(SiteLoader.Load(Path.Combine(dir.Path, "nope"), CommsConfig.Kubernetes, d));
        Assert.Empty(SiteLoader.Load(Path.Combine(dir.Path, "rn"), CommsConfig.Kubernetes, d));
        Assert.Equal([SiteCodes.NotesRootMissing, SiteCodes.VersionInvalid], d.Items.Select(i => i.Code));
    }
}

public sealed class HeadingTests
{
    [Fact]
    public void Headings_shift_down_or_become_paragraphs()
    {
        Assert.Equal("<h3>T</h3>\n", new SafeMarkdown(true, headingShift: 2).ToHtml("# T"));
        Assert.Equal("<p>T</p>\n<p>x</p>\n", new SafeMarkdown(false, headingShift: -1).ToHtml("## T\nx"));
    }
}

public sealed class SlugLengthTests
{
    [Fact]
    public void Long_names_make_short_distinct_slugs()
    {
        var a = Slug.Of(new string('a', 300) + "1");
        var b = Slug.Of(new string('a', 300) + "2");
        Assert.True(a.Length <= Slug.MaxLength + 13, a);
        Assert.NotEqual(a, b);
    }
}

public sealed class HighlightWarningTests
{
    [Fact]
    public void A_highlight_without_a_note_is_a_warning_pointing_at_release_yaml()
    {
        using var dir = new TempDir();
        dir.File("rn/v1.0.0/notes.json", """{"5": {"pr_number": 5, "text": "x"}}""");
        dir.File("rn/v1.0.0/release.yaml", "highlights:\n  - pr: 5\n  - pr: 6\n");
        var d = new DiagnosticBag();
        var release = Assert.Single(SiteLoader.Load(Path.Combine(dir.Path, "rn"), CommsConfig.Kubernetes, d));
        Assert.Equal([5, 6], release.HighlightPrs);
        var warning = Assert.Single(d.Items);
        Assert.Equal((Severity.Warning, SiteCodes.HighlightNotFound), (warning.Severity, warning.Code));
        Assert.Contains("#6", warning.Message, StringComparison.Ordinal);
    }
}
