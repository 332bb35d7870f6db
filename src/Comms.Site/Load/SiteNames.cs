using Comms.Core.Diagnostics;
using Comms.Core.Model;
using Comms.Site.Render;

namespace Comms.Site.Load;

/// <summary>Names that become pages or filter values: cleaned for display, and checked that no two share a page.</summary>
internal static class SiteNames
{
    public static ReleaseNote Clean(ReleaseNote note) => note with
    {
        Sigs = CleanAll(note.Sigs),
        Areas = CleanAll(note.Areas),
        Kinds = CleanAll(note.Kinds),
        Author = DisplayName.Clean(note.Author),
    };

    private static string[] CleanAll(IReadOnlyList<string> values) =>
        values.Select(DisplayName.Clean).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Reports (CM8010) releases that would share a page and SIGs or areas whose slugs collide; returns the releases without the duplicates.</summary>
    public static IReadOnlyList<SiteRelease> Check(IReadOnlyList<SiteRelease> releases, DiagnosticBag d)
    {
        var byKey = new Dictionary<string, SiteRelease>(StringComparer.Ordinal);
        var kept = new List<SiteRelease>();
        foreach (var release in releases.OrderBy(r => r.Source, StringComparer.Ordinal))
        {
            var key = VersionName.Key(release.Version.Text);
            if (byKey.TryGetValue(key, out var first))
            {
                d.Error(SiteCodes.NameCollision,
                    $"release \"{Folder(release)}\" and release \"{Folder(first)}\" would share the page release-{Slug.Of(key)}.html; keep one of the two folders",
                    release.Source);
                continue;
            }

            byKey[key] = release;
            kept.Add(release);
        }

        CheckSlugs(kept, "SIG", n => n.Sigs, d);
        CheckSlugs(kept, "area", n => n.Areas, d);
        return SiteLoader.Sort(kept);
    }

    private static void CheckSlugs(IReadOnlyList<SiteRelease> releases, string what, Func<ReleaseNote, IReadOnlyList<string>> names, DiagnosticBag d)
    {
        var bySlug = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var release in releases)
        {
            foreach (var name in release.Notes.SelectMany(names).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                var slug = Slug.Of(name);
                if (bySlug.TryGetValue(slug, out var other) && !string.Equals(other, name, StringComparison.Ordinal))
                {
                    d.Error(SiteCodes.NameCollision,
                        $"the {what}s \"{other}\" and \"{name}\" have the same slug \"{slug}\", so their pages would overwrite each other; rename one label",
                        release.Source);
                }
                else
                {
                    bySlug[slug] = name;
                }
            }
        }
    }

    private static string Folder(SiteRelease r) => r.Source is null ? r.Version.Text : Path.GetFileName(Path.GetDirectoryName(r.Source)!);
}
