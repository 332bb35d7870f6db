using System.Globalization;
using System.Net;
using System.Text.Json;
using Comms.Core.Diagnostics;
using Comms.Core.Sources;
using Comms.GitHub.Cache;
using Comms.GitHub.Git;
using Comms.GitHub.Http;
using Comms.GitHub.Output;

namespace Comms.GitHub.Rest;

/// <summary>
/// REST without a token: one conditional request per PR (<c>If-None-Match</c> with the cached ETag, so an
/// unchanged PR answers 304, which GitHub does not count), and the paged compare for the range.
/// </summary>
internal sealed class RestSource(GitHubHttp http, PullCache cache, string owner, string name, DiagnosticBag diagnostics) : IPullSource
{
    public async Task<IReadOnlyList<int>> RangeAsync(string from, string to, CancellationToken ct)
    {
        var numbers = new SortedSet<int>();
        Uri? url = new(http.ApiBase, $"repos/{owner}/{name}/compare/{Uri.EscapeDataString(from)}...{Uri.EscapeDataString(to)}?per_page=100");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pages = new PageGuard(http.Retry.MaxPages, "commits");
        while (url is not null)
        {
            if (!seen.Add(url.AbsoluteUri))
            {
                throw new GitHubFailure(GitHubCodes.UnexpectedResponse,
                    $"GitHub's next-page link points at a page already read ({url.GetLeftPart(UriPartial.Path)}); the commit list would never end, so collection stops here");
            }

            if (!string.Equals(url.GetLeftPart(UriPartial.Authority), http.ApiBase.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            {
                throw new GitHubFailure(GitHubCodes.UnexpectedResponse, "GitHub's next-page link points at another host; collection stops here");
            }

            using var reply = await http.RestGetAsync(url, null, ct).ConfigureAwait(false);
            if (reply.Status == HttpStatusCode.NotFound || reply.Json is null)
            {
                throw new GitHubFailure(GitHubCodes.RefNotFound, $"GitHub cannot compare {from}...{to} in {owner}/{name}: the repository or one of the refs does not exist");
            }

            var root = reply.Json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("commits", out var commits) || commits.ValueKind != JsonValueKind.Array)
            {
                throw new GitHubFailure(GitHubCodes.UnexpectedResponse,
                    $"GitHub's compare answer has no list of commits ({GraphQlErrors.Message(root.GetRawText())}); check --api-url");
            }

            foreach (var commit in commits.EnumerateArray())
            {
                if (commit.ValueKind != JsonValueKind.Object || !commit.TryGetProperty("commit", out var c) || c.ValueKind != JsonValueKind.Object ||
                    (c.TryGetProperty("message", out var m) && m.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)))
                {
                    throw new GitHubFailure(GitHubCodes.UnexpectedResponse,
                        "GitHub's compare answer holds a commit without the documented shape (an object with a \"commit\" object and a \"message\" string); check --api-url");
                }

                var message = PullNodeText(c);
                if (message is not null && PrNumberRules.Find(message) is { } number)
                {
                    numbers.Add(number);
                }
            }

            url = reply.Next;
            if (url is not null)
            {
                pages.Count();
            }
        }

        return numbers.ToArray();
    }

    public async Task<IReadOnlyDictionary<int, RestPull>> FetchAsync(IReadOnlyList<int> numbers, Action<string, int> progress, CancellationToken ct)
    {
        var result = new SortedDictionary<int, RestPull>();
        foreach (var number in numbers.Distinct().Order())
        {
            var entry = cache.Get(number);
            var id = number.ToString(CultureInfo.InvariantCulture);
            using var reply = await http.RestGetAsync(new Uri(http.ApiBase, $"repos/{owner}/{name}/pulls/{id}"), entry?.ETag, ct).ConfigureAwait(false);
            if (reply.Status == HttpStatusCode.NotModified && entry is not null)
            {
                result[number] = entry.Pull;
            }
            else if (reply.Json is not null)
            {
                var read = PullJson.Read(reply.Json.RootElement, id, out var problem) ?? throw new GitHubFailure(GitHubCodes.UnexpectedResponse,
                    $"GitHub's answer for PR #{id} does not have the documented shape ({problem}); nothing of that answer is cached");
                if (read.Number != number)
                {
                    throw new GitHubFailure(GitHubCodes.UnexpectedResponse,
                        $"GitHub answered PR #{read.Number.ToString(CultureInfo.InvariantCulture)} when asked for #{id}; nothing of that answer is cached");
                }

                var pull = RestPull.From(read);
                if (!TokenGuard.Keep(pull, http.Token, diagnostics))
                {
                    progress("fetch", result.Count);
                    continue;
                }

                cache.Put(new CacheEntry(pull, reply.ETag));
                result[number] = pull;
            }
            else
            {
                diagnostics.Warning(GitHubCodes.NotFound,
                    $"PR #{id} is named in the history but GitHub has no such pull request in {owner}/{name}; it is left out");
            }

            progress("fetch", result.Count);
        }

        return result;
    }

    private static string? PullNodeText(JsonElement commit) =>
        commit.ValueKind == JsonValueKind.Object && commit.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
}
