using System.Globalization;
using System.Text.Json.Nodes;

namespace Comms.GitHub.Fake;

/// <summary>Pull objects for the fake: the corpus' real REST pulls and synthetic ones.</summary>
public static class FakeData
{
    public static IEnumerable<JsonObject> LoadFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject());

    public static JsonObject Synthetic(int number, string? author = null, string? body = null, string updatedAt = "2024-05-01T10:00:00Z")
    {
        var n = number.ToString(CultureInfo.InvariantCulture);
        author ??= "dev" + (number % 37).ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["number"] = number,
            ["title"] = $"Synthetic change {n}",
            ["body"] = body ?? $"#### What this PR does\r\n\r\nChange {n}.\r\n\r\n```release-note\r\nFixed synthetic problem {n}.\r\n```\r\n",
            ["labels"] = new JsonArray(new JsonObject { ["name"] = "kind/bug" }, new JsonObject { ["name"] = "sig/node" }, new JsonObject { ["name"] = "release-note" }),
            ["user"] = new JsonObject { ["login"] = author, ["html_url"] = $"https://github.com/{author}" },
            ["html_url"] = $"https://github.com/example/project/pull/{n}",
            ["merged_at"] = "2024-04-30T12:00:00Z",
            ["merged"] = true,
            ["merge_commit_sha"] = Sha(number),
            ["base"] = new JsonObject { ["ref"] = "main" },
            ["updated_at"] = updatedAt,
        };
    }

    public static string Sha(int number) => number.ToString("x40", CultureInfo.InvariantCulture);
}
