using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Comms.GitHub.Fake;

/// <summary>An enhancement tracking issue: number, title, milestone title and labels.</summary>
public sealed record FakeIssue(int Number, string Title, string Milestone, IReadOnlyList<string> Labels);

/// <summary>The GraphQL answers about milestones and their issues, as an enhancements repository gives them.</summary>
public sealed partial class FakeGitHub
{
    [GeneratedRegex(@"milestones\(query: ""([^""]*)"", first: (\d+)\)")]
    private static partial Regex MilestonesRegex();

    [GeneratedRegex(@"milestone\(number: (\d+)\) \{ issues\(first: (\d+), labels: \[""([^""]*)""\], states: \[OPEN, CLOSED\](?:, after: ""([^""]*)"")?\)")]
    private static partial Regex MilestoneIssuesRegex();

    /// <summary>Milestone titles by number.</summary>
    public SortedDictionary<int, string> Milestones { get; } = [];

    public List<FakeIssue> Issues { get; } = [];

    /// <summary>Answers a page's cursor again for ever (a broken server), to test that reading stops.</summary>
    public bool RepeatIssueCursor { get; set; }

    /// <summary>Adds the milestones and issues parts of an answer; false when the query asks for neither.</summary>
    private bool EnhancementNodes(string query, JsonObject repository)
    {
        var handled = false;
        if (MilestonesRegex().Match(query) is { Success: true } milestones)
        {
            var wanted = milestones.Groups[1].Value;
            repository["milestones"] = new JsonObject
            {
                ["nodes"] = new JsonArray(Milestones.Where(m => m.Value.Contains(wanted, StringComparison.OrdinalIgnoreCase))
                    .Select(m => (JsonNode?)new JsonObject { ["number"] = m.Key, ["title"] = m.Value }).ToArray()),
            };
            handled = true;
        }

        if (MilestoneIssuesRegex().Match(query) is { Success: true } issues)
        {
            var number = int.Parse(issues.Groups[1].Value, CultureInfo.InvariantCulture);
            var first = int.Parse(issues.Groups[2].Value, CultureInfo.InvariantCulture);
            var label = issues.Groups[3].Value;
            var start = issues.Groups[4].Success ? int.Parse(issues.Groups[4].Value, CultureInfo.InvariantCulture) : 0;
            if (!Milestones.TryGetValue(number, out var title))
            {
                repository["milestone"] = null;
                return true;
            }

            var all = Issues.Where(i => i.Milestone == title && i.Labels.Contains(label, StringComparer.Ordinal)).OrderBy(i => i.Number).ToArray();
            var page = all.Skip(start).Take(first).ToArray();
            var end = start + page.Length;
            repository["milestone"] = new JsonObject
            {
                ["issues"] = new JsonObject
                {
                    ["pageInfo"] = new JsonObject
                    {
                        ["hasNextPage"] = RepeatIssueCursor || end < all.Length,
                        ["endCursor"] = (RepeatIssueCursor ? first : end).ToString(CultureInfo.InvariantCulture),
                    },
                    ["nodes"] = new JsonArray(page.Select(i => (JsonNode?)new JsonObject
                    {
                        ["number"] = i.Number,
                        ["title"] = i.Title,
                        ["url"] = $"https://github.com/{Owner}/{Name}/issues/{i.Number.ToString(CultureInfo.InvariantCulture)}",
                        ["labels"] = new JsonObject { ["nodes"] = new JsonArray(i.Labels.Select(l => (JsonNode?)new JsonObject { ["name"] = l }).ToArray()) },
                    }).ToArray()),
                },
            };
            handled = true;
        }

        return handled;
    }
}
