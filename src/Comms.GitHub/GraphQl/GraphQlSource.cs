using System.Globalization;
using System.Text.Json;
using Comms.Core.Diagnostics;
using Comms.GitHub.Cache;
using Comms.GitHub.Git;
using Comms.GitHub.Http;
using Comms.GitHub.Output;

namespace Comms.GitHub.GraphQl;

/// <summary>
/// GraphQL with aliases: up to 100 PRs per call, a cheap <c>updatedAt</c> check per batch for cached PRs, and the
/// batch halved whenever GitHub times out (502/504).
/// </summary>
internal sealed class GraphQlSource(GitHubHttp http, PullCache cache, string owner, string name, int batchSize, DiagnosticBag diagnostics) : IPullSource
{
    private int _batch = Math.Clamp(batchSize, 1, 100);

    public async Task<IReadOnlyList<int>> RangeAsync(string from, string to, CancellationToken ct)
    {
        var numbers = new SortedSet<int>();
        string? cursor = null;
        var pages = new PageGuard(http.Retry.MaxPages, "commits");
        do
        {
            using var doc = await http.GraphQlAsync(Queries.Compare(owner, name, from, to, cursor), canHalve: false, ct).ConfigureAwait(false);
            var repository = Repository(doc);
            var compare = PullNode.Obj(repository, "ref") is { } r
                ? PullNode.Obj(r, "compare") ?? throw new GitHubFailure(GitHubCodes.RefNotFound, $"GitHub does not know the ref {to} in {owner}/{name}")
                : throw new GitHubFailure(GitHubCodes.RefNotFound, $"GitHub does not know the ref {from} in {owner}/{name}");
            var commits = PullNode.Obj(compare, "commits");
            if (commits is not { } c || !c.TryGetProperty("nodes", out var nodes) || nodes.ValueKind != JsonValueKind.Array)
            {
                throw new GitHubFailure(GitHubCodes.UnexpectedResponse, "GitHub's compare answer has no commits; check --api-url");
            }

            foreach (var commit in nodes.EnumerateArray())
            {
                if ((Associated(commit) ?? PrNumberRules.Find(PullNode.Str(commit, "message") ?? string.Empty)) is { } number)
                {
                    numbers.Add(number);
                }
            }

            var page = PullNode.Obj(c, "pageInfo");
            cursor = page is { } p && p.TryGetProperty("hasNextPage", out var more) && more.ValueKind == JsonValueKind.True
                ? PullNode.Str(p, "endCursor") ?? throw new GitHubFailure(GitHubCodes.UnexpectedResponse, "GitHub says there is another page of commits but gives no cursor for it")
                : null;
            if (cursor is not null)
            {
                pages.Next(cursor);
            }
        }
        while (cursor is not null);

        return numbers.ToArray();
    }

