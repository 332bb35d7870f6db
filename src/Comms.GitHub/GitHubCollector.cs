using System.Globalization;
using System.Text.RegularExpressions;
using Comms.Core.Diagnostics;
using Comms.Core.Model;
using Comms.GitHub.Cache;
using Comms.GitHub.Git;
using Comms.GitHub.GraphQl;
using Comms.GitHub.Http;
using Comms.GitHub.Output;
using Comms.GitHub.Rest;

namespace Comms.GitHub;

/// <summary>
/// Collects the pull requests of a release: the range from a local clone (or from GitHub), then the pulls by
/// number through the cache, then bot cherry-picks' original authors. Problems become diagnostics.
/// </summary>
public static partial class GitHubCollector
{
    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}$", RegexOptions.CultureInvariant)]
    private static partial Regex RepoName();


    public static async Task<IReadOnlyList<PullRequest>> CollectAsync(
        CollectRequest request, DiagnosticBag diagnostics, IProgress<CollectProgress>? progress = null, CancellationToken ct = default)
    {
        if (Open(request, diagnostics) is not var (cache, http, source))
        {
            return [];
        }

        using var _ = http;
        if (request.Token is null)
        {
            diagnostics.Warning(GitHubCodes.NoToken,
                "no token (GITHUB_TOKEN or --token-file): using REST without one, which GitHub limits to 60 requests an hour, one per PR; a token makes collection batched and far faster");
        }

        try
        {
            progress?.Report(new CollectProgress("range", 0, 0, http.Requests));
            var numbers = await RangeAsync(request, source, diagnostics, ct).ConfigureAwait(false);
            if (diagnostics.HasErrors)
            {
                return [];
            }

            var total = numbers.Count;
            var pulls = await source.FetchAsync(numbers, (phase, done) => progress?.Report(new CollectProgress(phase, done, total, http.Requests)), ct)
                .ConfigureAwait(false);
            var originals = await OriginalsAsync(request, source, pulls, ct).ConfigureAwait(false);
            progress?.Report(new CollectProgress("done", pulls.Count, total, http.Requests));
            return pulls.Values.Select(p => WithOriginalAuthor(p, request, originals)).Where(p => TokenGuard.Keep(p, request.Token, diagnostics))
                .Select(p => p.ToPullRequest(PullSource(request, p.Number))).ToArray();
        }
        catch (GitHubFailure failure)
        {
            diagnostics.Error(failure.Code, GitHubHttp.Redact(failure.Message, request.Token));
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException or OverflowException or ArgumentException)
        {
            // A JSON value of another type than GitHub documents (a string for a number, an array for an object…).
            diagnostics.Error(GitHubCodes.UnexpectedResponse,
                GitHubHttp.Redact($"GitHub's answer does not have the documented shape ({e.Message}); check --api-url", request.Token));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            diagnostics.Error(GitHubCodes.Cancelled,
                $"collection was interrupted; what was fetched is kept in {cache.Folder}, and running the same command again resumes from there");
        }
        catch (IOException e)
        {
            diagnostics.Error(GitHubCodes.CacheUnwritable, $"cannot write the cache ({e.Message}); pass --cache with a writable folder", cache.Folder);
        }

        return [];
    }

    /// <summary>Pull requests by number (through the cache), without a range: for <c>comms check</c>.</summary>
    public static async Task<IReadOnlyList<PullRequest>> FetchAsync(
        CollectRequest request, IReadOnlyList<int> numbers, DiagnosticBag diagnostics, CancellationToken ct = default)
    {
        if (Open(request, diagnostics) is not var (_, http, source))
        {
            return [];
        }

        using var __ = http;
        try
        {
            var pulls = await source.FetchAsync(numbers, (_, _) => { }, ct).ConfigureAwait(false);
            return pulls.Values.Where(p => TokenGuard.Keep(p, request.Token, diagnostics)).Select(p => p.ToPullRequest(PullSource(request, p.Number))).ToArray();
        }
        catch (GitHubFailure failure)
        {
            diagnostics.Error(failure.Code, GitHubHttp.Redact(failure.Message, request.Token));
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException or OverflowException or ArgumentException)
        {
            // A JSON value of another type than GitHub documents (a string for a number, an array for an object…).
            diagnostics.Error(GitHubCodes.UnexpectedResponse,
                GitHubHttp.Redact($"GitHub's answer does not have the documented shape ({e.Message}); check --api-url", request.Token));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            diagnostics.Error(GitHubCodes.Cancelled, "interrupted");
        }

        return [];
    }

    /// <summary>The cache, HTTP client and source for the repository; null (with a diagnostic) when the name is not owner/name.</summary>
    private static (PullCache Cache, GitHubHttp Http, IPullSource Source)? Open(CollectRequest request, DiagnosticBag diagnostics)
    {
        if (!RepoName().IsMatch(request.Repo) || request.Repo.EndsWith("/.", StringComparison.Ordinal) || request.Repo.EndsWith("/..", StringComparison.Ordinal))
        {
            diagnostics.Error(GitHubCodes.BadRepo, $"--repo must be owner/name (for example kubernetes/kubernetes), not '{request.Repo}'");
            return null;
        }

        var owner = request.Repo[..request.Repo.IndexOf('/', StringComparison.Ordinal)];
        var name = request.Repo[(owner.Length + 1)..];
        var cache = new PullCache(request.CacheDir ?? PullCacheLocation.Default, owner, name);
        var http = new GitHubHttp(request);
        IPullSource source = request.Token is null
            ? new RestSource(http, cache, owner, name, diagnostics)
            : new GraphQlSource(http, cache, owner, name, request.BatchSize, diagnostics);
        return (cache, http, source);
    }

    private static async Task<IReadOnlyList<int>> RangeAsync(CollectRequest request, IPullSource source, DiagnosticBag diagnostics, CancellationToken ct)
    {
        if (request.GitPath is null)
        {
            return await source.RangeAsync(request.From, request.To, ct).ConfigureAwait(false);
        }

        var commits = GitRange.Walk(request.GitPath, request.From, request.To, diagnostics, ct);
        foreach (var commit in commits.Where(c => c.PullNumber is null))
        {
            diagnostics.Info(GitHubCodes.CommitWithoutPr, $"commit {commit.Sha[..Math.Min(12, commit.Sha.Length)]} ({commit.Subject}) names no pull request; it is left out", request.GitPath);
        }

        return commits.Where(c => c.PullNumber is not null).Select(c => c.PullNumber!.Value).Distinct().Order().ToArray();
    }

    /// <summary>The original PRs of bot cherry-picks, fetched (through the cache) only for their authors.</summary>
    private static async Task<IReadOnlyDictionary<int, RestPull>> OriginalsAsync(
        CollectRequest request, IPullSource source, IReadOnlyDictionary<int, RestPull> pulls, CancellationToken ct)
    {
        var wanted = pulls.Values.Select(p => OriginalNumber(p, request)).OfType<int>().Where(n => !pulls.ContainsKey(n)).Distinct().Order().ToArray();
        var fetched = wanted.Length == 0 ? new Dictionary<int, RestPull>() : await source.FetchAsync(wanted, (_, _) => { }, ct).ConfigureAwait(false);
        return pulls.Concat(fetched).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);
    }

    private static int? OriginalNumber(RestPull pull, CollectRequest request) =>
        Comms.Core.Extract.CherryPick.OriginalOf(pull.User?.Login, pull.Body, request.CherryPickBots);

    private static RestPull WithOriginalAuthor(RestPull pull, CollectRequest request, IReadOnlyDictionary<int, RestPull> originals) =>
        OriginalNumber(pull, request) is { } number && originals.TryGetValue(number, out var original) && original.User is not null
            ? pull with { User = original.User }
            : pull;

    private static string PullSource(CollectRequest request, int number) =>
        $"{request.Repo}#{number.ToString(CultureInfo.InvariantCulture)}";
}
