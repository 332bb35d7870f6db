using Comms.Cli.Project;

namespace Comms.Cli.Tests;

/// <summary>Markdown drafts as plain text (package release notes), read with Markdig.</summary>
public sealed class PlainTextTests
{
    [Theory]
    [InlineData("Fixed `a` printing.", "Fixed `a` printing.\n")]
    [InlineData("# v1.2.0\n\n## Changes\n", "v1.2.0\n\nChanges\n")]
    [InlineData("- Added [the widget](https://example.org/w) (**fast**) ([#7](https://x/7), [@dev](https://x/dev))\n- Second\n", "- Added the widget (fast) (#7, @dev)\n- Second\n")]
    [InlineData("---\ntitle: \"Post\"\ndraft: true\n---\n\nBody with *emphasis* and a_snake_case name.\n", "Body with emphasis and a_snake_case name.\n")]
    [InlineData("<!-- comms: hidden -->\nText &amp; more.\n", "Text & more.\n")]
    [InlineData("Intro:\n\n```yaml\nkey: `value`\n```\n\n1. one\n2. two\n", "Intro:\n\nkey: `value`\n\n1. one\n2. two\n")]
    [InlineData("| a | b |\n|---|---|\n| `x` | y |\n", "a | b\n`x` | y\n")]
    public void Markdown_becomes_plain_text(string markdown, string text) =>
        Assert.Equal(text, PlainText.FromMarkdown(markdown));
}
