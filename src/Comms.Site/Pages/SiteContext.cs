using System.Text;
using Comms.Core.Diagnostics;
using Comms.Core.Model;
using Comms.Templates;
using Scriban.Runtime;

namespace Comms.Site.Pages;

/// <summary>What every page writer shares: the request, the theme, the notes as views, and the output folder.</summary>
internal sealed class SiteContext
{
    private readonly List<string> _pages = [];

    private readonly ITemplateEngine _engine;
    private readonly DiagnosticBag _diagnostics;

    public SiteContext(SiteRequest request, ITemplateEngine engine, string folder, DiagnosticBag diagnostics)
    {
        Request = request;
        _engine = engine;
        _diagnostics = diagnostics;
        Folder = folder;
        Releases = SiteLoader.Sort(request.Releases);
        Views = new NoteViews(request.Config);
        var views = Releases.Select((r, rank) => r.Notes.Select(n => Views.Create(n, r, rank)).ToArray()).ToArray();
        Comms.Core.Diagnostics.Timings.Mark("  note views");
        // A release too large for one page is split in pages: each note's permalink names the page it is on.
        var sections = new Comms.Core.Changelog.ChangelogSections(request.Config);
        for (var rank = 0; rank < views.Length; rank++)
        {
            var pages = ReleasePages.Paging(sections, Releases[rank], views[rank]);
            if (pages.Count > 1)
            {
                var page = new Dictionary<NoteView, int>(ReferenceEqualityComparer.Instance);
                for (var p = 0; p < pages.Count; p++)
                {
                    foreach (var v in pages[p].SelectMany(s => s.Views))
                    {
                        page[v] = p;
                    }
                }

                views[rank] = views[rank].Select(v => v with { ReleaseHref = SitePaths.Release(Releases[rank], page[v]) }).ToArray();
            }
        }

        Comms.Core.Diagnostics.Timings.Mark("  release paging");
        var withLi = WithLi(views.SelectMany(v => v).ToArray()).ToArray();
        Comms.Core.Diagnostics.Timings.Mark("  list items");
        var notes = new IReadOnlyList<NoteView>[views.Length];
        for (int rank = 0, at = 0; rank < views.Length; at += views[rank].Length, rank++)
        {
            notes[rank] = new ArraySegment<NoteView>(withLi, at, views[rank].Length).ToArray();
        }

        Notes = notes;
        Dates = Releases.Select(DateOf).ToArray();
        Home = HomeRanks(Releases);
        SiteUrl = Comms.Site.Render.SafeUrl.Clean(request.Config.SiteUrl) is { } url && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            ? url.TrimEnd('/') + "/"
            : null;
        _known = new HashSet<string>(StringComparer.Ordinal) { SitePaths.Home, SitePaths.Notes, SitePaths.Upgrade, SitePaths.Sigs, SitePaths.NotFound };
        foreach (var r in Releases)
        {
            _known.Add(SitePaths.Release(r));
            var pageCount = ReleasePages.PageCount(r.Notes.Count);
            for (var page = 1; page < pageCount; page++)
            {
                _known.Add(SitePaths.Release(r, page));
            }

            _known.UnionWith([.. r.Drafts.BlogPost is null ? [] : new[] { SitePaths.Blog(r) }, .. r.Drafts.PressBrief is null ? [] : new[] { SitePaths.Press(r) },
                .. r.Drafts.Changelog is null ? [] : new[] { SitePaths.Changelog(r) }, .. r.Drafts.Briefs.Keys.Select(a => SitePaths.Brief(r, a))]);
            _known.UnionWith(r.Notes.SelectMany(n => n.Sigs).Select(SitePaths.Sig));
        }

        _known.UnionWith(request.Audiences.Select(a => SitePaths.Audience(a.Id)));
        DraftLinks = new DraftLinks(this);
    }

    private readonly HashSet<string> _known;

