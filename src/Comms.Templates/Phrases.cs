using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Comms.Core.Compose;
using Comms.Core.Diagnostics;
using Comms.Core.Yaml;
using Humanizer;
using YamlDotNet.RepresentationModel;

namespace Comms.Templates;

/// <summary>
/// The theme's table of fixed phrases (<c>locales/&lt;lang&gt;.yaml</c>): every sentence the drafts take from code
/// rather than from a template, with named placeholders. A project's theme overrides any phrase by giving the same
/// key in its own table; keys it does not give come from the table shipped with the tool.
/// </summary>
/// <remarks>
/// A placeholder is <c>{name}</c>; <c>{name#noun}</c> counts with a noun ("3 enhancements", "no enhancements",
/// through Humanizer); <c>{name#one|other}</c> or <c>{name#one|other|zero}</c> gives the forms outright, each with
/// <c>#</c> for the number; <c>{name:words}</c> writes numbers below ten in words. A list value is joined with the
/// table's <c>list.and</c>. An override that names a placeholder the phrase is not given is a located error.
/// </remarks>
public sealed partial class Phrases
{
    public const string Folder = "locales";

    public const string DefaultLocale = "en";

    [GeneratedRegex(@"\{([a-z_][a-z0-9_]*)(?:([#:])([^{}]*))?\}")]
    private static partial Regex Placeholder();

