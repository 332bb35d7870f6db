using Comms.Core.Model;
using Comms.Core.Compose;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.IO;
using Comms.Core.Json;
using Comms.Site.Load;

namespace Comms.Site;

/// <summary>Reads every <c>release-notes/&lt;version&gt;/</c> folder that holds a <c>notes.json</c>.</summary>
public static class SiteLoader
{
    public static IReadOnlyList<SiteRelease> Load(string releaseNotesRoot, CommsConfig config, DiagnosticBag d) =>
        Load(releaseNotesRoot, config, d, pending: null);

    /// <summary>
    /// Reads the release-notes folder as it will be once <paramref name="pending"/> (full path to contents: drafts
    /// staged by this build, not yet committed) is in place.
    /// </summary>
    /// <param name="inMemory">Releases the caller already has in memory (the ones <c>comms build</c> just built), by folder name:
    /// their notes.json is not read back.</param>
    public static IReadOnlyList<SiteRelease> Load(string releaseNotesRoot, CommsConfig config, DiagnosticBag d, IReadOnlyDictionary<string, DraftText>? pending,
        IReadOnlyDictionary<string, SiteRelease>? inMemory = null)
    {
        _ = config;
        pending ??= new Dictionary<string, DraftText>();
        if (!Directory.Exists(releaseNotesRoot) && pending.Count == 0)
        {
            d.Error(SiteCodes.NotesRootMissing, "the release-notes folder does not exist; pass the folder that holds <version>/notes.json", releaseNotesRoot);
            return [];
        }

        var root = Path.GetFullPath(releaseNotesRoot);
        var folders = (Directory.Exists(root) ? Directory.GetDirectories(root) : [])
            .Concat(pending.Keys.Select(Path.GetDirectoryName).OfType<string>().Where(f => string.Equals(Path.GetDirectoryName(f), root, StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var releases = new List<SiteRelease>();
        var files = new Overlay(pending);
        foreach (var folder in folders)
        {
            if (inMemory is not null && inMemory.TryGetValue(Path.GetFileName(folder), out var built))
            {
                releases.Add(built);
                continue;
            }

            var notes = Path.Combine(folder, "notes.json");
            if (files.Exists(notes))
            {
                var release = LoadRelease(Path.GetFileName(folder), notes, d, files, limits: config.Limits);
                if (release is not null)
                {
                    releases.Add(release with { Source = notes });
                }
            }
        }

        return SiteNames.Check(Sort(releases), d);
    }

    /// <summary>Reads one release from a notes JSON file, with release.yaml and drafts from the same folder.</summary>
    public static SiteRelease? LoadRelease(string version, string notesFile, DiagnosticBag d, bool withFolder = true, Comms.Core.IO.InputLimits? limits = null) =>
        LoadRelease(version, notesFile, d, new Overlay(new Dictionary<string, DraftText>()), withFolder, limits);

    private static SiteRelease? LoadRelease(string version, string notesFile, DiagnosticBag d, Overlay files, bool withFolder = true, Comms.Core.IO.InputLimits? limits = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(notesFile))!;
        var yamlPath = Path.Combine(folder, "release.yaml");
        var yaml = withFolder && File.Exists(yamlPath) ? ReleaseFileReader.ReadFile(yamlPath, d, version, limits) : null;
        var versionText = yaml?.Version ?? version;
        if (!VersionName.IsValid(versionText) || !SemVersion.TryParse(versionText, out var semver))
        {
            d.Error(SiteCodes.VersionInvalid, $"\"{versionText}\" is not a version like 1.28.0 or v1.28.0-rc.1; name the folder or set `version` in release.yaml", yaml?.Version is null ? notesFile : yamlPath);
            return null;
        }

        var notes = files.ReadNotes(notesFile, d, limits);
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
            Notes = notes.Where(n => !n.DoNotPublish).OrderBy(n => n.PrNumber).Select(SiteNames.Clean).ToArray(),
            Date = yaml?.ReleaseDate,
            Codename = yaml?.Codename,
            Embargo = yaml?.Embargo,
            Theme = yaml?.Theme,
            HighlightPrs = highlightPrs,
            Drafts = withFolder ? ReadDrafts(folder, d, files) : new SiteDrafts(),
            Story = withFolder ? StoryItem.Read(files.Read(Path.Combine(folder, ReleaseJsonWriter.FileName), d)) : [],
        };
    }

    /// <summary>A release from drafts given as texts (file name to text).</summary>
    public static SiteRelease? FromMemory(string version, IReadOnlyList<ReleaseNote> notes, ReleaseFile? yaml, IReadOnlyDictionary<string, string> drafts, DiagnosticBag d)
    {
        var held = new DraftDictionary();
        foreach (var (name, text) in drafts)
        {
            held[name] = text;
        }

        return FromMemory(version, notes, yaml, held, d);
    }

    /// <summary>
    /// A release the caller has just built: its notes, release.yaml and drafts as they will be written. The changelog
    /// stays where it is (a staged file is read only when its page is made).
    /// </summary>
    public static SiteRelease? FromMemory(string version, IReadOnlyList<ReleaseNote> notes, ReleaseFile? yaml, DraftDictionary drafts, DiagnosticBag d)
    {
        if (!SemVersion.TryParse(yaml?.Version ?? version, out var semver))
        {
            d.Error(SiteCodes.VersionInvalid, $"\"{yaml?.Version ?? version}\" is not a version like 1.28.0 or v1.28.0-rc.1");
            return null;
        }

        string? Draft(string name) => drafts.TryGetValue(name, out var text) ? text : null;
        var translations = new SortedDictionary<string, SiteDrafts>(StringComparer.Ordinal);
        foreach (var lang in drafts.Keys.Where(k => k.EndsWith("/" + Templates.Drafts.DraftRenderer.TranslationFile, StringComparison.Ordinal))
                     .Select(k => k[..k.IndexOf('/', StringComparison.Ordinal)]).Where(CommsConfig.IsLocale))
        {
            translations[lang] = Translated(name => Draft(lang + "/" + name), drafts.Keys.Where(k => k.StartsWith(lang + "/brief-", StringComparison.Ordinal) && k.EndsWith(".md", StringComparison.Ordinal))
                .Select(k => k[(lang.Length + 1)..]));
        }

        var blog = Draft("blog-post.md");
        var (blogBody, blogTitle) = blog is null ? (null, null) : FrontMatter.Strip(blog);
        var briefs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in drafts.Keys.Where(x => x.StartsWith("brief-", StringComparison.Ordinal) && x.EndsWith(".md", StringComparison.Ordinal)))
        {
            briefs[name["brief-".Length..^3]] = FrontMatter.Strip(drafts[name]).Body;
        }

        return new SiteRelease
        {
            Version = semver,
            // The same cleaning as releases read from disk, so build and site publish a SIG under one URL.
            Notes = notes.Where(n => !n.DoNotPublish).OrderBy(n => n.PrNumber).Select(SiteNames.Clean).ToArray(),
            Date = yaml?.ReleaseDate,
            Codename = yaml?.Codename,
            Embargo = yaml?.Embargo,
            Theme = yaml?.Theme,
            HighlightPrs = yaml?.Highlights.Select(h => h.Pr).OfType<int>().ToArray() ?? [],
            Drafts = new SiteDrafts
            {
                Changelog = drafts.Draft("CHANGELOG.md"),
                BlogPost = blogBody,
                BlogTitle = blogTitle,
                BlogIsDraft = blog is not null && Publish.DraftPolicy.IsDraft(blog),
                PressBrief = Draft("press-brief.md") is { } press ? FrontMatter.Strip(press).Body : null,
                Briefs = briefs,
                Translations = translations,
            },
            Story = StoryItem.Read(Draft(ReleaseJsonWriter.FileName)),
        };
    }

