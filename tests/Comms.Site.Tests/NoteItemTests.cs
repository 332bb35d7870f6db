using Comms.Core.Diagnostics;
using Comms.Site.Pages;
using Comms.Site.Render;
using Comms.Templates;
using Comms.TestKit;

namespace Comms.Site.Tests;

/// <summary>The default theme's note list item written in C# is the template's output, byte for byte.</summary>
public sealed class NoteItemTests
{
    private static NoteView View(int number, string text) => new()
    {
        Number = number,
        Html = new SafeHtml(text),
        Release = "1.0.0",
        ReleaseHref = "release-1.0.0.html",
        Rank = 0,
        DataSigs = string.Empty,
        DataKinds = string.Empty,
        DataAreas = string.Empty,
        DataAudiences = string.Empty,
    };

    public static TheoryData<string> Texts() => [.. new[] { "plain", "<code>x</code> & \"q\" 'a' `b` =c", "" }.Concat(XssPayloads.Site().Take(40))];

    [Theory]
    [MemberData(nameof(Texts))]
    public void The_default_list_item_is_the_templates_output(string text)
    {
        var theme = Theme.Default(Repo.Root);
        var path = theme.Find("site/_note.sbn");
        Assert.True(NoteItem.Matches(path), "the shipped _note.sbn is no longer the one NoteItem writes: update NoteItem.Template and Render together");
        var engine = new ScribanEngine(theme, TemplateOutput.Html);
        var bare = View(7, text);
        var full = View(123456, text) with
        {
            PrUrl = "https://github.com/o/r/pull/123456?a=1&b=\"2\"",
            Author = text.Length > 0 ? text : "dev",
            AuthorUrl = "https://github.com/" + text,
            Sigs = [new LinkView("API " + text, "sig-api.html"), new LinkView("Node", "sig-node.html")],
            Tags = [new TagView(text, "notes.html#kind=" + text, "kind", text.ToLowerInvariant(), "tag"), new TagView("alpha", "notes.html#stability=alpha", "stability", "alpha", "tag area")],
            Docs = [new LinkView(text, "https://example.org/" + text), new LinkView("KEP", "https://k8s.io/kep")],
            PreReleases = ["1.0.0-rc.0", text],
            ActionRequired = true,
            Deprecation = true,
            Release = "1.0.0" + text,
            ReleaseHref = "release-1.0.0.html?x=" + text,
        };
        var buffer = new System.Text.StringBuilder();
        foreach (var view in new[] { bare, full, full with { ActionRequired = false, AuthorUrl = null, PrUrl = null }, full with { Author = string.Empty, Deprecation = false } })
        {
            foreach (var anchor in new string?[] { null, "pr-" + view.Number })
            {
                var d = new DiagnosticBag();
                var expected = engine.Render("site/_note.sbn", new ScriptFields { { "note", view with { Anchor = anchor } } }, d);
                Assert.False(d.HasErrors, string.Join("\n", d.Items));
                Assert.Equal(expected, NoteItem.Render(view, anchor, buffer));
                if (anchor is not null)
                {
                    Assert.Equal(expected, NoteItem.Render(view, null, buffer).Insert(NoteItem.AnchorAt(view), $" id=\"{anchor}\""));
                }
            }
        }
    }

    [Fact]
    public void A_theme_that_changes_the_list_item_is_rendered_by_its_template()
    {
        using var temp = new TempDir();
        var file = Path.Combine(temp.Path, "_note.sbn");
        File.WriteAllText(file, NoteItem.Template.Replace("<li class", "<li data-x=\"1\" class", StringComparison.Ordinal));
        Assert.False(NoteItem.Matches(file));
        File.WriteAllText(file, NoteItem.Template);
        Assert.True(NoteItem.Matches(file));
        Assert.False(NoteItem.Matches(Path.Combine(temp.Path, "missing.sbn")));
    }
}

/// <summary>A long draft rendered a section at a time gives the HTML of the whole document.</summary>
public sealed class SectionedDraftTests
{
    private static readonly SafeMarkdown Drafts = new(allowRelativeLinks: true, headingShift: 0, headingIds: true, minHeading: 2);

    private static string Changelog(string extra = "")
    {
        var text = new System.Text.StringBuilder("# v1.0.0\n\n## Urgent Upgrade Notes\n\n### (No, really, you MUST read this before you upgrade)\n\n");
        for (var i = 0; i < 8000; i++)
        {
            text.Append("- Removed the `flag").Append(i).Append("` &lt;x&gt; *now* see [the docs](https://example.org/").Append(i).Append("); | a | b |\n");
        }

        text.Append("\n## Changes by Kind\n");
        foreach (var kind in new[] { "Feature", "Bug or Regression", "Other (Cleanup or Flake)" })
        {
            text.Append("\n### ").Append(kind).Append("\n\n");
            for (var i = 0; i < 12000; i++)
            {
                text.Append("- ").Append(kind).Append(' ').Append(i).Append(i % 7 == 0 ? "\n\n  a second paragraph, loose\n" : "\n");
            }
        }

        return text.Append(extra).ToString();
    }

    private static string Sectioned(string markdown, IReadOnlyList<Range> sections) =>
        string.Concat(sections.Select((r, i) => Drafts.ToHtml(markdown[r], url => "x.html", dropFirstTitle: i == 0)));

    [Fact]
    public void A_long_changelog_renders_the_same_a_section_at_a_time()
    {
        var markdown = Changelog();
        Assert.True(markdown.Length > SafeMarkdown.SectionedLength);
        var sections = SafeMarkdown.Sections(markdown);
        Assert.NotNull(sections);
        Assert.Equal(7, sections.Count);
        Assert.Equal(Drafts.ToHtml(markdown, url => "x.html", dropFirstTitle: true), Sectioned(markdown, sections));
    }

    [Theory]
    [InlineData("\n```\n## not a heading\n```\n")]
    [InlineData("\n[the docs]: https://example.org\n")]
    [InlineData("\n### Feature\n\n- again\n")]
    [InlineData("\n- see [Feature] above\n")]
    [InlineData("\n### Fonctionnalité\n")]
    [InlineData("\r\n")]
    public void What_could_read_across_sections_is_rendered_whole(string extra) =>
        Assert.Null(SafeMarkdown.Sections(Changelog(extra)));

    [Fact]
    public void A_short_draft_is_rendered_whole() => Assert.Null(SafeMarkdown.Sections("# a\n\n## b\n\n- c\n"));
}
