using System.Text;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Comms.Site.Render;

/// <summary>
/// Markdown to HTML for untrusted text: raw HTML is escaped (shown as text), links keep only allowed URLs
/// (see <see cref="SafeUrl"/>), images become plain links so no page loads anything from elsewhere.
/// Headings move down by <c>headingShift</c> levels (and to at least <c>minHeading</c>) to fit the page's outline; a negative shift makes them paragraphs.
/// </summary>
public sealed class SafeMarkdown(bool allowRelativeLinks, int headingShift = 0, bool headingIds = false, int minHeading = 1)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().DisableHtml().Build();

    // Drafts get GitHub-style heading ids, so a draft's own "#upgrade-notes" link lands on its heading.
    private static readonly MarkdownPipeline WithIds = new MarkdownPipelineBuilder().UsePipeTables().UseAutoIdentifiers(AutoIdentifierOptions.GitHub).DisableHtml().Build();

    private MarkdownPipeline Current => headingIds ? WithIds : Pipeline;

    public string ToHtml(string markdown) => ToHtml(markdown, null);

    /// <summary>
    /// Renders <paramref name="markdown"/>; <paramref name="relativeLink"/> (where relative links are allowed) maps each
    /// relative URL to the one to write, or to null to keep only the link's text.
    /// </summary>
    public string ToHtml(string markdown, Func<string, string?>? relativeLink, bool dropFirstTitle = false) =>
        ToHtml(markdown, relativeLink, dropFirstTitle, out _);

    /// <summary>As <see cref="ToHtml(string, Func{string, string?}?, bool)"/>; <paramref name="title"/> is the text of the leading level-1 heading that was dropped.</summary>
    public string ToHtml(string markdown, Func<string, string?>? relativeLink, bool dropFirstTitle, out string? title)
    {
        var pipeline = Current;
        var document = Markdown.Parse(markdown ?? string.Empty, pipeline);
        title = null;
        if (dropFirstTitle && document.Count > 0 && document[0] is HeadingBlock { Level: 1 } first)
        {
            // The page's <h1> already says it: the draft's own title would be a second one.
            title = string.Concat(first.Inline?.Descendants<LiteralInline>().Select(l => l.Content.ToString()) ?? []);
            document.RemoveAt(0);
        }

        Sanitize(document, relativeLink);
        // The pipeline's cached renderer (made and set up once, not once per note).
        // A block that scrolls sideways (code, tables) can be reached and scrolled with the keyboard.
        return Markdown.ToHtml(document, pipeline)
            .Replace("<pre><code", "<pre tabindex=\"0\"><code", StringComparison.Ordinal)
            .Replace("<table>", "<table tabindex=\"0\">", StringComparison.Ordinal);
    }

    /// <summary>Documents shorter than this are always rendered whole.</summary>
    public const int SectionedLength = 1 << 20;

    /// <summary>
    /// A long document's top-level sections (each from a heading at the start of a line to the next), when rendering
    /// them one by one gives the HTML the whole document gives: nothing in it that one part can refer to or hold open
    /// across another (no fence, no link reference definition, no carriage return) and no two headings whose ids could
    /// clash (ids are made unique per document). Null otherwise, or for a document shorter than <see cref="SectionedLength"/>.
    /// </summary>
    public static IReadOnlyList<Range>? Sections(string markdown)
    {
        if (markdown.Length < SectionedLength || markdown.AsSpan().IndexOfAny('\r', '\0') >= 0 ||
            markdown.Contains("```", StringComparison.Ordinal) || markdown.Contains("~~~", StringComparison.Ordinal) ||
            markdown.Contains("]:", StringComparison.Ordinal))
        {
            return null;
        }

        var starts = new List<int>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var words = new List<string>();
        for (var at = 0; at < markdown.Length; at = markdown.IndexOf('\n', at) is var nl and >= 0 ? nl + 1 : markdown.Length)
        {
            if (markdown[at] != '#')
            {
                continue;
            }

            var end = markdown.IndexOf('\n', at);
            var line = markdown.AsSpan(at, (end < 0 ? markdown.Length : end) - at);
            var level = line.IndexOfAnyExcept('#');
            if (level is < 1 or > 6 || line[level] != ' ')
            {
                return null; // "#tag" or "####### x": not a heading, or one to leave to the parser
            }

            // The letters and digits of a heading make its id; any two alike and the document is rendered whole. So is
            // one whose text could be a link to a heading elsewhere ("[Feature]"), or a heading beyond ASCII.
            var text = line[(level + 1)..].Trim();
            var key = new StringBuilder();
            foreach (var c in text)
            {
                if (!char.IsAscii(c))
                {
                    return null;
                }

                if (char.IsAsciiLetterOrDigit(c))
                {
                    key.Append(char.ToLowerInvariant(c));
                }
            }

            var word = text.IndexOfAny(' ', '\t') is var space and >= 0 ? text[..space] : text;
            if (!ids.Add(key.ToString()) || word.IsEmpty)
            {
                return null;
            }

            words.Add(word.ToString());

            starts.Add(at);
        }

        if (starts.Count < 2)
        {
            return null;
        }

        // A link to a heading elsewhere would be "[" and the heading's text: one pass over the brackets.
        for (var at = markdown.IndexOf('['); at >= 0; at = markdown.IndexOf('[', at + 1))
        {
            var after = markdown.AsSpan(at + 1);
            foreach (var word in words)
            {
                if (after.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }
        }

        if (starts[0] != 0)
        {
            starts.Insert(0, 0);
        }

        return starts.Select((start, i) => new Range(start, i + 1 < starts.Count ? starts[i + 1] : markdown.Length)).ToArray();
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

    private void Sanitize(MarkdownDocument document, Func<string, string?>? relativeLink)
    {
        // One walk of the tree (in its order) finds what to change; the changes move nodes, never make new links.
        List<HeadingBlock>? headings = null;
        List<LinkInline>? links = null;
        List<AutolinkInline>? autolinks = null;
        foreach (var node in document.Descendants())
        {
            switch (node)
            {
                case HeadingBlock heading:
                    (headings ??= []).Add(heading);
                    break;
                case LinkInline link:
                    (links ??= []).Add(link);
                    break;
                case AutolinkInline autolink:
                    (autolinks ??= []).Add(autolink);
                    break;
            }
        }

        foreach (var heading in headings ?? [])
        {
            if (headingShift >= 0)
            {
                heading.Level = Math.Max(minHeading, Math.Min(6, heading.Level + headingShift));
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

        foreach (var link in links ?? [])
        {
            link.IsImage = false;
            var url = SafeUrl.Clean(link.GetDynamicUrl?.Invoke() ?? link.Url, allowRelativeLinks);
            link.GetDynamicUrl = null;
            if (url is not null && relativeLink is not null && SafeUrl.Clean(url) is null)
            {
                url = relativeLink(url);
            }

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

        foreach (var auto in autolinks ?? [])
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
