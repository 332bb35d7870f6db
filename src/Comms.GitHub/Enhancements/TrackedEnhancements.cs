using System.Globalization;
using System.Text.Json;
using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.Core.Enhancements;
using Comms.GitHub.GraphQl;
using Comms.GitHub.Http;

namespace Comms.GitHub.Enhancements;

/// <summary>
/// The enhancements a release team tracks as issues: the issues of the enhancements repository in the release's
/// milestone (<c>v1.34</c>) that carry the tracked label (<c>tracked/yes</c>) and a stage label
/// (<c>stage/alpha|beta|stable|…</c>), fetched 100 at a time through the same polite client as collection.
/// The issue number is the enhancement's id (for Kubernetes, the KEP number); its <c>sig/</c> labels name the SIGs.
/// </summary>
public static class TrackedEnhancements
{
    public static async Task<IReadOnlyList<Enhancement>?> FetchAsync(
        CollectRequest request, string version, EnhancementsConfig config, DiagnosticBag diagnostics, CancellationToken ct = default)
    {
        var parts = config.Repo.Split('/');
        if (parts.Length != 2 || KepReader.Milestone(version) is not { } milestone)
        {
            diagnostics.Error(GitHubCodes.BadRepo, $"enhancements.repo \"{config.Repo}\" is not owner/name, or {version} has no major.minor milestone");
            return null;
        }

        if (request.Token is null)
        {
            diagnostics.Error(GitHubCodes.NoToken, "reading tracked enhancements from GitHub needs a token (GITHUB_TOKEN or --token-file): GitHub's GraphQL API answers no anonymous request");
            return null;
        }

        using var http = new GitHubHttp(request with { Repo = config.Repo });
        try
        {
            var number = await MilestoneNumberAsync(http, parts[0], parts[1], milestone, ct).ConfigureAwait(false);
            if (number is null)
            {
                diagnostics.Warning(EnhancementCodes.NoneInRelease, $"{config.Repo} has no milestone {milestone}; no enhancement is tracked for {version}");
                return [];
            }

            return await IssuesAsync(http, parts[0], parts[1], number.Value, milestone, config, diagnostics, ct).ConfigureAwait(false);
        }
        catch (GitHubFailure failure)
        {
            diagnostics.Error(failure.Code, GitHubHttp.Redact(failure.Message, request.Token));
        }
        catch (Exception e) when (e is InvalidOperationException or KeyNotFoundException or FormatException or ArgumentException)
        {
            diagnostics.Error(GitHubCodes.UnexpectedResponse,
                GitHubHttp.Redact($"GitHub's answer about tracked enhancements does not have the documented shape ({e.Message}); check --api-url", request.Token));
        }

        return null;
    }

    private static string Literal(string text) => JsonSerializer.Serialize(text, GitHubJsonContext.Default.String);

    private static async Task<int?> MilestoneNumberAsync(GitHubHttp http, string owner, string name, string milestone, CancellationToken ct)
    {
        var query = $"query {{ repository(owner: {Literal(owner)}, name: {Literal(name)}) {{ milestones(query: {Literal(milestone)}, first: 20) {{ nodes {{ number title }} }} }} }}";
        using var doc = await http.GraphQlAsync(query, canHalve: false, ct).ConfigureAwait(false);
        var nodes = Nodes(Repository(doc), "milestones");
        return nodes.Where(n => string.Equals(PullNode.Str(n, "title"), milestone, StringComparison.OrdinalIgnoreCase))
            .Select(n => n.TryGetProperty("number", out var v) && v.TryGetInt32(out var i) ? (int?)i : null)
            .FirstOrDefault(n => n is not null);
    }

