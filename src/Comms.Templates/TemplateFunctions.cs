using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Humanizer;
using Scriban.Runtime;

namespace Comms.Templates;

/// <summary>
/// The functions every template can call, besides Scriban's built-ins (documented with examples in
/// docs/templates.md): <c>count n "enhancement"</c> "42 enhancements"; <c>join list</c> "A, B and C";
/// <c>format_date value "MMMM d, yyyy"</c>; <c>ordinal n</c> "21st"; <c>words n</c> "three"; <c>plain text</c> prose
/// without Markdown or code names; <c>indent text</c>; <c>item text</c>; <c>first_sentence text</c>;
/// <c>headline text</c>. Counts, lists and numbers come from Humanizer.
/// </summary>
public static partial class TemplateFunctions
{
    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z`])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"^[-*]+\s+")]
    private static partial Regex Bullet();

    /// <summary>The functions as one read-only Scriban object, pushed under the model of every render.</summary>
    public static ScriptObject Object { get; } = Create();

    // Scriban imports the functions by reflection over Exposed's public static methods: the DynamicDependency keeps
    // exactly those methods in the trimmed native tool, so the import sees what it sees when JIT-compiled.
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, typeof(Exposed))]
    // Scriban's own built-ins (string.slice, array.sort, ...) are imported the same way: kept whole, so a theme may call
    // any of them in the native tool, not only those the tool itself happens to reference.
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, typeof(Scriban.Functions.ArrayFunctions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, typeof(Scriban.Functions.DateTimeFunctions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, typeof(Scriban.Functions.HtmlFunctions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, typeof(Scriban.Functions.MathFunctions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, typeof(Scriban.Functions.ObjectFunctions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, typeof(Scriban.Functions.RegexFunctions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, typeof(Scriban.Functions.StringFunctions))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, typeof(Scriban.Functions.TimeSpanFunctions))]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Exposed's public methods are kept by the DynamicDependency above.")]
    private static ScriptObject Create()
    {
        var functions = new ScriptObject();
        functions.Import(typeof(Exposed));
        functions.IsReadOnly = true;
        return functions;
    }

    /// <summary>What templates call (Scriban names them in snake_case: <c>first_sentence</c>).</summary>
    private static class Exposed
    {
        public static string Count(object? value, string noun) => TemplateFunctions.Count(value, noun);

        public static string Join(object? list) => TemplateFunctions.Join(list);

        public static string FormatDate(object? value, string? format = null) => TemplateFunctions.Date(value, format);

        public static string Ordinal(object? value) => TemplateFunctions.Ordinal(value);

        public static string Words(object? value) => TemplateFunctions.Words(value);

        public static string Plain(string? text) => TemplateFunctions.Plain(text ?? string.Empty);

        public static string Indent(string? text) => (text ?? string.Empty).Replace("\n", "\n  ", StringComparison.Ordinal);

        public static string Item(string? text) => TemplateFunctions.Item(text ?? string.Empty);

        public static string FirstSentence(string? text) => TemplateFunctions.FirstSentence(text ?? string.Empty);

        public static string Headline(string? text) => TemplateFunctions.Headline(text ?? string.Empty);
    }

    private static int Number(object? value) => value switch
    {
        null => 0,
        ICollection c => c.Count,
        _ => Convert.ToInt32(value, CultureInfo.InvariantCulture),
    };

    /// <summary>"1 enhancement", "42 enhancements", "no enhancements" (a list counts its items).</summary>
    public static string Count(object? value, string noun)
    {
        var n = Number(value);
        return n == 0 ? $"no {noun.Pluralize()}" : noun.ToQuantity(n);
    }

    /// <summary>"A", "A and B", "A, B and C".</summary>
    public static string Join(object? value)
    {
        var items = value is IEnumerable list and not string
            ? list.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture) ?? string.Empty).Where(s => s.Length > 0).ToArray()
            : [];
        return items.Humanize("and");
    }

    /// <summary>A date in the given format (invariant culture); "" for none; text that is not a date is kept.</summary>
    public static string Date(object? value, string? format)
    {
        format = string.IsNullOrEmpty(format) ? "MMMM d, yyyy" : format;
        return value switch
        {
            DateOnly d => d.ToString(format, CultureInfo.InvariantCulture),
            DateTimeOffset t => t.ToString(format, CultureInfo.InvariantCulture),
            string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d.ToString(format, CultureInfo.InvariantCulture),
            string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) => t.ToString(format, CultureInfo.InvariantCulture),
            null => string.Empty,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };
    }

    /// <summary>"1st", "2nd", "21st", "112th": the suffix is the end of Humanizer's ordinal words ("twenty-first").</summary>
    public static string Ordinal(object? value)
    {
        var n = Number(value);
        var words = n.ToOrdinalWords();
        var suffix = words.EndsWith("first", StringComparison.Ordinal) ? "st"
            : words.EndsWith("second", StringComparison.Ordinal) ? "nd"
            : words.EndsWith("third", StringComparison.Ordinal) ? "rd"
            : "th";
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    /// <summary>A number in words: "three", "zero".</summary>
    public static string Words(object? value) => Number(value).ToWords();

    /// <summary>
    /// Prose for readers who do not read code: Markdown links become their text and code names
    /// (<c>`PodReadinessGates`</c>) become words ("pod readiness gates").
    /// </summary>
    public static string Plain(string markdown)
    {
        var text = Link().Replace(markdown, "$1");
        text = CodeSpan().Replace(text, m => CodeWords(m.Groups[1].Value));
        text = text.Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal);
        var lines = text.Split('\n').Select(l => l.Trim().TrimStart('-', '*', ' ')).Where(l => l.Length > 0);
        return string.Join(' ', lines);
    }

    [GeneratedRegex(@"\b[A-Za-z][A-Za-z0-9]*\b")]
    private static partial Regex Word();

    [GeneratedRegex(@"[a-z][A-Z]|[A-Z]{2}[a-z]{2}")]
    private static partial Regex CamelCase();

    /// <summary>Names written in CamelCase that are names, not code: kept as they are.</summary>
    public static readonly IReadOnlySet<string> ProperNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "GitHub", "GitLab", "JavaScript", "TypeScript", "PostgreSQL", "MySQL", "OpenTelemetry", "OpenShift", "LinkedIn", "YouTube",
        "WebAssembly", "macOS", "iOS", "eBPF", "OAuth", "OpenID", "OpenAPI", "CoreDNS", "DevOps", "PowerShell", "gRPC", "IPv4", "IPv6", "iSCSI", "NVMe",
    };

    private static bool IsCodeName(string word) => CamelCase().IsMatch(word) && !ProperNames.Contains(word);

    /// <summary>Whether the text names a code identifier (a CamelCase word such as <c>PodSpec</c> or <c>APIServer</c>) or holds code marks.</summary>
    public static bool HasCodeNames(string text) => text.Contains('`', StringComparison.Ordinal) || Word().Matches(text).Any(m => IsCodeName(m.Value));

    /// <summary>
    /// Text for the press: <see cref="Plain"/>, and every CamelCase identifier said in words
    /// (<c>DeviceClaims</c> "device claims", <c>APIServer</c> "API server").
    /// </summary>
    public static string Press(string text) =>
        Word().Replace(Plain(text), m => IsCodeName(m.Value) ? CodeWords(m.Value) : m.Value).Replace("`", string.Empty, StringComparison.Ordinal);

    private static string CodeWords(string code)
    {
        // A version ("1.37", "v2.4.0") is a number, not a code name: kept whole.
        if (code.Length > 0 && code.TrimStart('v').All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            return code;
        }

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

    public static string FirstSentence(string text) => FirstSentences(text, 1);

    /// <summary>The first <paramref name="count"/> sentences of the text's first line.</summary>
    public static string FirstSentences(string text, int count)
    {
        var plain = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')[0].Trim();
        var parts = SentenceEnd().Split(plain);
        return parts.Length == 0 ? plain : string.Join(' ', parts.Take(count));
    }
}
