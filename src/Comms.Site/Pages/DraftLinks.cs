using Comms.Core.Model;

namespace Comms.Site.Pages;

/// <summary>
/// Rewrites the relative links of a draft (written for the <c>release-notes/&lt;version&gt;/</c> folder: <c>CHANGELOG.md</c>,
/// <c>../v2.3.0/blog-post.md</c>, <c>notes.json</c>) to the site's page for that draft; a link to a page the site does not
/// have keeps only its text, so no draft link on the site is broken.
/// </summary>
internal sealed class DraftLinks(SiteContext site)
{
    /// <summary>The href to write for <paramref name="url"/> in a draft of <paramref name="release"/>, relative to the site's top folder; null drops the link.</summary>
    public string? Resolve(SiteRelease release, string url, string prefix = "")
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var path = hash < 0 ? url : url[..hash];
        var fragment = hash < 0 ? string.Empty : url[hash..];
        var query = path.IndexOf('?', StringComparison.Ordinal);
        path = query < 0 ? path : path[..query];
        if (path.Length == 0)
        {
            // A link inside the draft itself (its headings carry ids).
            return url;
        }

        var parts = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToList();
        var target = release;
        if (parts.Count == 3 && parts[0] == ".." && Find(parts[1]) is { } other)
        {
            target = other;
            parts.RemoveRange(0, 2);
        }
        else if (parts.Count == 2 && parts[0] == ".." && Find(parts[1]) is { } folder)
        {
            return prefix + SitePaths.Release(folder);
        }

        if (parts.Count != 1)
        {
            return null;
        }

        var name = parts[0];
        var drafts = target.Drafts;
        string? page = name switch
        {
            "CHANGELOG.md" when drafts.Changelog is not null => SitePaths.Changelog(target),
            "blog-post.md" when drafts.BlogPost is not null => SitePaths.Blog(target),
            "press-brief.md" when drafts.PressBrief is not null => SitePaths.Press(target),
            _ when name.StartsWith("brief-", StringComparison.Ordinal) && name.EndsWith(".md", StringComparison.Ordinal) &&
                   drafts.Briefs.ContainsKey(name[6..^3]) => SitePaths.Brief(target, name[6..^3]),
            "CHANGELOG.md" or "blog-post.md" or "press-brief.md" or "notes.json" or "release.yaml" => null,
            _ when name.StartsWith("brief-", StringComparison.Ordinal) && name.EndsWith(".md", StringComparison.Ordinal) => null,
            _ => site.IsPage(name) ? name : "",
        };
        if (page is null)
        {
            // A draft or file the site has no page for: the release's page says it all.
            var upgrade = fragment.Contains("upgrade", StringComparison.OrdinalIgnoreCase) && SiteContext.HasUpgradeNotes(target);
            return prefix + SitePaths.Release(target) + (upgrade ? "#upgrade" : string.Empty);
        }

        return page.Length == 0 ? null : prefix + page + fragment;
    }

    private SiteRelease? Find(string folder)
    {
        var text = folder.StartsWith('v') ? folder[1..] : folder;
        return SemVersion.TryParse(text, out var version) ? site.Releases.FirstOrDefault(r => r.Version.Equals(version)) : null;
    }
}
