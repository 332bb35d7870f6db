using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Comms.Core.Markdown;

/// <summary>
/// How deeply Markdown nests (quotes in lists in quotes, emphasis in links in emphasis…), measured without recursion.
/// Text past <see cref="Limit"/> is refused where it enters (a PR's note, a map's text) with a located error, so no
/// renderer (Markdig here, goldmark or cmark-gfm downstream, the site) meets it; Markdig itself gives up at 128.
/// </summary>
public static class MarkdownDepth
{
    /// <summary>Levels a note may nest; real notes use a handful.</summary>
    public const int Limit = 32;

    private static MarkdownPipeline Pipeline => SafeMarkdownText.Pipeline;

    /// <summary>The depth of <paramref name="text"/> when it is past the limit, else null.</summary>
    public static int? TooDeep(string text)
    {
        // A cheap bound first: nesting needs markup characters, so short or plain text is never deep.
        var markup = 0;
        foreach (var c in text)
        {
            // Every level needs one of these: a quote, a list marker, emphasis, a link, a footnote or definition.
            if (c is '>' or '*' or '_' or '[' or '-' or '+' or '~' or '.' or ')' or ':')
            {
                markup++;
            }
        }

        if (markup < Limit)
        {
            return null;
        }

        MarkdownDocument document;
        try
        {
            document = Markdig.Markdown.Parse(text, Pipeline);
        }
        catch (ArgumentException)
        {
            return 128; // Markdig's own depth limit
        }
        catch (InvalidOperationException)
        {
            return 128;
        }

        var depth = Depth(document);
        return depth > Limit ? depth : null;
    }

    private static int Depth(MarkdownObject root)
    {
        var deepest = 0;
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth);
            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container)
                    {
                        pending.Push((child, depth + 1));
                    }

                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, depth + 1));
                    break;
                case ContainerInline inlines:
                    for (var child = inlines.FirstChild; child is not null; child = child.NextSibling)
                    {
                        pending.Push((child, depth + 1));
                    }

                    break;
            }
        }

        return deepest;
    }
}
