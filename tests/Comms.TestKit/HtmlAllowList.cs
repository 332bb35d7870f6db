using AngleSharp.Html.Parser;
using Markdig;

namespace Comms.TestKit;

/// <summary>
/// Renders Markdown as Hugo does with raw HTML on (CommonMark, GitHub extensions, HTML passed through) and lists
/// every element, attribute or URL outside what plain Markdown produces.
/// </summary>
public static class HtmlAllowList
{
    private static readonly MarkdownPipeline HtmlOn = new MarkdownPipelineBuilder()
        .UsePipeTables().UseEmphasisExtras().UseTaskLists().UseAutoLinks().UseFootnotes().UseDefinitionLists()
        .UseGenericAttributes()
        .Build();

    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "html", "head", "body", "p", "ul", "ol", "li", "code", "pre", "em", "strong", "a", "h1", "h2", "h3", "h4", "h5", "h6",
        "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "del", "sub", "sup", "input", "div", "section",
        "dl", "dt", "dd", "img", "mark", "ins",
    };

    private static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        "href", "src", "alt", "title", "id", "class", "start", "type", "checked", "disabled", "style", "align", "rel",
        "data-footnote-ref", "data-footnotes", "data-footnote-backref", "aria-label", "role", "tabindex", "data-lang",
    };

    public static string Render(string markdown) => Markdig.Markdown.ToHtml(markdown, HtmlOn);

    public static IReadOnlyList<string> Problems(string markdown, bool allowRemoteImages = false) =>
        ProblemsInHtml(Render(markdown), allowRemoteImages);

    /// <summary>The same check on HTML another renderer made (Hugo, cmark-gfm).</summary>
    public static IReadOnlyList<string> ProblemsInHtml(string html, bool allowRemoteImages = false)
    {
        using var doc = new HtmlParser().ParseDocument(html);
        var problems = new List<string>();
        foreach (var element in doc.All)
        {
            if (!Elements.Contains(element.LocalName))
            {
                problems.Add($"element <{element.LocalName}>");
            }

            if (element.LocalName == "input" && element.GetAttribute("type") != "checkbox")
            {
                problems.Add("an input that is not a task-list checkbox");
            }

            foreach (var attribute in element.Attributes)
            {
                if (!Attributes.Contains(attribute.Name))
                {
                    problems.Add($"attribute {attribute.Name} on <{element.LocalName}>");
                }
                else if (attribute.Name == "style" && (element.LocalName is not ("th" or "td") || !attribute.Value.StartsWith("text-align:", StringComparison.Ordinal)))
                {
                    problems.Add($"style \"{attribute.Value}\" on <{element.LocalName}>");
                }
                else if (attribute.Name is "href" or "src" && Comms.Core.Markdown.SafeUrl.Clean(attribute.Value, allowRelative: true) is null)
                {
                    problems.Add($"URL {attribute.Value}");
                }
                else if (attribute.Name == "src" && !allowRemoteImages && Comms.Core.Markdown.SafeUrl.IsRemote(attribute.Value))
                {
                    problems.Add($"remote image {attribute.Value}");
                }
            }
        }

        return problems;
    }
}
