using System.Text;

namespace Comms.Core.Changelog;

/// <summary>Markdown safety for text that comes from pull requests.</summary>
public static class MarkdownText
{
    /// <summary>
    /// Escapes <c>&lt;</c> and <c>&gt;</c> outside code spans and fenced blocks, so raw HTML written in a PR
    /// shows as text on any site that renders the Markdown (even one that allows raw HTML).
    /// </summary>
    public static string EscapeHtml(string markdown)
    {
        if (markdown.IndexOfAny(['<', '>']) < 0)
        {
            return markdown;
        }

        var builder = new StringBuilder(markdown.Length + 16);
        var inFence = false;
        foreach (var line in markdown.Split('\n'))
        {
            if (builder.Length > 0)
            {
                builder.Append('\n');
            }

            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                inFence = !inFence;
                builder.Append(line);
                continue;
            }

            if (inFence)
            {
                builder.Append(line);
                continue;
            }

            var ticks = 0;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (c == '`')
                {
                    var run = 1;
                    while (i + run < line.Length && line[i + run] == '`')
                    {
                        run++;
                    }

                    ticks = ticks == 0 ? run : ticks == run ? 0 : ticks;
                    builder.Append('`', run);
                    i += run - 1;
                    continue;
                }

                builder.Append(ticks == 0 && c == '<' ? "&lt;" : ticks == 0 && c == '>' ? "&gt;" : c.ToString());
            }
        }

        return builder.ToString();
    }
}
