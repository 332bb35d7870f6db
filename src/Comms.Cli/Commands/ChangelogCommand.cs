using System.CommandLine;
using Comms.Core.Changelog;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.IO;
using Comms.Core.Json;
using Comms.Core.Pipeline;

namespace Comms.Cli.Commands;

/// <summary><c>comms changelog</c>: release-notes JSON to the Kubernetes-style Markdown changelog.</summary>
public static class ChangelogCommand
{
    public static Command Create(CliContext cli)
    {
        var notes = new Option<string>("--notes")
        {
            Description = "Release-notes JSON (from `comms notes`, relnotes.k8s.io or release-notes-draft.json).",
            Required = true,
            HelpName = "notes.json",
        };
        var style = new Option<string>("--style")
        {
            Description = "The changelog layout. Only 'kubernetes' for now: Urgent Upgrade Notes, Changes by Kind, Dependencies.",
            DefaultValueFactory = _ => "kubernetes",
            HelpName = "kubernetes",
        };
        style.AcceptOnlyFromAmong("kubernetes");
        var output = new Option<string>("--out")
        {
            Description = "Where to write the Markdown; - for standard output.",
            Required = true,
            HelpName = "file.md",
        };
        var strict = new Option<bool>("--strict")
        {
            Description = "Reproduce the Kubernetes tool's output byte for byte, quirks included (mapped single-SIG notes lose their [SIG] suffix; multi-kind action-required notes are not urgent).",
        };
        var dependencies = new Option<string?>("--dependencies")
        {
            Description = "A YAML file of dependency changes (added, changed, removed) for the Dependencies section.",
            HelpName = "file.yaml",
        };
        var maps = CommonOptions.Maps();
        var config = CommonOptions.Config();
        var command = new Command("changelog", "Render release-notes JSON as a Kubernetes-style changelog.\n\nExample:\n  comms changelog --notes notes.json --style kubernetes --out CHANGELOG.md")
        {
            notes, maps, style, output, strict, dependencies, config,
        };
        command.SetAction(parse => Run(cli, parse.GetValue(notes)!, parse.GetValue(maps), parse.GetValue(output)!,
            parse.GetValue(strict), parse.GetValue(dependencies), parse.GetValue(config)));
        return command;
    }

    private static int Run(CliContext cli, string notesPath, string? maps, string output, bool strict, string? dependenciesPath, string? configPath)
    {
        var result = cli;
        cli = output == CliContext.StdoutPath ? cli.ForResultOnStdout() : cli;
        var diagnostics = new DiagnosticBag();
        var config = ConfigLoader.Load(configPath, diagnostics);
        var notes = NotesJsonReader.ReadFile(notesPath, diagnostics, config?.Limits);
        var dependencies = dependenciesPath is null ? null : DependencyReader.ReadFile(dependenciesPath, diagnostics, config?.Limits);
        if (config is null || notes is null || diagnostics.HasErrors)
        {
            return cli.Report(diagnostics);
        }

        if (maps is not null)
        {
            notes = new NotesPipeline(config, diagnostics).Edit(notes, [], maps, strict);
        }

        if (!diagnostics.HasErrors)
        {
            var markdown = new KubernetesChangelog(config, new ChangelogOptions { Strict = strict, Dependencies = dependencies }).Render(notes);
            result.WriteResult(output, markdown);
        }

        var code = cli.Report(diagnostics);
        cli.Out.WriteLine(code == ExitCodes.Success
            ? $"Wrote {(output == CliContext.StdoutPath ? "the changelog to standard output" : output)} ({Plural.Count(notes.Count(n => !n.DoNotPublish), "note")})"
            : "Nothing written: fix the errors above.");
        return code;
    }
}
