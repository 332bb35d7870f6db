namespace Comms.GitHub.Fake;

/// <summary>What the fake does to the next request instead of (or on top of) answering it.</summary>
public enum FaultKind
{
    /// <summary>No fault: answer normally (to aim a later fault at a later request).</summary>
    Pass,
    ServerError500,
    BadGateway502,
    GatewayTimeout504,
    SecondaryLimitWithRetryAfter,
    SecondaryLimitWithoutRetryAfter,
    TooManyRequests429,
    PrimaryLimitExceeded,
    GraphQlRateLimited,
    TruncatedJson,
    Slow,
    DropConnection,
    BadCredentials401,
    MissingScope403,
}

public sealed record Fault(FaultKind Kind, TimeSpan? Delay = null, int RetryAfterSeconds = 3);

/// <summary>A commit of the fake history that compare returns.</summary>
public sealed record FakeCommit(string Sha, string Message, int? PullNumber);
