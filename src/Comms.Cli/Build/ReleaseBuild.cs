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
            var enhancements = EnhancementSources.Load(input, config, request.Enhancements, request.GitHubEnhancements, diagnostics);
            var model = new ReleaseComposer(config, diagnostics).Compose(release, notes, authors, enhancements);
            var drafts = renderer.Render(model, WithHighlights(notes, model), audiences, about);
            if (drafts is not null)
            {
                built.Add(new Built(input, run, model, drafts));
            }

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

    /// <summary>Records each highlight (with why it was picked) and each note's enhancement on the note, so notes.json (and the site) carry them.</summary>
    private static ReleaseNote[] WithHighlights(IReadOnlyList<ReleaseNote> notes, ReleaseModel model)
    {
        var picks = model.Highlights.Where(h => h.Note is not null).GroupBy(h => h.Note!.PrNumber).ToDictionary(g => g.Key, g => g.First());
        var links = model.Notes.Where(n => n.Comms.Enhancement is not null).ToDictionary(n => n.PrNumber, n => n.Comms.Enhancement);
        return notes.Select(n =>
            {
                var comms = n.Comms;
                if (picks.TryGetValue(n.PrNumber, out var h))
                {
                    comms = comms with { Highlight = new HighlightInfo(h.Score, h.Reason, h.Manual) };
                }

                if (links.TryGetValue(n.PrNumber, out var link))
                {
                    comms = comms with { Enhancement = link };
                }

                return ReferenceEquals(comms, n.Comms) ? n : n with { Comms = comms };
            })
            .ToArray();
    }

    /// <summary>The site over every release in the release-notes folder (not only those built now), swapped in whole.</summary>
    private void PublishSite(CommsConfig config, IReadOnlyList<Audience> audiences)
    {
        var releases = SiteLoader.Load(request.ReleaseNotesRoot, config, diagnostics);
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
            Progress = request.SiteProgress,
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
}
