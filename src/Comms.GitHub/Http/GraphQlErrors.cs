using System.Text.Json;

namespace Comms.GitHub.Http;

/// <summary>Reads the <c>errors</c> of a GraphQL answer and the <c>message</c> of a REST error.</summary>
internal static class GraphQlErrors
{
    public static bool IsRateLimited(JsonElement root) => Types(root).Contains("RATE_LIMITED", StringComparer.Ordinal);

    public static IEnumerable<string> Types(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var error in errors.EnumerateArray())
        {
            if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
            {
                yield return type.GetString()!;
            }
        }
    }

    /// <summary>The first error message of a REST or GraphQL answer, shortened; the raw text when it is not JSON.</summary>
    public static string Message(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                if (root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                {
                    return Short(m.GetString()!);
                }

                if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array &&
                    errors.GetArrayLength() > 0 && errors[0].TryGetProperty("message", out var first) && first.ValueKind == JsonValueKind.String)
                {
                    return Short(first.GetString()!);
                }
            }
        }
        catch (JsonException)
        {
        }

        return text.Length == 0 ? "no message" : Short(text);
    }

    private static string Short(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 200 ? line[..200] + "..." : line;
    }
}
