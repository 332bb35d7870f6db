using System.Collections;
using System.Globalization;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Comms.Templates;

/// <summary>
/// What a template says in the reader's language, pushed over <see cref="TemplateFunctions"/> for every render:
/// <c>t "key"</c> or <c>t "key" {name: value}</c> is the phrase of the render's table with its placeholders filled (a
/// placeholder not given is taken from the model's <c>names</c>: project, version, release); <c>join</c> and
/// <c>format_date</c> follow the table's list patterns and date formats; <c>en text</c> marks free text (a note, a
/// title, a summary) that stays in English in a translation; <c>phrase "key"</c> is a phrase with its placeholders left
/// for a page's script to fill; <c>lang</c> is the table's language.
/// </summary>
public static class PhraseFunctions
{
    /// <summary>Starts a span of English free text in a translated draft; written as a translator marker.</summary>
    public const char EnglishStart = '\uE000';

    /// <summary>Ends a span of English free text in a translated draft.</summary>
    public const char EnglishEnd = '\uE001';

    /// <summary>The markers a translated draft shows around free text left in English.</summary>
    public const string MarkerStart = "<!-- en -->";

    public const string MarkerEnd = "<!-- /en -->";

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Phrases, ScriptObject> Objects = new();

    /// <summary>The functions for one table, made once.</summary>
    public static ScriptObject For(Phrases phrases) => Objects.GetValue(phrases, Create);

    private static ScriptObject Create(Phrases phrases)
    {
        var functions = new ScriptObject();
        functions.SetValue("t", new Function(2, 1, (context, span, args) => Say(phrases, context, span, args)), readOnly: true);
        functions.SetValue("phrase", new Function(1, 1, (_, span, args) => args[0] is string key && phrases.Has(key)
            ? phrases.Text(key)
            : throw new ScriptRuntimeException(span, $"phrase \"{args[0]}\": the theme's phrase table has no such key")), readOnly: true);
        functions.SetValue("join", new Function(1, 1, (_, _, args) => phrases.Join(Items(args[0]))), readOnly: true);
        functions.SetValue("format_date", new Function(2, 1, (_, _, args) => Date(phrases, args[0], args.Count > 1 ? args[1] as string : null)), readOnly: true);
        functions.SetValue("en", new Function(1, 1, (_, _, args) => English(phrases, args[0])), readOnly: true);
        functions.SetValue("links", new Function(1, 1, (_, _, args) => Links(phrases, args[0])), readOnly: true);
        functions.SetValue("code", new Function(1, 1, (_, _, args) => new ScriptArray(Items(args[0]).Select(i => (object)("`" + i + "`")))), readOnly: true);
        functions.SetValue("stage_word", new Function(1, 1, (_, _, args) => StageWord(phrases, args[0] as string)), readOnly: true);
        functions.SetValue("lang", phrases.Locale, readOnly: true);
        functions.IsReadOnly = true;
        return functions;
    }

    /// <summary>Free text as it is in English; in a translation, between the markers (its own marker characters dropped).</summary>
    public static string English(Phrases phrases, object? value)
    {
        var text = value switch
        {
            null => string.Empty,
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? string.Empty,
        };
        if (phrases.Locale == Phrases.DefaultLocale || text.Length == 0)
        {
            return text;
        }

        return EnglishStart + text.Replace(EnglishStart.ToString(), string.Empty, StringComparison.Ordinal).Replace(EnglishEnd.ToString(), string.Empty, StringComparison.Ordinal) + EnglishEnd;
    }

    /// <summary>A stage inside a sentence in the table's words (<c>stage_in_text.beta</c>); a stage the table does not name as written.</summary>
    public static string StageWord(Phrases phrases, string? stage) =>
        string.IsNullOrEmpty(stage) ? string.Empty : phrases.Has("stage_in_text." + stage) ? phrases.Text("stage_in_text." + stage) : stage;

    /// <summary>Each item (with <c>title</c> and, when it has one, <c>url</c>) as a Markdown link, its title free text: a list for <c>t</c>.</summary>
    private static ScriptArray Links(Phrases phrases, object? value)
    {
        var links = new ScriptArray();
        if (value is not IEnumerable list || value is string)
        {
            return links;
        }

        foreach (var item in list)
        {
            _ = Lookup(item, "title", out var title);
            _ = Lookup(item, "url", out var url);
            var text = English(phrases, title);
            links.Add(url is string u && u.Length > 0 ? $"[{text}]({u})" : text);
        }

        return links;
    }

    /// <summary>Turns the free-text spans of a rendered translation into the translator markers.</summary>
    public static string Markers(string text) => text
        .Replace(EnglishStart.ToString(), MarkerStart, StringComparison.Ordinal)
        .Replace(EnglishEnd.ToString(), MarkerEnd, StringComparison.Ordinal);

    private static string Say(Phrases phrases, TemplateContext context, SourceSpan span, ScriptArray args)
    {
        if (args[0] is not string key || key.Length == 0)
        {
            throw new ScriptRuntimeException(span, "t takes a phrase key, for example t \"blog.release_notes\"");
        }

        if (!phrases.Has(key))
        {
            throw new ScriptRuntimeException(span, $"t \"{key}\": the theme's phrase table has no such key (see locales/{Phrases.DefaultLocale}.yaml)");
        }

        var given = args.Count > 1 ? args[1] : null;
        var names = context.CurrentGlobal is ScriptObject model && model.TryGetValue("names", out var n) ? n : null;
        string? missing = null;
        var text = phrases.Fill(phrases.Text(key), name =>
        {
            if (Lookup(given, name, out var value) || Lookup(names, name, out value))
            {
                return (true, value);
            }

            missing ??= name;
            return (false, null);
        });
        if (missing is not null)
        {
            throw new ScriptRuntimeException(span, $"t \"{key}\": the phrase uses {{{missing}}}, which the template does not give (t \"{key}\" {{{missing}: …}})");
        }

        return text;
    }

    private static bool Lookup(object? values, string name, out object? value)
    {
        switch (values)
        {
            case ScriptObject o when o.TryGetValue(name, out value):
                return true;
            case IDictionary<string, object?> d when d.TryGetValue(name, out value):
                return true;
            default:
                value = null;
                return false;
        }
    }

    private static IEnumerable<string> Items(object? value) => value is IEnumerable list and not string
        ? list.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture) ?? string.Empty)
        : [];

    /// <summary>A date in the table's culture and format (<c>format.date</c> unless one is given); text that is not a date is kept.</summary>
    public static string Date(Phrases phrases, object? value, string? format)
    {
        format = string.IsNullOrEmpty(format) ? phrases.Text("format.date") : format;
        var culture = phrases.Culture;
        return value switch
        {
            DateOnly d => d.ToString(format, culture),
            DateTimeOffset t => t.ToString(format, culture),
            string s when DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) => d.ToString(format, culture),
            string s when DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) => t.ToString(format, culture),
            null => string.Empty,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
        };
    }

    /// <summary>A template function written in C# (no reflection): a fixed count of arguments, the last ones optional.</summary>
    private sealed class Function(int count, int required, Func<TemplateContext, SourceSpan, ScriptArray, object?> body) : IScriptCustomFunction
    {
        public int RequiredParameterCount => required;

        public int ParameterCount => count;

        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

        public Type ReturnType => typeof(object);

        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "arg" + index.ToString(CultureInfo.InvariantCulture));

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            body(context, callerContext?.Span ?? context.CurrentSpan, arguments);

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));
    }
}
