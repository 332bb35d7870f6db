using System.Text.RegularExpressions;

namespace Comms.Core.Compose;

/// <summary>A highlight's headline: the enhancement's title, else the note's whole first sentence (links to their text, runs of spaces as one, no closing period).</summary>
public static partial class HighlightTitle
{
    // A sentence ends after a word, a number, a bracket or an acronym ("to GA."), before a capital.
    [GeneratedRegex(@"(?<=(?:[a-z0-9)`\]]|[A-Z]{2})[.!?])\s+(?=[A-Z`])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"[ \t]{2,}")]
    private static partial Regex Spaces();

    /// <summary>Runs of spaces and tabs as one space (a note's "kubelet:  removed").</summary>
    public static string OneSpace(string text) => Spaces().Replace(text, " ");

    public static string Of(Highlight highlight) => highlight.Title ?? Of(highlight.Text);

    public static string Of(string text)
    {
        var line = OneSpace(text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')[0].Trim().TrimStart('-', '*', ' '));
        var first = SentenceEnd().Split(line)[0];
        return Link().Replace(first, "$1").TrimEnd('.', ' ', ':', ';');
    }
}
