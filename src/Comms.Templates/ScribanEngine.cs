using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using Comms.Core.Compose;
using Comms.Core.Diagnostics;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Comms.Templates;

/// <summary>
/// Scriban behind <see cref="ITemplateEngine"/>, for drafts (Markdown, written as rendered) and site layouts
/// (HTML, every value escaped unless it is <see cref="SafeHtml"/>). Strict: an unknown variable or field, a wrong
/// argument count or a parse error is a diagnostic at the template's file, line and column. Templates see the
/// model as Scriban objects only, the functions of <see cref="TemplateFunctions"/> and Scriban's built-ins;
/// <c>include "name"</c> loads <c>_name.sbn</c> beside the including template, inside the theme.
/// </summary>
public sealed class ScribanEngine(Theme theme, TemplateOutput output) : ITemplateEngine
{
    /// <summary>Iterations of one loop: enough for a site of 100,000 notes, finite for a runaway template.</summary>
    public const int LoopLimit = 1_000_000;

    /// <summary>Nested includes and function calls.</summary>
    public const int RecursiveLimit = 64;

    /// <summary>Characters one template may write (about 128 MB): bounds nested loops that would exhaust memory.</summary>
    public const int OutputLimit = 64 * 1024 * 1024;

    /// <summary>
    /// Characters of any one string a template makes (a padded, joined, replaced or concatenated text, a value written):
    /// as long as the whole output may be, so no legitimate page is cut, and Scriban's allocation guards refuse
    /// anything longer before allocating it.
    /// </summary>
    public const int StringLimit = OutputLimit;

    /// <summary>
    /// Bytes one render of a template may allocate (its strings, arrays and objects, kept or not; the model it is given
    /// is not counted). What a template holds can never be more than what it allocated, so a theme that builds huge
    /// strings or arrays stops here with a located error (<c>CM7204</c>) instead of taking the machine's memory. Checked
    /// before every expression the template evaluates; one expression adds at most one string of <see cref="StringLimit"/>.
    /// </summary>
    public long MemoryBudget { get; init; } = DefaultMemoryBudget;

    /// <summary>
    /// The default <see cref="MemoryBudget"/>: 1 GiB. The largest render of a 100,000-PR release (its changelog as a page,
    /// 28 M characters) allocates 168 MB, so a page at the output limit fits with room to spare.
    /// </summary>
    public const long DefaultMemoryBudget = 1L << 30;

