using Comms.TestKit;

namespace Comms.Cli.Tests.Outputs;

/// <summary>
/// Names from input never decide where files go: every hostile version, audience id, SIG and folder below is
/// refused or reported with a located error, and nothing is written outside the output folder.
/// </summary>
[Collection(Comms.Cli.Tests.WorkingFolder.Name)]
public sealed class HostileNameTests
{
    [Theory]
    [InlineData("{outside}")]
    [InlineData("../../x")]
    [InlineData("v1.0.0/../../../../up")]
    [InlineData("a/b")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("v1.0.0/")]
    [InlineData("1.0.0-a/b")]
    [InlineData("1.0.0-rc.1/../../x")]
    [InlineData("1.0.0\\..\\x")]
    [InlineData("v1.0.0\n")]
    [InlineData("1.0")]
    [InlineData("1.0.0.0")]
    [InlineData("01.0.0")]
    [InlineData("v1.0.0 ")]
    [InlineData("~/x")]
    public void A_version_that_is_not_semver_is_a_usage_error_and_writes_nothing(string version)
    {
        using var temp = new TempDir();
        var outside = Path.Combine(temp.Path, "outside");
        version = version.Replace("{outside}", outside, StringComparison.Ordinal);
        var pulls = OutputState.Pulls(temp, "Alpha");
        var before = Snapshot(temp.Path);
        var result = OutputState.InRepo(() => CommsCli.Run(OutputState.BuildArgs(pulls, Path.Combine(temp.Path, "out"), version)));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a version", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(temp.Path));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("../../../../tmp/evil")]
    [InlineData("a/b")]
    [InlineData("/etc/x")]
    [InlineData("Vendor")]
    [InlineData("-a")]
    [InlineData("a--b")]
    [InlineData(".")]
    [InlineData("caf\u00e9")]
    [InlineData("a\u202eb")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void An_unsafe_audience_id_is_a_located_error_and_writes_nothing(string id)
    {
        using var temp = new TempDir();
        var config = Content(temp, $"audiences:\n  - id: vendor\n    name: Vendors\n  - id: \"{id.Replace("\"", "\\\"", StringComparison.Ordinal)}\"\n    name: Evil\n");
        var pulls = OutputState.Pulls(temp, "Alpha");
        var before = Snapshot(temp.Path);
        var result = OutputState.InRepo(() => CommsCli.Run([.. OutputState.BuildArgs(pulls, Path.Combine(temp.Path, "out")), "--config", config]));
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"audiences\.yaml\(4,\d+\): error CM5003: audience id ", result.Error);
        Assert.Contains("Nothing written", result.Out, StringComparison.Ordinal);
        Assert.Equal(before.Where(e => !e.StartsWith("out", StringComparison.Ordinal)), Snapshot(temp.Path).Where(e => !e.StartsWith("out", StringComparison.Ordinal)));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out", "release-notes")));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out", "site")));
    }

    [Theory]
    [InlineData("v1.0.0", "1.0.0")]
    [InlineData("1.1.0-RC.1", "1.1.0-rc.1")]
    [InlineData("V2.0.0", "v2.0.0")]
    public void Releases_that_would_share_a_page_are_a_located_error(string a, string b)
    {
        using var temp = new TempDir();
        temp.File($"rn/{a}/notes.json", Note(1, "node"));
        temp.File($"rn/{b}/notes.json", Note(2, "node"));
        var result = Site(temp);
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"notes\.json: error CM8010: release ""[^""]+"" and release ""[^""]+"" would share the page release-", result.Error);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out", "site")));
    }

    [Fact]
    public void Sigs_whose_slugs_collide_are_a_located_error()
    {
        using var temp = new TempDir();
        temp.File("rn/v1.0.0/notes.json", Note(1, "node") [..^1] + "," + Note(2, "Node")[1..]);
        var result = Site(temp);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CM8010: the SIGs \"Node\" and \"node\" have the same slug \"node\"", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_sig_names_get_pages_of_their_own_and_clean_titles()
    {
        using var temp = new TempDir();
        var sigs = new[] { "node#}*=", "node$##;", "caf\u00e9", "cafe\u0301", "evil\u202egnp.exe", "../../etc/passwd", "<script>" };
        temp.File("rn/v1.0.0/notes.json", "{" + string.Join(",", sigs.Select((s, i) => Note(i + 1, s)[1..^1])) + "}");
        var result = Site(temp);
        Assert.True(result.ExitCode == 0, result.Error);
        var site = Path.Combine(temp.Path, "out", "site");
        var pages = Directory.GetFiles(site, "sig-*.html").Select(f => Path.GetFileName(f)).ToArray();
        Assert.Equal(6, pages.Length); // café in NFC and NFD is one SIG
        Assert.All(pages, p => Assert.Matches(@"^sig-[a-z0-9._-]+\.html$", p));
        Assert.All(Directory.GetFiles(site, "*.html"), f => Assert.DoesNotContain('\u202e', File.ReadAllText(f)));
        var cafe = File.ReadAllText(Path.Combine(site, pages.Single(p => p.StartsWith("sig-caf", StringComparison.Ordinal))));
        Assert.Contains("#pr-3", cafe, StringComparison.Ordinal);
        Assert.Contains("#pr-4", cafe, StringComparison.Ordinal);
        var nodes = pages.Where(p => p.StartsWith("sig-node", StringComparison.Ordinal)).Select(p => File.ReadAllText(Path.Combine(site, p))).ToArray();
        Assert.Equal(2, nodes.Length);
        Assert.Single(nodes, n => n.Contains("#pr-1", StringComparison.Ordinal));
        Assert.Single(nodes, n => n.Contains("#pr-2", StringComparison.Ordinal));
        Assert.Equal(["out", "rn"], Directory.GetFileSystemEntries(temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_release_folder_linked_out_of_the_output_folder_is_refused()
    {
        using var temp = new TempDir();
        var outside = Directory.CreateDirectory(Path.Combine(temp.Path, "outside")).FullName;
        Directory.CreateDirectory(Path.Combine(temp.Path, "out", "release-notes"));
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "out", "release-notes", OutputState.Version), outside);
        var result = OutputState.InRepo(() => CommsCli.Run(OutputState.BuildArgs(OutputState.Pulls(temp, "Alpha"), Path.Combine(temp.Path, "out"))));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CM5002: refusing to write", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing written", result.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(outside));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "out", "site")));
        Assert.Empty(OutputState.Leftovers(Path.Combine(temp.Path, "out")));
    }

    [Fact]
    public void A_site_folder_that_links_elsewhere_is_replaced_not_written_through()
    {
        using var temp = new TempDir();
        var outside = Directory.CreateDirectory(Path.Combine(temp.Path, "outside")).FullName;
        File.WriteAllText(Path.Combine(outside, "keep.txt"), "mine");
        Directory.CreateDirectory(Path.Combine(temp.Path, "out"));
        Directory.CreateSymbolicLink(Path.Combine(temp.Path, "out", "site"), outside);
        OutputState.Build(temp, "Alpha", Path.Combine(temp.Path, "out"));
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(outside).Select(Path.GetFileName));
        Assert.Null(new DirectoryInfo(Path.Combine(temp.Path, "out", "site")).LinkTarget);
        OutputState.AssertWholly(Path.Combine(temp.Path, "out"), "Alpha", "after replacing a linked site");
    }

    private static CliResult Site(TempDir temp) =>
        OutputState.InRepo(() => CommsCli.Run("site", "--notes-root", Path.Combine(temp.Path, "rn"), "--out", Path.Combine(temp.Path, "out")));

    private static string Note(int pr, string sig) =>
        "{\"" + pr + "\": {\"pr_number\": " + pr + ", \"text\": \"Note " + pr + "\", \"kinds\": [\"feature\"], \"sigs\": [" + System.Text.Json.JsonSerializer.Serialize(sig) + "]}}";

    /// <summary>A content folder: the repository's comms.yaml and the given audiences.yaml.</summary>
    private static string Content(TempDir temp, string audiences)
    {
        temp.File("content/audiences.yaml", audiences);
        temp.File("content/groups.yaml", File.ReadAllText(Path.Combine(Repo.Root, "content", "groups.yaml")));
        return temp.File("content/comms.yaml", File.ReadAllText(Path.Combine(Repo.Root, "content", "comms.yaml")));
    }

    private static string[] Snapshot(string root) =>
        Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories)
            .Select(e => Path.GetRelativePath(root, e) + (File.Exists(e) ? ":" + new FileInfo(e).Length : "/"))
            .Order(StringComparer.Ordinal)
            .ToArray();
}
