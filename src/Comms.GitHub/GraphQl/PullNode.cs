using System.Text.Json;
using Comms.GitHub.Output;

namespace Comms.GitHub.GraphQl;

/// <summary>Maps a GraphQL <c>PullRequest</c> node to the REST shape Comms keeps.</summary>
internal static class PullNode
{
    public static RestPull? Read(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty("number", out var n) || !n.TryGetInt32(out var number))
        {
            return null;
        }

        var author = Obj(node, "author");
        var labels = Obj(node, "labels") is { } l && l.TryGetProperty("nodes", out var nodes) && nodes.ValueKind == JsonValueKind.Array
            ? nodes.EnumerateArray().Select(x => Str(x, "name")).OfType<string>().Select(x => new RestLabel(x)).ToArray()
            : [];
        var mergedAt = Str(node, "mergedAt");
        return new RestPull
        {
            Number = number,
            Title = Str(node, "title") ?? string.Empty,
            Body = Str(node, "body"),
            Labels = labels,
            User = author is { } a && Str(a, "login") is { } login ? new RestUser(login, Str(a, "url")) : null,
            HtmlUrl = Str(node, "url"),
            MergedAt = mergedAt,
            Merged = node.TryGetProperty("merged", out var m) && m.ValueKind == JsonValueKind.True || (m.ValueKind == JsonValueKind.Undefined && mergedAt is not null),
            MergeCommitSha = Obj(node, "mergeCommit") is { } c ? Str(c, "oid") : null,
            Base = Str(node, "baseRefName") is { } b ? new RestBase(b) : null,
            UpdatedAt = Str(node, "updatedAt"),
        };
    }

    public static JsonElement? Obj(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
