using Comms.Core.Diagnostics;
using Comms.Site.Feeds;
using Comms.Site.Pages;
using Comms.Site.Publish;
using Comms.Templates;

namespace Comms.Site;

/// <summary>Builds the static release site: load the theme, write the pages, feeds and sitemap, publish atomically.</summary>
public static class SiteBuilder
{
    /// <summary>The page layouts every theme has (<c>site/&lt;name&gt;.sbn</c>); partials are <c>site/_&lt;name&gt;.sbn</c>.</summary>
    public static readonly IReadOnlyList<string> Layouts = ["layout", "home", "release", "sig", "audience", "doc", "notes", "upgrade", "404"];

    /// <summary>Builds the site into <see cref="SiteRequest.OutputFolder"/>; returns false (diagnostics say why) and leaves any previous site when it fails.</summary>
    public static bool Build(SiteRequest request, DiagnosticBag d)
    {
        var theme = new Theme(request.ThemeFolders);
        // The pages speak from the theme's English table (a project's own wording included); a page in another language from its own.
        if (Phrases.Load(theme, Phrases.DefaultLocale, d) is not { } english)
        {
            return false;
        }

        var engine = new ScribanEngine(theme, TemplateOutput.Html) { Cancel = request.Cancel, Phrases = english };
        var files = theme.Files("site", d);
        foreach (var layout in Layouts)
        {
            if (!files.ContainsKey(layout + Theme.TemplateExtension))
            {
                d.Error(SiteCodes.ThemeFileMissing, $"no layout {layout}{Theme.TemplateExtension} in site/ of any theme folder ({string.Join(", ", request.ThemeFolders)})");
            }
        }

        // Every template is parsed up front, so a broken layout or partial is reported even if no page uses it.
        foreach (var (name, file) in files.Where(f => f.Key.EndsWith(Theme.TemplateExtension, StringComparison.Ordinal)))
        {
            engine.Check(file, d);
        }

        if (d.HasErrors)
        {
            return false;
        }

        var assets = files.Where(f => !f.Key.EndsWith(Theme.TemplateExtension, StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);

        // A FIFO or device among the assets would block the copy for ever: only regular files are published.
        foreach (var (name, source) in assets)
        {
            if (Comms.Core.IO.InputFile.Kind(source) is { } kind)
            {
                d.Error(SiteCodes.ThemeFileMissing, $"the theme asset {name} must be a regular file, not {kind}", source);
            }
        }

        if (d.HasErrors)
        {
            return false;
        }
        return SitePublisher.Publish(request.OutputFolder, d, folder =>
        {
            try
            {
                var site = new SiteContext(request with { Releases = DraftPolicy.Apply(request.Releases, request.Now, request.IncludeDrafts, d) }, engine, folder, d);
                var notes = site.Notes.Sum(n => n.Count);
                Timings.Mark("site context");
                site.Advance("release pages", 0);
                ReleasePages.Write(site);
                Timings.Mark("site release pages");
                site.Advance("indexes", 0);
                IndexPages.Write(site);
                Timings.Mark("site indexes");
                site.Advance("filter pages", notes);
                FilterPages.Write(site);
                Timings.Mark("site filter pages");
                site.Advance("feeds", notes);
                AtomFeeds.Write(site);
                Sitemap.Write(site);
                CopyAssets(assets, folder);
                Timings.Mark("site feeds, sitemap, assets");
                return true;
            }
            catch (SiteTemplateFailed)
            {
                return false;
            }
        });
    }

    private static void CopyAssets(IReadOnlyDictionary<string, string> assets, string folder)
    {
        foreach (var (relative, source) in assets.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var target = Path.Combine(folder, "assets", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
        }
    }
}

/// <summary>A layout failed while rendering a page; its diagnostic is already reported, the build stops.</summary>
internal sealed class SiteTemplateFailed : Exception;
