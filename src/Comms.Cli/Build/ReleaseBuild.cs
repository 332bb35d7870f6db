using Comms.Core.Classify;
using Comms.Core.Compose;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Enhancements;
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
/// Everything is rendered in memory, staged beside its target and committed at one point (<see cref="OutputCommit"/>);
/// nothing visible changes when any step reports an error or the build is interrupted before the commit.
/// `comms site` is the same build with no releases to render.
/// </summary>
public sealed class ReleaseBuild(BuildRequest request, DiagnosticBag diagnostics)
{
    public sealed record Built(ReleaseInput Input, NotesRun Run, ReleaseModel Model, DraftDictionary Drafts);

    private readonly Dictionary<string, SiteRelease> _inMemory = new(StringComparer.Ordinal);

    public IReadOnlyList<Built>? Run()
    {
        try
        {
            return RunStages();
        }
        finally
        {
            Comms.Core.Markdown.SafeMarkdownText.ClearCache();
        }
    }

    private IReadOnlyList<Built>? RunStages()
    {
        var config = ConfigLoader.Load(request.ConfigPath, diagnostics);
        if (config is null)
        {
            return null;
        }

        var contentFolder = Path.GetDirectoryName(Path.GetFullPath(config.File ?? ConfigLoader.DefaultPath))!;
        var audiences = AudienceRulesReader.Load(Path.Combine(contentFolder, AudienceRulesReader.DefaultFileName), diagnostics, config.Limits);
        if (diagnostics.HasErrors)
        {
            return null;
        }

        if (request.Check)
        {
            return CheckOnly(config, audiences, contentFolder);
        }

        // One build per output folder: everything below reads and writes it, so it is locked first.
        using var outputLock = Lock();
        if (outputLock is null)
        {
            return null;
        }

        foreach (var line in OutputCommit.Recover(request.Releases.Count > 0 ? request.ReleaseNotesRoot : null, request.SiteFolder, diagnostics))
        {
            request.Message(line);
        }

        // The large drafts (the changelog, notes.json) are written into the staging folder as they render.
        using var commit = new OutputCommit(request.Releases.Count > 0 ? request.ReleaseNotesRoot : null, request.SiteFolder, request.Step);
        var built = request.Releases.Count == 0 ? [] : RenderDrafts(config, audiences, contentFolder, commit);
        if (built is null || diagnostics.HasErrors || WarningsStop())
        {
            return null;
        }

        foreach (var release in built)
        {
            var folder = Path.GetRelativePath(request.ReleaseNotesRoot, release.Input.DraftsFolder);
            foreach (var (name, draft) in release.Drafts.Drafts)
            {
                StopGate.ThrowIfCancelled(request.Cancel);
                if (draft.InMemory)
                {
                    commit.StageDraft(Path.Combine(folder, name), draft.Read());
                }
            }

            if (KeptPulls(release, config.Limits) is { } pulls)
            {
                commit.StageDraft(Path.Combine(folder, KeptPullsName), pulls);
            }

            // feature-blogs/ holds the series the build makes, and a language's folder its translation: a file no longer made goes.
            var owned = new List<string> { DraftRenderer.FeatureBlogsFolder };
            foreach (var locale in release.Drafts.Keys.Where(k => k.EndsWith("/" + DraftRenderer.TranslationFile, StringComparison.Ordinal))
                         .Select(k => k[..k.IndexOf('/', StringComparison.Ordinal)]).Order(StringComparer.Ordinal))
            {
                owned.Add(locale);
                owned.Add(locale + "/" + DraftRenderer.FeatureBlogsFolder);
            }

            foreach (var sub in owned)
            {
                var posts = Path.Combine(release.Input.DraftsFolder, sub);
                if (!Directory.Exists(posts))
                {
                    continue;
                }

                foreach (var stale in Directory.EnumerateFiles(posts, "*.md").Select(Path.GetFileName).OfType<string>()
                             .Where(name => !release.Drafts.ContainsKey(sub + "/" + name)).Order(StringComparer.Ordinal))
                {
                    commit.StageRemoval(Path.Combine(folder, sub, stale));
                }
            }
        }

        Timings.Mark("stage drafts");
        if (!StageSite(commit, config, audiences))
        {
            return null;
        }

        request.Step("staged");
        StopGate.ThrowIfCancelled(request.Cancel);
        try
        {
            commit.Commit();
            Timings.Mark("commit");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(SiteCodes.PublishFailed,
                $"the build was committed but could not be put in place ({e.Message}); the next build completes it", request.SiteFolder);
            throw new CommitIncompleteException(e);
        }

        return built;
    }

