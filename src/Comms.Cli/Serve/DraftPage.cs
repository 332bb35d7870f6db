using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Comms.Site.Render;
using YamlDotNet.RepresentationModel;

namespace Comms.Cli.Serve;

/// <summary>
/// A Markdown draft as the comms team reads it in <c>comms serve</c>: rendered with the site's safe Markdown and
/// styles, its front matter as a table, and every placeholder still to fill (<c>[CONFIRM …]</c>, <c>[Describe …]</c>,
/// <c>[AUTHOR NAME]</c>) highlighted and counted. <c>?raw</c> gives the Markdown itself.
/// </summary>
public static partial class DraftPage
{
    private static readonly SafeMarkdown Markdown = new(allowRelativeLinks: true, headingIds: true);

    /// <summary>
    /// A bracketed instruction to the writer: those that hold a page back (<see cref="Comms.Site.Publish.DraftPolicy"/>),
    /// and any of two or more upper-case words ("[WEBINAR HOSTS]"); "[SIG Node]" is not one.
    /// </summary>
    [GeneratedRegex(@"\[[A-Z]{2,}(?: [A-Z]{2,})+(?::[^\]\n<]*)?\](?!\()", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Capitals();

    private static IEnumerable<Match> Matches(string text) =>
        Comms.Site.Publish.DraftPolicy.PlaceholderPattern.Matches(text).Concat(Capitals().Matches(text))
            .GroupBy(m => m.Index).Select(g => g.OrderByDescending(m => m.Length).First()).OrderBy(m => m.Index);

    [GeneratedRegex(@"\A---[ \t]*\r?\n(?<yaml>.*?)\r?\n---[ \t]*(?:\r?\n|\z)", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FrontMatter();

    /// <summary>The number of placeholders in <paramref name="markdown"/>.</summary>
    public static int Placeholders(string markdown) => Matches(markdown).Count();

    public static string Html(string name, string markdown, IReadOnlyList<string> warnings)
    {
        var count = Placeholders(markdown);
        var body = new StringBuilder();
        var front = FrontMatter().Match(markdown);
        if (front.Success)
        {
            body.Append(FrontMatterTable(front.Groups["yaml"].Value));
            markdown = markdown[front.Length..];
        }

        var page = new StringBuilder();
        page.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(name)).Append(" (draft)</title>")
            .Append("<link rel=\"stylesheet\" href=\"/assets/style.css\"><style>").Append(Style).Append("</style></head><body><main>")
            .Append("<p class=\"draft-banner\" role=\"note\"><strong>DRAFT</strong>: ").Append(WebUtility.HtmlEncode(name))
            .Append(", a working draft. <a href=\"/drafts/\">All drafts</a> · <a href=\"?raw\">Markdown</a></p>");
        page.Append(count == 0
            ? "<p class=\"comms-ready\">No placeholders left.</p>"
            : $"<p class=\"comms-todo\" role=\"status\">{Plural.Count(count, "placeholder")} to fill, highlighted below.</p>");
        if (warnings.Count > 0)
        {
            page.Append("<details class=\"comms-warnings\"><summary>").Append(Plural.Count(warnings.Count, "warning")).Append(" in the last build</summary><ul>");
            foreach (var warning in warnings)
            {
                page.Append("<li>").Append(WebUtility.HtmlEncode(warning)).Append("</li>");
            }

            page.Append("</ul></details>");
        }

        page.Append(body).Append("<article class=\"comms-draft\">").Append(Highlight(Markdown.ToHtml(markdown, link => link))).Append("</article></main></body></html>");
        return page.ToString();
    }

    /// <summary>Placeholders in the text of the HTML (never inside a tag) wrapped in <c>&lt;mark&gt;</c>.</summary>
    public static string Highlight(string html)
    {
        var result = new StringBuilder(html.Length);
        var at = 0;
        while (at < html.Length)
        {
            var tag = html.IndexOf('<', at);
            var text = tag < 0 ? html[at..] : html[at..tag];
            var last = 0;
            foreach (var m in Matches(text).Where(m => m.Index >= 0))
            {
                if (m.Index < last)
                {
                    continue;
                }

                result.Append(text, last, m.Index - last).Append("<mark class=\"comms-placeholder\">").Append(m.Value).Append("</mark>");
                last = m.Index + m.Length;
            }

            result.Append(text, last, text.Length - last);
            if (tag < 0)
            {
                break;
            }

            var end = html.IndexOf('>', tag);
            end = end < 0 ? html.Length - 1 : end;
            result.Append(html, tag, end - tag + 1);
            at = end + 1;
        }

        return result.ToString();
    }

    private static string FrontMatterTable(string yaml)
    {
        var table = new StringBuilder("<table class=\"comms-front-matter\"><caption>Front matter</caption><tbody>");
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode map)
            {
                foreach (var (key, value) in map.Children)
                {
                    table.Append("<tr><th scope=\"row\">").Append(WebUtility.HtmlEncode(key.ToString())).Append("</th><td>")
                        .Append(Highlight(WebUtility.HtmlEncode(Flat(value)))).Append("</td></tr>");
                }

                return table.Append("</tbody></table>").ToString();
            }
        }
        catch (YamlDotNet.Core.YamlException)
        {
            // Shown as it is below.
        }

        return $"<pre class=\"comms-front-matter\">{WebUtility.HtmlEncode(yaml)}</pre>";
    }

    private static string Flat(YamlNode node) => node switch
    {
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        YamlSequenceNode sequence => string.Join(", ", sequence.Children.Select(Flat)),
        YamlMappingNode mapping => string.Join("; ", mapping.Children.Select(c => $"{Flat(c.Key)}: {Flat(c.Value)}")),
        _ => string.Empty,
    };

    /// <summary>Colours with at least 4.5:1 contrast (WCAG AA) against their backgrounds.</summary>
    public const string Style = """
        .comms-placeholder { background: #fff3b0; color: #1b1b1b; outline: 2px solid #8a5a00; padding: 0 .15rem; }
        .comms-todo { background: #fff3b0; color: #1b1b1b; border-left: 4px solid #8a5a00; padding: .5rem .75rem; }
        .comms-ready { color: #1f5f2a; }
        .comms-warnings { border: 1px solid #8a5a00; padding: .25rem .75rem; margin: .5rem 0; background: #fffaf0; color: #1b1b1b; }
        .comms-front-matter { margin: 1rem 0; }
        .comms-front-matter th { text-align: left; padding-right: 1rem; vertical-align: top; }
        .comms-front-matter caption { text-align: left; font-weight: 700; }
        .draft-banner { background: #8a1c1c; color: #ffffff; padding: .5rem .75rem; }
        .draft-banner a { color: #ffffff; }
        """;
}
