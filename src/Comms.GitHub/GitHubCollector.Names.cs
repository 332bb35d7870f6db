namespace Comms.GitHub;

public static partial class GitHubCollector
{
    /// <summary>True for a well-formed <c>owner/name</c>, the same rule collection applies.</summary>
    public static bool IsRepoName(string repo) =>
        RepoName().IsMatch(repo) && !repo.EndsWith("/.", StringComparison.Ordinal) && !repo.EndsWith("/..", StringComparison.Ordinal);
}