    private readonly Dictionary<string, string> _table;
    private readonly Phrases? _fallback;
    private readonly DiagnosticBag? _diagnostics;
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);

    private Phrases(string locale, Dictionary<string, string> table, Phrases? fallback, DiagnosticBag? diagnostics)
    {
        Locale = locale;
        _table = table;
        _fallback = fallback;
        _diagnostics = diagnostics;
        Culture = CultureOf(locale, table);
    }

    public string Locale { get; }

    /// <summary>The culture numbers and dates are written in.</summary>
    public CultureInfo Culture { get; }

    /// <summary>Every key of the table, sorted.</summary>
    public IReadOnlyList<string> Keys => _table.Keys.Order(StringComparer.Ordinal).ToArray();

    private static readonly Lazy<Phrases> Shipped = new(() =>
    {
        var bag = new DiagnosticBag();
        return Load(new Theme([Path.Combine(AppContext.BaseDirectory, "themes", "default")]), DefaultLocale, bag)
            ?? throw new InvalidOperationException("the default theme's phrase table does not load: " + string.Join("; ", bag.Items.Select(i => i.Message)));
    });

    /// <summary>The English table of the default theme shipped beside the tool.</summary>
    public static Phrases English => Shipped.Value;

    /// <summary>
    /// The table for <paramref name="locale"/>: the theme folders' tables merged, the first folder winning, checked
    /// against the shipped English table. Null (with located errors) when a table is malformed.
    /// </summary>
    public static Phrases? Load(Theme theme, string locale, DiagnosticBag diagnostics)
    {
        var english = locale == DefaultLocale ? null : Load(theme, DefaultLocale, diagnostics);
        var shipped = Path.Combine(AppContext.BaseDirectory, "themes", "default");
        var table = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        var origin = new Dictionary<string, (string Path, YamlScalarNode Node)>(StringComparer.Ordinal);
        var reference = locale == DefaultLocale ? null : english;
        // The last folder is the tool's own theme: read first, then every folder before it overrides.
        foreach (var folder in theme.Folders.Reverse())
        {
            var path = new Theme([folder]).Find($"{Folder}/{locale}.yaml", diagnostics);
            if (path is null)
            {
                continue;
            }

            var own = Read(path, diagnostics);
            if (own is null)
            {
                ok = false;
                continue;
            }

            // The first table read defines the keys; a later one (a project's override, a translation) may only reword them.
            var defining = table.Count == 0 && reference is null;
            foreach (var (key, (text, node)) in own)
            {
                var basis = table.TryGetValue(key, out var earlier) ? earlier : reference?._table.GetValueOrDefault(key);
                if (basis is null && !defining)
                {
                    diagnostics.Warning(ComposeCodes.PhraseUnknown, $"\"{key}\" is not a phrase the drafts use; it is ignored (a misspelt key?)", path, (int)node.Start.Line, (int)node.Start.Column);
                    continue;
                }

                if (basis is not null && !CheckPlaceholders(key, text, basis, path, node, diagnostics, locale != DefaultLocale))
                {
                    ok = false;
                    continue;
                }

                table[key] = text;
                origin[key] = (path, node);
            }

            if (reference is null && string.Equals(Path.GetFullPath(folder), Path.GetFullPath(shipped), StringComparison.Ordinal))
            {
                reference = new Phrases(locale, new Dictionary<string, string>(table, StringComparer.Ordinal), null, null);
            }
        }

        return ok && CheckFormats(table, origin, locale, diagnostics) ? new Phrases(locale, table, english, diagnostics) : null;
    }

    /// <summary>The date formats of the table, tried once: a format .NET cannot write is an error at its place, not a crash mid-build.</summary>
    private static bool CheckFormats(Dictionary<string, string> table, Dictionary<string, (string Path, YamlScalarNode Node)> origin, string locale, DiagnosticBag diagnostics)
    {
        var ok = true;
        var culture = CultureOf(locale, table);
        foreach (var (key, time) in new[] { ("format.date", false), ("format.long_date", false), ("format.embargo", true) })
        {
            if (!table.TryGetValue(key, out var format) || !origin.TryGetValue(key, out var at))
            {
                continue;
            }

            try
            {
                _ = time ? new DateTimeOffset(2026, 12, 8, 16, 0, 0, TimeSpan.Zero).ToString(format, culture) : new DateOnly(2026, 12, 8).ToString(format, culture);
            }
            catch (FormatException)
            {
                diagnostics.Error(ComposeCodes.PhraseInvalid, $"\"{key}\" is not a {(time ? "date and time" : "date")} format .NET can write (for example \"{(time ? "MMMM d, yyyy 'at' HH:mm 'UTC'" : "MMMM d, yyyy")}\")",
                    at.Path, (int)at.Node.Start.Line, (int)at.Node.Start.Column);
                ok = false;
            }
        }

        foreach (var (key, count) in new[] { ("culture.months", 12), ("culture.months_short", 12), ("culture.days", 7), ("culture.days_short", 7) })
        {
            if (table.TryGetValue(key, out var names) && origin.TryGetValue(key, out var at) && names.Split('|').Length != count)
            {
                diagnostics.Error(ComposeCodes.PhraseInvalid, $"\"{key}\" gives {names.Split('|').Length} names separated by '|'; it needs {count}",
                    at.Path, (int)at.Node.Start.Line, (int)at.Node.Start.Column);
                ok = false;
            }
        }

        return ok;
    }

    /// <summary>
    /// The culture a table writes numbers and dates in: named by the locale (so Humanizer picks its words), with the
    /// month and day names and the number separators of the table's <c>culture.*</c> phrases. The table carries them, not
    /// the host, so the same table gives the same text on every machine (a test checks them against .NET's culture data).
    /// </summary>
    private static CultureInfo CultureOf(string locale, IReadOnlyDictionary<string, string> table)
    {
        CultureInfo culture;
        try
        {
            culture = locale == DefaultLocale ? (CultureInfo)CultureInfo.InvariantCulture.Clone() : new CultureInfo(locale);
        }
        catch (CultureNotFoundException)
        {
            culture = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        }

        var dates = culture.DateTimeFormat;
        if (Names(table, "culture.months", 12) is { } months)
        {
            dates.MonthNames = [.. months, string.Empty];
            dates.MonthGenitiveNames = [.. months, string.Empty];
        }

        if (Names(table, "culture.months_short", 12) is { } shortMonths)
        {
            dates.AbbreviatedMonthNames = [.. shortMonths, string.Empty];
            dates.AbbreviatedMonthGenitiveNames = [.. shortMonths, string.Empty];
        }

        if (Names(table, "culture.days", 7) is { } days)
        {
            dates.DayNames = days;
        }

        if (Names(table, "culture.days_short", 7) is { } shortDays)
        {
            dates.AbbreviatedDayNames = shortDays;
        }

        var numbers = culture.NumberFormat;
        if (table.TryGetValue("culture.decimal", out var decimalSeparator) && decimalSeparator.Length > 0)
        {
            numbers.NumberDecimalSeparator = decimalSeparator;
            numbers.PercentDecimalSeparator = decimalSeparator;
        }

        if (table.TryGetValue("culture.group", out var groupSeparator) && groupSeparator.Length > 0)
        {
            numbers.NumberGroupSeparator = groupSeparator;
            numbers.PercentGroupSeparator = groupSeparator;
        }

        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>The <c>|</c>-separated names of a <c>culture.*</c> phrase, when it has exactly <paramref name="count"/>.</summary>
    private static string[]? Names(IReadOnlyDictionary<string, string> table, string key, int count) =>
        table.TryGetValue(key, out var text) && text.Split('|') is { } names && names.Length == count ? names.Select(n => n.Trim()).ToArray() : null;

    /// <summary>
    /// A placeholder the phrase is not given is an error at its place in the file; so is, in a translation, one of
    /// the English phrase's placeholders left out (its value would be lost).
    /// </summary>
    private static bool CheckPlaceholders(string key, string text, string basis, string path, YamlScalarNode node, DiagnosticBag diagnostics, bool translation)
    {
        var given = Placeholder().Matches(basis).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        if (translation && given.FirstOrDefault(g => !Placeholder().Matches(text).Any(m => m.Groups[1].Value == g)) is { } dropped)
        {
            diagnostics.Error(ComposeCodes.PhraseInvalid, $"the phrase \"{key}\" leaves out {{{dropped}}}, which the English phrase gives", path, (int)node.Start.Line, (int)node.Start.Column);
            return false;
        }

        foreach (Match m in Placeholder().Matches(text))
        {
            if (!given.Contains(m.Groups[1].Value))
            {
                var offset = node.Style is YamlDotNet.Core.ScalarStyle.DoubleQuoted or YamlDotNet.Core.ScalarStyle.SingleQuoted ? 1 : 0;
                var line = (int)node.Start.Line;
                var column = (int)node.Start.Column + offset + m.Index;
                var known = given.Count == 0 ? "none" : string.Join(", ", given.Order(StringComparer.Ordinal).Select(g => "{" + g + "}"));
                diagnostics.Error(ComposeCodes.PhraseInvalid, $"the phrase \"{key}\" uses {{{m.Groups[1].Value}}}, which it is not given (it is given: {known})", path, line, column);
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, (string Text, YamlScalarNode Node)>? Read(string path, DiagnosticBag diagnostics)
    {
        var text = Comms.Core.IO.InputFile.ReadText(path, "the phrase table", Comms.Core.IO.InputLimits.Default.MaxTextFileBytes, diagnostics);
        if (text is null)
        {
            return null;
        }

        var documents = YamlFile.Load(text, path, diagnostics);
        if (documents is null)
        {
            return null;
        }

        var table = new Dictionary<string, (string, YamlScalarNode)>(StringComparer.Ordinal);
        if (documents.Count == 0)
        {
            return table;
        }

        var ok = true;
        void Walk(YamlNode node, string prefix)
        {
            switch (node)
            {
                case YamlMappingNode map:
                    foreach (var (k, v) in map.Children)
                    {
                        var name = (k as YamlScalarNode)?.Value;
                        if (string.IsNullOrEmpty(name))
                        {
                            diagnostics.Error(ComposeCodes.PhraseInvalid, "a phrase key is a plain name", path, (int)k.Start.Line, (int)k.Start.Column);
                            ok = false;
                            continue;
                        }

                        Walk(v, prefix.Length == 0 ? name : prefix + "." + name);
                    }

                    break;
                case YamlScalarNode scalar when prefix.Length > 0:
                    table[prefix] = (scalar.Value ?? string.Empty, scalar);
                    break;
                default:
                    diagnostics.Error(ComposeCodes.PhraseInvalid, $"\"{(prefix.Length == 0 ? "the table" : prefix)}\" must be a phrase or a group of phrases, not a list", path, (int)node.Start.Line, (int)node.Start.Column);
                    ok = false;
                    break;
            }
        }

        Walk(documents[0].RootNode, string.Empty);
        return ok ? table : null;
    }

    /// <summary>The English phrases this table does not give (they are written in English), sorted.</summary>
    public IReadOnlyList<string> Missing => _fallback is null ? [] : _fallback.Keys.Where(k => !_table.ContainsKey(k)).ToArray();

    /// <summary>Whether the table, or the English one behind it, has the phrase.</summary>
    public bool Has(string key) => _table.ContainsKey(key) || (_fallback?.Has(key) ?? false);

    /// <summary>The phrase as written, or the English one (with one warning naming the key) when this table lacks it.</summary>
    public string Text(string key)
    {
        if (_table.TryGetValue(key, out var text))
        {
            return text;
        }

        if (_warned.Add(key))
        {
            _diagnostics?.Warning(ComposeCodes.PhraseMissing, _fallback is null
                ? $"the theme has no phrase \"{key}\"; the drafts show [{key}]"
                : $"the {Locale} table has no phrase \"{key}\"; the English one is used");
        }

        return _fallback?.Text(key) ?? $"[{key}]";
    }

    /// <summary>The phrase with its placeholders filled.</summary>
    public string Format(string key, params (string Name, object? Value)[] values) =>
        Fill(Text(key), name => Array.FindIndex(values, v => v.Name == name) is var found and >= 0 ? (true, values[found].Value) : (false, null));

    /// <summary>
    /// The text with its placeholders filled from <paramref name="value"/> (found, value); a placeholder it does not
    /// find is left as written.
    /// </summary>
    public string Fill(string text, Func<string, (bool Found, object? Value)> value) =>
        Placeholder().Replace(text, m =>
        {
            var (found, v) = value(m.Groups[1].Value);
            if (!found)
            {
                return m.Value;
            }

            var argument = m.Groups[3].Value;
            return m.Groups[2].Value switch
            {
                "#" => Count(v, argument),
                ":" when argument == "words" => Number(v) is var n and < 10 and >= 0 ? n.ToWords(Culture) : Number(v).ToString("N0", Culture),
                _ => Value(v),
            };
        });

    /// <summary>The names of the placeholders of <paramref name="text"/>, in order.</summary>
    public static IEnumerable<string> PlaceholderNames(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>The placeholders of a phrase replaced by <paramref name="with"/>: the phrase's fixed words only.</summary>
    public static string FixedText(string text, string with) => Placeholder().Replace(text, with);

    /// <summary>"3 enhancements", "1 enhancement", "no enhancements"; explicit forms "one|other|zero" with # for the number.</summary>
    public string Count(object? value, string noun)
    {
        var n = Number(value);
        var forms = noun.Split('|');
        if (forms.Length > 1)
        {
            var form = n == 0 && forms.Length > 2 ? forms[2] : n == 1 ? forms[0] : forms[1];
            return form.Replace("#", n.ToString("N0", Culture), StringComparison.Ordinal);
        }

        return n == 0 ? Format("count.none", ("noun", noun.Pluralize())) : noun.ToQuantity(n, "N0", Culture);
    }

    /// <summary>"A", "A and B", "A, B and C": the table's list patterns (<c>list.two</c>, <c>list.more</c>, <c>list.separator</c>).</summary>
    public string Join(IEnumerable<string> items)
    {
        var list = items.Where(s => s.Length > 0).ToArray();
        return list.Length switch
        {
            0 => string.Empty,
            1 => list[0],
            2 => Format("list.two", ("first", list[0]), ("last", list[1])),
            _ => Format("list.more", ("rest", string.Join(Text("list.separator"), list[..^1])), ("last", list[^1])),
        };
    }

    private string Value(object? value) => value switch
    {
        null => string.Empty,
        string s => s,
        // Whole numbers with the culture's group separator: "1,234", "1.234".
        int i => i.ToString("N0", Culture),
        long l => l.ToString("N0", Culture),
        IEnumerable list => Join(list.Cast<object?>().Select(Value)),
        IFormattable f => f.ToString(null, Culture),
        _ => value.ToString() ?? string.Empty,
    };

    private static int Number(object? value) => value switch
    {
        null => 0,
        int i => i,
        ICollection c => c.Count,
        _ => Convert.ToInt32(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Every phrase, for a theme author's reference: key = text lines, sorted.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var key in Keys)
        {
            text.Append(key).Append(" = ").Append(_table[key]).Append('\n');
        }

        return text.ToString();
    }
}
