using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using HandlebarsDotNet;
using Humanizer;

namespace Comms.Templates;

/// <summary>
/// Helpers available to every template:
/// <c>{{count n "enhancement"}}</c> "42 enhancements"; <c>{{join list}}</c> "A, B and C";
/// <c>{{date value "MMMM d, yyyy"}}</c>; <c>{{plain text}}</c> prose without Markdown or code names;
/// <c>{{indent text}}</c> continuation lines indented for a list item; <c>{{item text}}</c> the same without the note's own bullet; <c>{{first_sentence text}}</c>; <c>{{headline text}}</c> (plain first sentence, no period);
/// <c>{{eq a b}}</c>; <c>{{inc @index}}</c> (1-based numbering); <c>{{upper s}}</c>; <c>{{lower s}}</c>.
/// </summary>
public static partial class TemplateHelpers
{
    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z`])")]
    private static partial Regex SentenceEnd();

    public static void Register(IHandlebars handlebars)
    {
        handlebars.RegisterHelper("count", (_, args) => Count(Arg(args, 0), Arg(args, 1)?.ToString() ?? "item"));
        handlebars.RegisterHelper("join", (_, args) => Join(Arg(args, 0)));
        handlebars.RegisterHelper("date", (_, args) => Date(Arg(args, 0), Arg(args, 1)?.ToString()));
        handlebars.RegisterHelper("plain", (_, args) => Plain(Arg(args, 0)?.ToString() ?? string.Empty));
        handlebars.RegisterHelper("indent", (_, args) => (Arg(args, 0)?.ToString() ?? string.Empty).Replace("\n", "\n  ", StringComparison.Ordinal));
        handlebars.RegisterHelper("item", (_, args) => Item(Arg(args, 0)?.ToString() ?? string.Empty));
        handlebars.RegisterHelper("headline", (_, args) => Headline(Arg(args, 0)?.ToString() ?? string.Empty));
        handlebars.RegisterHelper("first_sentence", (_, args) => FirstSentence(Arg(args, 0)?.ToString() ?? string.Empty));
        handlebars.RegisterHelper("eq", (_, args) => Equals(Arg(args, 0)?.ToString(), Arg(args, 1)?.ToString()));
        handlebars.RegisterHelper("inc", (_, args) => Convert.ToInt32(Arg(args, 0) ?? 0, CultureInfo.InvariantCulture) + 1);
        handlebars.RegisterHelper("upper", (_, args) => (Arg(args, 0)?.ToString() ?? string.Empty).ToUpperInvariant());
        handlebars.RegisterHelper("lower", (_, args) => (Arg(args, 0)?.ToString() ?? string.Empty).ToLowerInvariant());
    }

    private static object? Arg(Arguments args, int index) => index < args.Length ? args[index] : null;

    /// <summary>"1 enhancement", "42 enhancements", "no enhancements".</summary>
    public static string Count(object? value, string noun)
    {
        var n = value is null ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
        return n == 0 ? $"no {noun.Pluralize()}" : noun.ToQuantity(n);
    }

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string Join(object? value)
    {
        var items = value is IEnumerable list and not string
            ? list.Cast<object?>().Select(i => i?.ToString() ?? string.Empty).Where(s => s.Length > 0).ToArray()
            : [];
        return items.Length switch
        {
            0 => string.Empty,
            1 => items[0],
            _ => string.Join(", ", items[..^1]) + " and " + items[^1],
        };
    }

    public static string Date(object? value, string? format)
    {
        format ??= "MMMM d, yyyy";
        return value switch
        {
            DateOnly d => d.ToString(format, CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToString(format, CultureInfo.InvariantCulture),
            string s when DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var d) => d.ToString(format, CultureInfo.InvariantCulture),
            null => string.Empty,
            _ => value.ToString() ?? string.Empty,
        };
    }

    /// <summary>
    /// Prose for readers who do not read code: Markdown links become their text and code names
    /// (<c>`PodReadinessGates`</c>) become words ("pod readiness gates").
    /// </summary>
    public static string Plain(string markdown)
    {
        var text = Link().Replace(markdown, "$1");
        text = CodeSpan().Replace(text, m => Words(m.Groups[1].Value));
        text = text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal);
        var lines = text.Split('\n').Select(l => l.Trim().TrimStart('-', '*', ' ')).Where(l => l.Length > 0);
        return string.Join(' ', lines);
    }

    private static string Words(string code)
    {
        var name = code.Trim().TrimStart('-').Split('=')[0];
        var last = name.Split('.', '/').Last(p => p.Length > 0 || name.Length == 0);
        var words = last.Replace('-', ' ').Replace('_', ' ').Humanize();
        if (words.Length == 0)
        {
            return code;
        }

        // "VM live migration" keeps its acronym; "In place workload resize" reads as "in place workload resize".
        var first = words.Split(' ')[0];
        return first.Length > 1 && first.All(char.IsUpper) ? words : char.ToLowerInvariant(words[0]) + words[1..];
    }

    /// <summary>A heading from a note: its first sentence in plain words, without the closing period.</summary>
    public static string Headline(string text) => Plain(FirstSentence(text)).TrimEnd('.', ' ');

    /// <summary>A note as a list item's content: no bullet of its own, continuation lines indented.</summary>
    public static string Item(string text) =>
        Bullet().Replace(text, string.Empty).Replace("\n", "\n  ", StringComparison.Ordinal);

    [GeneratedRegex(@"^[-*]+\s+")]
    private static partial Regex Bullet();

    public static string FirstSentence(string text)
    {
        var plain = text.Split('\n')[0].Trim();
        var parts = SentenceEnd().Split(plain);
        return parts.Length == 0 ? plain : parts[0];
    }
}
