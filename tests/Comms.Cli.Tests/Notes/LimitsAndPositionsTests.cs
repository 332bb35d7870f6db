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

    private static string Notes(string output) => File.ReadAllText(output);

    [Fact]
    public void A_file_of_records_is_streamed_past_the_whole_file_limit_and_an_oversized_record_is_located()
    {
        using var temp = new TempDir();
        var lines = Enumerable.Range(1, 20).Select(n => Inputs.Pull(n, Inputs.Note($"Fixed bug {n}."), "kind/bug", "sig/node")).ToList();
        var ndjson = temp.File("pulls.ndjson", string.Join("\n", lines) + "\n");
        var small = temp.File("small.yaml", "limits:\n  max_json_file_bytes: 100\n");

        // The whole-file limit is for files read whole: 20 records of NDJSON, or an array, stream past it.
        var streamed = CommsCli.Run("notes", "--pulls", ndjson, "--out", Path.Combine(temp.Path, "a.json"), "--config", small);
        Assert.Equal(0, streamed.ExitCode);
        Assert.Contains("\"20\":", Notes(Path.Combine(temp.Path, "a.json")), StringComparison.Ordinal);
        var array = temp.File("pulls.json", "[" + string.Join(",", lines) + "]");
        Assert.Equal(0, CommsCli.Run("notes", "--pulls", array, "--out", Path.Combine(temp.Path, "b.json"), "--config", small).ExitCode);

        // One record over max_record_bytes is an error at its place: the NDJSON line, the array element's line and column.
        lines[6] = Inputs.Pull(7, Inputs.Note(new string('x', 5000)), "kind/bug", "sig/node");
        var record = temp.File("record.yaml", "limits:\n  max_record_bytes: 2000\n");
        var big = temp.File("big.ndjson", string.Join("\n", lines) + "\n");
        var result = CommsCli.Run("notes", "--pulls", big, "--out", Path.Combine(temp.Path, "c.json"), "--config", record);
        Assert.Equal(1, result.ExitCode);
        var error = Error(result, "CM1008");
        Assert.Equal((7, 1), At(error));
        Assert.Contains("max_record_bytes", error.Groups["message"].Value, StringComparison.Ordinal);

        var oneLine = "[" + string.Join(",", lines) + "]";
        var bigArray = temp.File("big.json", oneLine);
        var arrayResult = CommsCli.Run("notes", "--pulls", bigArray, "--out", Path.Combine(temp.Path, "d.json"), "--config", record);
        Assert.Equal(1, arrayResult.ExitCode);
        Assert.Equal((1, oneLine.IndexOf(lines[6], StringComparison.Ordinal) + 1), At(Error(arrayResult, "CM1008")));
    }

    [Fact]
    public void Records_across_read_chunks_are_whole_and_errors_far_into_the_file_keep_their_place()
    {
        using var temp = new TempDir();
        // About 3 MB: records straddle the reader's 1 MB chunks.
        var pulls = Enumerable.Range(1, 2500).Select(n => "  " + Inputs.Pull(n, Inputs.Note($"Fixed bug {n}. " + new string('y', 1100) + " é ✓"), "kind/bug", "sig/node")).ToList();
        var file = temp.File("pulls.json", "[\n" + string.Join(",\n", pulls) + "\n]\n");
        var ok = CommsCli.Run("notes", "--pulls", file, "--out", Path.Combine(temp.Path, "a.json"));
        Assert.Equal(0, ok.ExitCode);
        using (var doc = System.Text.Json.JsonDocument.Parse(Notes(Path.Combine(temp.Path, "a.json"))))
        {
            Assert.Equal(2500, doc.RootElement.EnumerateObject().Count());
            Assert.All(doc.RootElement.EnumerateObject(), n => Assert.EndsWith(" é ✓", n.Value.GetProperty("text").GetString(), StringComparison.Ordinal));
        }

        // A field of the wrong type in record 2,200 (line 2,201), and a missing comma before record 2,400 (line 2,401).
        var typed = pulls.ToList();
        typed[2199] = typed[2199].Replace("\"labels\":[", "\"labels\":\"kind/bug\",\"x\":[", StringComparison.Ordinal);
        var wrong = temp.File("wrong.json", "[\n" + string.Join(",\n", typed) + "\n]\n");
        var typedResult = CommsCli.Run("notes", "--pulls", wrong, "--out", Path.Combine(temp.Path, "b.json"));
        Assert.Equal(1, typedResult.ExitCode);
        Assert.Equal((2201, typed[2199].IndexOf("\"kind/bug\",\"x\"", StringComparison.Ordinal) + 1), At(Error(typedResult, "CM1006")));

        var comma = temp.File("comma.json", "[\n" + string.Join(",\n", pulls.Take(2399)) + "\n" + string.Join(",\n", pulls.Skip(2399)) + "\n]\n");
        var commaResult = CommsCli.Run("notes", "--pulls", comma, "--out", Path.Combine(temp.Path, "c.json"));
        Assert.Equal(1, commaResult.ExitCode);
        Assert.Equal(2401, At(Error(commaResult, "CM1001")).Line);
    }

    [Fact]
    public void Invalid_utf8_in_a_streamed_array_reads_as_a_replacement_character()
    {
        using var temp = new TempDir();
        var good = Inputs.Pull(1, Inputs.Note("Fixed the BADBYTE bug."), "kind/bug", "sig/node");
        var bytes = System.Text.Encoding.UTF8.GetBytes("[" + good + "]");
        var at = System.Text.Encoding.UTF8.GetString(bytes).IndexOf("BADBYTE", StringComparison.Ordinal);
        var broken = bytes[..at].Concat(new byte[] { 0xFF }).Concat(bytes[(at + 7)..]).ToArray();
        var file = Path.Combine(temp.Path, "pulls.json");
        File.WriteAllBytes(file, broken);

        var result = CommsCli.Run("notes", "--pulls", file, "--out", Path.Combine(temp.Path, "a.json"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Fixed the \uFFFD bug.", Notes(Path.Combine(temp.Path, "a.json")), StringComparison.Ordinal);
    }
}
