using System.CommandLine;
using Comms.Cli.Build;
using Comms.Core.Diagnostics;
using Comms.Core.Model;
using Spectre.Console;

namespace Comms.Cli.Commands;

/// <summary><c>comms build</c>: the whole pipeline, on the sample in content/ or on given pulls.</summary>
public static class BuildCommand
{
    public const string SampleReleases = "content/sample/releases";

    public static Command Create(CliContext cli)
    {
        var pulls = new Option<string?>("--pulls")
        {
            Description = "Pull requests of one release (same forms as `comms notes --pulls`). Without it, every release of the sample in content/sample/releases is built.",
            HelpName = "dir|file",
        };
        var version = new Option<string?>("--version") { Description = "The release being built, e.g. v1.2.0 (required with --pulls).", HelpName = "v" };
        CommonOptions.ValidateVersion(version);
        var output = new Option<string?>("--out")
        {
            Description = "Output folder: drafts go to <dir>/release-notes/<v>/, the site to <dir>/site/. Default: drafts to release-notes/<v>/, the site to artifacts/site/.",
            HelpName = "dir",
        };
        var maps = CommonOptions.Maps();
        var release = new Option<string?>("--release")
        {
            Description = "The release's editorial input (version, date, theme, highlights, embargo, quotes, contacts). Default: release.yaml in the release's drafts folder.",
            HelpName = "release.yaml",
        };
        var theme = new Option<string?>("--theme") { Description = "A theme folder whose templates override the default theme's.", HelpName = "dir" };
        var config = CommonOptions.Config();
        var verbose = CommonOptions.Verbose();
        var noWait = NoWaitOption();
        var now = CommonOptions.Now();
        var includeDrafts = CommonOptions.IncludeDrafts();
        var enhancements = new Option<string?>("--enhancements")
        {
            Description = "Where the release's enhancements come from: a folder of Kubernetes Enhancement Proposals (keps/<sig>/<N>-<slug>/kep.yaml), or `github` for the tracked issues of the enhancements repository in comms.yaml. release-notes/<v>/enhancements.yaml adds to and corrects either. Without any, the drafts count changes, not enhancements.",
            HelpName = "dir|github",
        };
        var warningsAsErrors = new Option<bool>("--warnings-as-errors")
        {
            Description = "Treat every warning as an error: nothing is written while any warning remains (for CI).",
        };
        var check = new Option<bool>("--check")
        {
            Description = "Read and render everything (drafts and site) and report, but write nothing; exit 1 on errors. For a pull-request check.",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the build summary and every diagnostic as one JSON object on standard output (the usual lines go to standard error).",
        };
        var locales = new Option<string?>("--locales")
        {
            Description = "Also write the drafts in these languages, each in release-notes/<v>/<lang>/ with translation.md (e.g. --locales de,ja; replaces comms.yaml's locales:). The theme's locales/<lang>.yaml gives the fixed text.",
            HelpName = "lang,lang",
        };
        locales.Validators.Add(result =>
        {
            if (result.GetValue(locales) is { } value && Split(value).FirstOrDefault(l => !Comms.Core.Config.CommsConfig.IsLocale(l)) is { } bad)
            {
                result.AddError($"--locales: \"{bad}\" is not a language code such as de, ja or zh-CN");
            }
        });
        var github = new GitHubOptions();
        var command = new Command("build", "Build the drafts (changelog, blog post, press brief, audience briefs, notes.json) and the site.\n\nExamples:\n  comms build\n  comms build --pulls pulls.json --version v1.2.0 --out out/\n  comms build --repo owner/name --from v1.1.0 --to v1.2.0 --version v1.2.0 --out out/")
        {
            pulls, version, output, maps, release, theme, config, verbose, noWait, enhancements, warningsAsErrors, now, includeDrafts, check, json, locales,
        };
        github.AddTo(command, range: true);
        command.Validators.Add(result =>
        {
            var project = ProjectBuild.IsProject();
            if (result.GetValue(pulls) is not null && string.IsNullOrWhiteSpace(result.GetValue(version)) && !project)
            {
                result.AddError("--pulls needs --version: the version of the release being built, e.g. --version v1.2.0");
            }

            if (result.GetValue(github.Repo) is not null)
            {
                if (result.GetValue(pulls) is not null)
                {
                    result.AddError("give either --pulls (files) or --repo (GitHub), not both");
                }

                if (!project && (result.GetValue(github.From) is null || result.GetValue(github.To) is null || result.GetValue(version) is null))
                {
                    result.AddError("--repo needs --from, --to and --version, e.g. --repo owner/name --from v1.1.0 --to v1.2.0 --version v1.2.0");
                }
            }
        });
        command.SetAction(parse =>
        {
            if (!parse.GetValue(json))
            {
                return Action(cli, parse, new BuildReport { Check = parse.GetValue(check) });
            }

            // --json: the usual lines go to standard error, the JSON alone to standard output.
            var human = cli.ForResultOnStdout();
            var report = new BuildReport { Check = parse.GetValue(check) };
            var code = Action(human, parse, report);
            cli.Out.Write(report.ToJson(human.Reported, code));
            cli.Out.Flush();
            return code;
        });
        int Action(CliContext cli, ParseResult parse, BuildReport report)
        {
            var pullsPath = parse.GetValue(pulls);
            var languages = parse.GetValue(locales) is { } listed ? Split(listed) : null;
            if (ProjectBuild.IsProject())
            {
                return ProjectBuild.Run(cli, github, parse, new ProjectBuild.Options(pullsPath, parse.GetValue(version), parse.GetValue(output),
                    parse.GetValue(maps), parse.GetValue(theme), parse.GetValue(config), parse.GetValue(verbose))
                {
                    Enhancements = parse.GetValue(enhancements),
                    WarningsAsErrors = parse.GetValue(warningsAsErrors),
                    GitHubEnhancements = GitHubEnhancementsFor(github, parse, parse.GetValue(config), parse.GetValue(enhancements)),
                    Now = parse.GetValue(now),
                    IncludeDrafts = parse.GetValue(includeDrafts),
                    Locales = languages,
                    Report = report,
                });
            }

            if (parse.GetValue(github.Repo) is not null)
            {
                pullsPath = CollectFirst(cli, github, parse, parse.GetValue(version)!, parse.GetValue(output));
                if (pullsPath is null)
                {
                    return ExitCodes.ContentError;
                }
            }

            var request = Request(pullsPath, parse.GetValue(version), parse.GetValue(output), parse.GetValue(maps),
                parse.GetValue(release), parse.GetValue(theme), parse.GetValue(config));
            return request is null
                ? NoSample(cli)
                : Run(cli, request with
                {
                    NoWait = parse.GetValue(noWait),
                    Now = parse.GetValue(now),
                    IncludeDrafts = parse.GetValue(includeDrafts),
                    Enhancements = parse.GetValue(enhancements),
                    WarningsAsErrors = parse.GetValue(warningsAsErrors),
                    GitHubEnhancements = GitHubEnhancementsFor(github, parse, parse.GetValue(config), parse.GetValue(enhancements)),
                    Check = report.Check,
                    Locales = languages,
                }, parse.GetValue(verbose), report);
        }

        return command;
    }

