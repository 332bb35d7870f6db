using Comms.Core.Markdown;
using Comms.TestKit;
using Xunit;

namespace Comms.Core.Tests.Safety;

public sealed class SafeMarkdownTextTests
{
    /// <summary>The payloads of the site's XSS corpus, plus the Markdown-specific ones found in the drafts.</summary>
    public static IEnumerable<object[]> Payloads()
    {
        // Each payload once: the two corpora share a few lines, and a repeated case would be skipped as a duplicate.
        foreach (var payload in XssPayloads.Site().Concat(MarkdownPayloads).Distinct(StringComparer.Ordinal))
        {
            yield return [payload];
        }
    }

    public static readonly IReadOnlyList<string> MarkdownPayloads = XssPayloads.Markdown;

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Escaped_payload_renders_to_allowed_HTML_only(string payload)
    {
        var safe = SafeMarkdownText.Escape(payload);
        Assert.Equal([], HtmlAllowList.Problems(safe));
    }

    [Fact]
    public void Most_payloads_are_live_HTML_when_not_escaped()
    {
        // The allow-list check is only worth something if it catches the payloads as written.
        var all = Payloads().Select(p => (string)p[0]).ToArray();
        var live = all.Count(p => HtmlAllowList.Problems(p).Count > 0);
        Assert.True(live * 10 >= all.Length * 6, $"only {live} of {all.Length} payloads are live HTML unescaped");
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Escaping_is_idempotent(string payload)
    {
        var once = SafeMarkdownText.Escape(payload);
        Assert.Equal(once, SafeMarkdownText.Escape(once));
    }

    [Theory]
    [InlineData("foo `", "` <img src=x onerror=alert(1)> `")]
    [InlineData("a ``", "`` x `` <img src=x onerror=alert(1)> ``")]
    [InlineData("[x", "](javascript:alert(1))")]
    [InlineData("<img src=x ", "onerror=alert(1)>")]
    public void Two_fragments_side_by_side_are_harmless_after_the_page_pass(string first, string second)
    {
        // Fragments are escaped one by one, then the drafts check the whole page again in context.
        var line = SafeMarkdownText.EscapeDocument(SafeMarkdownText.Escape(first) + SafeMarkdownText.Escape(second));
        Assert.Equal([], HtmlAllowList.Problems(line));
    }

    [Theory]
    [InlineData("Plain prose, nothing to do.")]
    [InlineData("Use `kubectl get <pod>` or:\n\n```yaml\nkey: <value>\n```")]
    [InlineData("See [the docs](https://example.org/docs) and <https://example.org>, mail <mailto:a@example.org>.")]
    [InlineData("[upgrade notes](#upgrade-notes) and [changelog](CHANGELOG.md)")]
    [InlineData("> a quote\n\n- a > b")]
    public void Ordinary_Markdown_comes_back_unchanged(string markdown) =>
        Assert.Equal(markdown, SafeMarkdownText.Escape(markdown));

    [Fact]
    public void Code_keeps_its_text_and_shows_the_payload_literally()
    {
        var html = HtmlAllowList.Render(SafeMarkdownText.Escape("`<img src=x>` and <b>"));
        Assert.Contains("<code>&lt;img src=x&gt;</code>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_disallowed_link_keeps_its_text()
    {
        Assert.Equal("click me", SafeMarkdownText.Escape("[click me](javascript:alert(1))"));
        Assert.Equal("x", SafeMarkdownText.Escape("![x](https://evil.example/t.png)"));
        Assert.Equal("![x](https://ok.example/t.png)", SafeMarkdownText.Escape("![x](https://ok.example/t.png)", new MarkdownPolicy { AllowRemoteImages = true }));
    }

    [Fact]
    public void Shortcode_delimiters_are_broken_in_text_and_in_code()
    {
        var safe = SafeMarkdownText.Escape("{{% param \"x\" %}} `{{< ref >}}`");
        Assert.DoesNotContain("{{", safe, StringComparison.Ordinal);
    }

    [Fact]
    public void A_front_matter_block_is_kept_and_the_body_escaped()
    {
        var doc = SafeMarkdownText.EscapeDocument("---\ntitle: \"<x>\"\n---\n<img src=x onerror=alert(1)>\n");
        Assert.StartsWith("---\ntitle: \"<x>\"\n---\n&lt;img", doc, StringComparison.Ordinal);
    }
}
