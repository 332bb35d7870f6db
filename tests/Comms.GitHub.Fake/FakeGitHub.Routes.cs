using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Comms.GitHub.Fake;

public sealed partial class FakeGitHub
{
    [GeneratedRegex(@"(\w+): pullRequest\(number: (\d+)\) \{([^{}]*(?:\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}[^{}]*)*)\}")]
    private static partial Regex AliasRegex();

    [GeneratedRegex(@"repository\(owner: ""([^""]*)"", name: ""([^""]*)""\)")]
    private static partial Regex RepositoryRegex();

    [GeneratedRegex(@"ref\(qualifiedName: ""([^""]*)""\) \{ compare\(headRef: ""([^""]*)""\) \{ commits\(first: (\d+)(?:, after: ""([^""]*)"")?\)")]
    private static partial Regex CompareRegex();

    [GeneratedRegex(@"^/repos/([^/]+)/([^/]+)/(pulls/(\d+)|compare/(.+)\.\.\.(.+))$")]
    private static partial Regex RestRegex();

    private async Task<(int Status, string? Body)> GraphQlAsync(HttpContext context)
    {
        Interlocked.Increment(ref _graphQl);
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            return (401, """{"message":"Bad credentials"}""");
        }

        var payload = await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false);
        var query = payload?["query"]?.GetValue<string>() ?? string.Empty;
        Queries.Enqueue(query);
        var repo = RepositoryRegex().Match(query);
        if (!repo.Success || repo.Groups[1].Value != Owner || repo.Groups[2].Value != Name)
        {
            return (200, """{"data":{"repository":null},"errors":[{"type":"NOT_FOUND","message":"Could not resolve to a Repository."}]}""");
        }

        var repository = new JsonObject();
        var errors = new JsonArray();
        var compare = CompareRegex().Match(query);
        if (compare.Success)
        {
            repository["ref"] = CompareNode(compare);
        }

        EnhancementNodes(query, repository);

        foreach (Match alias in AliasRegex().Matches(query))
        {
            var number = int.Parse(alias.Groups[2].Value, CultureInfo.InvariantCulture);
            var full = alias.Groups[3].Value.Contains("title", StringComparison.Ordinal);
            if (Pulls.TryGetValue(number, out var pull))
            {
                repository[alias.Groups[1].Value] = full ? GraphQlNode(pull) : new JsonObject { ["updatedAt"] = pull["updated_at"]?.DeepClone() };
            }
            else
            {
                repository[alias.Groups[1].Value] = null;
                errors.Add(new JsonObject { ["type"] = "NOT_FOUND", ["path"] = new JsonArray("repository", alias.Groups[1].Value), ["message"] = "Could not resolve to a PullRequest." });
            }
        }

        var answer = new JsonObject { ["data"] = new JsonObject { ["repository"] = repository } };
        if (errors.Count > 0)
        {
            answer["errors"] = errors;
        }

        return (200, answer.ToJsonString());
    }

    private JsonObject? CompareNode(Match compare)
    {
        if (!Refs.Contains(compare.Groups[1].Value))
        {
            return null;
        }

        if (!Refs.Contains(compare.Groups[2].Value))
        {
            return new JsonObject { ["compare"] = null };
        }

        var first = int.Parse(compare.Groups[3].Value, CultureInfo.InvariantCulture);
        var start = compare.Groups[4].Success ? int.Parse(compare.Groups[4].Value, CultureInfo.InvariantCulture) : 0;
        var page = Commits.Skip(start).Take(first).Select(c => (JsonNode?)new JsonObject
        {
            ["oid"] = c.Sha,
            ["message"] = c.Message,
            ["associatedPullRequests"] = new JsonObject
            {
                ["nodes"] = c.PullNumber is { } n ? new JsonArray(new JsonObject { ["number"] = n, ["merged"] = true }) : new JsonArray(),
            },
        }).ToArray();
        var end = start + page.Length;
        return new JsonObject
        {
            ["compare"] = new JsonObject
            {
                ["commits"] = new JsonObject
                {
                    ["pageInfo"] = new JsonObject { ["hasNextPage"] = end < Commits.Count, ["endCursor"] = end.ToString(CultureInfo.InvariantCulture) },
                    ["nodes"] = new JsonArray(page),
                },
            },
        };
    }

    private static JsonObject GraphQlNode(JsonObject pull)
    {
        var user = pull["user"] as JsonObject;
        var labels = (pull["labels"] as JsonArray ?? []).Select(l => (JsonNode?)new JsonObject { ["name"] = l?["name"]?.DeepClone() }).ToArray();
        return new JsonObject
        {
            ["number"] = pull["number"]?.DeepClone(),
            ["title"] = pull["title"]?.DeepClone(),
            ["body"] = pull["body"]?.DeepClone(),
            ["url"] = pull["html_url"]?.DeepClone(),
            ["mergedAt"] = pull["merged_at"]?.DeepClone(),
            ["merged"] = pull["merged"]?.DeepClone(),
            ["updatedAt"] = pull["updated_at"]?.DeepClone(),
            ["baseRefName"] = pull["base"]?["ref"]?.DeepClone(),
            ["author"] = user is null ? null : new JsonObject { ["login"] = user["login"]?.DeepClone(), ["url"] = user["html_url"]?.DeepClone() },
            ["mergeCommit"] = pull["merge_commit_sha"] is { } sha ? new JsonObject { ["oid"] = sha.DeepClone() } : null,
            ["labels"] = new JsonObject { ["nodes"] = new JsonArray(labels) },
        };
    }

    private (int Status, string? Body) Rest(HttpContext context)
    {
        Interlocked.Increment(ref _rest);
        var match = RestRegex().Match(context.Request.Path.Value ?? string.Empty);
        if (context.Request.Method != "GET" || !match.Success || match.Groups[1].Value != Owner || match.Groups[2].Value != Name)
        {
            return (404, """{"message":"Not Found"}""");
        }

        if (match.Groups[4].Success)
        {
            if (!Pulls.TryGetValue(int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture), out var pull))
            {
                return (404, """{"message":"Not Found"}""");
            }

            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(pull.ToJsonString())))[..32] + "\"";
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch.ToString() == etag)
            {
                Interlocked.Increment(ref _notModified);
                return (304, null);
            }

            return (200, pull.ToJsonString());
        }

        if (!Refs.Contains(Uri.UnescapeDataString(match.Groups[5].Value)) || !Refs.Contains(Uri.UnescapeDataString(match.Groups[6].Value)))
        {
            return (404, """{"message":"Not Found"}""");
        }

        var pageText = context.Request.Query["page"].ToString();
        var page = int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var commits = Commits.Skip((page - 1) * 100).Take(100)
            .Select(c => (JsonNode?)new JsonObject { ["sha"] = c.Sha, ["commit"] = new JsonObject { ["message"] = c.Message } }).ToArray();
        if (page * 100 < Commits.Count)
        {
            var next = $"{ApiUrl}{context.Request.Path}?per_page=100&page={(page + 1).ToString(CultureInfo.InvariantCulture)}";
            context.Response.Headers["Link"] = $"<{next}>; rel=\"next\"";
        }

        return (200, new JsonObject { ["total_commits"] = Commits.Count, ["commits"] = new JsonArray(commits) }.ToJsonString());
    }
}
