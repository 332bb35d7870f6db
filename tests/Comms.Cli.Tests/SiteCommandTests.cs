using Comms.TestKit;

namespace Comms.Cli.Tests;

public sealed class SiteCommandTests
{
    private const string Notes = """{"7": {"pr_number": 7, "text": "Add <b>x</b>", "kinds": ["feature"], "sigs": ["node"]}}""";

    [Fact]
    public void Site_builds_from_a_notes_root_and_reports_what_it_wrote()
    {
        using var temp = new TempDir();
        temp.File("rn/v1.2.0/notes.json", Notes);
        temp.File("rn/v1.10.0/notes.json", Notes);
        var result = CommsCli.Run("site", "--notes-root", Path.Combine(temp.Path, "rn"), "--out", Path.Combine(temp.Path, "out"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2 releases, 2 notes", result.Out, StringComparison.Ordinal);
        var home = File.ReadAllText(Path.Combine(temp.Path, "out", "site", "index.html"));
        Assert.Contains("href=\"release-1.10.0.html\">Kubernetes 1.10.0</a>", home, StringComparison.Ordinal);
        Assert.Contains("Add &lt;b&gt;x&lt;/b&gt;", File.ReadAllText(Path.Combine(temp.Path, "out", "site", "release-1.10.0.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_release_yaml_is_a_content_error_and_keeps_the_previous_site()
    {
        using var temp = new TempDir();
        temp.File("rn/v1.0.0/notes.json", Notes);
        var output = Path.Combine(temp.Path, "out");
        Assert.Equal(0, CommsCli.Run("site", "--notes-root", Path.Combine(temp.Path, "rn"), "--out", output).ExitCode);
        temp.File("rn/v1.0.0/release.yaml", "release_date: [oops\n");
        var result = CommsCli.Run("site", "--notes-root", Path.Combine(temp.Path, "rn"), "--out", output);
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"release\.yaml\(\d+,\d+\): error CM3001: ", result.Error);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "site", "release-1.0.0.html")));
    }

    [Fact]
    public void Missing_options_and_themes_are_usage_errors()
    {
        Assert.Equal(2, CommsCli.Run("site", "--out", "x").ExitCode);
        using var temp = new TempDir();
        temp.File("rn/v1.0.0/notes.json", Notes);
        var result = CommsCli.Run("site", "--notes-root", Path.Combine(temp.Path, "rn"), "--theme", Path.Combine(temp.Path, "nope"), "--out", temp.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("theme folder", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_notes_root_is_a_content_error()
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(Path.Combine(temp.Path, "rn"));
        var result = CommsCli.Run("site", "--notes-root", Path.Combine(temp.Path, "rn"), "--out", temp.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CM8008", result.Error, StringComparison.Ordinal);
    }
}
