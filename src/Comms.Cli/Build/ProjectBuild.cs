using System.CommandLine;
using Comms.Cli.Commands;
using Comms.Cli.Project;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Model;

namespace Comms.Cli.Build;

/// <summary>
/// <c>comms build</c> in a project started with <c>comms init</c> (no sample here): the releases under
/// <c>release-notes/</c>, their pulls from <c>--pulls</c>, from <c>release-notes/&lt;v&gt;/pulls.json</c> or
/// collected from GitHub, with <c>--from</c> defaulting to the previous release tag and <c>--to</c> to the
/// release's tag or <c>HEAD</c>.
/// </summary>
public static class ProjectBuild
{
    public const string ReleaseNotes = "release-notes";

    /// <summary>True when the current folder is a project rather than this repository's sample.</summary>
    public static bool IsProject() => !Directory.Exists(BuildCommand.SampleReleases) && Directory.Exists(ReleaseNotes);

    /// <summary>The project's releases (folders of release-notes/ with a release.yaml or pulls on disk), oldest first.</summary>
    public static IReadOnlyList<string> Releases() =>
        Directory.Exists(ReleaseNotes)
            ? Directory.EnumerateDirectories(ReleaseNotes)
                .Where(d => File.Exists(Path.Combine(d, "release.yaml")) || LocalPulls(d) is not null)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(v => SemVersion.TryParse(v, out _))
                .Order(VersionOrder.Instance)
                .ToArray()
            : [];

    public sealed record Options(string? Pulls, string? Version, string? Output, string? Maps, string? Theme, string? Config, bool Verbose)
    {
        public string? Enhancements { get; init; }

        public bool WarningsAsErrors { get; init; }

        public DateTimeOffset? Now { get; init; }

        public bool IncludeDrafts { get; init; }

        public IReadOnlyList<string>? Locales { get; init; }

        /// <summary>What the build reports (<c>--check</c> in, the summary out).</summary>
        public BuildReport Report { get; init; } = new();

        public Func<string, Core.Diagnostics.DiagnosticBag, IReadOnlyList<Core.Enhancements.Enhancement>?>? GitHubEnhancements { get; init; }
    }

    public static int Run(CliContext cli, GitHubOptions github, ParseResult parse, Options options)
    {
        var releases = Releases();
        if (releases.Count == 0 && (options.Pulls is null || options.Version is null))
        {
            cli.Error.WriteLine($"comms: error CM0003: no releases under {ReleaseNotes}/ (a folder per version with a release.yaml); run `comms init` to start one, or pass --pulls and --version");
            return ExitCodes.UsageError;
        }

        WarnPlaceholder(cli);
        var explicitGitHub = parse.GetValue(github.Repo) is not null || parse.GetValue(github.Git) is not null;
        string[] selected = options.Version is not null
            ? [options.Version]
            : options.Pulls is not null || explicitGitHub ? [releases[^1]] : [.. releases];
        var notesRoot = Path.Combine(options.Output ?? ".", ReleaseNotes);
        var inputs = new List<ReleaseInput>();
        var everyRelease = options.Version is null && options.Pulls is null && !explicitGitHub;
        var skipped = new DiagnosticBag();
        foreach (var version in selected)
        {
            var source = Path.Combine(ReleaseNotes, version);
            var pulls = options.Pulls ?? (explicitGitHub ? null : LocalPulls(source));
            if (pulls is null && everyRelease && parse.GetValue(github.From) is null && Git.PreviousTag(".", version) is null)
            {
                // A release with nothing on disk and no tag to start a range from (the one `comms init` wrote, before
                // the first tag) cannot be collected; the others are built.
                skipped.Warning("CM0010", $"{version} has no pulls on disk and no release tag before it to collect from: not built (give it pulls with `comms build --pulls <file> --version {version}`, or a range with --from)",
                    Path.Combine(source, "release.yaml"), 1, 1);
                continue;
            }

            if (pulls is null)
            {
                pulls = Collect(cli, github, parse, version, options.Config, notesRoot);
                if (pulls is null)
                {
                    return ExitCodes.ContentError;
                }
            }

            var maps = options.Maps ?? (Directory.Exists(Path.Combine(source, "maps")) ? Path.Combine(source, "maps") : null);
            inputs.Add(new ReleaseInput(version, pulls, maps, Path.Combine(source, "release.yaml"), Path.Combine(notesRoot, version))
            {
                KeepPulls = options.Pulls is not null,
            });
        }

        cli.Report(skipped);
        if (options.WarningsAsErrors && skipped.Items.Count > 0)
        {
            cli.Error.WriteLine("comms: error CM0009: a release is not built, with --warnings-as-errors; give it pulls or drop the option");
            return ExitCodes.ContentError;
        }

        if (inputs.Count == 0)
        {
            cli.Error.WriteLine($"comms: error CM0003: no release under {ReleaseNotes}/ could be built; give the newest one its pulls with `comms build --pulls <file> --version {releases[^1]}`");
            return ExitCodes.UsageError;
        }

        var site = options.Output is null ? Path.Combine("artifacts", "site") : Path.Combine(options.Output, "site");
        return BuildCommand.Run(cli, new BuildRequest(inputs, notesRoot, site, options.Config, options.Theme, Directory.GetCurrentDirectory())
        {
            Enhancements = options.Enhancements,
            WarningsAsErrors = options.WarningsAsErrors,
            Now = options.Now,
            IncludeDrafts = options.IncludeDrafts,
            GitHubEnhancements = options.GitHubEnhancements,
            Locales = options.Locales,
        }, options.Verbose, options.Report);
    }

