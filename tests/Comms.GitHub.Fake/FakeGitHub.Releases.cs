using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Comms.GitHub.Fake;

/// <summary>The releases endpoints: get by tag, list, create (POST) and update (PATCH); writes need the token.</summary>
public sealed partial class FakeGitHub
{
    private long _nextReleaseId = 1000;
    private int _releaseWrites;

    /// <summary>Releases by id, as GitHub returns them.</summary>
    public ConcurrentDictionary<long, JsonObject> Releases { get; } = new();

    /// <summary>POST and PATCH requests on releases that changed something.</summary>
    public int ReleaseWrites => Volatile.Read(ref _releaseWrites);

    [GeneratedRegex(@"^/repos/([^/]+)/([^/]+)/releases(?:/tags/([^/]+)|/(\d+))?$")]
    private static partial Regex ReleasesRegex();

    private static bool IsReleases(HttpContext context) => ReleasesRegex().IsMatch(context.Request.Path.Value ?? string.Empty);

    private async Task<(int Status, string? Body)> ReleasesAsync(HttpContext context)
    {
        Interlocked.Increment(ref _rest);
        var match = ReleasesRegex().Match(context.Request.Path.Value ?? string.Empty);
        if (match.Groups[1].Value != Owner || match.Groups[2].Value != Name)
        {
            return (404, """{"message":"Not Found"}""");
        }

        var method = context.Request.Method;
        if (method == "GET")
        {
            if (match.Groups[3].Success)
            {
                var tag = Uri.UnescapeDataString(match.Groups[3].Value);
                var release = Releases.Values.FirstOrDefault(r => (string?)r["tag_name"] == tag);
                return release is null ? (404, """{"message":"Not Found"}""") : (200, release.ToJsonString());
            }

            return (200, new JsonArray(Releases.Values.OrderByDescending(r => (long)r["id"]!).Select(r => (JsonNode?)r.DeepClone()).ToArray()).ToJsonString());
        }

        if (context.Request.Headers.Authorization.ToString() != "Bearer " + Token)
        {
            return (401, """{"message":"Bad credentials"}""");
        }

        var payload = (await JsonNode.ParseAsync(context.Request.Body).ConfigureAwait(false))?.AsObject() ?? [];
        if (method == "POST" && !match.Groups[3].Success && !match.Groups[4].Success)
        {
            var tag = (string?)payload["tag_name"];
            if (string.IsNullOrEmpty(tag) || !Refs.Contains(tag))
            {
                return (422, """{"message":"Validation Failed","errors":[{"resource":"Release","code":"invalid","field":"tag_name"}]}""");
            }

            if (Releases.Values.Any(r => (string?)r["tag_name"] == tag))
            {
                return (422, """{"message":"Validation Failed","errors":[{"resource":"Release","code":"already_exists","field":"tag_name"}]}""");
            }

            var id = Interlocked.Increment(ref _nextReleaseId);
            var release = new JsonObject
            {
                ["id"] = id,
                ["tag_name"] = tag,
                ["name"] = payload["name"]?.DeepClone(),
                ["body"] = payload["body"]?.DeepClone(),
                ["draft"] = payload["draft"]?.DeepClone() ?? false,
                ["prerelease"] = payload["prerelease"]?.DeepClone() ?? false,
                ["html_url"] = $"https://github.com/{Owner}/{Name}/releases/tag/{tag}",
            };
            Releases[id] = release;
            Interlocked.Increment(ref _releaseWrites);
            return (201, release.ToJsonString());
        }

        if (method == "PATCH" && match.Groups[4].Success && Releases.TryGetValue(long.Parse(match.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture), out var existing))
        {
            foreach (var (key, value) in payload)
            {
                existing[key] = value?.DeepClone();
            }

            Interlocked.Increment(ref _releaseWrites);
            return (200, existing.ToJsonString());
        }

        return (404, """{"message":"Not Found"}""");
    }
}
