namespace Comms.GitHub.Http;

/// <summary>A failure the user must act on; becomes one diagnostic. Its message never holds the token.</summary>
internal sealed class GitHubFailure(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>GitHub timed out on a large query (502/504): the caller halves the batch and tries again.</summary>
internal sealed class BatchTooLargeException() : Exception("the batch was too large for GitHub to answer in time");