    /// <summary>Releases in semantic-version order, oldest first.</summary>
    public static IReadOnlyList<SiteRelease> Sort(IEnumerable<SiteRelease> releases) =>
        releases.OrderBy(r => r.Version).ThenBy(r => r.Version.Text, StringComparer.Ordinal).ToArray();

    /// <summary>A language's drafts as the site shows them: the blog post, the press brief and the briefs, without the translator markers.</summary>
    private static SiteDrafts Translated(Func<string, string?> read, IEnumerable<string> briefNames)
    {
        static string Unmarked(string text) => text.Replace(Templates.PhraseFunctions.MarkerStart, string.Empty, StringComparison.Ordinal)
            .Replace(Templates.PhraseFunctions.MarkerEnd, string.Empty, StringComparison.Ordinal);
        var briefs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in briefNames)
        {
            if (name.Length > "brief-.md".Length && read(name) is { } text)
            {
                briefs[name["brief-".Length..^3]] = FrontMatter.Strip(Unmarked(text)).Body;
            }
        }

        var blog = read("blog-post.md") is { } b ? Unmarked(b) : null;
        var (blogBody, blogTitle) = blog is null ? (null, null) : FrontMatter.Strip(blog);
        return new SiteDrafts
        {
            BlogPost = blogBody,
            BlogTitle = blogTitle,
            BlogIsDraft = blog is not null && Publish.DraftPolicy.IsDraft(blog),
            PressBrief = read("press-brief.md") is { } press ? FrontMatter.Strip(Unmarked(press)).Body : null,
            Briefs = briefs,
        };
    }

    private static SiteDrafts ReadDrafts(string folder, DiagnosticBag d, Overlay files)
    {
        var translations = new SortedDictionary<string, SiteDrafts>(StringComparer.Ordinal);
        foreach (var sub in files.Folders(folder).Where(f => CommsConfig.IsLocale(Path.GetFileName(f)) && files.Exists(Path.Combine(f, Templates.Drafts.DraftRenderer.TranslationFile))))
        {
            translations[Path.GetFileName(sub)] = Translated(name => files.Exists(Path.Combine(sub, name)) ? files.Read(Path.Combine(sub, name), d) : null,
                files.Briefs(sub).Select(Path.GetFileName).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        }

        var briefs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files.Briefs(folder))
        {
            var name = Path.GetFileNameWithoutExtension(file)["brief-".Length..];
            var text = files.Read(file, d);
            if (name.Length > 0 && text is not null)
            {
                briefs[name] = FrontMatter.Strip(text).Body;
            }
        }

        var blog = files.Read(Path.Combine(folder, "blog-post.md"), d);
        var (blogBody, blogTitle) = blog is null ? (null, null) : FrontMatter.Strip(blog);
        var press = files.Read(Path.Combine(folder, "press-brief.md"), d);
        return new SiteDrafts
        {
            Changelog = files.Read(Path.Combine(folder, "CHANGELOG.md"), d),
            BlogPost = blogBody,
            BlogTitle = blogTitle,
            BlogIsDraft = blog is not null && Publish.DraftPolicy.IsDraft(blog),
            PressBrief = press is null ? null : FrontMatter.Strip(press).Body,
            Briefs = briefs,
            Translations = translations,
        };
    }

    /// <summary>The files on disk with this build's staged drafts laid over them.</summary>
    private sealed class Overlay(IReadOnlyDictionary<string, DraftText> pending)
    {
        public bool Exists(string path) => pending.ContainsKey(path) || File.Exists(path);

        /// <summary>The folders inside <paramref name="folder"/>, on disk or about to be written, sorted.</summary>
        public IEnumerable<string> Folders(string folder) =>
            (Directory.Exists(folder) ? Directory.GetDirectories(folder) : [])
            .Concat(pending.Keys.Where(k => Path.GetDirectoryName(Path.GetDirectoryName(k)) is { } parent && string.Equals(parent, folder, StringComparison.Ordinal))
                .Select(k => Path.GetDirectoryName(k)!))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

        public IEnumerable<string> Briefs(string folder) =>
            (Directory.Exists(folder) ? Directory.GetFiles(folder, "brief-*.md") : [])
            .Concat(pending.Keys.Where(k => string.Equals(Path.GetDirectoryName(k), folder, StringComparison.Ordinal) &&
                                            Path.GetFileName(k).StartsWith("brief-", StringComparison.Ordinal) && k.EndsWith(".md", StringComparison.Ordinal)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

        public string? Read(string path, DiagnosticBag d) => pending.TryGetValue(path, out var draft) ? draft.Read() : ReadFile(path, d);

        public IReadOnlyList<ReleaseNote>? ReadNotes(string path, DiagnosticBag d, Comms.Core.IO.InputLimits? limits = null)
        {
            if (!pending.TryGetValue(path, out var draft))
            {
                return NotesJsonReader.ReadFile(path, d, limits);
            }

            using var doc = JsonInput.Parse(draft.Read(), path, d);
            return doc is null ? null : NotesJsonReader.Read(doc.RootElement, path, d);
        }
    }

    private static string? ReadFile(string path, DiagnosticBag d)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        // A FIFO or device named like a draft would block the site for ever: only regular files are read.
        var bag = new DiagnosticBag();
        var text = Comms.Core.IO.InputFile.ReadText(path, "the draft", 64L * 1024 * 1024, bag);
        if (text is null)
        {
            d.Warning(SiteCodes.DraftUnreadable, $"cannot read the draft: {(bag.Items.Count > 0 ? bag.Items[0].Message : "unreadable")}", path);
        }

        return text;
    }
}
