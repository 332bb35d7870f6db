using System.Globalization;
using System.Text.Json;
using Comms.Core.Model;

namespace Comms.Core.Sources;

/// <summary>Maps a GitHub REST pull object or a <c>gh pr list --json</c> item to a <see cref="PullRequest"/>.</summary>
public static class PullJson
{
    /// <summary>True when the object looks like a pull request (REST or gh output).</summary>
    public static bool IsPull(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object &&
        element.TryGetProperty("number", out var number) && number.ValueKind == JsonValueKind.Number;

    /// <summary>The element a <see cref="Read"/> problem is about: the field it names, else the pull itself.</summary>
    public static JsonElement ProblemElement(JsonElement pull, string? problem)
    {
        if (pull.ValueKind == JsonValueKind.Object && problem is not null)
        {
            var name = problem.StartsWith("field \"", StringComparison.Ordinal) ? problem["field \"".Length..].Split('"')[0]
                : problem.Contains("\"number\"", StringComparison.Ordinal) ? "number" : null;
            if (name is not null && pull.TryGetProperty(name, out var field))
            {
                return field;
            }
        }

        return pull;
    }

    public static PullRequest? Read(JsonElement element, string source, out string? problem)
    {
        problem = null;
        if (element.ValueKind != JsonValueKind.Object)
        {
            problem = $"expected an object, found {element.ValueKind.ToString().ToLowerInvariant()}";
            return null;
        }

        if (!element.TryGetProperty("number", out var numberElement) || numberElement.ValueKind != JsonValueKind.Number ||
            !numberElement.TryGetInt32(out var number) || number <= 0)
        {
            problem = "has no positive \"number\"";
            return null;
        }

        // A field of the wrong type would otherwise be read as missing: the note would be lost without a word.
        foreach (var (field, kinds) in Typed)
        {
            if (element.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null && !kinds.Contains(value.ValueKind))
            {
                problem = $"field \"{field}\" must be {Describe(kinds)}, not {value.ValueKind.ToString().ToLowerInvariant()}";
                return null;
            }
        }

        var mergedAt = Date(element, "merged_at") ?? Date(element, "mergedAt");
        var merged = Bool(element, "merged") ?? (mergedAt is not null ||
                                                string.Equals(Str(element, "state"), "MERGED", StringComparison.OrdinalIgnoreCase));
        var user = Obj(element, "user") ?? Obj(element, "author");
        return new PullRequest
        {
            Number = number,
            Title = Str(element, "title") ?? string.Empty,
            Body = Str(element, "body"),
            Labels = Labels(element),
            Author = user is { } u ? Str(u, "login") : null,
            AuthorUrl = user is { } u2 ? Str(u2, "html_url") : null,
            Url = Str(element, "html_url") ?? WebUrl(Str(element, "url")),
            MergedAt = mergedAt,
            Merged = merged,
            MergeCommit = Str(element, "merge_commit_sha") ?? (Obj(element, "mergeCommit") is { } mc ? Str(mc, "oid") : null),
            BaseRef = (Obj(element, "base") is { } b ? Str(b, "ref") : null) ?? Str(element, "baseRefName"),
            UpdatedAt = Date(element, "updated_at") ?? Date(element, "updatedAt"),
            Source = source,
        };
    }

    private static readonly (string Field, JsonValueKind[] Kinds)[] Typed =
    [
        ("body", [JsonValueKind.String]),
        ("title", [JsonValueKind.String]),
        ("labels", [JsonValueKind.Array, JsonValueKind.Object]),
        ("user", [JsonValueKind.Object]),
        ("author", [JsonValueKind.Object]),
        ("html_url", [JsonValueKind.String]),
        ("merged_at", [JsonValueKind.String]),
        ("mergedAt", [JsonValueKind.String]),
        ("merged", [JsonValueKind.True, JsonValueKind.False]),
    ];

    private static string Describe(JsonValueKind[] kinds) => kinds[0] switch
    {
        JsonValueKind.String => "text",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => "true or false",
    };

    /// <summary>gh's <c>url</c> is the web page; REST's <c>url</c> is the API address, which is no use to readers.</summary>
    private static string? WebUrl(string? url) =>
        url is null || url.Contains("/repos/", StringComparison.Ordinal) ? null : url;

    private static IReadOnlyList<string> Labels(JsonElement element)
    {
        if (!element.TryGetProperty("labels", out var labels))
        {
            return [];
        }

        // gh's GraphQL-shaped output may wrap labels as {"nodes": [...]}.
        if (labels.ValueKind == JsonValueKind.Object && labels.TryGetProperty("nodes", out var nodes))
        {
            labels = nodes;
        }

        if (labels.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var names = new List<string>();
        foreach (var label in labels.EnumerateArray())
        {
            var name = label.ValueKind switch
            {
                JsonValueKind.String => label.GetString(),
                JsonValueKind.Object => Str(label, "name"),
                _ => null,
            };
            if (!string.IsNullOrEmpty(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static JsonElement? Obj(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? Str(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool? Bool(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : null;

    private static DateTimeOffset? Date(JsonElement element, string name) =>
        Str(element, name) is { } text &&
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date.ToUniversalTime()
            : null;
}
