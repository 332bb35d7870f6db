using System.Text;
using Comms.Core.Diagnostics;
using Comms.Templates;

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
        var views = new NoteViews(request.Config);
        Notes = Releases.Select((r, rank) => (IReadOnlyList<NoteView>)r.Notes.Select(n => views.Create(n, r, rank)).ToArray()).ToArray();
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

    public IReadOnlyList<LinkView> Nav =>
    [
        new("Home", SitePaths.Home),
        new("All notes", SitePaths.Notes),
        new("Upgrade path", SitePaths.Upgrade),
        new("SIGs", SitePaths.Sigs),
        .. Request.Audiences.Select(a => new LinkView(a.Name, SitePaths.Audience(a.Id))),
    ];

    public IReadOnlyList<LinkView> Feeds =>
    [
        new($"{Project} releases", SitePaths.FeedAll),
        .. Request.Audiences.Select(a => new LinkView($"{Project} for {a.Name.ToLowerInvariant()}", SitePaths.AudienceFeed(a.Id))),
    ];

    /// <summary>Renders a page template, wraps it in the layout and writes it.</summary>
    public void Page(string path, string template, string title, object model, IReadOnlyList<string>? scripts = null, string bodyClass = "")
    {
        var body = Render(template, model);
        var html = Render("layout", new LayoutView
        {
            Project = Project,
            Title = title,
            Body = new SafeHtml(body),
            Scripts = scripts ?? [],
            Nav = Nav,
            Feeds = Feeds,
            BodyClass = bodyClass,
        });
        Write(path, html);
        _pages.Add(path);
    }

    /// <summary>A site layout (<c>site/&lt;name&gt;.sbn</c>) rendered with the model; a template error stops the build.</summary>
    private string Render(string template, object model) =>
        _engine.Render($"site/{template}{Theme.TemplateExtension}", model, _diagnostics) ?? throw new SiteTemplateFailed();

    public void Write(string path, string contents)
    {
        Request.Cancel.ThrowIfCancellationRequested();
        var full = Comms.Core.IO.OutputPaths.Resolve(Folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, contents, new UTF8Encoding(false));
    }
}
