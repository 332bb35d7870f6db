using System.CommandLine;
using System.Globalization;
using Comms.Core.Diagnostics;
using Comms.GitHub;
using Comms.GitHub.Output;

namespace Comms.Cli.Commands;

/// <summary><c>comms collect</c>: the pull requests of a release from GitHub (and a local clone) to REST pull JSON.</summary>
public static class CollectCommand
{
    public static Command Create(CliContext cli)
    {
        var github = new GitHubOptions();
        github.Repo.Required = true;
        github.From.Required = true;
        github.To.Required = true;
        var output = new Option<string>("--out") { Description = "Where to write the pulls (a JSON array of GitHub REST pull objects, read by `comms notes --pulls`); - for standard output.", Required = true, HelpName = "file" };
        var verbose = CommonOptions.Verbose();
        var command = new Command("collect",
            "Collect the pull requests merged between two refs, batched and cached, and write them as GitHub REST pull JSON.\n\n" +
            "Example:\n  comms collect --repo kubernetes/kubernetes --from v1.25.2 --to v1.25.3 --git ~/src/kubernetes --out pulls.json");
        github.AddTo(command, range: true);
        command.Options.Add(output);
        command.Options.Add(verbose);
        command.SetAction(parse => Run(cli, github, parse, parse.GetValue(output)!, parse.GetValue(verbose)));
        return command;
    }

    private static int Run(CliContext cli, GitHubOptions github, ParseResult parse, string output, bool verbose)
    {
        var result = cli;
        cli = output == CliContext.StdoutPath ? cli.ForResultOnStdout() : cli;
        var diagnostics = new DiagnosticBag();
        var request = github.ToRequest(parse, diagnostics);
        if (request is null)
        {
            return cli.Report(diagnostics);
        }

        var pulls = Collect(cli, request, diagnostics);
        if (!diagnostics.HasErrors)
        {
            result.WriteResult(output, PullWriter.Write(pulls));
        }

        var code = cli.Report(diagnostics, verbose ? Severity.Info : Severity.Warning);
        cli.Out.WriteLine(diagnostics.HasErrors
            ? "Nothing written: fix the errors above."
            : string.Create(CultureInfo.InvariantCulture, $"Collected {pulls.Count} pull requests; wrote {output}"));
        return code;
    }

    /// <summary>
    /// Collects with a progress view. Ctrl-C and SIGTERM stop it cleanly: what was fetched stays in the cache, nothing is
    /// written, and the command ends with exit 130 (the interruption reaches <see cref="CommsApp"/> as a cancellation).
    /// </summary>
    public static IReadOnlyList<Comms.Core.Model.PullRequest> Collect(CliContext cli, CollectRequest request, DiagnosticBag diagnostics)
    {
        var cooperating = cli.Interrupt.Cooperate;
        cli.Interrupt.Cooperate = true;
        try
        {
            var pulls = CollectProgressView.RunAsync(cli, progress => GitHubCollector.CollectAsync(request, diagnostics, progress, cli.Interrupt.Token))
                .GetAwaiter().GetResult();
            Comms.Core.IO.StopGate.ThrowIfCancelled(cli.Interrupt.Token);
            return pulls;
        }
        finally
        {
            cli.Interrupt.Cooperate = cooperating;
        }
    }
}
