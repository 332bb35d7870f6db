using System.CommandLine;
using System.Globalization;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Model;
using Comms.GitHub;
using Comms.GitHub.Check;

namespace Comms.Cli.Commands;

/// <summary><c>comms check</c>: validates one PR's release note and labels, as a PR check would.</summary>
public static class CheckCommand
{
    public static Command Create(CliContext cli)
    {
        var github = new GitHubOptions();
        var pr = new Option<int?>("--pr") { Description = "The pull request number.", HelpName = "N" };
        var bodyFile = new Option<string?>("--body-file") { Description = "Check this PR description instead of fetching it (works offline); give the labels with --label.", HelpName = "file" };
        var title = new Option<string?>("--title") { Description = "The PR title, with --body-file (the note of a project whose notes come from titles).", HelpName = "text" };
        var labels = new Option<string[]>("--label") { Description = "A label of the PR (repeat the option); with --body-file.", HelpName = "name", AllowMultipleArgumentsPerToken = false };
        var config = CommonOptions.Config();
        var command = new Command("check",
            "Check one pull request's release note and labels; exit 1 with the reason when it would fail the release notes.\n\n" +
            "Examples:\n  comms check --pr 1234 --repo kubernetes/kubernetes\n  comms check --body-file body.md --label kind/bug --label sig/node");
        pr.Validators.Add(result =>
        {
            // The parser reports a value that is not a number; a number that is not a PR's is reported here.
            if (result.Tokens.Count > 0 && int.TryParse(result.Tokens[^1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value <= 0)
            {
                result.AddError("--pr must be a positive pull request number");
            }
        });
        command.Options.Add(pr);
        github.AddTo(command, range: false);
        command.Options.Add(bodyFile);
        command.Options.Add(title);
        command.Options.Add(labels);
        command.Options.Add(config);
        command.SetAction(parse => Run(cli, parse, github, parse.GetValue(pr), parse.GetValue(bodyFile), parse.GetValue(title), parse.GetValue(labels) ?? [], parse.GetValue(config)));
        return command;
    }

    private static int Run(CliContext cli, ParseResult parse, GitHubOptions github, int? number, string? bodyFile, string? title, string[] labels, string? configPath)
    {
        var diagnostics = new DiagnosticBag();
        if (bodyFile is null && (number is null || parse.GetValue(github.Repo) is null))
        {
            cli.Error.WriteLine("comms: error CM0002: give --pr and --repo to check a PR on GitHub, or --body-file (and --label) to check offline.");
            return ExitCodes.UsageError;
        }

        var config = ConfigLoader.Load(configPath, diagnostics);
        if (config is null)
        {
            return cli.Report(diagnostics);
        }

        var pull = bodyFile is not null ? FromFile(bodyFile, number, title, labels, diagnostics) : Fetch(github, parse, number!.Value, diagnostics);
        if (pull is null)
        {
            return cli.Report(diagnostics);
        }

        var passed = PullCheck.Run(pull, config, diagnostics);
        var code = cli.Report(diagnostics);
        var id = "#" + pull.Number.ToString(CultureInfo.InvariantCulture);
        cli.Out.WriteLine(passed ? $"PR {id} passes the release-note check." : $"PR {id} fails the release-note check: see the errors above.");
        return passed ? code : ExitCodes.ContentError;
    }

    private static PullRequest? FromFile(string path, int? number, string? title, string[] labels, DiagnosticBag diagnostics)
    {
        try
        {
            var body = Comms.Core.IO.InputFile.ReadText(path, "the body file", Comms.Core.IO.InputLimits.Default.MaxTextFileBytes, diagnostics);
            return body is null ? null : new PullRequest { Number = number ?? 1, Title = title ?? string.Empty, Body = body, Labels = labels, Source = path };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(Codes.InputUnreadable, $"cannot read: {e.Message}", path);
            return null;
        }
    }

    private static PullRequest? Fetch(GitHubOptions github, ParseResult parse, int number, DiagnosticBag diagnostics)
    {
        var request = github.ToRequest(parse, diagnostics);
        if (request is null)
        {
            return null;
        }

        var pulls = GitHubCollector.FetchAsync(request, [number], diagnostics).GetAwaiter().GetResult();
        return pulls.Count > 0 ? pulls[0] : null;
    }
}