    /// <summary>"de, ja,de" as de and ja: trimmed, English and repeats dropped.</summary>
    internal static string[] Split(string locales) =>
        locales.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l != "en").Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Collects the release from GitHub into <c>&lt;drafts&gt;/pulls.json</c>, so later runs can build offline.</summary>
    private static string? CollectFirst(CliContext cli, GitHubOptions github, ParseResult parse, string version, string? output)
    {
        var diagnostics = new DiagnosticBag();
        var request = github.ToRequest(parse, diagnostics);
        var pulls = request is null ? [] : CollectCommand.Collect(cli, request, diagnostics);
        if (request is null || diagnostics.HasErrors)
        {
            cli.Report(diagnostics);
            cli.Out.WriteLine("Nothing written: fix the errors above.");
            return null;
        }

        cli.Report(diagnostics);
        var path = Path.Combine(output ?? ".", "release-notes", version, "pulls.json");
        Comms.GitHub.Output.PullWriter.WriteFile(path, pulls);
        cli.Out.WriteLine($"Collected {pulls.Count} pull requests into {path}");
        return path;
    }

    /// <summary>For <c>--enhancements github</c>: reads a release's tracked enhancement issues through the GitHub client.</summary>
    private static Func<string, DiagnosticBag, IReadOnlyList<Core.Enhancements.Enhancement>?>? GitHubEnhancementsFor(GitHubOptions github, ParseResult parse, string? configPath, string? option) =>
        string.Equals(option, Comms.Core.Enhancements.EnhancementSources.GitHub, StringComparison.Ordinal)
            ? (version, diagnostics) => EnhancementIssues.Fetch(github, parse, configPath, version, diagnostics)
            : null;

    /// <summary><c>--no-wait</c>: fail instead of waiting when another build writes the same output folder.</summary>
    public static Option<bool> NoWaitOption() => new("--no-wait")
    {
        Description = "Fail (error CM8011) instead of waiting when another build is writing the same output folder.",
    };

    private static int NoSample(CliContext cli)
    {
        cli.Error.WriteLine($"comms: error CM0003: no --pulls given, no sample at {SampleReleases} and no release-notes/ folder; run `comms init` to start a project here, or pass --pulls and --version");
        return ExitCodes.UsageError;
    }

    internal static BuildRequest? Request(string? pulls, string? version, string? output, string? maps, string? release, string? theme, string? config)
    {
        var root = Directory.GetCurrentDirectory();
        var site = output is null ? Path.Combine("artifacts", "site") : Path.Combine(output, "site");
        if (pulls is not null && version is not null)
        {
            var notesRoot = Path.Combine(output ?? ".", "release-notes");
            var drafts = Path.Combine(notesRoot, version);
            var defaultMaps = Path.Combine(drafts, "maps");
            return new BuildRequest(
                [new ReleaseInput(version, pulls, maps ?? (Directory.Exists(defaultMaps) ? defaultMaps : null), release ?? Path.Combine(drafts, "release.yaml"), drafts)],
                notesRoot, site, config, theme, root);
        }

        if (!Directory.Exists(SampleReleases))
        {
            return null;
        }

        var sampleRoot = Path.Combine(output ?? ".", "release-notes");
        var releases = Directory.EnumerateDirectories(SampleReleases)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(VersionOrder.Instance)
            .Select(v =>
            {
                var source = Path.Combine("release-notes", v);
                var sampleMaps = Path.Combine(source, "maps");
                return new ReleaseInput(v, Path.Combine(SampleReleases, v, "pulls"), Directory.Exists(sampleMaps) ? sampleMaps : null,
                    Path.Combine(source, "release.yaml"), Path.Combine(sampleRoot, v));
            })
            .ToArray();
        return new BuildRequest(releases, sampleRoot, site, config, theme, root);
    }

    internal static int Run(CliContext cli, BuildRequest request, bool verbose, BuildReport? report = null)
    {
        report ??= new BuildReport();
        request = request with { Check = request.Check || report.Check };
        var diagnostics = new DiagnosticBag();
        var outcome = SiteProgressView.Run(cli, progress => BuildRunner.Run(cli, request with { SiteProgress = progress }, diagnostics));
        if (outcome.ExitCode is { } stopped)
        {
            return stopped;
        }

        var built = outcome.Built;
        var code = cli.Report(diagnostics, verbose ? Severity.Info : Severity.Warning);
        if (built is null)
        {
            cli.Out.WriteLine("Nothing written: fix the errors above (the previous drafts and site are unchanged).");
            WorkflowCommands.AppendSummary(report.ToMarkdown(cli.Reported));
            return ExitCodes.ContentError;
        }

        var table = new Table().Border(TableBorder.Simple).Title("Build");
        foreach (var column in new[] { "release", "pulls", "notes", "vendor", "end-user", "developer", "unassigned", "highlights" })
        {
            table.AddColumn(column);
        }

        foreach (var release in built)
        {
            int Audience(string id) => release.Model.ForAudience(id).Count();
            table.AddRow(release.Input.Version, $"{release.Run.Pulls.Count}", $"{release.Model.Notes.Count}", $"{Audience("vendor")}",
                $"{Audience("end-user")}", $"{Audience("developer")}", $"{release.Model.Notes.Count(n => n.Comms.Audiences.Count == 0)}",
                $"{release.Model.Highlights.Count}");
        }

        cli.Console.Write(table);
        WriteUnassigned(cli, built, verbose);
        foreach (var release in built)
        {
            report.Releases.Add(new BuildReport.Release(release.Input.Version, release.Run.Pulls.Count, release.Model.Notes.Count,
                release.Model.ForAudience("vendor").Count(), release.Model.ForAudience("end-user").Count(), release.Model.ForAudience("developer").Count(),
                release.Model.Notes.Count(n => n.Comms.Audiences.Count == 0), release.Model.Highlights.Count, release.Drafts.Count,
                release.Input.DraftsFolder.Replace('\\', '/')));
            cli.Out.WriteLine(request.Check
                ? $"Checked {Plural.Count(release.Drafts.Count, "draft")} of {release.Input.Version} (nothing written)"
                : $"Wrote {Plural.Count(release.Drafts.Count, "draft")} to {release.Input.DraftsFolder}");
        }

        report.Site = request.Check ? null : request.SiteFolder.Replace('\\', '/');
        report.SiteReleases = outcome.Build.SiteReleases.Count;
        cli.Out.WriteLine(request.Check
            ? $"Checked the site ({Plural.Count(outcome.Build.SiteReleases.Count, "release")}); nothing written"
            : $"Published the site to {request.SiteFolder} ({Plural.Count(outcome.Build.SiteReleases.Count, "release")})");
        WorkflowCommands.AppendSummary(report.ToMarkdown(cli.Reported));
        return code;
    }

    /// <summary>Notes of the "In no brief" table shown without <c>--verbose</c>; the rest are counted.</summary>
    public const int UnassignedShown = DiagnosticSummary.Threshold;

    /// <summary>
    /// The published notes that reached no brief, in one table: the release team decides whether a map should send one
    /// somewhere. The first few and the count, as for repeated warnings; <c>--verbose</c> lists them all.
    /// </summary>
    private static void WriteUnassigned(CliContext cli, IReadOnlyList<ReleaseBuild.Built> built, bool verbose)
    {
        var rows = built.SelectMany(r => r.Model.Notes.Where(n => n.Comms.Audiences.Count == 0).Select(n => (r.Input.Version, Note: n))).ToArray();
        if (rows.Length == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Simple)
            .Title(new TableTitle($"In no brief ({rows.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)}): on the site and in the changelog only; a map's audiences: sends one to a brief"));
        foreach (var column in new[] { "release", "PR", "kinds", "note" })
        {
            table.AddColumn(new TableColumn(new Text(column)));
        }

        var shown = verbose || rows.Length <= UnassignedShown + 1 ? rows.Length : UnassignedShown;
        foreach (var (version, note) in rows.Take(shown))
        {
            var text = ConsoleText.Clean(note.Text.Replace('\n', ' ')).Trim();
            table.AddRow(new Text(version), new Text("#" + note.PrNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(ConsoleText.Clean(string.Join(",", note.Kinds))), new Text(text.Length > 90 ? text[..89] + "…" : text));
        }

        if (shown < rows.Length)
        {
            table.Caption(new TableTitle($"and {(rows.Length - shown).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} more; --verbose lists them"));
        }

        cli.Console.Write(table);
    }
}
