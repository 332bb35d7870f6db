using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Comms.Cli.Serve;
using Comms.TestKit;

namespace Comms.Cli.Tests;

/// <summary><c>comms serve</c> as the comms team reads it: drafts as pages, placeholders marked, held-back pages shown as DRAFT, warnings listed.</summary>
public sealed partial class ServePreviewTests
{
    [Fact]
    public async Task Drafts_are_pages_with_front_matter_and_placeholders_and_held_back_pages_are_previewed()
    {
        using var temp = new TempDir();
        var project = Path.Combine(temp.Path, "widgets");
        temp.File("widgets/content/comms.yaml", "project:\n  name: Widgets\n  repo: example/widgets\nnotes:\n  source: titles\n");
        temp.File("widgets/release-notes/v1.0.0/release.yaml", "version: v1.0.0\n");
        temp.File("widgets/release-notes/v1.0.0/pulls.json", new JsonArray(
            new JsonObject { ["number"] = 1, ["title"] = "feat: a <script>alert(1)</script> flag", ["labels"] = new JsonArray(), ["merged_at"] = "2026-01-10T12:00:00Z", ["merged"] = true, ["user"] = new JsonObject { ["login"] = "dev" } }).ToJsonString());
        CommsProcess.Git(project, "init", "-q", "-b", "main");

        await using var serve = await ServeProcess.StartAsync(project, new Dictionary<string, string> { ["CI"] = "true" });
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };

        using var draft = await http.GetAsync(serve.Url + "drafts/v1.0.0/blog-post.md");
        Assert.Equal("text/html", draft.Content.Headers.ContentType?.MediaType);
        var html = await draft.Content.ReadAsStringAsync();
        Assert.Contains("<table class=\"comms-front-matter\">", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">draft</th><td>true</td>", html, StringComparison.Ordinal);
        Assert.Contains("<mark class=\"comms-placeholder\">[AUTHOR NAME]</mark>", html, StringComparison.Ordinal);
        Assert.Matches(@"\d+ placeholders? to fill", html);
        Assert.Contains("<link rel=\"stylesheet\" href=\"/assets/style.css\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("warning CM8012", html, StringComparison.Ordinal); // the build's warnings, listed

        using var raw = await http.GetAsync(serve.Url + "drafts/v1.0.0/blog-post.md?raw");
        Assert.Equal("text/plain", raw.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("---\n", await raw.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The blog post is draft: true and the press brief undated: the published site holds them back, the preview shows them marked.
        foreach (var page in new[] { "blog-1.0.0.html", "press-1.0.0.html" })
        {
            using var response = await http.GetAsync(serve.Url + page);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("DRAFT", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var build = CommsProcess.Run(project, new Dictionary<string, string> { ["CI"] = "true" }, "build");
        Assert.True(build.ExitCode == 0, build.Out + build.Error);
        Assert.False(File.Exists(Path.Combine(project, "artifacts", "site", "blog-1.0.0.html")), "the published site still holds the draft back");
    }

    [GeneratedRegex(@"(?<selector>#comms-build-(?:errors|warnings)) \*, [^{]+\{ background: (?<bg>#[0-9a-f]{6}); color: (?<fg>#[0-9a-f]{6}); \}")]
    private static partial Regex PanelColours();

    private static double Luminance(string hex)
    {
        double Channel(int i)
        {
            var c = int.Parse(hex.AsSpan(1 + (2 * i), 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }

        return (0.2126 * Channel(0)) + (0.7152 * Channel(1)) + (0.0722 * Channel(2));
    }

    [Fact]
    public void The_error_and_warning_panels_meet_wcag_aa_contrast_whatever_the_site_styles()
    {
        var panels = PanelColours().Matches(LiveReload.Style);
        Assert.Equal(2, panels.Count);
        foreach (Match panel in panels)
        {
            var (a, b) = (Luminance(panel.Groups["fg"].Value), Luminance(panel.Groups["bg"].Value));
            var ratio = (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
            Assert.True(ratio >= 4.5, $"{panel.Groups["selector"].Value}: {ratio:F1}:1");
        }

        var failed = LiveReload.Inject("<html><body></body></html>", new BuildState(2, false, ["a.yaml(1,1): error CM1: bad"], 5, []) { Warnings = ["b.yaml(2,1): warning CM2: odd"] });
        Assert.Contains("error CM1: bad", failed, StringComparison.Ordinal);
        Assert.Contains("warning CM2: odd", failed, StringComparison.Ordinal);
        var good = LiveReload.Inject("<html><body></body></html>", new BuildState(3, true, [], 5, []) { Warnings = ["b.yaml(2,1): warning CM2: odd"] });
        Assert.Contains("<details id=\"comms-build-warnings\"><summary>1 warning in the last build</summary>", good, StringComparison.Ordinal);
    }
}