    /// <summary>
    /// Wall-clock time one <see cref="RenderEach"/> call may take: nested loops each under <see cref="LoopLimit"/> can still
    /// run for hours, so a render past it stops with a located error (<c>CM7204</c>) instead of hanging the build.
    /// </summary>
    public TimeSpan RenderBudget { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>The run's cancellation (a signal): a render under way stops at its next loop step with <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken Cancel { get; init; }

    private ConcurrentDictionary<string, (DateTime Stamp, long Length, Template? Parsed)> _parsed = new(StringComparer.Ordinal);

    /// <summary>The phrase table templates speak from (<c>t</c>, <c>join</c>, <c>format_date</c>); the shipped English one when not set.</summary>
    public Phrases? Phrases { get; init; }

    /// <summary>The same engine (theme, limits, parsed templates) speaking from another phrase table.</summary>
    public ITemplateEngine Speaking(Phrases phrases) => new ScribanEngine(Theme, Output)
    {
        Phrases = phrases,
        MemoryBudget = MemoryBudget,
        RenderBudget = RenderBudget,
        Cancel = Cancel,
        _parsed = _parsed,
    };

    public Theme Theme { get; } = theme;

    public TemplateOutput Output { get; } = output;

    public string? Render(string name, object model, DiagnosticBag diagnostics) =>
        RenderEach(name, [model], diagnostics) is [var text] ? text : null;

    /// <summary>How many models <see cref="RenderEach"/> renders with one context before it starts a fresh one.</summary>
    public const int ContextReuse = 256;

    /// <summary>
    /// Renders one template once per model, as <see cref="Render"/> does each (same checks, limits and escaping), but
    /// finds and parses it once and shares a context between a few hundred models: for thousands of small
    /// renders such as the list item of every note. Null (with the diagnostic) when any render fails.
    /// </summary>
    public IReadOnlyList<string>? RenderEach(string name, IReadOnlyList<object> models, DiagnosticBag diagnostics)
    {
        var template = Load(name, diagnostics);
        if (template is null)
        {
            return null;
        }

        var folder = Path.GetDirectoryName(name.Replace('/', Path.DirectorySeparatorChar)) ?? string.Empty;
        var results = new string[models.Count];
        CommsTemplateContext? context = null;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        budget.CancelAfter(RenderBudget);
        for (var i = 0; i < models.Count; i++)
        {
            if (i % ContextReuse == 0)
            {
                context = new CommsTemplateContext(this, folder, diagnostics) { CancellationToken = budget.Token };
                context.PushGlobal(TemplateFunctions.Object);
                context.PushGlobal(PhraseFunctions.For(Phrases ?? Templates.Phrases.English));
            }

            context!.PushGlobal(ScriptModel.From(models[i]));
            context.PushOutput();
            try
            {
                context.StartMemoryBudget();
                results[i] = template.Render(context);
                context.PopOutput();
            }
            catch (TemplateMemoryException e)
            {
                diagnostics.Error(ComposeCodes.TemplateLimit,
                    $"template stopped: it allocated more than its memory budget of {FormatBytes(MemoryBudget)} (a string or list built up in a loop?)",
                    e.Span.FileName, e.Span.Start.Line + 1, e.Span.Start.Column + 1);
                return null;
            }
            catch (ScriptAbortException) when (Cancel.IsCancellationRequested)
            {
                Core.IO.StopGate.ThrowIfCancelled(Cancel);
                throw;
            }
            catch (ScriptAbortException e) when (budget.IsCancellationRequested)
            {
                diagnostics.Error(ComposeCodes.TemplateLimit,
                    $"template stopped: it ran past the time budget of {RenderBudget.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s (a loop inside a loop?)",
                    e.Span.FileName, e.Span.Start.Line + 1, e.Span.Start.Column + 1);
                return null;
            }
            catch (ScriptRuntimeException e)
            {
                Report(e.Span, e.OriginalMessage, context, diagnostics);
                return null;
            }
            catch (TemplateIncludeException e)
            {
                diagnostics.Error(ComposeCodes.TemplateRefused, e.Message, e.Span.FileName, e.Span.Start.Line + 1, e.Span.Start.Column + 1);
                return null;
            }

            context.PopGlobal();
        }

        return results;
    }

    private static string FormatBytes(long bytes) => bytes >= 1L << 30
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.#} GiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MiB");

    /// <summary>The theme's template <paramref name="name"/>, found and parsed; null with the diagnostic (not found, refused, does not parse).</summary>
    private Template? Load(string name, DiagnosticBag diagnostics)
    {
        var path = Theme.Find(name, diagnostics);
        if (path is not null)
        {
            return Parse(path, diagnostics);
        }

        if (!diagnostics.HasErrors)
        {
            diagnostics.Error(ComposeCodes.TemplateError, $"template {name} not found in {string.Join(" or ", Theme.Folders)}",
                Theme.Folders.Count > 0 ? Theme.Folders[0] : null);
        }

        return null;
    }

    /// <summary>Whether the template file parses; located diagnostics when it does not.</summary>
    public bool Check(string path, DiagnosticBag diagnostics) => Parse(path, diagnostics) is not null;

    /// <summary>Parses a template file once (again when it changes); null with located diagnostics when it does not parse.</summary>
    internal Template? Parse(string path, DiagnosticBag diagnostics)
    {
        var info = new FileInfo(path);
        if (_parsed.TryGetValue(path, out var cached) && cached.Stamp == info.LastWriteTimeUtc && cached.Length == info.Length)
        {
            return cached.Parsed;
        }

        string source;
        try
        {
            // A FIFO or device as a template would block for ever or never end: only regular files are read.
            if (Core.IO.InputFile.ReadText(path, "the template", Core.IO.InputLimits.Default.MaxTextFileBytes, diagnostics) is not { } text)
            {
                return null;
            }

            source = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(ComposeCodes.TemplateError, $"cannot read template: {e.Message}", path);
            return null;
        }

        var template = Template.Parse(source, path);
        if (template.HasErrors)
        {
            // The first error only (the parser's later messages follow from it), reported once however often the template is used.
            var message = template.Messages.First(m => m.Type == ParserMessageType.Error);
            diagnostics.Error(ComposeCodes.TemplateError, $"template error: {message.Message}", path, message.Span.Start.Line + 1, message.Span.Start.Column + 1);
            _parsed[path] = (info.LastWriteTimeUtc, info.Length, null);
            return null;
        }

        _parsed[path] = (info.LastWriteTimeUtc, info.Length, template);
        return template;
    }

    private static void Report(SourceSpan span, string message, CommsTemplateContext context, DiagnosticBag diagnostics)
    {
        var (line, column) = (span.Start.Line + 1, span.Start.Column + 1);
        if (context.Refused is { } refused)
        {
            diagnostics.Error(ComposeCodes.TemplateRefused, refused, span.FileName, line, column);
        }
        else if (context.Missing is { } missing)
        {
            diagnostics.Error(ComposeCodes.TemplateUnknownField,
                $"the template uses \"{missing}\", which the model does not have; see docs/templates.md for the fields", span.FileName, line, column);
        }
        else if (message.Contains("limit `", StringComparison.OrdinalIgnoreCase) || message.Contains("LimitToString", StringComparison.Ordinal))
        {
            diagnostics.Error(ComposeCodes.TemplateLimit, $"template stopped: {message}", span.FileName, line, column);
        }
        else
        {
            diagnostics.Error(ComposeCodes.TemplateError, $"template error: {message}", span.FileName, line, column);
        }
    }

    /// <summary>The context of one render: strict, limited, HTML-escaping for site layouts, includes kept inside the theme.</summary>
    private sealed class CommsTemplateContext : TemplateContext
    {
        private readonly ScribanEngine _engine;

        public CommsTemplateContext(ScribanEngine engine, string folder, DiagnosticBag diagnostics)
        {
            _engine = engine;
            StrictVariables = true;
            EnableRelaxedMemberAccess = false;
            LoopLimit = ScribanEngine.LoopLimit;
            RecursiveLimit = ScribanEngine.RecursiveLimit;
            OutputLimit = ScribanEngine.OutputLimit;
            // Scriban's default (1 MB) would cut a long page body or note list to "...": strings may be as long as the
            // output, and one longer is an error, never cut.
            LimitToString = StringLimit;
            OnStringLimit = ScriptLimitBehavior.Throw;
            OnOutputLimit = ScriptLimitBehavior.Throw;
            MemberFilter = static _ => false;
            RegexTimeOut = TimeSpan.FromSeconds(1);
            TemplateLoader = new ThemeLoader(engine, folder, this);
            TryGetVariable = (TemplateContext _, SourceSpan _, ScriptVariable variable, out object? value) =>
            {
                Missing = variable.Name;
                value = null;
                return false;
            };
            TryGetMember = (TemplateContext _, SourceSpan _, object _, string member, out object? value) =>
            {
                Missing = member;
                value = null;
                return false;
            };
            if (BuiltinObject["include"] is IScriptCustomFunction include)
            {
                BuiltinObject.SetValue("include", new SafeInclude(include), readOnly: true);
            }
        }

        private long _allocatedAtStart;

        /// <summary>Starts counting the memory one render allocates (after its model was converted).</summary>
        public void StartMemoryBudget() => _allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();

        /// <summary>Every expression, statement and block of the template passes here: the memory budget is checked before each.</summary>
        public override object? Evaluate(ScriptNode? scriptNode, bool aliasReturnedFunction)
        {
            if (GC.GetAllocatedBytesForCurrentThread() - _allocatedAtStart > _engine.MemoryBudget)
            {
                throw new TemplateMemoryException(scriptNode?.Span ?? CurrentSpan);
            }

            return base.Evaluate(scriptNode, aliasReturnedFunction);
        }

        /// <summary>The name of the last variable or field the model lacked, for the diagnostic.</summary>
        public string? Missing { get; private set; }

        /// <summary>Why an include was refused, for the diagnostic.</summary>
        public string? Refused { get; set; }

        /// <summary>Truth follows the data: null, false, "", 0 and empty lists are false.</summary>
        public override bool ToBool(SourceSpan span, object? value) => value switch
        {
            null => false,
            bool b => b,
            string s => s.Length > 0,
            SafeHtml h => h.Html.Length > 0,
            int i => i != 0,
            long l => l != 0,
            double d => d != 0,
            ICollection c => c.Count > 0,
            _ => base.ToBool(span, value),
        };

        public override TemplateContext Write(SourceSpan span, object? textAsObject)
        {
            if (_engine.Output == TemplateOutput.Markdown || textAsObject is SafeHtml)
            {
                return base.Write(span, textAsObject is SafeHtml safe ? safe.Html : textAsObject!);
            }

            var text = ObjectToString(textAsObject);
            return base.Write(span, Escape(text));
        }

        public override string ObjectToString(object? value, bool nested = false) => value switch
        {
            SafeHtml h => h.Html,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => base.ObjectToString(value, nested) ?? string.Empty,
        };
    }

    /// <summary>
    /// HTML-escapes text for element content and quoted attributes alike: <c>&amp; &lt; &gt; " ' ` =</c>; other
    /// characters (all of Unicode) are written as they are.
    /// </summary>
    private static readonly System.Buffers.SearchValues<char> Escaped = System.Buffers.SearchValues.Create("&<>\"'`=");

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny(Escaped) < 0)
        {
            return text ?? string.Empty;
        }

