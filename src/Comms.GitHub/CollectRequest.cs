using Comms.GitHub.Http;

namespace Comms.GitHub;

/// <summary>What to collect: the pull requests merged into <see cref="Repo"/> between two refs.</summary>
public sealed record CollectRequest
{
    /// <summary><c>owner/name</c>.</summary>
    public required string Repo { get; init; }

    /// <summary>The previous release's ref (tag, branch or commit); its history is left out.</summary>
    public required string From { get; init; }

    /// <summary>The release's ref.</summary>
    public required string To { get; init; }

    /// <summary>A local clone: the range comes from its first-parent history (no API calls for the range).</summary>
    public string? GitPath { get; init; }

    /// <summary>The REST base, e.g. <c>https://api.github.com</c> or <c>https://HOST/api/v3</c>.</summary>
    public string ApiUrl { get; init; } = "https://api.github.com";

    /// <summary>The GraphQL endpoint; default: derived from <see cref="ApiUrl"/>.</summary>
    public string? GraphQlUrl { get; init; }

    /// <summary>The token; null means unauthenticated REST (60 requests an hour).</summary>
    public string? Token { get; init; }

    /// <summary>The cache root; the repository's own folder is made under it. Default: <see cref="PullCacheLocation.Default"/>.</summary>
    public string? CacheDir { get; init; }

    /// <summary>Bot accounts whose cherry-pick PRs take their author from the original PR.</summary>
    public IReadOnlyList<string> CherryPickBots { get; init; } = ["k8s-infra-cherrypick-robot"];

    /// <summary>Pull requests per GraphQL call (at most 100); halved on 502/504.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Retry limits, timeouts and the clock; tests replace the clock.</summary>
    public RetryOptions Retry { get; init; } = new();

    /// <summary>The HTTP handler; default: a new <see cref="SocketsHttpHandler"/>.</summary>
    public HttpMessageHandler? Handler { get; init; }
}

/// <summary>How far collection has come, for a progress bar or a log line.</summary>
public sealed record CollectProgress(string Phase, int Done, int Total, int Requests);