    /// <summary>
    /// The request of every release with pulls on disk (<c>--pulls</c> for the newest, else
    /// <c>release-notes/&lt;v&gt;/pulls.json</c> or <c>pulls/</c>), for builds that must not reach GitHub (<c>comms serve</c>).
    /// </summary>
    public static BuildRequest? LocalRequest(Options options, out string? problem)
    {
        var releases = Releases();
        problem = null;
        var notesRoot = Path.Combine(options.Output ?? ".", ReleaseNotes);
        var inputs = new List<ReleaseInput>();
        foreach (var version in options.Version is null ? releases : [options.Version])
        {
            var source = Path.Combine(ReleaseNotes, version);
            var pulls = options.Pulls is not null && (options.Version is not null || version == releases[^1]) ? options.Pulls : LocalPulls(source);
            if (pulls is null)
            {
                continue;
            }

            var maps = options.Maps ?? (Directory.Exists(Path.Combine(source, "maps")) ? Path.Combine(source, "maps") : null);
            inputs.Add(new ReleaseInput(version, pulls, maps, Path.Combine(source, "release.yaml"), Path.Combine(notesRoot, version)));
        }

        if (inputs.Count == 0)
        {
            problem = releases.Count == 0
                ? $"no releases under {ReleaseNotes}/; run `comms init` to start one"
                : $"no release under {ReleaseNotes}/ has its pulls on disk; pass --pulls <file> for {releases[^1]}, or run `comms build` once (it keeps what it collects in {ReleaseNotes}/<v>/pulls.json)";
            return null;
        }

        var site = options.Output is null ? Path.Combine("artifacts", "site") : Path.Combine(options.Output, "site");
        return new BuildRequest(inputs, notesRoot, site, options.Config, options.Theme, Directory.GetCurrentDirectory());
    }

    /// <summary>A warning while content/about.md is still what <c>comms init</c> wrote.</summary>
    private static void WarnPlaceholder(CliContext cli)
    {
        var about = Path.Combine("content", "about.md");
        if (Comms.Core.IO.InputFile.Kind(about) is null && File.ReadAllText(about).StartsWith(ProjectFiles.AboutMarker, StringComparison.Ordinal))
        {
            var diagnostics = new DiagnosticBag();
            diagnostics.Warning("CM0007", "still the placeholder `comms init` wrote; the press brief shows it until you write the project's boilerplate here", about, 1, 1);
            cli.Report(diagnostics);
        }
    }

    private static string? LocalPulls(string folder)
    {
        var file = Path.Combine(folder, "pulls.json");
        var dir = Path.Combine(folder, "pulls");
        return File.Exists(file) ? file : Directory.Exists(dir) ? dir : null;
    }

    /// <summary>Collects one release from GitHub into <c>&lt;drafts&gt;/pulls.json</c>; refs default from the clone's tags.</summary>
    private static string? Collect(CliContext cli, GitHubOptions github, ParseResult parse, string version, string? configPath, string notesRoot)
    {
        var diagnostics = new DiagnosticBag();
        var config = ConfigLoader.Load(configPath, diagnostics);
        var request = github.ToRequest(parse, diagnostics);
        if (config is null || request is null)
        {
            cli.Report(diagnostics);
            return null;
        }

        var clone = request.GitPath ?? ".";
        var from = string.IsNullOrEmpty(request.From) ? Git.PreviousTag(clone, version) : request.From;
        var to = string.IsNullOrEmpty(request.To) ? (Git.HasRef(clone, "refs/tags/" + version) ? version : "HEAD") : request.To;
        if (from is null)
        {
            cli.Error.WriteLine($"comms: error CM0006: no release tag before {version} in {Path.GetFullPath(clone)} to start the range from; pass --from <ref> (or --pulls)");
            return null;
        }

        request = request with
        {
            Repo = string.IsNullOrEmpty(request.Repo) ? config.Project.Repo : request.Repo,
            From = from,
            To = to,
            CherryPickBots = config.Notes.CherryPickBots,
        };
        cli.Out.WriteLine($"Collecting {version}: {request.Repo} {from}..{to}");
        var pulls = CollectCommand.Collect(cli, request, diagnostics);
        cli.Report(diagnostics);
        if (diagnostics.HasErrors)
        {
            cli.Out.WriteLine("Nothing written: fix the errors above.");
            return null;
        }

        var path = Path.Combine(notesRoot, version, "pulls.json");
        Comms.GitHub.Output.PullWriter.WriteFile(path, pulls);
        cli.Out.WriteLine($"Collected {pulls.Count} pull requests into {path}");
        return path;
    }
}
