namespace Comms.Site.Load;

/// <summary>Splits YAML front matter (between <c>---</c> lines at the top) from Markdown.</summary>
internal static class FrontMatter
{
    public static (string Body, string? Title) Strip(string markdown)
    {
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return (text, null);
        }

        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return (text, null);
        }

        var header = text[4..end];
        var after = text.IndexOf('\n', end + 4);
        var body = after < 0 ? string.Empty : text[(after + 1)..];
        string? title = null;
        foreach (var line in header.Split('\n'))
        {
            if (line.StartsWith("title:", StringComparison.Ordinal))
            {
                title = line[6..].Trim().Trim('"', '\'');
            }
        }

        return (body, string.IsNullOrEmpty(title) ? null : title);
    }
}
