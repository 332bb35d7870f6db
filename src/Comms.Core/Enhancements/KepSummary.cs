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

    /// <summary>The Summary's first paragraphs (at most about 1,500 characters, whole sentences), or null; "## Summary and Motivation" is a Summary too.</summary>
    public static string? FromReadme(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var start = Array.FindIndex(lines, l => Heading().Match(l) is { Success: true } h && h.Groups[1].Length == 2 &&
            (h.Groups[2].Value.Equals("Summary", StringComparison.OrdinalIgnoreCase) || h.Groups[2].Value.StartsWith("Summary and ", StringComparison.OrdinalIgnoreCase)));
        if (start < 0)
        {
            return null;
        }

        var end = Array.FindIndex(lines, start + 1, l => Heading().Match(l) is { Success: true } h && h.Groups[1].Length <= 2);
        var section = string.Join('\n', lines[(start + 1)..(end < 0 ? lines.Length : end)]);

        // Read as its users would read it, not as its approvers did ("This KEP proposes …" and footnote marks gone).
        return ProposalSpeak.Rewrite(Plain(section, 1500));
    }

    /// <summary>
    /// What the proposal says goes away with it: the answer to its production-readiness question "Is the rollout
    /// accompanied by any deprecations and/or removals …?" when it is not "No", else the Summary's sentences that
    /// deprecate or remove something; with the first sentence that says when ("removed in Kubernetes 1.38", and the
    /// sentence after it when that one starts "This"). Null when it says nothing goes away.
    /// </summary>
    public static (string What, string? When)? GoingAway(string markdown, string? summary)
    {
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal);
        var lines = text.Split('\n');
        string? what = null;
        var question = Array.FindIndex(lines, l => l.TrimStart().StartsWith('#') && l.Contains("accompanied by any deprecations", StringComparison.OrdinalIgnoreCase));
        if (question >= 0)
        {
            var end = Array.FindIndex(lines, question + 1, l => l.TrimStart().StartsWith('#'));
            var answer = Plain(string.Join('\n', lines[(question + 1)..(end < 0 ? lines.Length : end)]), 600);
            if (answer is not null && !NoAnswer().IsMatch(answer))
            {
                what = Sentences(YesPrefix().Replace(answer.Split("\n\n")[0], string.Empty), 400);
            }
        }

        if (what is null && summary is not null)
        {
            var said = SplitSentences(summary.Replace("\n\n", " ", StringComparison.Ordinal)).Where(s => GoesAway().IsMatch(s)).Take(2).ToArray();
            what = said.Length == 0 ? null : string.Join(' ', said);
        }

        if (what is null || what.Length < 12)
        {
            return null;
        }

        string? when = null;
        foreach (var paragraph in Comment().Replace(text, string.Empty).Split("\n\n"))
        {
            var trimmed = paragraph.Trim();
            if (when is not null || trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var sentences = SplitSentences(LineBreak().Replace(trimmed, " "));
            for (var i = 0; i < sentences.Length; i++)
            {
                if (When().IsMatch(sentences[i]) && sentences[i].Length < 300)
                {
                    when = sentences[i].Trim();
                    if (i + 1 < sentences.Length && sentences[i + 1].StartsWith("This ", StringComparison.Ordinal) && sentences[i + 1].Length < 300)
                    {
                        when += " " + sentences[i + 1].Trim();
                    }

                    break;
                }
            }
        }

        return (what.Replace("`", string.Empty, StringComparison.Ordinal), when?.Replace("`", string.Empty, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^\s*(?:\*\s*)?(?:no\b|n/a\b|none\b|not applicable\b|nope\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoAnswer();

    [GeneratedRegex(@"^\s*yes[,.:]?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex YesPrefix();

    [GeneratedRegex(@"\bdeprecat\w*\b|\b(?:will be|is|are) removed\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex GoesAway();

    [GeneratedRegex(@"\b(?:removed|dropped|deleted)\s+in\s+(?:Kubernetes\s+)?v?\d+\.\d+\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex When();

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