    private static async Task<IReadOnlyList<Enhancement>> IssuesAsync(
        GitHubHttp http, string owner, string name, int milestone, string title, EnhancementsConfig config, DiagnosticBag diagnostics, CancellationToken ct)
    {
        var stageOf = config.StageLabels.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);
        var found = new SortedDictionary<string, Enhancement>(IdOrder.Instance);
        var pages = new PageGuard(http.Retry.MaxPages, "issues");
        string? cursor = null;
        do
        {
            var after = cursor is null ? string.Empty : $", after: {Literal(cursor)}";
            var query = $"query {{ repository(owner: {Literal(owner)}, name: {Literal(name)}) {{ milestone(number: {milestone.ToString(CultureInfo.InvariantCulture)}) {{ " +
                        $"issues(first: 100, labels: [{Literal(config.TrackedLabel)}], states: [OPEN, CLOSED]{after}) {{ pageInfo {{ hasNextPage endCursor }} " +
                        "nodes { number title url labels(first: 50) { nodes { name } } } } } } }";
            using var doc = await http.GraphQlAsync(query, canHalve: false, ct).ConfigureAwait(false);
            var issues = PullNode.Obj(PullNode.Obj(Repository(doc), "milestone") ?? throw new GitHubFailure(GitHubCodes.NotFound, $"milestone {title} disappeared while it was read"), "issues")
                ?? throw new GitHubFailure(GitHubCodes.UnexpectedResponse, "GitHub's milestone answer has no issues");
            foreach (var issue in Nodes(issues))
            {
                if (!issue.TryGetProperty("number", out var n) || !n.TryGetInt32(out var id))
                {
                    throw new GitHubFailure(GitHubCodes.UnexpectedResponse, "an issue of the milestone has no number");
                }

                var labels = Nodes(issue, "labels").Select(l => PullNode.Str(l, "name")).OfType<string>().ToArray();
                var stages = labels.Where(stageOf.ContainsKey).Select(l => stageOf[l]).OrderByDescending(Stages.Rank).ToArray();
                var key = id.ToString(CultureInfo.InvariantCulture);
                if (stages.Length == 0)
                {
                    diagnostics.Warning(EnhancementCodes.NoneInRelease,
                        $"enhancement issue #{key} of milestone {title} is tracked but has no stage label ({string.Join(", ", config.StageLabels.Values)}); it is left out");
                    continue;
                }

                var sigs = labels.Where(l => l.StartsWith("sig/", StringComparison.Ordinal)).Select(l => l[4..]).Where(s => s.Length > 0).ToArray();
                found[key] = new Enhancement
                {
                    Id = key,
                    Title = PullNode.Str(issue, "title")?.Trim() is { Length: > 0 } t ? t : $"Enhancement #{key}",
                    Stage = stages[0],
                    OwningSig = sigs.FirstOrDefault(),
                    ParticipatingSigs = sigs.Skip(1).ToArray(),
                    TrackingUrl = PullNode.Str(issue, "url"),
                    Source = "github",
                };
            }

            var page = PullNode.Obj(issues, "pageInfo");
            cursor = page is { } p && p.TryGetProperty("hasNextPage", out var more) && more.ValueKind == JsonValueKind.True
                ? PullNode.Str(p, "endCursor") ?? throw new GitHubFailure(GitHubCodes.UnexpectedResponse, "GitHub says there is another page of issues but gives no cursor for it")
                : null;
            if (cursor is not null)
            {
                pages.Next(cursor);
            }
        }
        while (cursor is not null);

        return found.Values.ToArray();
    }

    private static JsonElement Repository(JsonDocument doc) =>
        doc.RootElement.TryGetProperty("data", out var data) && PullNode.Obj(data, "repository") is { } repository
            ? repository
            : throw new GitHubFailure(GitHubCodes.NotFound, "GitHub does not know the enhancements repository (check enhancements.repo in comms.yaml and the token's access)");

    private static IEnumerable<JsonElement> Nodes(JsonElement parent, string? child = null)
    {
        var holder = child is null ? parent : PullNode.Obj(parent, child);
        return holder is { } h && h.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Array
            ? nodes.EnumerateArray().ToArray()
            : [];
    }
}
