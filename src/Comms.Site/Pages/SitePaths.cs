using Comms.Site.Render;

namespace Comms.Site.Pages;

/// <summary>
/// Where each page lives. Every HTML page sits in the site's top folder, so one relative href works from
/// every page, under any sub-path and from file://.
/// </summary>
public static class SitePaths
{
    public const string Home = "index.html";
    public const string Notes = "notes.html";
    public const string Upgrade = "upgrade.html";
    public const string NotFound = "404.html";
    public const string Sigs = "sigs.html";
    public const string FeedAll = "feeds/all.atom";

    public static string Release(SiteRelease r) => $"release-{VersionSlug(r)}.html";

    /// <summary>Page <paramref name="page"/> (0-based) of a release too large for one page: the first is the release page itself.</summary>
    public static string Release(SiteRelease r, int page) => page == 0 ? Release(r) : $"release-{VersionSlug(r)}-{page + 1}.html";

    public static string Blog(SiteRelease r) => $"blog-{VersionSlug(r)}.html";

    public static string Press(SiteRelease r) => $"press-{VersionSlug(r)}.html";

    public static string Changelog(SiteRelease r) => $"changelog-{VersionSlug(r)}.html";

    /// <summary>A page in another language, beside the English one: <c>blog-1-34-0.de.html</c>.</summary>
    public static string InLanguage(string page, string lang) => page[..^".html".Length] + "." + Slug.Of(lang) + ".html";

    public static string Brief(SiteRelease r, string audience) => $"brief-{VersionSlug(r)}-{Slug.Of(audience)}.html";

    public static string Sig(string sig) => $"sig-{Slug.Of(sig)}.html";

    public static string Audience(string audience) => $"audience-{Slug.Of(audience)}.html";

    public static string AudienceFeed(string audience) => $"feeds/{Slug.Of(audience)}.atom";

    public static string VersionSlug(SiteRelease r) => Slug.Of(r.Version.Text);
}
