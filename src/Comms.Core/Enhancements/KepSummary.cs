using System.Text.RegularExpressions;

namespace Comms.Core.Enhancements;

/// <summary>The <c>## Summary</c> section of a KEP's README as plain prose: links to their text, no code marks, no HTML comments.</summary>
public static partial class KepSummary
{
    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"!\[[^\]]*\]\([^)]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]*\)|\[([^\]]+)\]\[[^\]]*\]")]
    private static partial Regex Link();

    [GeneratedRegex(@"^\s*\[[^\]]+\]:\s*\S*\s*$", RegexOptions.Multiline)]
    private static partial Regex Reference();

    [GeneratedRegex(@"[ \t]*\r?\n[ \t]*")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"^(#{1,6})\s*(.+?)\s*#*\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    /// <summary>The Summary's first paragraphs (at most about 1,500 characters, whole sentences), or null.</summary>
    public static string? FromReadme(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => Heading().Match(l) is { Success: true } h && h.Groups[1].Length == 2 &&
            h.Groups[2].Value.Equals("Summary", StringComparison.OrdinalIgnoreCase));
        if (start < 0)
        {
            return null;
        }

        var end = Array.FindIndex(lines, start + 1, l => Heading().Match(l) is { Success: true } h && h.Groups[1].Length <= 2);
        var section = string.Join('\n', lines[(start + 1)..(end < 0 ? lines.Length : end)]);

        // Read as its users would read it, not as its approvers did ("This KEP proposes …" and footnote marks gone).
        return ProposalSpeak.Rewrite(Plain(section, 1500));
    }

    /// <summary>Markdown to prose: paragraphs (lists and code blocks left out) until <paramref name="limit"/> characters.</summary>
    public static string? Plain(string markdown, int limit)
    {
        var text = Comment().Replace(markdown, string.Empty);
        text = Reference().Replace(text, string.Empty);
        text = Image().Replace(text, string.Empty);
        text = Link().Replace(text, m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
        var paragraphs = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => BeforeList(p.Trim()))
            .Where(p => p.Length > 0 && !p.StartsWith("```", StringComparison.Ordinal) && !p.StartsWith('-') && !p.StartsWith('*') &&
                        !p.StartsWith('|') && !p.StartsWith('>') && !p.StartsWith('#') && !char.IsDigit(p[0]))
            .Select(p => LineBreak().Replace(p, " ").Replace("**", string.Empty, StringComparison.Ordinal)
                .Replace("__", string.Empty, StringComparison.Ordinal).Replace("`", string.Empty, StringComparison.Ordinal).Trim())
            .Where(p => p.Length > 0);
        var result = new List<string>();
        var length = 0;
        foreach (var paragraph in paragraphs)
        {
            if (length > 0 && length + paragraph.Length > limit)
            {
                break;
            }

            result.Add(length == 0 && paragraph.Length > limit ? Sentences(paragraph, limit) : paragraph);
            length += paragraph.Length;
        }

        return result.Count == 0 ? null : string.Join("\n\n", result);
    }

    /// <summary>A paragraph up to a list it runs into ("so long as: - A …"), without the sentence that introduces the list.</summary>
    private static string BeforeList(string paragraph)
    {
        var lines = paragraph.Split('\n');
        var list = Array.FindIndex(lines, l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal) || l.TrimStart().StartsWith("* ", StringComparison.Ordinal));
        if (list <= 0)
        {
            return paragraph;
        }

        var before = string.Join('\n', lines[..list]).TrimEnd();
        if (before.EndsWith(':'))
        {
            var sentences = SentenceEnd().Split(LineBreak().Replace(before, " "));
            before = string.Join(' ', sentences[..^1]);
        }

        return before;
    }

    /// <summary>Whole sentences of <paramref name="text"/> up to about <paramref name="limit"/> characters (at least one).</summary>
    public static string Sentences(string text, int limit)
    {
        var sentences = SentenceEnd().Split(text);
        var kept = new List<string>();
        var length = 0;
        foreach (var sentence in sentences)
        {
            if (kept.Count > 0 && length + sentence.Length > limit)
            {
                break;
            }

            kept.Add(sentence);
            length += sentence.Length + 1;
        }

        return string.Join(' ', kept);
    }

    // A sentence ends at . ! or ? after a word, a number, a bracket or a quote, before a capital or a quote.
    [GeneratedRegex(@"(?<=[a-z0-9)\]""'][.!?])\s+(?=[A-Z""'])")]
    private static partial Regex SentenceEnd();

    /// <summary>The sentences of a text (the one sentence splitter of proposals' prose).</summary>
    internal static string[] SplitSentences(string text) => SentenceEnd().Split(text);
}
