using System.CommandLine;
using Comms.Core.Diagnostics;
using Comms.GitHub;
using Comms.GitHub.Releases;

namespace Comms.Cli.Commands;

/// <summary><c>comms release</c>: creates the GitHub release of a tag with the changelog as its body, or updates it.</summary>
public static class ReleaseCommand
{
    public static Command Create(CliContext cli)
    {
        var github = new GitHubOptions();
        github.Repo.Required = true;
        var tag = new Option<string>("--tag") { Description = "The release's tag (it must exist on GitHub).", Required = true, HelpName = "tag" };
        var notes = new Option<string>("--notes") { Description = "The release's body, e.g. release-notes/<v>/CHANGELOG.md.", Required = true, HelpName = "file" };
        var name = new Option<string?>("--name") { Description = "The release's title (default: the tag).", HelpName = "text" };
        var command = new Command("release",
            "Create the GitHub release of a tag with the given notes as its body, or update it when it exists: running it again never makes a second release.\n\n" +
            "Example:\n  comms release --repo owner/name --tag v1.2.0 --notes release-notes/v1.2.0/CHANGELOG.md")
        {
            tag, notes, name,
        };
        github.AddTo(command, range: false);
        command.Options.Remove(github.Cache);
        command.SetAction(parse =>
        {
            var diagnostics = new DiagnosticBag();
            var notesFile = parse.GetValue(notes)!;
            if (!File.Exists(notesFile))
            {
                diagnostics.Error(Codes.InputNotFound, "the notes file does not exist (build the release first: comms build)", notesFile);
                return cli.Report(diagnostics);
            }

            var options = github.ToRequest(parse, diagnostics);
            if (options is null)
            {
                return cli.Report(diagnostics);
            }

            if (Comms.Core.IO.InputFile.ReadText(notesFile, "the notes file", Comms.Core.IO.InputLimits.Default.MaxTextFileBytes, diagnostics) is not { } notesText)
            {
                return cli.Report(diagnostics);
            }

            var config = Comms.Core.Config.ConfigLoader.Load(null, new DiagnosticBag());
            var tagName = parse.GetValue(tag)!;
            var request = new ReleaseRequest
            {
                ChangelogUrl = config?.Project.ChangelogUrl is { } url ? Core.Config.UrlPattern.Expand(url, tagName) : null,
                Repo = options.Repo,
                Tag = tagName,
                Body = notesText,
                Name = parse.GetValue(name),
                ApiUrl = options.ApiUrl,
                Token = options.Token,
            };
            var outcome = ReleasePublisher.PublishAsync(request, diagnostics).GetAwaiter().GetResult();
            var code = cli.Report(diagnostics);
            if (outcome is not null)
            {
                var verb = outcome.Action switch
                {
                    ReleaseAction.Created => "Created",
                    ReleaseAction.Updated => "Updated",
                    _ => "Unchanged:",
                };
                cli.Out.WriteLine($"{verb} the release {request.Tag} of {request.Repo}" + (outcome.Url is null ? string.Empty : $" ({outcome.Url})"));
            }

            return code;
        });
        return command;
    }
}
