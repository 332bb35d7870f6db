using System.Text;
using System.Text.RegularExpressions;

namespace Comms.Core.Extract;

/// <summary>The text clean-up Kubernetes applies to a note (see KUBERNETES-RULES.md).</summary>
public static partial class NoteText
{
    [GeneratedRegex(@"\[action required\]\s*|action required:\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActionRequiredMarker();

    [GeneratedRegex(@"^(\s*)\* ", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex StarListMarker();

    public static bool HasActionRequiredMarker(string text) => ActionRequiredMarker().IsMatch(text);

    /// <summary>Strips <c>\r</c> and the action-required markers, turns <c>* </c> list markers into <c>- </c>,
    /// unlists a single-item note and trims.</summary>
    public static string Clean(string raw)
    {
        var text = raw.Replace("\r", string.Empty, StringComparison.Ordinal);
        text = ActionRequiredMarker().Replace(text, string.Empty);
        text = StarListMarker().Replace(text, "$1- ");
        text = text.Trim();
        return Unlist(text);
    }

    /// <summary>A note that is a single list item loses its marker.</summary>
    public static string Unlist(string text)
    {
        if (!text.StartsWith("- ", StringComparison.Ordinal))
        {
            return text;
        }

        var lines = text.Split('\n');
        var items = lines.Count(l => l.TrimStart().StartsWith("- ", StringComparison.Ordinal));
        return items == 1 ? text[2..].TrimStart() : text;
    }

    /// <summary>Upper-cases the first character, as the Kubernetes Markdown does.</summary>
    public static string Capitalize(string text)
    {
        if (text.Length == 0 || !char.IsLower(text[0]))
        {
            return text;
        }

        var builder = new StringBuilder(text);
        builder[0] = char.ToUpperInvariant(text[0]);
        return builder.ToString();
    }
}
