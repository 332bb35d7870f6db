using System.CommandLine;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Site;
using Comms.Templates;

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
        var command = new Command("site", "Build the static release site: release, SIG and audience pages, filters, upgrade path, feeds.\n\nExample:\n  comms site --notes-root release-notes --out artifacts")
        {
            notesRoot, theme, output, config,
        };
        command.SetAction(parse => Run(cli, parse.GetValue(notesRoot)!, parse.GetValue(theme), parse.GetValue(output)!, parse.GetValue(config)));
        return command;
    }

    private static int Run(CliContext cli, string notesRoot, string? theme, string output, string? configPath)
    {
        var diagnostics = new DiagnosticBag();
        var config = ConfigLoader.Load(configPath, diagnostics);
        if (theme is not null && !Directory.Exists(theme))
        {
            cli.Error.WriteLine($"comms: error CM0002: the theme folder {theme} does not exist");
            return ExitCodes.UsageError;
        }

        if (config is null || diagnostics.HasErrors)
        {
            return cli.Report(diagnostics);
        }

        var releases = SiteLoader.Load(notesRoot, config, diagnostics);
        if (!diagnostics.HasErrors && releases.Count == 0)
        {
            diagnostics.Error(SiteCodes.NoReleases, "no <version>/notes.json under the folder; run `comms notes` first", notesRoot);
        }

        var target = Path.Combine(output, "site");
        if (!diagnostics.HasErrors)
        {
            SiteProgressView.Run(cli, progress => SiteBuilder.Build(new SiteRequest
            {
                OutputFolder = target,
                Releases = releases,
                Config = config,
                ThemeFolders = Theme.Default(Directory.GetCurrentDirectory(), theme).Folders,
                Progress = progress,
            }, diagnostics));
        }

        var code = cli.Report(diagnostics);
        cli.Out.WriteLine(code == ExitCodes.Success
            ? $"Wrote {target} ({releases.Count} releases, {releases.Sum(r => r.Notes.Count)} notes)"
            : "Site not published: fix the errors above (any previous site is unchanged).");
        return code;
    }
}
