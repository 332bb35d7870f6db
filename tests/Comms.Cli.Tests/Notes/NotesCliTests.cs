using System.Text.RegularExpressions;
using Comms.TestKit;

namespace Comms.Cli.Tests.Notes;

/// <summary>`comms notes` and `comms changelog` on good and bad input: exit codes, diagnostics, outputs.</summary>
public sealed partial class NotesCliTests
{
    [GeneratedRegex(@"^(?<file>.+)\((?<line>\d+),(?<col>\d+)\): (?<level>error|warning) (?<code>CM\d{4}): .+$", RegexOptions.Multiline)]
    private static partial Regex Located();

    [Fact]
    public void Good_input_exits_0_and_writes_notes()
    {
        using var temp = new TempDir();
        var output = Path.Combine(temp.Path, "notes.json");
        var result = CommsCli.Run("notes", "--pulls", Inputs.GoodPulls(temp), "--out", output);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.Contains("\"pr_number\": 2", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Contains("Wrote", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("notes", "--out", "x.json")]
    [InlineData("notes", "--pulls", "x")]
    [InlineData("changelog", "--notes", "n.json", "--out", "c.md", "--style", "keepachangelog")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2_with_a_hint(params string[] args)
    {
        var result = CommsCli.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error CM0002", result.Error, StringComparison.Ordinal);
        Assert.Contains("--help", result.Error, StringComparison.Ordinal);
        NoStackTrace(result);
    }

    [Theory]
    [InlineData("notes", "--pulls", "--out", "--maps")]
    [InlineData("changelog", "--notes", "--style", "--strict")]
    public void Help_describes_each_option(string command, params string[] options)
    {
        var result = CommsCli.Run(command, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Example:", result.Out, StringComparison.Ordinal);
        Assert.All(options, o => Assert.Contains(o, result.Out, StringComparison.Ordinal));
    }

    [Fact]
    public void Root_help_lists_the_commands()
    {
        var result = CommsCli.Run("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("notes", result.Out, StringComparison.Ordinal);
        Assert.Contains("changelog", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_is_located_and_exits_1()
    {
        using var temp = new TempDir();
        temp.File("pulls/pull-1.json", "{\n  \"number\": 1,\n  \"body\": \"x\"\n  \"labels\": []\n}\n");
        var result = CommsCli.Run("notes", "--pulls", Path.Combine(temp.Path, "pulls"), "--out", Path.Combine(temp.Path, "notes.json"));
        Assert.Equal(1, result.ExitCode);
        var match = Assert.Single(Located().Matches(result.Error));
        Assert.Equal("CM1001", match.Groups["code"].Value);
        Assert.Equal("4", match.Groups["line"].Value);
        Assert.EndsWith("pull-1.json", match.Groups["file"].Value, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Path, "notes.json")));
        NoStackTrace(result);
    }

    [Fact]
    public void Malformed_notes_json_for_the_changelog_is_located_and_exits_1()
    {
        using var temp = new TempDir();
        var notes = temp.File("notes.json", "{\"1\": {\"text\": \"a\",}}");
        var result = CommsCli.Run("changelog", "--notes", notes, "--out", Path.Combine(temp.Path, "c.md"));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("CM1001", Assert.Single(Located().Matches(result.Error)).Groups["code"].Value);
        NoStackTrace(result);
    }

    [Theory]
    [InlineData("pr: 1\nreleasenote:\n  text: \"unclosed\n", "CM3001")]
    [InlineData("pr: 1\nreleasenote: [a\n", "CM3001")]
    [InlineData("pr: 1\nreleasenote:\n  sigs: node\n", "CM3003")]
    [InlineData("pr: 1\nreleasenote:\n  action_required: maybe\n", "CM3003")]
    [InlineData("pr: one\n", "CM3003")]
    [InlineData("releasenote:\n  text: Fixed.\n", "CM3004")]
    [InlineData("pr: 1\npr: 2\n", "CM3001")]
    [InlineData("pr: 1\ndatafields:\n  cve:\n    ? [a]\n    : b\n", "CM3003")]
    [InlineData("pr: 1\ndatafields:\n  ? [a, b]\n  : c\n", "CM3003")]
    [InlineData("- pr: 1\n", "CM3003")]
    public void Bad_maps_are_located_errors_and_exit_1(string yaml, string code)
    {
        using var temp = new TempDir();
        temp.File("maps/pr-1-map.yaml", yaml);
        var output = Path.Combine(temp.Path, "notes.json");
        var result = CommsCli.Run("notes", "--pulls", Inputs.GoodPulls(temp), "--maps", Path.Combine(temp.Path, "maps"), "--out", output);
        Assert.Equal(1, result.ExitCode);
        var located = Located().Matches(result.Error).Select(m => m.Groups["code"].Value).ToArray();
        Assert.Contains(code, located);
        Assert.Contains("pr-1-map.yaml(", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        NoStackTrace(result);
    }

    [Theory]
    [InlineData("pr: 1\nkinds:\n  - bug\nreleasenote:\n  text: Fixed.\n", "pr-1-map.yaml(2,1): warning CM3002: unknown field \"kinds\"", "releasenote.kinds")]
    [InlineData("pr: 1\nreleasenote:\n  txet: Fixed.\n", "pr-1-map.yaml(3,3): warning CM3002: unknown field \"txet\"", "text")]
    public void Unknown_map_fields_are_located_warnings_with_a_hint_and_are_ignored(string yaml, string warning, string hint)
    {
        using var temp = new TempDir();
        temp.File("maps/pr-1-map.yaml", yaml);
        var output = Path.Combine(temp.Path, "n.json");
        var result = CommsCli.Run("notes", "--pulls", Inputs.GoodPulls(temp), "--maps", Path.Combine(temp.Path, "maps"), "--out", output);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(warning, result.Error, StringComparison.Ordinal);
        Assert.Contains($"did you mean {hint}", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public void Binary_junk_is_an_error_not_a_crash()
    {
        using var temp = new TempDir();
        var junk = new byte[4096];
        new Random(42).NextBytes(junk);
        Directory.CreateDirectory(Path.Combine(temp.Path, "pulls"));
        File.WriteAllBytes(Path.Combine(temp.Path, "pulls", "pull-9.json"), junk);
        File.WriteAllBytes(Path.Combine(temp.Path, "map.yaml"), junk);
        Directory.CreateDirectory(Path.Combine(temp.Path, "maps"));
        File.WriteAllBytes(Path.Combine(temp.Path, "maps", "pr-9-map.yaml"), junk);

        var result = CommsCli.Run("notes", "--pulls", Path.Combine(temp.Path, "pulls"), "--maps", Path.Combine(temp.Path, "maps"), "--out", Path.Combine(temp.Path, "n.json"));
        Assert.Equal(1, result.ExitCode);
        var codes = Located().Matches(result.Error).Select(m => m.Groups["code"].Value).ToArray();
        Assert.Equal(["CM1005", "CM1005"], codes);
        NoStackTrace(result);

        var changelog = CommsCli.Run("changelog", "--notes", Path.Combine(temp.Path, "pulls", "pull-9.json"), "--out", Path.Combine(temp.Path, "c.md"));
        Assert.Equal(1, changelog.ExitCode);
        Assert.Matches(Located(), changelog.Error);
        NoStackTrace(changelog);
    }

    [Fact]
    public void A_10_MB_body_is_a_warning_and_the_note_is_still_found()
    {
        using var temp = new TempDir();
        var filler = string.Concat(Enumerable.Repeat("lorem ipsum dolor sit amet\r\n", 10 * 1024 * 1024 / 28));
        temp.File("pulls/pull-7.json", Inputs.Pull(7, Inputs.Note("Handled huge bodies.") + filler, "kind/bug"));
        var output = Path.Combine(temp.Path, "notes.json");
        var result = CommsCli.Run("notes", "--pulls", Path.Combine(temp.Path, "pulls"), "--out", output);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning CM2003", result.Error, StringComparison.Ordinal);
        Assert.Contains("Handled huge bodies.", File.ReadAllText(output), StringComparison.Ordinal);
        NoStackTrace(result);
    }

    [Fact]
    public void A_failed_run_leaves_the_previous_output_untouched()
    {
        using var temp = new TempDir();
        var pulls = Inputs.GoodPulls(temp);
        var output = Path.Combine(temp.Path, "notes.json");
        Assert.Equal(0, CommsCli.Run("notes", "--pulls", pulls, "--out", output).ExitCode);
        var before = File.ReadAllBytes(output);

        temp.File("pulls/pull-3.json", "{ \"number\": 3, ");
        var failed = CommsCli.Run("notes", "--pulls", pulls, "--out", output);
        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(before, File.ReadAllBytes(output));
        Assert.Equal(["notes.json"], Directory.GetFiles(temp.Path).Select(f => Path.GetFileName(f)).ToArray());

        var changelog = Path.Combine(temp.Path, "changelog.md");
        File.WriteAllText(changelog, "previous changelog\n");
        temp.File("bad-notes.json", "[1, 2");
        Assert.Equal(1, CommsCli.Run("changelog", "--notes", Path.Combine(temp.Path, "bad-notes.json"), "--out", changelog).ExitCode);
        Assert.Equal("previous changelog\n", File.ReadAllText(changelog));
    }

    [Fact]
    public void Two_runs_are_byte_identical()
    {
        using var temp = new TempDir();
        var pulls = Inputs.GoodPulls(temp);
        temp.File("pulls/pull-3.json", Inputs.Pull(3, Inputs.Note("[action required] Removed --x."), "kind/deprecation", "release-note-action-required", "sig/cli"));
        byte[] Run(string name)
        {
            var notes = Path.Combine(temp.Path, name + ".json");
            var changelog = Path.Combine(temp.Path, name + ".md");
            Assert.Equal(0, CommsCli.Run("notes", "--pulls", pulls, "--out", notes).ExitCode);
            Assert.Equal(0, CommsCli.Run("changelog", "--notes", notes, "--out", changelog).ExitCode);
            return [.. File.ReadAllBytes(notes), .. File.ReadAllBytes(changelog)];
        }

        Assert.Equal(Run("first"), Run("second"));
    }

    [Theory]
    [InlineData("[1, \"two\", null]")]
    [InlineData("{\"number\": \"7\"}")]
    [InlineData("{\"1\": {\"pr_number\": \"one\", \"kinds\": \"bug\"}}")]
    [InlineData("\"just a string\"")]
    [InlineData("{\"a\": 1}\n[2]\n")]
    public void Json_of_the_wrong_shape_is_an_error_not_a_crash(string json)
    {
        using var temp = new TempDir();
        temp.File("pulls/pull-1.json", json);
        var result = CommsCli.Run("notes", "--pulls", Path.Combine(temp.Path, "pulls"), "--out", Path.Combine(temp.Path, "n.json"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pull-1.json", result.Error, StringComparison.Ordinal);
        Assert.Matches(@": error CM1\d{3}: ", result.Error);
        NoStackTrace(result);
    }

    [Fact]
    public void Missing_input_is_a_content_error()
    {
        using var temp = new TempDir();
        var result = CommsCli.Run("notes", "--pulls", Path.Combine(temp.Path, "nope"), "--out", Path.Combine(temp.Path, "n.json"));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CM1003", result.Error, StringComparison.Ordinal);
    }

    private static void NoStackTrace(CliResult result)
    {
        foreach (var text in new[] { result.Out, result.Error })
        {
            Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            Assert.DoesNotContain("CM9999", text, StringComparison.Ordinal);
        }
    }
}
