using Comms.Core.Diagnostics;
using Comms.Site.Pages;
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
