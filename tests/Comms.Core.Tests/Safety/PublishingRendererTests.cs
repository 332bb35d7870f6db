using Comms.Core.Markdown;
using Comms.TestKit;
using Xunit;

namespace Comms.Core.Tests.Safety;

/// <summary>
/// Escaped text is safe under the renderers that publish it, not only under Markdig: every payload of the corpus,
/// the differential ones first, alone and inside a table row and a footnote, rendered by real cmark-gfm and Hugo
/// with raw HTML on, gives only allowed HTML.
/// </summary>
public sealed class PublishingRendererTests
{
    private static IEnumerable<string> Corpus() =>
        XssPayloads.Differential.Concat(XssPayloads.Markdown).Concat(XssPayloads.Site());

    /// <summary>Each payload alone, as a table cell (a note in a table of the comms plan) and as a footnote's text.</summary>
    private static IEnumerable<(string Name, string Markdown)> Documents()
    {
        var i = 0;
        foreach (var payload in Corpus())
        {
            var safe = SafeMarkdownText.Escape(payload);
            var cell = SafeMarkdownText.Escape(payload.Replace("\n", " ", StringComparison.Ordinal));
            yield return ($"p{i}", safe);
            yield return ($"t{i}", $"| item | owner |\n|---|---|\n| {cell} | x |\n");
            yield return ($"f{i}", SafeMarkdownText.Escape($"Note[^1]\n\n[^1]: {payload}"));
            i++;
        }
    }

    [PublishingRenderersFact]
    public void The_differential_payloads_are_live_in_the_publishing_renderers_when_not_escaped()
    {
        var live = XssPayloads.Differential.Count(p => HtmlAllowList.ProblemsInHtml(PublishingRenderers.Cmark(p)).Count > 0);
        Assert.True(live >= 5, $"only {live} differential payloads are live under cmark-gfm: the corpus tests nothing");
    }

    [PublishingRenderersFact]
    public void Escaped_payloads_render_to_allowed_HTML_in_cmark_gfm_and_hugo()
    {
        var documents = Documents().ToDictionary(d => d.Name, d => d.Markdown, StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (name, markdown) in documents)
        {
            problems.AddRange(HtmlAllowList.ProblemsInHtml(PublishingRenderers.Cmark(markdown)).Select(p => $"cmark-gfm {name}: {p} in {markdown}"));
        }

        using var temp = new TempDir();
        foreach (var (name, html) in PublishingRenderers.Hugo(documents, temp.Path))
        {
            problems.AddRange(HtmlAllowList.ProblemsInHtml(html).Select(p => $"hugo {name}: {p} in {documents[name]}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct().Take(30)));
    }

    [Theory]
    [InlineData("`List<T>` and `--flag=<value>`")]
    [InlineData("```\n<div>\n```")]
    public void Code_that_every_renderer_reads_as_code_is_kept_as_written(string markdown) =>
        Assert.Equal(markdown, SafeMarkdownText.Escape(markdown));
}
