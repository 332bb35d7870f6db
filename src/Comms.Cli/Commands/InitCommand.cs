using System.CommandLine;
using Comms.Cli.Project;
using Comms.Core.IO;

namespace Comms.Cli.Commands;

/// <summary><c>comms init</c>: the starting files of a project in a git repository; never overwrites one.</summary>
public static class InitCommand
{
    public static Command Create(CliContext cli)
    {
        var dir = new Option<string?>("--dir") { Description = "The repository to start in (default: the current folder's repository).", HelpName = "dir" };
        var notes = new Option<string>("--notes")
        {
            Description = "Where notes come from: blocks (a release-note block in the PR body, as Kubernetes does), titles (the PR title, with kinds from labels and Conventional Commit prefixes), or blocks-then-titles.",
            HelpName = "source",
            DefaultValueFactory = _ => "blocks",
        };
        notes.AcceptOnlyFromAmong("blocks", "titles", "blocks-then-titles");
        var command = new Command("init",
            "Start a project in a git repository: content/comms.yaml (name and owner/name from the origin remote), " +
            "content/audiences.yaml, content/about.md, release-notes/<next version>/release.yaml, the publish workflow " +
            $"{ProjectFiles.WorkflowPath}, the pull-request check {ProjectFiles.PullRequestWorkflowPath} and the JSON Schemas of the YAML files " +
            $"({ProjectFiles.SchemaFolder}/, for editors). Files that exist are kept as they are.\n\nExamples:\n  comms init\n  comms init --notes titles")
        {
            dir, notes,
        };
        command.SetAction(parse => Run(cli, parse.GetValue(dir) ?? Directory.GetCurrentDirectory(), parse.GetValue(notes) ?? "blocks"));
        return command;
    }

    private static int Run(CliContext cli, string folder, string notes)
    {
        var root = Directory.Exists(folder) ? Git.TopLevel(folder) : null;
        if (root is null)
        {
            cli.Error.WriteLine($"comms: error CM0004: {folder} is not in a git repository (or git is not installed); run `git init` first, or run `comms init` inside the repository");
            return ExitCodes.UsageError;
        }

        var facts = ProjectFiles.Read(root) with { NotesSource = notes };
        foreach (var (relative, text) in ProjectFiles.All(facts))
        {
            var path = Path.Combine(root, relative);
            if (File.Exists(path))
            {
                cli.Out.WriteLine($"kept    {relative} (it exists)");
                continue;
            }

            AtomicFile.WriteAllText(path, text);
            cli.Out.WriteLine($"wrote   {relative}");
        }

        if (facts.Repo is null)
        {
            cli.Error.WriteLine("content/comms.yaml: warning CM0005: no `origin` remote, so project.repo is a placeholder; set it to owner/name");
        }

        cli.Out.WriteLine($"Next release: {facts.NextVersion}" + (facts.PreviousVersion is null ? string.Empty : $" (after {facts.PreviousVersion})"));
        cli.Out.WriteLine($"The workflows pin comms {ProjectFiles.ToolVersion}, the version running now.");
        cli.Out.WriteLine("Next: edit content/about.md and the release.yaml, preview with `comms serve`, and push the tag to publish.");
        return ExitCodes.Success;
    }
}
