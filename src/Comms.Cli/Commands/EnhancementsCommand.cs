using System.CommandLine;
using Comms.Core.Enhancements;

namespace Comms.Cli.Commands;

/// <summary>
/// <c>comms enhancements --version v</c>: the review a comms lead works from, read from the release's release.json
/// (the last build): every enhancement with stage, confirmation, notes, score and reasons, the excluded ones, the
/// spotlight shortlist; <c>--write</c> starts <c>enhancements.yaml</c> from it (never overwriting one).
/// </summary>
public static class EnhancementsCommand
{
    public static Command Create(CliContext cli)
    {
        var version = new Option<string>("--version")
        {
            Description = "The release to review, as its folder under the notes root is named (e.g. v1.34.0).",
            Required = true,
            HelpName = "v",
        };
        CommonOptions.ValidateVersion(version);
        var notesRoot = new Option<string>("--notes-root")
        {
            Description = "The folder holding one <version>/ folder per release (default: release-notes).",
            DefaultValueFactory = _ => "release-notes",
            HelpName = "dir",
        };
        var write = new Option<bool>("--write")
        {
            Description = "Also create <notes-root>/<version>/enhancements.yaml pre-filled with the list, each entry to confirm, drop or re-stage. Never overwrites a file.",
        };
        var command = new Command("enhancements",
            "Review a release's enhancements before publishing: stage, how each is known (confirmed, evidenced, planned), tied notes, spotlight score and reasons, the excluded ones and the spotlight shortlist, as the last `comms build` composed them.\n\n" +
            "Example:\n  comms build && comms enhancements --version v1.34.0 --write")
        {
            version, notesRoot, write,
        };
        command.SetAction(parse => Run(cli, parse.GetValue(version)!, parse.GetValue(notesRoot)!, parse.GetValue(write)));
        return command;
    }

    private static int Run(CliContext cli, string version, string notesRoot, bool write)
    {
        // The version is a folder name under the notes root (validated as for build); links are followed and the
        // folder must still be inside the root, so nothing is read or written elsewhere.
        var folder = Path.Combine(notesRoot, version);
        try
        {
            Core.IO.OutputPaths.Resolve(notesRoot, version);
        }
        catch (Core.IO.UnsafeOutputPathException)
        {
            cli.Error.WriteLine($"comms: error CM0003: {folder} leads outside {notesRoot}: the release's folder must be inside the notes root");
            return ExitCodes.UsageError;
        }

        var releaseJson = Path.Combine(folder, Core.Json.ReleaseJsonWriter.FileName);
        if (!File.Exists(releaseJson))
        {
            cli.Error.WriteLine($"comms: error CM0003: {releaseJson} does not exist: run `comms build` for {version} first (the review reads what the build composed)");
            return ExitCodes.UsageError;
        }

        string json;
        string? review;
        try
        {
            var diagnostics = new Core.Diagnostics.DiagnosticBag();
            var text = Core.IO.InputFile.ReadText(releaseJson, "the composed release", Core.IO.InputLimits.Default.MaxJsonFileBytes, diagnostics);
            if (text is null)
            {
                return cli.Report(diagnostics);
            }

            json = text;
            review = EnhancementReview.Text(json);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or IOException)
        {
            cli.Error.WriteLine($"{releaseJson}(1,1): error CM7310: cannot read the composed release ({e.Message}); run `comms build` again");
            return ExitCodes.ContentError;
        }

        if (review is null)
        {
            cli.Error.WriteLine($"comms: error CM7303: {version} was built without enhancement data: give --enhancements (a KEP folder, github, or a board export) or write {Path.Combine(folder, EnhancementFileReader.FileName)}");
            return ExitCodes.ContentError;
        }

        cli.Out.Write(review);
        if (!write)
        {
            return ExitCodes.Success;
        }

        var target = Path.Combine(folder, EnhancementFileReader.FileName);
        try
        {
            using var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false));
            writer.Write(EnhancementReview.EnhancementsFile(json));
        }
        catch (IOException) when (File.Exists(target))
        {
            cli.Error.WriteLine($"comms: error CM7311: {target} already exists; it is never overwritten (edit it, or move it away to start again)");
            return ExitCodes.ContentError;
        }

        cli.Out.WriteLine($"\nWrote {target}: confirm, drop or re-stage each entry, then run `comms build` again.");
        return ExitCodes.Success;
    }
}
