using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Comms.Site.Render;

/// <summary>
/// Markdown to HTML for untrusted text: raw HTML is escaped (shown as text), links keep only allowed URLs
/// (see <see cref="SafeUrl"/>), images become plain links so no page loads anything from elsewhere.
/// Headings move down by <c>headingShift</c> levels to fit the page's outline; a negative shift makes them paragraphs.
/// </summary>
public sealed class SafeMarkdown(bool allowRelativeLinks, int headingShift = 0)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    public string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown ?? string.Empty, Pipeline);
        Sanitize(document);
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    /// <summary>One paragraph of inline HTML: the outer <c>&lt;p&gt;</c> is dropped when it is the only block.</summary>
    public string ToInlineHtml(string markdown)
    {
        var html = ToHtml(markdown).TrimEnd('\n');
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) &&
               html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0
            ? html[3..^4]
            : html;
    }

    private void Sanitize(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>().ToArray())
        {
            if (headingShift >= 0)
            {
                heading.Level = Math.Min(6, heading.Level + headingShift);
            }
            else if (heading.Parent is { } parent)
            {
                // Headings inside a note would break the page's outline: they become paragraphs.
                var inlines = new ContainerInline();
                foreach (var child in heading.Inline?.ToArray() ?? [])
                {
                    child.Remove();
                    inlines.AppendChild(child);
                }

                var index = parent.IndexOf(heading);
                parent.RemoveAt(index);
                parent.Insert(index, new ParagraphBlock { Inline = inlines });
            }
        }

        foreach (var link in document.Descendants<LinkInline>().ToArray())
        {
            link.IsImage = false;
            var url = SafeUrl.Clean(link.GetDynamicUrl?.Invoke() ?? link.Url, allowRelativeLinks);
            link.GetDynamicUrl = null;
            if (url is null)
            {
                Unwrap(link);
            }
            else
            {
                link.Url = url;
                link.Title = null;
            }
        }

        foreach (var auto in document.Descendants<AutolinkInline>().ToArray())
        {
            var url = auto.IsEmail ? "mailto:" + auto.Url : SafeUrl.Clean(auto.Url);
            if (url is null)
            {
                auto.ReplaceBy(new LiteralInline(auto.Url));
            }
        }
    }

    /// <summary>Replaces a link by its text.</summary>
    private static void Unwrap(LinkInline link)
    {
        var parent = link.Parent;
        if (parent is null)
        {
            return;
        }

        var children = link.ToArray();
        if (children.Length == 0)
        {
            link.ReplaceBy(new LiteralInline(link.Url ?? string.Empty));
            return;
        }

        Inline anchor = link;
        foreach (var child in children)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }

        link.Remove();
    }
}
