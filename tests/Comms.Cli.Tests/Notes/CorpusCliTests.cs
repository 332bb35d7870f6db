using Comms.TestKit;

namespace Comms.Cli.Tests.Notes;

/// <summary>The command line on the shared Kubernetes corpus.</summary>
public sealed class CorpusCliTests
{
    private static string Release134 => Path.Combine(Repo.Kubernetes, "sig-release-1.34");

    [CorpusFact]
    public void The_real_map_with_a_top_level_kinds_is_a_warning_with_a_hint_as_the_Kubernetes_tool_ignores_it()
    {
        using var temp = new TempDir();
        var output = Path.Combine(temp.Path, "changelog.md");
        var result = CommsCli.Run("changelog", "--notes", Path.Combine(Release134, "release-notes-draft.json"),
            "--maps", Path.Combine(Release134, "maps"), "--strict", "--out", output);
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(": error ", result.Error, StringComparison.Ordinal);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.Contains("CM3002", StringComparison.Ordinal));
        Assert.EndsWith("pr-133412-map.yaml(2,1): warning CM3002: unknown field \"kinds\" in a map; did you mean releasenote.kinds? (known: pr, releasenote, datafields, pr_body, audiences, stability, highlight); it is ignored", line.TrimEnd(), StringComparison.Ordinal);
        Assert.True(File.Exists(output));
    }

    [CorpusFact]
    public void Strict_changelog_of_the_draft_exits_0_and_is_stable()
    {
        using var temp = new TempDir();
        var first = Path.Combine(temp.Path, "a.md");
        var second = Path.Combine(temp.Path, "b.md");
        Assert.Equal(0, CommsCli.Run("changelog", "--notes", Path.Combine(Release134, "release-notes-draft.json"), "--style", "kubernetes", "--strict", "--out", first).ExitCode);
        Assert.Equal(0, CommsCli.Run("changelog", "--notes", Path.Combine(Release134, "release-notes-draft.json"), "--style", "kubernetes", "--strict", "--out", second).ExitCode);
        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        Assert.StartsWith("## ", File.ReadAllText(first), StringComparison.Ordinal);
    }
}
