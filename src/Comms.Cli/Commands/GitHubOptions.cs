using System.CommandLine;
using Comms.Core.Diagnostics;
using Comms.GitHub;

namespace Comms.Cli.Commands;

/// <summary>The GitHub options shared by <c>collect</c>, <c>check</c> and <c>build</c>; one place reads the token.</summary>
public sealed class GitHubOptions
{
    public Option<string> Repo { get; } = new("--repo") { Description = "The repository, owner/name (for example kubernetes/kubernetes).", HelpName = "owner/name" };
    public Option<string?> From { get; } = new("--from") { Description = "The previous release's tag, branch or commit; its history is left out.", HelpName = "ref" };
    public Option<string?> To { get; } = new("--to") { Description = "The release's tag, branch or commit.", HelpName = "ref" };
    public Option<string?> Git { get; } = new("--git") { Description = "A local clone: the range is read from its first-parent history with git, with no API calls.", HelpName = "dir" };
    public Option<string> ApiUrl { get; } = new("--api-url") { Description = "The GitHub REST base (GitHub Enterprise Server: https://HOST/api/v3).", DefaultValueFactory = _ => "https://api.github.com", HelpName = "url" };
    public Option<string?> TokenFile { get; } = new("--token-file") { Description = "A file holding the token (default: the GITHUB_TOKEN environment variable). Never printed or cached.", HelpName = "file" };
    public Option<string?> Cache { get; } = new("--cache") { Description = "The cache folder (default: $XDG_CACHE_HOME/comms or the user's local application data folder).", HelpName = "dir" };

    public void AddTo(Command command, bool range)
    {
        command.Options.Add(Repo);
        if (range)
        {
            command.Options.Add(From);
            command.Options.Add(To);
            command.Options.Add(Git);
        }

        command.Options.Add(ApiUrl);
        command.Options.Add(TokenFile);
        command.Options.Add(Cache);
    }

    /// <summary>The request, or null with a diagnostic when the token file cannot be read.</summary>
    public CollectRequest? ToRequest(ParseResult parse, DiagnosticBag diagnostics)
    {
        string? token;
        var tokenFile = parse.GetValue(TokenFile);
        if (tokenFile is not null)
        {
            try
            {
                token = File.ReadAllText(tokenFile).Trim();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Error(GitHubCodes.TokenFileUnreadable, "cannot read the token file", tokenFile);
                return null;
            }
        }
        else
        {
            token = Environment.GetEnvironmentVariable("GITHUB_TOKEN")?.Trim();
        }

        return new CollectRequest
        {
            Repo = parse.GetValue(Repo) ?? string.Empty,
            From = parse.GetValue(From) ?? string.Empty,
            To = parse.GetValue(To) ?? string.Empty,
            GitPath = parse.GetValue(Git),
            ApiUrl = parse.GetValue(ApiUrl)!,
            Token = string.IsNullOrEmpty(token) ? null : token,
            CacheDir = parse.GetValue(Cache),
        };
    }
}
