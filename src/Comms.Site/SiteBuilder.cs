using Comms.Core.Diagnostics;
using Comms.Site.Feeds;
using Comms.Site.Pages;
using Comms.Site.Publish;
using Comms.Site.Templates;

namespace Comms.Site;

/// <summary>Builds the static release site: load the theme, write the pages, feeds and sitemap, publish atomically.</summary>
public static class SiteBuilder
{
    /// <summary>Builds the site into <see cref="SiteRequest.OutputFolder"/>; returns false (diagnostics say why) and leaves any previous site when it fails.</summary>
    public static bool Build(SiteRequest request, DiagnosticBag d)
    {
        var theme = Theme.Load(request.ThemeFolders, d);
        if (theme is null)
        {
            return false;
        }

        return SitePublisher.Publish(request.OutputFolder, d, folder =>
        {
            var site = new SiteContext(request, theme, folder);
            try
            {
                var notes = site.Notes.Sum(n => n.Count);
                site.Advance("release pages", 0);
                ReleasePages.Write(site);
                site.Advance("indexes", 0);
                IndexPages.Write(site);
                site.Advance("filter pages", notes);
                FilterPages.Write(site);
                site.Advance("feeds", notes);
                AtomFeeds.Write(site);
                Sitemap.Write(site);
                CopyAssets(theme, folder);
                return true;
            }
            catch (TemplateRenderException e)
            {
                d.Error(SiteCodes.TemplateInvalid, e.Message);
                return false;
            }
        });
    }

    private static void CopyAssets(Theme theme, string folder)
    {
        foreach (var (relative, source) in theme.Assets)
        {
            var target = Path.Combine(folder, "assets", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target, overwrite: true);
        }
    }
}