        var builder = new System.Text.StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            var entity = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#x27;",
                '`' => "&#x60;",
                '=' => "&#x3D;",
                _ => null,
            };
            if (entity is null)
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(entity);
            }
        }

        return builder.ToString();
    }

    /// <summary>Scriban's <c>include</c>, whose result (already escaped by the partial itself) is written as it is.</summary>
    private sealed class SafeInclude(IScriptCustomFunction include) : IScriptCustomFunction
    {
        public int RequiredParameterCount => include.RequiredParameterCount;

        public int ParameterCount => include.ParameterCount;

        public ScriptVarParamKind VarParamKind => include.VarParamKind;

        public Type ReturnType => typeof(SafeHtml);

        public ScriptParameterInfo GetParameterInfo(int index) => include.GetParameterInfo(index);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new SafeHtml(include.Invoke(context, callerContext, arguments, blockStatement)?.ToString() ?? string.Empty);

        public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new SafeHtml((await include.InvokeAsync(context, callerContext, arguments, blockStatement).ConfigureAwait(false))?.ToString() ?? string.Empty);
    }

    /// <summary><c>include "note"</c> is <c>_note.sbn</c> in the including template's folder of the theme, and nothing else.</summary>
    private sealed class ThemeLoader(ScribanEngine engine, string folder, CommsTemplateContext owner) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName)
        {
            if (!System.Text.RegularExpressions.Regex.IsMatch(templateName, "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$"))
            {
                owner.Refused = $"include \"{templateName}\" is refused: a partial is named by letters, digits, '_' and '-' (it loads _<name>{Theme.TemplateExtension} beside the template, inside the theme)";
                throw new TemplateIncludeException(callerSpan, owner.Refused);
            }

            var name = (folder.Length == 0 ? string.Empty : folder.Replace(Path.DirectorySeparatorChar, '/') + "/") + "_" + templateName + Theme.TemplateExtension;
            var bag = new DiagnosticBag();
            if (engine.Theme.Find(name, bag) is { } path)
            {
                return path;
            }

            owner.Refused = bag.HasErrors ? bag.Items.First(i => i.Severity == Severity.Error).Message : $"include \"{templateName}\": no {name} in any theme folder";
            throw new TemplateIncludeException(callerSpan, owner.Refused);
        }

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath)
        {
            var bag = new DiagnosticBag();
            if (Core.IO.InputFile.ReadText(templatePath, "the partial", Core.IO.InputLimits.Default.MaxTextFileBytes, bag) is { } text)
            {
                return text.Replace("\r\n", "\n", StringComparison.Ordinal);
            }

            owner.Refused = $"include of {Path.GetFileName(templatePath)} is refused: {bag.Items[0].Message}";
            throw new TemplateIncludeException(callerSpan, owner.Refused);
        }

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) =>
            new(Load(context, callerSpan, templatePath));
    }
}

/// <summary>
/// A render past <see cref="ScribanEngine.MemoryBudget"/>. A runtime exception of Scriban's own kind, so that Scriban
/// passes it up unwrapped through every expression being evaluated.
/// </summary>
public sealed class TemplateMemoryException(SourceSpan span) : ScriptRuntimeException(span, "the template's memory budget is spent")
{
}

/// <summary>An include that names no partial of the theme, or one outside it.</summary>
public sealed class TemplateIncludeException(SourceSpan span, string message) : Exception(message)
{
    public SourceSpan Span { get; } = span;
}
