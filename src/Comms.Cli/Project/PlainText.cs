using System.Text;
using System.Text.RegularExpressions;

namespace Comms.Cli.Project;

/// <summary>
/// A Markdown draft as plain text, for places that show text as it is (a NuGet package's release notes):
/// headings lose their marks, links keep their text, code spans and emphasis lose their markup; lists stay lists.
/// </summary>
public static partial class PlainText
{
    [GeneratedRegex(@"!?\[([^\]]*)\]\([^)]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"`+([^`]*)`+")]
    private static partial Regex Code();

    [GeneratedRegex(@"(\*\*|__)(.+?)\1")]
    private static partial Regex Strong();

    [GeneratedRegex(@"^(#{1,6})\s+")]
    private static partial Regex Heading();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    public static string FromMarkdown(string markdown)
    {
        var text = Comment().Replace(markdown.Replace("\r\n", "\n", StringComparison.Ordinal), string.Empty);
        var output = new StringBuilder();
        var blank = true;
        var fenced = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }

            if (!fenced)
            {
                line = Heading().Replace(line, string.Empty);
                line = Link().Replace(line, "$1");
                line = Code().Replace(line, "$1");
                line = Strong().Replace(line, "$2");
            }

            if (line.Length == 0)
            {
                if (!blank)
                {
                    output.Append('\n');
                }

                blank = true;
                continue;
            }

            output.Append(line).Append('\n');
            blank = false;
        }

        return output.ToString().TrimEnd('\n') + "\n";
    }
}
