using System.CommandLine;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Extract;
using Comms.Core.IO;
using Comms.Core.Json;
using Comms.Core.Pipeline;
using Spectre.Console;

namespace Comms.Cli.Commands;

/// <summary><c>comms notes</c>: pull requests (files) to Kubernetes release-notes JSON.</summary>
public static class NotesCommand
{
    public static Command Create(CliContext cli)
    {
        var pulls = new Option<string>("--pulls")
        {
            Description = "Pull requests: a folder of GitHub REST pull objects (*.json), a JSON array or NDJSON of them, `gh pr list --json` output, or release-notes JSON to re-render.",
            Required = true,
            HelpName = "dir|file",
        };
        var output = new Option<string>("--out")
        {
            Description = "Where to write notes.json (release-notes JSON, readable by relnotes.k8s.io); - for standard output.",
            Required = true,
            HelpName = "notes.json",
        };
        var maps = CommonOptions.Maps();
        var config = CommonOptions.Config();
        var verbose = CommonOptions.Verbose();
        var strict = new Option<bool>("--strict")
        {
            Description = "Write the Markdown of mapped notes as the Kubernetes tool does (a single SIG is dropped), so `comms changelog --strict` reproduces its output.",
        };
        var command = new Command("notes", "Extract release notes from merged pull requests and write release-notes JSON.\n\nExample:\n  comms notes --pulls pulls/ --maps release-notes/v1.2.0/maps --out notes.json")
        {
            pulls, maps, output, config, strict, verbose,
        };
        command.SetAction(parse => Run(cli, parse.GetValue(pulls)!, parse.GetValue(maps), parse.GetValue(output)!,
            parse.GetValue(config), parse.GetValue(strict), parse.GetValue(verbose)));
        return command;
    }

    private static int Run(CliContext cli, string pulls, string? maps, string output, string? configPath, bool strict, bool verbose)
    {
        var result = cli;
        cli = output == CliContext.StdoutPath ? cli.ForResultOnStdout() : cli;
        var diagnostics = new DiagnosticBag();
        var config = ConfigLoader.Load(configPath, diagnostics);
        if (config is null)
        {
            return cli.Report(diagnostics);
        }

        var run = new NotesPipeline(config, diagnostics).Run(pulls, maps, strict);
        if (!diagnostics.HasErrors)
        {
            result.WriteResult(output, NotesJsonWriter.WriteUtf8(run.Notes).WrittenSpan);
        }

        var code = cli.Report(diagnostics, verbose ? Severity.Info : Severity.Warning);
        WriteSummary(cli, run, diagnostics, diagnostics.HasErrors ? null : output == CliContext.StdoutPath ? "the notes to standard output" : output);
        return code;
    }

    /// <summary>One summary: how many PRs, how many notes, and every PR without a note counted by reason.</summary>
    public static void WriteSummary(CliContext cli, NotesRun run, DiagnosticBag diagnostics, string? written)
    {
        var table = new Table().Border(TableBorder.Simple).Title("Release notes");
        table.AddColumn("");
        table.AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("pull requests read", run.Pulls.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("notes", run.Notes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (reason, count) in run.SkippedByReason)
        {
            table.AddRow($"no note: {SkipReasons.Describe(reason)}", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        table.AddRow("mapped (edited) notes", run.Notes.Count(n => n.IsMapped).ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("errors", diagnostics.Items.Count(d => d.Severity == Severity.Error).ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("warnings", diagnostics.Items.Count(d => d.Severity == Severity.Warning).ToString(System.Globalization.CultureInfo.InvariantCulture));
        cli.Console.Write(table);
        cli.Out.WriteLine(written is null ? "Nothing written: fix the errors above." : $"Wrote {written}");
    }
}
