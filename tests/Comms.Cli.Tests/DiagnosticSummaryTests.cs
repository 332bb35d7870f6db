using System.Text.Json.Nodes;
using Comms.TestKit;

namespace Comms.Cli.Tests;

public sealed class DiagnosticSummaryTests
{
    private static string Pulls(TempDir temp, int empty)
    {
        var pulls = new JsonArray();
        for (var n = 1; n <= empty + 1; n++)
        {
            var body = n <= empty ? "```release-note\r\n\r\n```" : "```release-note\r\nA real note.\r\n```";
            pulls.Add(new JsonObject
            {
                ["number"] = n, ["title"] = $"Change {n}", ["body"] = body, ["merged_at"] = "2026-01-10T12:00:00Z",
                ["labels"] = new JsonArray(new JsonObject { ["name"] = "kind/bug" }), ["user"] = new JsonObject { ["login"] = "dev" },
            });
        }

        return temp.File("pulls.json", pulls.ToJsonString());
    }

    [Fact]
    public void Many_warnings_of_one_code_become_one_counted_line_and_verbose_lists_them()
    {
        using var temp = new TempDir();
        var pulls = Pulls(temp, 2520);

        var quiet = CommsCli.Run("notes", "--pulls", pulls, "--out", Path.Combine(temp.Path, "notes.json"));
        Assert.Equal(0, quiet.ExitCode);
        Assert.Equal(["comms: warning CM2001: 2,520 PRs have an empty release-note block; --verbose lists them"],
            quiet.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        var verbose = CommsCli.Run("notes", "--pulls", pulls, "--out", Path.Combine(temp.Path, "notes.json"), "--verbose");
        var lines = verbose.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains("CM2001", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2520, lines.Length);
        Assert.StartsWith($"{pulls}[0]", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{pulls}[1]:", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"{pulls}[2]:", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_few_warnings_are_each_printed()
    {
        using var temp = new TempDir();
        var result = CommsCli.Run("notes", "--pulls", Pulls(temp, 3), "--out", Path.Combine(temp.Path, "notes.json"));
        Assert.Equal(3, result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains("warning CM2001", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_notes_in_no_brief_are_the_first_few_and_a_count_and_verbose_lists_them()
    {
        using var temp = new TempDir();
        var pulls = new JsonArray();
        for (var n = 1; n <= 30; n++)
        {
            pulls.Add(new JsonObject
            {
                ["number"] = n, ["title"] = $"Change {n}", ["body"] = $"```release-note\nTidy internal helper {n}.\n```", ["merged_at"] = "2026-01-10T12:00:00Z",
                ["labels"] = new JsonArray(new JsonObject { ["name"] = "kind/cleanup" }), ["user"] = new JsonObject { ["login"] = "dev" },
            });
        }

        var file = temp.File("in/pulls.json", pulls.ToJsonString());
        static int Rows(string output) => output.Split('\n').Count(l => l.TrimStart().StartsWith("v1.0.0", StringComparison.Ordinal) && l.Contains(" #", StringComparison.Ordinal));

        var quiet = CommsCli.Run("build", "--pulls", file, "--version", "v1.0.0", "--out", Path.Combine(temp.Path, "out"));
        Assert.Equal(0, quiet.ExitCode);
        Assert.Contains("In no brief (30)", quiet.Out, StringComparison.Ordinal);
        Assert.Equal(DiagnosticSummary.Threshold, Rows(quiet.Out));
        Assert.Contains("and 20 more; --verbose lists them", quiet.Out, StringComparison.Ordinal);

        var verbose = CommsCli.Run("build", "--pulls", file, "--version", "v1.0.0", "--out", Path.Combine(temp.Path, "out"), "--verbose");
        Assert.Equal(30, Rows(verbose.Out));
        Assert.DoesNotContain("more; --verbose", verbose.Out, StringComparison.Ordinal);
    }
}
