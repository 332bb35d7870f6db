using Comms.Core.Model;
using Comms.Core.Compose;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Json;
using Comms.Site.Load;

namespace Comms.Site;

/// <summary>Reads every <c>release-notes/&lt;version&gt;/</c> folder that holds a <c>notes.json</c>.</summary>
public static class SiteLoader
{
    /// <param name="inMemory">Releases the caller already has in memory (the ones <c>comms build</c> just built), by folder name:
    /// their notes.json is not read back.</param>
    public static IReadOnlyList<SiteRelease> Load(string releaseNotesRoot, CommsConfig config, DiagnosticBag d, IReadOnlyDictionary<string, SiteRelease>? inMemory = null)
    {
        _ = config;
        if (!Directory.Exists(releaseNotesRoot))
        {
            d.Error(SiteCodes.NotesRootMissing, "the release-notes folder does not exist; pass the folder that holds <version>/notes.json", releaseNotesRoot);
            return [];
        }

        var releases = new List<SiteRelease>();
        foreach (var folder in Directory.GetDirectories(releaseNotesRoot).Order(StringComparer.Ordinal))
        {
            if (inMemory is not null && inMemory.TryGetValue(Path.GetFileName(folder), out var built))
            {
                releases.Add(built);
                continue;
            }

            var notes = Path.Combine(folder, "notes.json");
            if (File.Exists(notes))
            {
                var release = LoadRelease(Path.GetFileName(folder), notes, d);
                if (release is not null)
                {
                    releases.Add(release);
                }
            }
        }

        return Sort(releases);
    }

    /// <summary>Reads one release from a notes JSON file, with release.yaml and drafts from the same folder.</summary>
    public static SiteRelease? LoadRelease(string version, string notesFile, DiagnosticBag d, bool withFolder = true)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(notesFile))!;
        var yamlPath = Path.Combine(folder, "release.yaml");
        var yaml = withFolder && File.Exists(yamlPath) ? ReleaseFileReader.ReadFile(yamlPath, d, version) : null;
        var versionText = yaml?.Version ?? version;
        if (!SemVersion.TryParse(versionText, out var semver))
        {
            d.Error(SiteCodes.VersionInvalid, $"\"{versionText}\" is not a version like 1.28.0 or v1.28.0-rc.1; name the folder or set `version` in release.yaml", notesFile);
            return null;
        }

        var notes = NotesJsonReader.ReadFile(notesFile, d);
        if (notes is null)
        {
            return null;
        }

        var highlightPrs = yaml?.Highlights.Select(h => h.Pr).OfType<int>().ToArray() ?? [];
        foreach (var pr in highlightPrs.Where(h => !notes.Any(n => n.PrNumber == h)))
        {
            d.Warning(SiteCodes.HighlightNotFound, $"highlight PR #{pr} has no note in {Path.GetFileName(notesFile)}; check the number", yamlPath);
        }

        return new SiteRelease
        {
            Version = semver,
            Notes = notes.Where(n => !n.DoNotPublish).OrderBy(n => n.PrNumber).ToArray(),
            Date = yaml?.ReleaseDate,
            Codename = yaml?.Codename,
            Theme = yaml?.Theme,
            HighlightPrs = highlightPrs,
            Drafts = withFolder ? ReadDrafts(folder, d) : new SiteDrafts(),
        };
    }

    /// <summary>A release the caller has just built: its notes, release.yaml and drafts (file name to text) as they will be written.</summary>
    public static SiteRelease? FromMemory(string version, IReadOnlyList<ReleaseNote> notes, ReleaseFile? yaml, IReadOnlyDictionary<string, string> drafts, DiagnosticBag d)
    {
        if (!SemVersion.TryParse(yaml?.Version ?? version, out var semver))
        {
            d.Error(SiteCodes.VersionInvalid, $"\"{yaml?.Version ?? version}\" is not a version like 1.28.0 or v1.28.0-rc.1");
            return null;
        }

        string? Draft(string name) => drafts.TryGetValue(name, out var text) ? text : null;
        var blog = Draft("blog-post.md");
        var (blogBody, blogTitle) = blog is null ? (null, null) : FrontMatter.Strip(blog);
        var briefs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, text) in drafts.Where(x => x.Key.StartsWith("brief-", StringComparison.Ordinal) && x.Key.EndsWith(".md", StringComparison.Ordinal)))
        {
            briefs[name["brief-".Length..^3]] = FrontMatter.Strip(text).Body;
        }

        return new SiteRelease
        {
            Version = semver,
            Notes = notes.Where(n => !n.DoNotPublish).OrderBy(n => n.PrNumber).ToArray(),
            Date = yaml?.ReleaseDate,
            Codename = yaml?.Codename,
            Theme = yaml?.Theme,
            HighlightPrs = yaml?.Highlights.Select(h => h.Pr).OfType<int>().ToArray() ?? [],
            Drafts = new SiteDrafts
            {
                Changelog = Draft("CHANGELOG.md"),
                BlogPost = blogBody,
                BlogTitle = blogTitle,
                PressBrief = Draft("press-brief.md") is { } press ? FrontMatter.Strip(press).Body : null,
                Briefs = briefs,
            },
        };
    }

    /// <summary>Releases in semantic-version order, oldest first.</summary>
    public static IReadOnlyList<SiteRelease> Sort(IEnumerable<SiteRelease> releases) =>
        releases.OrderBy(r => r.Version).ThenBy(r => r.Version.Text, StringComparer.Ordinal).ToArray();

    private static SiteDrafts ReadDrafts(string folder, DiagnosticBag d)
    {
        var briefs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "brief-*.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file)["brief-".Length..];
            var text = Read(file, d);
            if (name.Length > 0 && text is not null)
            {
                briefs[name] = FrontMatter.Strip(text).Body;
            }
        }

        var blog = Read(Path.Combine(folder, "blog-post.md"), d);
        var (blogBody, blogTitle) = blog is null ? (null, null) : FrontMatter.Strip(blog);
        var press = Read(Path.Combine(folder, "press-brief.md"), d);
        return new SiteDrafts
        {
            Changelog = Read(Path.Combine(folder, "CHANGELOG.md"), d),
            BlogPost = blogBody,
            BlogTitle = blogTitle,
            PressBrief = press is null ? null : FrontMatter.Strip(press).Body,
            Briefs = briefs,
        };
    }

    private static string? Read(string path, DiagnosticBag d)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException e)
        {
            d.Warning(SiteCodes.DraftUnreadable, $"cannot read the draft: {e.Message}", path);
            return null;
        }
    }
}
