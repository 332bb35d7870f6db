using System.Text;
using Comms.Site.Templates;

namespace Comms.Site.Pages;

/// <summary>What every page writer shares: the request, the theme, the notes as views, and the output folder.</summary>
internal sealed class SiteContext
{
    private readonly List<string> _pages = [];

    public SiteContext(SiteRequest request, Theme theme, string folder)
    {
        Request = request;
        Theme = theme;
        Folder = folder;
        Releases = SiteLoader.Sort(request.Releases);
        var views = new NoteViews(request.Config);
        Notes = Releases.Select((r, rank) => (IReadOnlyList<NoteView>)r.Notes.Select(n => views.Create(n, r, rank)).ToArray()).ToArray();
    }

    public SiteRequest Request { get; }
    public Theme Theme { get; }
    public string Folder { get; }
    public string Project => Request.Config.Project.Name;

    /// <summary>Releases oldest first; a release's index is its rank.</summary>
    public IReadOnlyList<SiteRelease> Releases { get; }

    /// <summary>Views of each release's notes, by rank, in PR order.</summary>
    public IReadOnlyList<IReadOnlyList<NoteView>> Notes { get; }

    public IReadOnlyList<string> Pages => _pages;

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
        var body = Theme.Engine.Render(template, model);
        var html = Theme.Engine.Render("layout", new LayoutView
        {
            Project = Project,
            Title = title,
            Body = body,
            Scripts = scripts ?? [],
            Nav = Nav,
            Feeds = Feeds,
            BodyClass = bodyClass,
        });
        Write(path, html);
        _pages.Add(path);
    }

    public void Write(string path, string contents)
    {
        Request.Cancel.ThrowIfCancellationRequested();
        var full = Comms.Core.IO.OutputPaths.Resolve(Folder, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, contents, new UTF8Encoding(false));
    }
}
