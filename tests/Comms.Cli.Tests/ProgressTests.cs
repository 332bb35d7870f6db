using System.Text.Json.Nodes;
using Comms.TestKit;

namespace Comms.Cli.Tests;

public sealed class ProgressTests
{
    private static string NotesRoot(TempDir temp, int notes)
    {
        var pulls = new JsonArray();
        for (var n = 1; n <= notes; n++)
        {
            pulls.Add(new JsonObject
            {
                ["number"] = n, ["title"] = $"Change {n}", ["body"] = $"```release-note\r\nFixed problem {n}.\r\n```", ["merged_at"] = "2026-01-10T12:00:00Z",
                ["labels"] = new JsonArray(new JsonObject { ["name"] = "kind/bug" }, new JsonObject { ["name"] = "sig/node" }), ["user"] = new JsonObject { ["login"] = "dev" },
            });
        }

        var root = Path.Combine(temp.Path, "release-notes");
        var result = CommsCli.Run("notes", "--pulls", temp.File("pulls.json", pulls.ToJsonString()), "--out", Path.Combine(root, "v1.0.0", "notes.json"));
        Assert.Equal(0, result.ExitCode);
        return root;
    }

    [Fact]
    public void A_site_over_a_thousand_notes_reports_each_stage_as_a_plain_line_in_logs()
    {
        using var temp = new TempDir();
        var result = CommsCli.Run("site", "--notes-root", NotesRoot(temp, 1001), "--out", Path.Combine(temp.Path, "out"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            ["site: release pages (0% of 1,001 notes)", "site: indexes (33% of 1,001 notes)", "site: filter pages (66% of 1,001 notes)", "site: feeds (100% of 1,001 notes)"],
            result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith("site:", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_small_site_prints_no_progress()
    {
        using var temp = new TempDir();
        var result = CommsCli.Run("site", "--notes-root", NotesRoot(temp, 20), "--out", Path.Combine(temp.Path, "out"));
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("site:", result.Error, StringComparison.Ordinal);
    }
}
