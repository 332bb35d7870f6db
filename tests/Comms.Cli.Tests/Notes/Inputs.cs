using System.Globalization;
using System.Text.Json;

namespace Comms.Cli.Tests.Notes;

/// <summary>Small inputs written by the tests: REST pull objects and maps.</summary>
public static class Inputs
{
    public static string Pull(int number, string body, params string[] labels) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["number"] = number,
            ["title"] = $"Change {number.ToString(CultureInfo.InvariantCulture)}",
            ["html_url"] = $"https://github.com/example/widget/pull/{number.ToString(CultureInfo.InvariantCulture)}",
            ["user"] = new Dictionary<string, string> { ["login"] = "alice" },
            ["body"] = body,
            ["labels"] = labels.Select(l => new Dictionary<string, string> { ["name"] = l }).ToArray(),
            ["merged_at"] = "2025-03-01T10:00:00Z",
            ["merge_commit_sha"] = new string('a', 40),
        });

    public static string Note(string text) => $"#### Change\r\n\r\n```release-note\r\n{text}\r\n```\r\n";

    /// <summary>A pulls folder with two good pulls.</summary>
    public static string GoodPulls(Comms.TestKit.TempDir temp)
    {
        temp.File("pulls/pull-1.json", Pull(1, Note("Fixed a bug."), "kind/bug", "sig/node"));
        temp.File("pulls/pull-2.json", Pull(2, Note("Added a flag."), "kind/feature", "sig/cli"));
        return Path.Combine(temp.Path, "pulls");
    }
}