    private readonly Dictionary<NoteView, ScriptObject> _scripts = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Renders each note's list item once (with its anchor, by the theme's <c>_note.sbn</c>); the copy without the
    /// anchor is the same text without the <c>id</c>. Every page then reuses them.
    /// </summary>
    public IReadOnlyList<NoteView> WithLi(IReadOnlyList<NoteView> views)
    {
        const string name = "site/_note" + Theme.TemplateExtension;
        if (_engine is ScribanEngine { Theme: var theme } && NoteItem.Matches(theme.Find(name)))
        {
            // The default theme's list item, written without a template context per note (the same bytes), and
            // without its anchor: where the anchor goes is known.
            var buffer = new StringBuilder(1024);
            return views.Select(v => v with { Li = new SafeHtml(NoteItem.Render(v, null, buffer)), AnchorAt = NoteItem.AnchorAt(v) }).ToArray();
        }

        var anchors = views.Select(v => "pr-" + v.Number.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var models = views.Select((v, i) => (object)new ScriptFields { { "note", v with { Anchor = anchors[i] } } }).ToArray();
        var rendered = _engine is ScribanEngine scriban
            ? scriban.RenderEach(name, models, _diagnostics)
            : models.Select(m => _engine.Render(name, m, _diagnostics) ?? throw new SiteTemplateFailed()).ToArray();

        if (rendered is null)
        {
            throw new SiteTemplateFailed();
        }

        var result = new NoteView[views.Count];
        for (var i = 0; i < views.Count; i++)
        {
            var anchored = rendered[i];
            var attribute = $" id=\"{anchors[i]}\"";
            var at = anchored.IndexOf(attribute, StringComparison.Ordinal);
            var plain = at < 0 ? anchored : anchored.Remove(at, attribute.Length);
            // Only the copy without the anchor is kept; the one page that shows the anchor puts it back (Anchored).
            result[i] = views[i] with { Li = new SafeHtml(plain), AnchorAt = at };
        }

        return result;
    }

    /// <summary>The notes as template objects, converted once per build; <paramref name="anchored"/> gives the copies that carry <c>id="pr-N"</c>.</summary>
    public IReadOnlyList<object> Models(IEnumerable<NoteView> views, bool anchored = false) =>
        views.Select(v => anchored && v.AnchorAt is { } at ? new LazyNote(Anchored(v, at)) : (object)Script(v)).ToArray();

    /// <summary>The note's view with its anchor: its list item as rendered with <c>id="pr-N"</c> (made for the one page that shows it, not kept).</summary>
    private static NoteView Anchored(NoteView view, int at)
    {
        var anchor = "pr-" + view.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return view with
        {
            Anchor = anchor,
            Li = at < 0 ? view.Li : new SafeHtml(view.Li.Html.Insert(at, $" id=\"{anchor}\"")),
            AnchorAt = null,
        };
    }

    private ScriptObject Script(NoteView view)
    {
        if (!_scripts.TryGetValue(view, out var script))
        {
            _scripts[view] = script = new LazyNote(view);
        }

        return script;
    }

    /// <summary>
    /// A note as a template object: <c>Li</c> is answered at once (all the default theme's lists read); the first other
    /// field converts the whole note (for themes that show the fields themselves).
    /// </summary>
    // Not the parameterless base: it looks up this type's static members by reflection for every note.
    private sealed class LazyNote(NoteView view) : ScriptObject(0, autoImportStaticsFromThisType: false)
    {
        private bool _filled;

        public override bool TryGetValue(Scriban.TemplateContext? context, Scriban.Parsing.SourceSpan span, string member, out object? value)
        {
            if (!_filled && member == nameof(NoteView.Li))
            {
                value = view.Li;
                return true;
            }

            Fill();
            return base.TryGetValue(context, span, member, out value);
        }

        public override bool Contains(string member)
        {
            Fill();
            return base.Contains(member);
        }

        private void Fill()
        {
            if (_filled)
            {
                return;
            }

            _filled = true;
            foreach (var (key, value) in ScriptModel.From(view))
            {
                SetValue(key, value, readOnly: false);
            }
        }
    }

    internal NoteViews Views { get; }

    internal DraftLinks DraftLinks { get; }

    /// <summary>The site's absolute address ending in <c>/</c> (<c>site_url</c>), or null when it is not set.</summary>
    public string? SiteUrl { get; }

    /// <summary>Each release's date, by rank: release.yaml's <c>release_date</c>, else the day its newest PR was merged, else none.</summary>
    public IReadOnlyList<DateOnly?> Dates { get; }

    /// <summary>
    /// By rank, the rank of the release that is a note's home: a pre-release's notes live at its final release when the
    /// site has it (1.28.0-rc.0 -> 1.28.0), else at the newest pre-release of that line.
    /// </summary>
    public IReadOnlyList<int> Home { get; }

    /// <summary>Whether <paramref name="name"/> is an HTML page this site writes (top folder).</summary>
    public bool IsPage(string name) => _known.Contains(name);

    public static bool HasUpgradeNotes(SiteRelease release) => release.Notes.Any(NoteViews.IsUpgradeNote);

    private static DateOnly? DateOf(SiteRelease release) =>
        release.Date ?? release.Notes.Select(n => n.Comms.MergedAt).OfType<DateTimeOffset>().Select(m => (DateOnly?)DateOnly.FromDateTime(m.UtcDateTime)).Max();

    /// <summary>The line of a version: its numbers without the pre-release part (1.28.0-rc.0 -> 1.28.0).</summary>
    public static string Line(SemVersion v) => string.Join('.', v.Numbers.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static int[] HomeRanks(IReadOnlyList<SiteRelease> releases)
    {
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var rank = 0; rank < releases.Count; rank++)
        {
            // Releases are sorted, so the final release (or newest pre-release) of a line comes last.
            last[Line(releases[rank].Version)] = rank;
        }

        return releases.Select(r => last[Line(r.Version)]).ToArray();
    }

    public SiteRequest Request { get; }
    public string Folder { get; }
    public string Project => Request.Config.Project.Name;

    /// <summary>Releases oldest first; a release's index is its rank.</summary>
    public IReadOnlyList<SiteRelease> Releases { get; }

    /// <summary>Views of each release's notes, by rank, in PR order.</summary>
    public IReadOnlyList<IReadOnlyList<NoteView>> Notes { get; }

    public IReadOnlyList<string> Pages => _pages;

    private int _done;

    /// <summary>Reports <paramref name="notes"/> more notes rendered at <paramref name="stage"/> (three passes over every note in all).</summary>
    public void Advance(string stage, int notes)
    {
        if (Request.Progress is { } progress)
        {
            var all = Notes.Sum(n => n.Count);
            _done += notes;
            progress.Report(new SiteProgress(stage, Math.Min(_done, 3 * all), 3 * all, all));
        }
    }

    /// <summary>The newest release that is not a pre-release, or the newest of all.</summary>
    public SiteRelease? Latest => Releases.LastOrDefault(r => !r.Version.IsPreRelease) ?? (Releases.Count > 0 ? Releases[^1] : null);

    public IReadOnlyList<LinkView> Nav => NavIn(English);

    /// <summary>The theme's English table (a project's own wording included), for the site's English pages.</summary>
    public Phrases English => PhrasesFor(Phrases.DefaultLocale) ?? Phrases.English;

    /// <summary>The site's navigation in a page's language (the audiences are named as the project names them).</summary>
    public IReadOnlyList<LinkView> NavIn(Phrases p) =>
    [
        new(p.Text("site.nav.home"), SitePaths.Home),
        new(p.Text("site.nav.notes"), SitePaths.Notes),
        new(p.Text("site.nav.upgrade"), SitePaths.Upgrade),
        new(p.Text("site.nav.sigs"), SitePaths.Sigs),
        .. Request.Audiences.Select(a => new LinkView(a.Name, SitePaths.Audience(a.Id))),
    ];

    /// <summary>The feeds the site writes: a feed with no dated release is not written, so nothing links to it.</summary>
    public IReadOnlyList<LinkView> Feeds =>
    [
        .. FeedRanks("release").Count > 0 ? [new LinkView(English.Format("site.brand", ("project", Project)), SitePaths.FeedAll)] : Array.Empty<LinkView>(),
        .. Request.Audiences.Where(a => FeedRanks(a.Id).Count > 0)
            .Select(a => new LinkView(English.Format("site.feed_for", ("project", Project), ("audience", a.Name.ToLowerInvariant())), SitePaths.AudienceFeed(a.Id))),
    ];

    private readonly Dictionary<string, IReadOnlyList<int>> _feedRanks = new(StringComparer.Ordinal);

    /// <summary>
    /// The ranks of the releases a feed has an entry for, newest first: every dated release for "release", else the dated
    /// releases with notes or a brief for that audience.
    /// </summary>
    public IReadOnlyList<int> FeedRanks(string feed)
    {
        if (!_feedRanks.TryGetValue(feed, out var ranks))
        {
            ranks = Enumerable.Range(0, Releases.Count).Reverse()
                .Where(rank => Dates[rank] is not null)
                .Where(rank => feed == "release" || Releases[rank].Drafts.Briefs.ContainsKey(feed) ||
                               Notes[rank].Any(v => v.Audiences.Contains(feed, StringComparer.Ordinal)))
                .ToArray();
            _feedRanks[feed] = ranks;
        }

        return ranks;
    }

    public void Warning(string code, string message) => _diagnostics.Warning(code, message);

    /// <summary>Renders a page template, wraps it in the layout and writes it.</summary>
    public void Page(string path, string template, string title, object model, IReadOnlyList<string>? scripts = null, string bodyClass = "", Func<LayoutView, LayoutView>? frame = null, bool draft = false)
    {
        Write(path, Layout(template, title, model, scripts, bodyClass, frame, draft));
        _pages.Add(path);
    }

    /// <summary>
    /// A page around one large piece of HTML (a draft rendered from Markdown): the templates are rendered around a
    /// placeholder and the page is written as the text before it, the HTML, and the text after it, so the templates'
    /// output never holds a copy of the HTML. The same bytes as <see cref="Page"/>; a theme that does anything with the
    /// HTML but write it once as it is gets the page made that way.
    /// </summary>
    public void PageAround(string path, string template, string title, string html, Func<SafeHtml, object> model, string bodyClass = "", bool draft = false,
        string lang = "en", IReadOnlyList<LanguageView>? languages = null) =>
        PageAround(path, template, title, html.Length == 0 ? null : writer => writer.Write(html), model, bodyClass, draft, lang, languages);

    /// <summary>
    /// As <see cref="PageAround(string, string, string, string, Func{SafeHtml, object}, string, bool, string, IReadOnlyList{LanguageView})"/>,
    /// the HTML written in pieces by <paramref name="html"/> (null: none), so not even the HTML is held whole (the changelog's,
    /// section by section). A page in another language is framed in it: its <c>lang</c>, navigation and the layout's phrases.
    /// </summary>
    public void PageAround(string path, string template, string title, Action<TextWriter>? html, Func<SafeHtml, object> model, string bodyClass = "", bool draft = false,
        string lang = "en", IReadOnlyList<LanguageView>? languages = null)
    {
        var own = lang == Phrases.DefaultLocale ? null : PhrasesFor(lang);
        LayoutView Speaking(LayoutView l) => l with { Lang = lang, Languages = languages ?? [], Nav = own is null ? l.Nav : NavIn(own) };
        var engine = own is null ? _engine : _engine.Speaking(own);
        var placeholder = html is null ? null : "\u0001comms-html-" + Guid.NewGuid().ToString("N") + "\u0001";
        var page = placeholder is null ? null : Layout(template, title, model(new SafeHtml(placeholder)), null, bodyClass, Speaking, draft, engine);
        var at = placeholder is null ? -1 : page!.IndexOf(placeholder, StringComparison.Ordinal);
        if (at < 0 || page!.IndexOf(placeholder!, at + 1, StringComparison.Ordinal) >= 0)
        {
            using var whole = new StringWriter();
            html?.Invoke(whole);
            Write(path, Layout(template, title, model(new SafeHtml(whole.ToString())), null, bodyClass, Speaking, draft, engine));
            _pages.Add(path);
            return;
        }

        Request.Cancel.ThrowIfCancellationRequested();
        var full = Comms.Core.IO.OutputPaths.Resolve(Folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using (var writer = new StreamWriter(full, append: false, new UTF8Encoding(false), 64 * 1024))
        {
            writer.Write(page.AsSpan(0, at));
            html!(writer);
            writer.Write(page.AsSpan(at + placeholder!.Length));
        }

        _pages.Add(path);
    }

    private readonly Dictionary<string, Phrases?> _phrases = new(StringComparer.Ordinal);

    /// <summary>The theme's phrase table for a language, loaded once (null, with its located errors, when it does not load).</summary>
    public Phrases? PhrasesFor(string lang)
    {
        if (!_phrases.TryGetValue(lang, out var phrases))
        {
            phrases = Phrases.Load(_engine.Theme, lang, _diagnostics);
            _phrases[lang] = phrases;
        }

        return phrases;
    }

    /// <summary>Every page that exists in several languages, with its versions (the page itself included): for the sitemap's alternates.</summary>
    public Dictionary<string, IReadOnlyList<LanguageView>> Alternates { get; } = new(StringComparer.Ordinal);

    private string Layout(string template, string title, object model, IReadOnlyList<string>? scripts, string bodyClass, Func<LayoutView, LayoutView>? frame, bool draft, ITemplateEngine? engine = null)
    {
        var body = Render(template, model, engine);
        var layout = new LayoutView
        {
            Project = Project,
            Title = title,
            Body = new SafeHtml(body),
            Scripts = scripts ?? [],
            Nav = Nav,
            Feeds = Feeds,
            BodyClass = bodyClass,
            Sitemap = SiteUrl is null ? null : "sitemap.xml",
            Draft = draft,
        };
        return Render("layout", frame is null ? layout : frame(layout), engine);
    }

    /// <summary>A site layout (<c>site/&lt;name&gt;.sbn</c>) rendered with the model; a template error stops the build.</summary>
    private string Render(string template, object model, ITemplateEngine? engine = null) =>
        (engine ?? _engine).Render($"site/{template}{Theme.TemplateExtension}", model, _diagnostics) ?? throw new SiteTemplateFailed();

    public void Write(string path, string contents)
    {
        Comms.Core.IO.StopGate.ThrowIfCancelled(Request.Cancel);
        var full = Comms.Core.IO.OutputPaths.Resolve(Folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, contents, new UTF8Encoding(false));
    }
}
