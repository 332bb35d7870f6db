using Comms.Core.Config;
using Comms.Core.Model;

namespace Comms.Core.Extract;

/// <summary>Reads the links of a <c>docs</c> block: <c>- [KEP]: https://...</c>, one per line.</summary>
public static class DocsBlock
{
    public static IReadOnlyList<Documentation> Parse(string content, NotesConfig config)
    {
        var docs = new List<Documentation>();
        foreach (var rawLine in content.Split('\n'))
        {
            var line = rawLine.Trim();
            var at = line.IndexOf("http", StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var description = line[..at].Trim(' ', ':', '-', '\t');
            var url = line[at..].Trim();
            var space = url.IndexOfAny([' ', '\t']);
            if (space > 0)
            {
                url = url[..space];
            }

            // Markdown link syntax, "[KEP](https://...)", and autolinks, "<https://...>": drop the brackets.
            var opener = description.Length > 0 ? description[^1] : '\0';
            if ((opener == '(' && url.EndsWith(')')) || (opener == '<' && url.EndsWith('>')))
            {
                description = description[..^1].Trim(' ', ':', '-', '\t');
                url = url[..^1];
            }

            docs.Add(new Documentation(description, url, TypeOf(url, config)));
        }

        return docs;
    }

    public static string TypeOf(string url, NotesConfig config)
    {
        foreach (var rule in config.DocTypes)
        {
            if (url.Contains(rule.UrlContains, StringComparison.OrdinalIgnoreCase))
            {
                return rule.Type;
            }
        }

        return "external";
    }
}
