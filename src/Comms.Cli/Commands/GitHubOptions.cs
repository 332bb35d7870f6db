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

    public GitHubOptions()
    {
        ApiUrl.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || string.IsNullOrEmpty(uri.Host) ||
                !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            {
                result.AddError($"--api-url must be an http or https URL such as https://api.github.com, not \"{value}\"");
            }
        });
        From.Validators.Add(result => ValidateRef(result, "--from"));
        To.Validators.Add(result => ValidateRef(result, "--to"));
    }

    /// <summary>A ref is passed to git and to GitHub: no option-like, empty or control-character values.</summary>
    private static void ValidateRef(System.CommandLine.Parsing.OptionResult result, string name)
    {
        var value = result.GetValueOrDefault<string?>();
        if (value is null)
        {
            return;
        }

        if (value.Length == 0 || value.StartsWith('-') || value.Contains("..", StringComparison.Ordinal) || value.Any(c => char.IsControl(c) || c == ' ' || c == '\\' || c == ':' || c == '~' || c == '^' || c == '?' || c == '*' || c == '['))
        {
            result.AddError($"{name} must be a tag, branch or commit name, not \"{value}\"");
        }
    }

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

    /// <summary>True when a token would travel over plain http to another machine than this one.</summary>
    public static bool SendsTokenInClear(string apiUrl, string? token) =>
        !string.IsNullOrEmpty(token) && Uri.TryCreate(apiUrl, UriKind.Absolute, out var plain) && plain.Scheme == Uri.UriSchemeHttp && !plain.IsLoopback;

    /// <summary>The request, or null with a diagnostic when the token file cannot be read.</summary>
    public CollectRequest? ToRequest(ParseResult parse, DiagnosticBag diagnostics)
    {
        string? token;
        var tokenFile = parse.GetValue(TokenFile);
        if (tokenFile is not null)
        {
            var probe = new DiagnosticBag();
            token = Comms.Core.IO.InputFile.ReadText(tokenFile, "the token file", 64 * 1024, probe)?.Trim();
            if (token is null)
            {
                // The reader's message is about the file only; the token itself is never printed.
                diagnostics.Error(GitHubCodes.TokenFileUnreadable, $"cannot use the token file: {(probe.Items.Count > 0 ? probe.Items[0].Message : "unreadable")}", tokenFile);
                return null;
            }
        }
        else
        {
            token = Environment.GetEnvironmentVariable("GITHUB_TOKEN")?.Trim();
        }

        // From here on no console line or diagnostic can show the token, in any encoding.
        Secrets.Register(token);
        var apiUrl = parse.GetValue(ApiUrl)!;
        if (SendsTokenInClear(apiUrl, token))
        {
            diagnostics.Warning(GitHubCodes.PlainHttp, $"--api-url {apiUrl} is plain http: the token travels unencrypted; use https");
        }

        var config = Comms.Core.Config.ConfigLoader.Load(null, new DiagnosticBag()) ?? Comms.Core.Config.CommsConfig.Kubernetes;
        return new CollectRequest
        {
            CherryPickBots = config.Notes.CherryPickBots,
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
