using System.Text;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Comms.Cli.Project;

/// <summary>
/// A Markdown draft as plain text, for places that show text as it is (a NuGet package's release notes), read with
/// Markdig: headings lose their marks, links keep their text, emphasis loses its markup, code spans keep their
/// backticks (so "Fixed `a` printing" keeps its meaning), lists stay lists, front matter and HTML comments go.
/// </summary>
public static class PlainText
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().UsePipeTables().Build();

    public static string FromMarkdown(string markdown)
    {
        var document = Markdown.Parse(markdown.Replace("\r\n", "\n", StringComparison.Ordinal), Pipeline);
        var output = new StringBuilder();
        foreach (var block in document)
        {
            Block(block, output, indent: string.Empty);
        }

        var text = output.ToString().Trim('\n');
        return text.Length == 0 ? "\n" : text + "\n";
    }

    private static void Block(Block block, StringBuilder output, string indent)
    {
        switch (block)
        {
            case YamlFrontMatterBlock or ThematicBreakBlock or HtmlBlock or LinkReferenceDefinitionGroup:
                return;
            case HeadingBlock heading:
                Paragraph(Inline(heading.Inline), output, indent);
                return;
            case ParagraphBlock paragraph:
                Paragraph(Inline(paragraph.Inline), output, indent);
                return;
            case CodeBlock code:
                Separate(output);
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                {
                    output.Append(indent).Append(line.ToString().TrimEnd()).Append('\n');
                }

                return;
            case ListBlock list:
                Separate(output);
                var number = int.TryParse(list.OrderedStart, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}. " : "- ";
                    var first = true;
                    foreach (var child in item)
                    {
                        if (first && child is ParagraphBlock p)
                        {
                            var text = Inline(p.Inline).Replace("\n", "\n" + indent + new string(' ', marker.Length), StringComparison.Ordinal);
                            output.Append(indent).Append(marker).Append(text).Append('\n');
                        }
                        else
                        {
                            var inner = new StringBuilder();
                            Block(child, inner, indent + new string(' ', marker.Length));
                            output.Append(first ? indent + marker + inner.ToString().TrimStart() : inner.ToString().Trim('\n') + "\n");
                        }

                        first = false;
                    }
                }

                output.Append('\n');
                return;
            case Table table:
                Separate(output);
                foreach (var row in table.OfType<TableRow>())
                {
                    var cells = row.OfType<TableCell>().Select(c => string.Join(' ', c.OfType<ParagraphBlock>().Select(p => Inline(p.Inline))));
                    output.Append(indent).Append(string.Join(" | ", cells)).Append('\n');
                }

                output.Append('\n');
                return;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    Block(child, output, indent);
                }

                return;
        }
    }

    private static void Separate(StringBuilder output)
    {
        if (output.Length > 0 && !(output.Length >= 2 && output[^1] == '\n' && output[^2] == '\n'))
        {
            output.Append(output[^1] == '\n' ? "\n" : "\n\n");
        }
    }

    private static void Paragraph(string text, StringBuilder output, string indent)
    {
        if (text.Length == 0)
        {
            return;
        }

        Separate(output);
        output.Append(indent).Append(text.Replace("\n", "\n" + indent, StringComparison.Ordinal)).Append("\n\n");
    }

    private static string Inline(ContainerInline? container)
    {
        var text = new StringBuilder();
        Inline(container, text);
        return string.Join('\n', text.ToString().Split('\n').Select(l => l.TrimEnd())).Trim();
    }

    private static void Inline(ContainerInline? container, StringBuilder text)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append('`').Append(code.Content).Append('`');
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LineBreakInline:
                    text.Append('\n');
                    break;
                case HtmlEntityInline entity:
                    text.Append(entity.Transcoded.ToString());
                    break;
                case HtmlInline:
                    break;
                case ContainerInline inner:
                    Inline(inner, text);
                    break;
            }
        }
    }
}
