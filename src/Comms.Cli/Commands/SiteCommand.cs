using System.CommandLine;
using Comms.Cli.Build;
using Comms.Core.Diagnostics;

namespace Comms.Cli.Commands;

/// <summary><c>comms site</c>: rebuilds the static release site alone from the release-notes folders.</summary>
public static class SiteCommand
{
    public static Command Create(CliContext cli)
    {
        var notesRoot = new Option<string>("--notes-root")
        {
            Description = "The folder holding one <version>/ folder per release, each with notes.json (and optional release.yaml and drafts).",
            Required = true,
            HelpName = "dir",
        };
        var theme = new Option<string?>("--theme")
        {
            Description = "A theme folder whose site/ files (layouts, style.css, filter.js, upgrade.js) override the default theme's.",
            HelpName = "dir",
        };
        var output = new Option<string>("--out")
        {
            Description = "Where to publish: the site is written to <dir>/site/, replacing the previous one only when the build succeeds.",
            Required = true,
            HelpName = "dir",
        };
        var config = CommonOptions.Config();
        var noWait = BuildCommand.NoWaitOption();
        var now = CommonOptions.Now();
        var includeDrafts = CommonOptions.IncludeDrafts();
        var command = new Command("site", "Build the static release site: release, SIG and audience pages, filters, upgrade path, feeds.\n\nExample:\n  comms site --notes-root release-notes --out artifacts")
        {
            notesRoot, theme, output, config, noWait, now, includeDrafts,
        };
        command.SetAction(parse => Run(cli, parse.GetValue(notesRoot)!, parse.GetValue(theme), parse.GetValue(output)!, parse.GetValue(config), parse.GetValue(noWait),
            parse.GetValue(now), parse.GetValue(includeDrafts)));
        return command;
    }

    private static int Run(CliContext cli, string notesRoot, string? theme, string output, string? configPath, bool noWait, DateTimeOffset? now, bool includeDrafts)
    {
        if (theme is not null && !Directory.Exists(theme))
        {
            cli.Error.WriteLine($"comms: error CM0002: the theme folder {theme} does not exist");
            return ExitCodes.UsageError;
        }

        // The same composition root as `comms build` (config, audiences.yaml, theme, lock, commit), with no release to render.
        var diagnostics = new DiagnosticBag();
        var target = Path.Combine(output, "site");
        var request = new BuildRequest([], notesRoot, target, configPath, theme, Directory.GetCurrentDirectory()) { NoWait = noWait, Now = now, IncludeDrafts = includeDrafts };
        var outcome = SiteProgressView.Run(cli, progress => BuildRunner.Run(cli, request with { SiteProgress = progress }, diagnostics));
        if (outcome.ExitCode is { } stopped)
        {
            return stopped;
        }

        var code = cli.Report(diagnostics);
        var releases = outcome.Build.SiteReleases;
        cli.Out.WriteLine(outcome.Built is not null && code == ExitCodes.Success
            ? $"Wrote {target} ({Plural.Count(releases.Count, "release")}, {Plural.Count(releases.Sum(r => r.Notes.Count), "note")})"
            : "Site not published: fix the errors above (any previous site is unchanged).");
        return outcome.Built is null ? ExitCodes.ContentError : code;
    }
}