    public async Task<IReadOnlyDictionary<int, RestPull>> FetchAsync(IReadOnlyList<int> numbers, Action<string, int> progress, CancellationToken ct)
    {
        var result = new SortedDictionary<int, RestPull>();
        var cached = new SortedDictionary<int, CacheEntry>();
        var toFetch = new List<int>();
        foreach (var number in numbers.Distinct().Order())
        {
            if (cache.Get(number) is { } entry)
            {
                cached[number] = entry;
            }
            else
            {
                toFetch.Add(number);
            }
        }

        await BatchedAsync(cached.Keys.ToArray(), async batch =>
        {
            using var doc = await http.GraphQlAsync(Queries.Check(owner, name, batch), batch.Length > 1, ct).ConfigureAwait(false);
            var repository = Repository(doc);
            foreach (var number in batch)
            {
                var updated = RestPull.Parse(PullNode.Obj(repository, Queries.Alias(number)) is { } node ? PullNode.Str(node, "updatedAt") : null);
                if (updated is not null && updated == RestPull.Parse(cached[number].Pull.UpdatedAt))
                {
                    result[number] = cached[number].Pull;
                }
                else
                {
                    toFetch.Add(number);
                }
            }

            progress("check", result.Count);
        }).ConfigureAwait(false);

        toFetch.Sort();
        await BatchedAsync(toFetch.ToArray(), async batch =>
        {
            using var doc = await http.GraphQlAsync(Queries.Pulls(owner, name, batch), batch.Length > 1, ct).ConfigureAwait(false);
            var repository = Repository(doc);
            foreach (var number in batch)
            {
                var pull = PullNode.Obj(repository, Queries.Alias(number)) is { } node ? PullNode.Read(node) : null;
                if (pull is not null && pull.Number != number)
                {
                    throw new GitHubFailure(GitHubCodes.UnexpectedResponse,
                        $"GitHub answered PR #{pull.Number.ToString(CultureInfo.InvariantCulture)} when asked for #{number.ToString(CultureInfo.InvariantCulture)}; nothing of that answer is cached");
                }

                if (pull is null)
                {
                    diagnostics.Warning(GitHubCodes.NotFound,
                        $"PR #{number.ToString(CultureInfo.InvariantCulture)} is named in the history but GitHub has no such pull request in {owner}/{name}; it is left out");
                    continue;
                }

                if (!TokenGuard.Keep(pull, http.Token, diagnostics))
                {
                    continue;
                }

                cache.Put(new CacheEntry(pull, null));
                result[number] = pull;
            }

            progress("fetch", result.Count);
        }).ConfigureAwait(false);

        return result;
    }

    /// <summary>Runs batches of the current size; a batch GitHub cannot answer in time is halved (and so are the rest).</summary>
    private async Task BatchedAsync(int[] numbers, Func<int[], Task> run)
    {
        for (var i = 0; i < numbers.Length;)
        {
            var size = Math.Min(_batch, numbers.Length - i);
            await RunAsync(numbers[i..(i + size)], run).ConfigureAwait(false);
            i += size;
        }
    }

    private async Task RunAsync(int[] batch, Func<int[], Task> run)
    {
        try
        {
            await run(batch).ConfigureAwait(false);
        }
        catch (BatchTooLargeException)
        {
            _batch = Math.Max(1, batch.Length / 2);
            foreach (var part in batch.Chunk(_batch))
            {
                await RunAsync(part, run).ConfigureAwait(false);
            }
        }
    }

    private static int? Associated(JsonElement commit) =>
        PullNode.Obj(commit, "associatedPullRequests") is { } a && a.TryGetProperty("nodes", out var nodes) &&
        nodes.ValueKind == JsonValueKind.Array && nodes.GetArrayLength() > 0 && nodes[0].TryGetProperty("number", out var n) &&
        n.TryGetInt32(out var number) && !(nodes[0].TryGetProperty("merged", out var m) && m.ValueKind == JsonValueKind.False)
            ? number
            : null;

    private JsonElement Repository(JsonDocument doc)
    {
        var root = doc.RootElement;
        if (PullNode.Obj(root, "data") is { } data && PullNode.Obj(data, "repository") is { } repository)
        {
            return repository;
        }

        var types = GraphQlErrors.Types(root).ToHashSet(StringComparer.Ordinal);
        if (types.Contains("NOT_FOUND"))
        {
            throw new GitHubFailure(GitHubCodes.NotFound,
                $"GitHub has no repository {owner}/{name}, or the token cannot see it (a private repository needs the `repo` scope).");
        }

        if (types.Contains("INSUFFICIENT_SCOPES") || types.Contains("FORBIDDEN"))
        {
            throw new GitHubFailure(GitHubCodes.Forbidden,
                $"the token may not read {owner}/{name}: it needs the `repo` scope (`public_repo` for a public repository) or, for a fine-grained token, read access to Contents and Pull requests.");
        }

        throw new GitHubFailure(GitHubCodes.UnexpectedResponse,
            $"GitHub's GraphQL answer holds no repository ({GraphQlErrors.Message(root.GetRawText())}); check --repo and --api-url.");
    }
}
