using Comms.Core.Classify;
using Comms.Core.Compose;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.IO;
using Comms.Core.Json;
using Comms.Core.Model;
using Comms.Core.Pipeline;
using Comms.Site;
using Comms.Templates;
using Comms.Templates.Drafts;

namespace Comms.Cli.Build;

/// <summary>
/// The whole pipeline, one release after another in version order:
/// collect, extract, edit -> classify -> compose -> render drafts; then publish the drafts and the site.
/// Everything is rendered in memory first; nothing is written when any step reports an error.
/// </summary>
public sealed class ReleaseBuild(BuildRequest request, DiagnosticBag diagnostics)
{
    public sealed record Built(ReleaseInput Input, NotesRun Run, ReleaseModel Model, SortedDictionary<string, string> Drafts);

    private readonly Dictionary<string, SiteRelease> _inMemory = new(StringComparer.Ordinal);

    public IReadOnlyList<Built>? Run()
    {
        var config = ConfigLoader.Load(request.ConfigPath, diagnostics);
        if (config is null)
        {
            return null;
        }

        var contentFolder = Path.GetDirectoryName(Path.GetFullPath(config.File ?? ConfigLoader.DefaultPath))!;
        var audiences = AudienceRulesReader.Load(Path.Combine(contentFolder, AudienceRulesReader.DefaultFileName), diagnostics);
        var about = File.Exists(Path.Combine(contentFolder, "about.md")) ? File.ReadAllText(Path.Combine(contentFolder, "about.md")) : null;
        var renderer = new DraftRenderer(new ScribanEngine(Theme.Default(request.RepoRoot, request.ThemeFolder), TemplateOutput.Markdown), config, diagnostics);
        var earlierAuthors = EarlierAuthors(request.Releases.Select(r => r.Version).Order(VersionOrder.Instance).First());

        var built = new List<Built>();
        foreach (var input in request.Releases.OrderBy(r => r.Version, VersionOrder.Instance))
        {
            var run = new NotesPipeline(config, diagnostics).Run(input.Pulls, input.Maps);
            var notes = new Classifier(audiences, diagnostics).Classify(run.Notes, input.Version);
            var release = ReadRelease(input);
            if (release is null)
            {
                continue;
            }

            var authors = run.Pulls.Count > 0 ? run.Pulls.Where(p => p.Merged).Select(p => p.Author ?? "ghost").ToArray() : null;
            var model = new ReleaseComposer(config, diagnostics).Compose(release, notes, authors, earlierAuthors.Count > 0 ? earlierAuthors : null);
            var published = WithHighlights(notes, model);
            var drafts = renderer.Render(model, published, audiences, about);
            if (drafts is not null)
            {
                built.Add(new Built(input, run, model, drafts));
                var folder = Path.GetFullPath(input.DraftsFolder).TrimEnd(Path.DirectorySeparatorChar);
                if (string.Equals(Path.GetDirectoryName(folder), Path.GetFullPath(request.ReleaseNotesRoot).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal) &&
                    SiteLoader.FromMemory(input.Version, published, release, drafts, diagnostics) is { } site)
                {
                    _inMemory[Path.GetFileName(folder)] = site;
                }
            }

            earlierAuthors.UnionWith(model.Stats.Contributors);
        }

        if (diagnostics.HasErrors)
        {
            return null;
        }

        foreach (var release in built)
        {
            foreach (var (name, text) in release.Drafts)
            {
                AtomicFile.WriteAllText(Path.Combine(release.Input.DraftsFolder, name), text);
            }
        }

        PublishSite(config, audiences);
        return diagnostics.HasErrors ? null : built;
    }

    /// <summary>Records each highlight, with why it was picked, on its note so notes.json (and the site) carry it.</summary>
    private static ReleaseNote[] WithHighlights(IReadOnlyList<ReleaseNote> notes, ReleaseModel model)
    {
        var picks = model.Highlights.Where(h => h.Note is not null).ToDictionary(h => h.Note!.PrNumber);
        return notes.Select(n => picks.TryGetValue(n.PrNumber, out var h)
                ? n with { Comms = n.Comms with { Highlight = new HighlightInfo(h.Score, h.Reason, h.Manual) } }
                : n)
            .ToArray();
    }

    /// <summary>The site over every release in the release-notes folder (not only those built now), swapped in whole.</summary>
    private void PublishSite(CommsConfig config, IReadOnlyList<Audience> audiences)
    {
        // The releases built now are handed over in memory; notes.json is read back only for the others.
        var releases = SiteLoader.Load(request.ReleaseNotesRoot, config, diagnostics, _inMemory);
        if (diagnostics.HasErrors)
        {
            return;
        }

        var theme = Theme.Default(request.RepoRoot, request.ThemeFolder);
        SiteBuilder.Build(new SiteRequest
        {
            OutputFolder = request.SiteFolder,
            Releases = releases,
            Config = config,
            Audiences = audiences.Select(a => new SiteAudience(a.Id, a.Name)).ToArray(),
            ThemeFolders = theme.Folders,
        }, diagnostics);
    }

    private ReleaseFile? ReadRelease(ReleaseInput input)
    {
        if (input.ReleaseFile is not null && File.Exists(input.ReleaseFile))
        {
            var file = ReleaseFileReader.ReadFile(input.ReleaseFile, diagnostics, input.Version);
            if (file is not null && !string.Equals(file.Version, input.Version, StringComparison.Ordinal))
            {
                diagnostics.Warning(ComposeCodes.ReleaseInvalid,
                    $"release.yaml says version {file.Version} but the release being built is {input.Version}; {input.Version} is used",
                    input.ReleaseFile, 1, 1);
                return file with { Version = input.Version };
            }

            return file;
        }

        return new ReleaseFile { Version = input.Version };
    }

    /// <summary>Authors of releases already in the release-notes folder that come before the first one built now.</summary>
    private HashSet<string> EarlierAuthors(string firstVersion)
    {
        var authors = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!Directory.Exists(request.ReleaseNotesRoot))
        {
            return authors;
        }

        foreach (var folder in Directory.EnumerateDirectories(request.ReleaseNotesRoot))
        {
            var notesFile = Path.Combine(folder, "notes.json");
            if (VersionOrder.Instance.Compare(Path.GetFileName(folder), firstVersion) < 0 && File.Exists(notesFile))
            {
                var notes = NotesJsonReader.ReadFile(notesFile, new DiagnosticBag()) ?? [];
                authors.UnionWith(notes.Select(n => n.Author));
            }
        }

        return authors;
    }
}
