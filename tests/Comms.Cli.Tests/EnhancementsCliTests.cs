using System.Text.Json;
using Comms.Cli.Tests.Notes;
using Comms.TestKit;

namespace Comms.Cli.Tests;

/// <summary>A board export through <c>comms build</c>, the review a comms lead works from, and the enhancements.yaml it starts.</summary>
public sealed class EnhancementsCliTests
{
    // As GitHub Projects exports a board view: a byte-order mark, CRLF, quoted fields, columns the reader ignores.
    private const string Board =
        "\uFEFFTitle,URL,Assignees,Status,Stage,SIG,Linked pull requests\r\n" +
        "\"Widgets, at last\",https://github.com/kubernetes/enhancements/issues/101,alice,Tracked for code freeze,Stable,SIG Node,\"https://github.com/example/widget/pull/1\"\r\n" +
        "\"A \"\"flag\"\" for the CLI\",https://github.com/kubernetes/enhancements/issues/102,,Tracked for code freeze,Beta,SIG CLI,\r\n" +
        "Slipped,https://github.com/kubernetes/enhancements/issues/103,,Removed from release,Alpha,SIG Apps,\r\n" +
        "New thing,https://github.com/kubernetes/enhancements/issues/104,,Tracked for enhancements freeze,Alpha,SIG Node,\r\n";

    private static (string Out, JsonElement Counts, CliResult Result) Build(TempDir temp, params string[] extra)
    {
        var pulls = Inputs.GoodPulls(temp);
        var result = CommsCli.Run(["build", "--pulls", pulls, "--version", "v1.34.0", "--out", temp.Path, .. extra]);
        var json = Path.Combine(temp.Path, "release-notes", "v1.34.0", "release.json");
        Assert.True(File.Exists(json), result.Out + result.Error);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        return (temp.Path, doc.RootElement.GetProperty("counts").GetProperty("enhancements").Clone(), result);
    }

    [Fact]
    public void A_board_export_round_trips_through_build_with_the_counts_it_states()
    {
        using var temp = new TempDir();
        var board = temp.File("board.csv", Board);
        var (_, counts, result) = Build(temp, "--enhancements", board);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal((3, 1, 1, 1, 3, 0), (counts.GetProperty("total").GetInt32(), counts.GetProperty("stable").GetInt32(), counts.GetProperty("beta").GetInt32(),
            counts.GetProperty("alpha").GetInt32(), counts.GetProperty("confirmed").GetInt32(), counts.GetProperty("planned").GetInt32()));
        var blog = File.ReadAllText(Path.Combine(temp.Path, "release-notes", "v1.34.0", "blog-post.md"));
        Assert.Contains("brings 3 enhancements: 1 graduating to stable, 1 entering beta and 1 new in alpha", blog, StringComparison.Ordinal);
        Assert.DoesNotContain("[CONFIRM", blog, StringComparison.Ordinal);
        Assert.DoesNotContain("CM7308", result.Error + result.Out, StringComparison.Ordinal);

        var review = CommsCli.Run("enhancements", "--version", "v1.34.0", "--notes-root", Path.Combine(temp.Path, "release-notes"));
        Assert.Equal(0, review.ExitCode);
        Assert.Contains("3 counted (1 stable, 1 beta, 1 alpha); 3 confirmed, 0 evidenced by a note that says their stage, 0 tied by notes that say none, 0 planned only.", review.Out, StringComparison.Ordinal);
        Assert.Contains("103  Slipped (alpha): the board export says \"Removed from release\"", review.Out, StringComparison.Ordinal);
        Assert.Contains("A \"flag\" for the CLI", review.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_board_row_stops_the_build_at_its_place()
    {
        using var temp = new TempDir();
        var board = temp.File("board.csv", "Title,URL,Status,Stage\r\nGood,#1,Tracked,Beta\r\nBad,#2,Tracked,Sideways\r\n");
        var result = CommsCli.Run("build", "--pulls", Inputs.GoodPulls(temp), "--version", "v1.34.0", "--out", temp.Path, "--enhancements", board);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{board}(3,16): error CM7309: stage \"Sideways\"", result.Out + result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Path, "release-notes", "v1.34.0", "release.json")));
    }

    [Fact]
    public void Planned_only_counts_are_placeholders_a_strict_build_refuses_and_write_starts_the_list_to_confirm()
    {
        using var temp = new TempDir();
        temp.File("keps/keps/sig-node/101-widgets/kep.yaml", "title: Widgets\nkep-number: 101\nowning-sig: sig-node\nstatus: implementable\nmilestone:\n  beta: v1.34\n");
        temp.File("keps/keps/sig-node/102-slipped/kep.yaml", "title: Slipped\nkep-number: 102\nowning-sig: sig-node\nstatus: provisional\nmilestone:\n  alpha: v1.34\n");
        var keps = Path.Combine(temp.Path, "keps");
        var (_, counts, result) = Build(temp, "--enhancements", keps);
        Assert.Equal((1, 1), (counts.GetProperty("total").GetInt32(), counts.GetProperty("planned").GetInt32()));
        Assert.Contains("warning CM7308: 1 of the 1 enhancements", result.Out + result.Error, StringComparison.Ordinal);
        var drafts = Path.Combine(temp.Path, "release-notes", "v1.34.0");
        Assert.Contains("[CONFIRM: 1 enhancement, 1 not confirmed: 1 entering beta]", File.ReadAllText(Path.Combine(drafts, "blog-post.md")), StringComparison.Ordinal);

        var strict = CommsCli.Run("build", "--pulls", Path.Combine(temp.Path, "pulls"), "--version", "v1.34.0", "--out", temp.Path, "--enhancements", keps, "--warnings-as-errors");
        Assert.Equal(1, strict.ExitCode);

        var write = CommsCli.Run("enhancements", "--version", "v1.34.0", "--notes-root", Path.Combine(temp.Path, "release-notes"), "--write");
        Assert.Equal(0, write.ExitCode);
        var file = File.ReadAllText(Path.Combine(drafts, "enhancements.yaml"));
        Assert.Contains("  - id: \"101\"\n    stage: beta\n    confirmed: false\n", file, StringComparison.Ordinal);
        Assert.Contains("# - id: \"102\"  # Slipped: its proposal's status is provisional", file, StringComparison.Ordinal);
        Assert.Equal(1, CommsCli.Run("enhancements", "--version", "v1.34.0", "--notes-root", Path.Combine(temp.Path, "release-notes"), "--write").ExitCode);

        // The written list changes nothing until the lead confirms: then the count reads as fact.
        var (_, again, _) = Build(temp, "--enhancements", keps);
        Assert.Equal(1, again.GetProperty("planned").GetInt32());
        File.WriteAllText(Path.Combine(drafts, "enhancements.yaml"), file.Replace("confirmed: false", "confirmed: true", StringComparison.Ordinal));
        var (_, confirmed, _) = Build(temp, "--enhancements", keps);
        Assert.Equal((1, 0), (confirmed.GetProperty("confirmed").GetInt32(), confirmed.GetProperty("planned").GetInt32()));
        Assert.Contains("brings 1 enhancement: 1 entering beta", File.ReadAllText(Path.Combine(drafts, "blog-post.md")), StringComparison.Ordinal);
    }
}
