using System.Text.RegularExpressions;
using Comms.TestKit;

namespace Comms.Cli.Tests.Notes;

/// <summary>The <c>limits</c> of comms.yaml reach the readers; a pull of the wrong shape (CM1006) is located.</summary>
public sealed partial class LimitsAndPositionsTests
{
    [GeneratedRegex(@"^(?<file>.+)\((?<line>\d+),(?<col>\d+)\): error (?<code>CM\d{4}): (?<message>.+)$", RegexOptions.Multiline)]
    private static partial Regex Located();

    private static Match Error(CliResult result, string code)
    {
        var match = Located().Matches(result.Error).FirstOrDefault(m => m.Groups["code"].Value == code);
        Assert.True(match is not null, $"no located {code} in:\n{result.Error}");
        return match;
    }

    private static (int Line, int Column) At(Match match) =>
        (int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Limits_from_comms_yaml_bound_the_pulls_file()
    {
        using var temp = new TempDir();
        var pulls = Inputs.GoodPulls(temp);
        var config = temp.File("comms.yaml", "limits:\n  max_json_file_bytes: 100\n");

        var bounded = CommsCli.Run("notes", "--pulls", pulls, "--out", Path.Combine(temp.Path, "a.json"), "--config", config);
        var unbounded = CommsCli.Run("notes", "--pulls", pulls, "--out", Path.Combine(temp.Path, "b.json"));

        Assert.Equal(1, bounded.ExitCode);
        Assert.Contains("error CM1008", bounded.Error, StringComparison.Ordinal);
        Assert.Equal(0, unbounded.ExitCode);
    }

    [Fact]
    public void Limits_from_comms_yaml_bound_the_depth_of_the_pulls_json()
    {
        using var temp = new TempDir();
        var deep = string.Concat(Enumerable.Repeat("[", 10)) + string.Concat(Enumerable.Repeat("]", 10));
        temp.File("pulls/pull-1.json", Inputs.Pull(1, Inputs.Note("Fixed a bug."), "kind/bug", "sig/node").TrimEnd('}') + ",\"extra\":" + deep + "}");
        var config = temp.File("comms.yaml", "limits:\n  max_depth: 5\n");

        var bounded = CommsCli.Run("notes", "--pulls", Path.Combine(temp.Path, "pulls"), "--out", Path.Combine(temp.Path, "a.json"), "--config", config);
        var unbounded = CommsCli.Run("notes", "--pulls", Path.Combine(temp.Path, "pulls"), "--out", Path.Combine(temp.Path, "b.json"));

        Assert.Equal(1, bounded.ExitCode);
        Error(bounded, "CM1001"); // the parser's depth error, located
        Assert.Equal(0, unbounded.ExitCode);
    }

    [Fact]
    public void Limits_from_comms_yaml_bound_the_maps()
    {
        using var temp = new TempDir();
        var pulls = Inputs.GoodPulls(temp);
        temp.File("maps/pr-1-map.yaml", "pr: 1\nreleasenote:\n  text: Fixed a bug in the node agent.\ndatafields:\n  a:\n    b:\n      c:\n        d:\n          e: 1\n");
        var config = temp.File("comms.yaml", "limits:\n  max_depth: 3\n");

        var bounded = CommsCli.Run("notes", "--pulls", pulls, "--maps", Path.Combine(temp.Path, "maps"), "--out", Path.Combine(temp.Path, "a.json"), "--config", config);
        var unbounded = CommsCli.Run("notes", "--pulls", pulls, "--maps", Path.Combine(temp.Path, "maps"), "--out", Path.Combine(temp.Path, "b.json"));

        Assert.Equal(1, bounded.ExitCode);
        var error = Error(bounded, "CM1009");
        Assert.EndsWith("pr-1-map.yaml", error.Groups["file"].Value, StringComparison.Ordinal);
        Assert.Equal(0, unbounded.ExitCode);
    }

    [Fact]
    public void A_pull_field_of_the_wrong_type_is_located_at_the_field()
    {
        using var temp = new TempDir();
        var file = temp.File("pulls.json",
            "[\n" +
            "  " + Inputs.Pull(1, Inputs.Note("Fixed a bug."), "kind/bug", "sig/node") + ",\n" +
            "  {\"number\": 2,\n   \"title\": \"x\",\n   \"labels\": \"kind/bug\"}\n" +
            "]\n");

        var result = CommsCli.Run("notes", "--pulls", file, "--out", Path.Combine(temp.Path, "notes.json"));

        Assert.Equal(1, result.ExitCode);
        var error = Error(result, "CM1006");
        Assert.Equal((5, 14), At(error)); // the value of "labels"
        Assert.Contains("[1] not a pull request: field \"labels\"", error.Groups["message"].Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[\n  {\"title\": \"no number\"}\n]", 2, 3)]
    [InlineData("\n\n[{\"number\": \"7\"}]", 3, 13)]
    [InlineData("[\"x\"]", 1, 2)]
    public void A_pull_without_a_number_is_located(string json, int line, int column)
    {
        using var temp = new TempDir();
        var file = temp.File("pulls.json", json);

        var result = CommsCli.Run("notes", "--pulls", file, "--out", Path.Combine(temp.Path, "notes.json"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal((line, column), At(Error(result, "CM1006")));
    }

    [Fact]
    public void A_note_field_of_the_wrong_type_is_located()
    {
        using var temp = new TempDir();
        var notes = temp.File("notes.json",
            "{\n  \"5\": {\n    \"pr_number\": 5,\n    \"text\": \"Fixed.\",\n    \"comms\": {\"highlight\": {\"score\": \"high\"}}\n  },\n  \"6\": [1]\n}\n");

        var result = CommsCli.Run("changelog", "--notes", notes, "--out", Path.Combine(temp.Path, "CHANGELOG.md"));

        Assert.Equal(1, result.ExitCode);
        var positions = Located().Matches(result.Error).Where(m => m.Groups["code"].Value == "CM1006").Select(At).ToArray();
        Assert.Contains((5, 38), positions); // "high"
        Assert.Contains((7, 8), positions);  // [1]
    }
}