    /// <summary>
    /// <c>build --check</c>: every draft rendered and the site built, as a build would, but nothing written where the
    /// build writes: the drafts stay in memory and the site is built in a temporary folder, removed after.
    /// </summary>
    private List<Built>? CheckOnly(CommsConfig config, IReadOnlyList<Audience> audiences, string contentFolder)
    {
        var built = request.Releases.Count == 0 ? [] : RenderDrafts(config, audiences, contentFolder);
        if (built is null || diagnostics.HasErrors || WarningsStop())
        {
            return null;
        }

        var scratch = Path.Combine(Path.GetTempPath(), "comms-check-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            using var commit = new OutputCommit(null, Path.Combine(scratch, "site"), request.Step);
            var staged = new Dictionary<string, DraftText>(StringComparer.Ordinal);
            foreach (var release in built)
            {
                foreach (var (name, draft) in release.Drafts.Drafts)
                {
                    staged[Path.GetFullPath(Path.Combine(release.Input.DraftsFolder, name))] = draft;
                }
            }

            Directory.CreateDirectory(scratch);
            return StageSite(commit, config, audiences, staged) ? built : null;
        }
        finally
        {
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
    }

    public const string KeptPullsName = "pulls.json";

    /// <summary>
    /// What <c>--pulls</c> gave a project's release, to keep beside its drafts: a file as it was read, a folder's pull
    /// requests as one JSON array; null when not asked for or when the pulls already are that file.
    /// </summary>
    private static string? KeptPulls(Built release, InputLimits limits)
    {
        var input = release.Input;
        var target = Path.GetFullPath(Path.Combine(input.DraftsFolder, KeptPullsName));
        if (!input.KeepPulls || string.Equals(Path.GetFullPath(input.Pulls), target, StringComparison.Ordinal))
        {
            return null;
        }

        // The run keeps no pull bodies: a folder's pull requests are read again (the same records, so the same array).
        return File.Exists(input.Pulls)
            ? File.ReadAllText(input.Pulls)
            : Comms.GitHub.Output.PullWriter.Write(Comms.Core.Sources.PullFileReader.Read(input.Pulls, new DiagnosticBag(), limits).Pulls);
    }

    /// <summary>With <c>--warnings-as-errors</c>, any warning stops the build before the commit.</summary>
    private bool WarningsStop()
    {
        var warnings = diagnostics.Items.Count(d => d.Severity == Severity.Warning);
        if (!request.WarningsAsErrors || warnings == 0)
        {
            return false;
        }

        diagnostics.Error(Codes.WarningsAsErrors, $"{(warnings == 1 ? "1 warning" : $"{warnings} warnings")} with --warnings-as-errors; fix them or drop the option");
        return true;
    }

    /// <summary>Locks the output folders (the release-notes folder's and the site's); null (with CM8011) when busy and not waiting.</summary>
    private OutputLock? Lock()
    {
        try
        {
            // The release-notes folder is an output only when drafts are written; `comms site` only reads it.
            var folders = (request.Releases.Count > 0 ? new[] { request.SiteFolder, request.ReleaseNotesRoot } : [request.SiteFolder])
                .Select(f => Path.GetDirectoryName(Path.GetFullPath(f).TrimEnd(Path.DirectorySeparatorChar))!);
            return OutputLock.Acquire(folders, request.NoWait, request.Message, request.Cancel);
        }
        catch (OutputBusyException e)
        {
            diagnostics.Error(SiteCodes.OutputBusy, e.Message);
            return null;
        }
    }

    /// <param name="commit">Where the large drafts are staged as they render; null with <c>--check</c> (they stay in memory).</param>
    private List<Built>? RenderDrafts(CommsConfig config, IReadOnlyList<Audience> audiences, string contentFolder, OutputCommit? commit = null)
    {
        var aboutPath = Path.Combine(contentFolder, "about.md");
        var about = File.Exists(aboutPath) || Directory.Exists(aboutPath)
            ? InputFile.ReadText(RelativePath(aboutPath), "the press boilerplate", config.Limits.MaxTextFileBytes, diagnostics)
            : null;
        var renderer = new DraftRenderer(new ScribanEngine(Theme.Default(request.RepoRoot, request.ThemeFolder), TemplateOutput.Markdown) { Cancel = request.Cancel }, config, diagnostics)
        {
            Locales = request.Locales ?? config.Locales,
        };

        var built = new List<Built>();
        foreach (var input in request.Releases.OrderBy(r => r.Version, VersionOrder.Instance))
        {
            StopGate.ThrowIfCancelled(request.Cancel);
            Timings.Mark("start");
            var run = new NotesPipeline(config, diagnostics).Run(input.Pulls, input.Maps, audiences: audiences.Select(a => a.Id).ToArray(), keepBodies: false);
            Timings.Mark("notes pipeline");
            StopGate.ThrowIfCancelled(request.Cancel);
            var releaseFolder = Path.GetDirectoryName(Path.GetFullPath(input.ReleaseFile ?? Path.Combine(input.DraftsFolder, "release.yaml")))!;
            var set = EnhancementSources.Load(input.Version, releaseFolder, config, request.Enhancements, request.GitHubEnhancements, diagnostics);
            var enhancements = set?.Enhancements;

            // Notes are tied to their enhancements first, so audience rules can ask for it (`enhancement: true`).
            var resolved = set is null ? null : EnhancementResolver.Resolve(run.Notes, set, input.Version, diagnostics, config.Limits.MaxTextFileBytes);
            var linked = resolved?.Notes ?? run.Notes;
            var notes = new Classifier(audiences, diagnostics).Classify(linked, input.Version);
            Timings.Mark("classify");
            StopGate.ThrowIfCancelled(request.Cancel);
            var release = ReadRelease(input, config.Limits);
            if (release is null)
            {
                continue;
            }

            var authors = run.Pulls.Count > 0 ? run.Pulls.Where(p => p.Merged).Select(p => p.Author ?? "ghost").ToArray() : null;
            var model = new ReleaseComposer(config, diagnostics).Compose(release, notes, authors, enhancements, set?.Excluded, resolved);
            var published = WithHighlights(notes, model);
            Timings.Mark("compose");
            StopGate.ThrowIfCancelled(request.Cancel);
            var sink = commit is null ? null : new StagedDrafts(commit, Path.GetRelativePath(request.ReleaseNotesRoot, input.DraftsFolder));
            var drafts = renderer.Render(model, published, audiences, about, sink);
            Timings.Mark("render drafts");
            StopGate.ThrowIfCancelled(request.Cancel);
            if (drafts is not null)
            {
                built.Add(new Built(input, run, model, drafts));
                var folder = Path.GetFullPath(input.DraftsFolder).TrimEnd(Path.DirectorySeparatorChar);
                if (string.Equals(Path.GetDirectoryName(folder), Path.GetFullPath(request.ReleaseNotesRoot).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal) &&
                    SiteLoader.FromMemory(input.Version, published, release, drafts, diagnostics) is { } site)
                {
                    _inMemory[Path.GetFileName(folder)] = site;
                }

                Timings.Mark("site release from memory");
            }

        }

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

    /// <summary>
    /// The site over every release in the release-notes folder as it will be after this build (not only those
    /// built now), built into the commit's staging folder.
    /// </summary>
    private bool StageSite(OutputCommit commit, CommsConfig config, IReadOnlyList<Audience> audiences, IReadOnlyDictionary<string, DraftText>? staged = null)
    {
        // The releases built now are handed over in memory; notes.json is read back only for the others.
        var releases = SiteLoader.Load(request.ReleaseNotesRoot, config, diagnostics, staged ?? commit.Staged, _inMemory);
        if (!diagnostics.HasErrors && releases.Count == 0)
        {
            diagnostics.Error(SiteCodes.NoReleases, "no <version>/notes.json under the folder; run `comms notes` or `comms build` first", request.ReleaseNotesRoot);
        }

        if (diagnostics.HasErrors)
        {
            return false;
        }

        Timings.Mark("site load");
        request.Step("site");
        var theme = Theme.Default(request.RepoRoot, request.ThemeFolder);
        SiteReleases = releases;
        return SiteBuilder.Build(new SiteRequest
        {
            OutputFolder = commit.SiteSlot,
            Releases = releases,
            Config = config,
            Audiences = audiences.Select(a => new SiteAudience(a.Id, a.Name)
            {
                Rules = a.Rules.Select(r => new SiteBriefRule(r.Id, r.Title ?? Comms.Templates.Drafts.DraftModel.RuleTitle(r.Id))).ToArray(),
            }).ToArray(),
            ThemeFolders = theme.Folders,
            Progress = request.SiteProgress,
            Cancel = request.Cancel,
            Now = request.Now ?? DateTimeOffset.UtcNow,
            IncludeDrafts = request.IncludeDrafts,
        }, diagnostics) && !diagnostics.HasErrors;
    }

    /// <summary>The releases the site was built from (after <see cref="Run"/> succeeds).</summary>
    public IReadOnlyList<SiteRelease> SiteReleases { get; private set; } = [];

    private ReleaseFile? ReadRelease(ReleaseInput input, Comms.Core.IO.InputLimits limits)
    {
        if (input.ReleaseFile is not null && File.Exists(input.ReleaseFile))
        {
            var file = ReleaseFileReader.ReadFile(input.ReleaseFile, diagnostics, input.Version, limits);
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

    /// <summary>Paths in diagnostics are relative to the working folder when they are under it.</summary>
    private static string RelativePath(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}

/// <summary>A release's drafts written into the commit's staging folder as they render (<c>folder</c> is the release's, under the release-notes folder).</summary>
internal sealed class StagedDrafts(OutputCommit commit, string folder) : IDraftSink
{
    public DraftText Write(string name, Action<Stream> write) => commit.StageDraft(Path.Combine(folder, name), write);
}

/// <summary>The commit point was passed but a step after it failed; the next build completes it.</summary>
public sealed class CommitIncompleteException(Exception inner) : IOException(inner.Message, inner);
