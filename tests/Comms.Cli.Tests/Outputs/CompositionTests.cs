using Comms.TestKit;

namespace Comms.Cli.Tests.Outputs;

/// <summary>`comms build` and `comms site` share one composition root, and a failing site stage writes nothing.</summary>
[Collection(Comms.Cli.Tests.WorkingFolder.Name)]
public sealed class CompositionTests
{
    [Fact]
    public void Site_reads_the_audiences_of_the_content_folder_like_build()
    {
        using var temp = new TempDir();
        temp.File("content/audiences.yaml", "audiences:\n  - id: operator\n    name: Operators\n    rules:\n      - id: all-node\n        reason: operators run the nodes\n        sigs: [node]\n");
        temp.File("content/groups.yaml", File.ReadAllText(Path.Combine(Repo.Root, "content", "groups.yaml")));
        var config = temp.File("content/comms.yaml", File.ReadAllText(Path.Combine(Repo.Root, "content", "comms.yaml")));
        var output = Path.Combine(temp.Path, "out");
        var built = OutputState.InRepo(() => CommsCli.Run([.. OutputState.BuildArgs(OutputState.Pulls(temp, "Alpha"), output), "--config", config]));
        Assert.True(built.ExitCode == 0, built.Error);
        Assert.True(File.Exists(Path.Combine(output, "site", "audience-operator.html")));
        Directory.Delete(Path.Combine(output, "site"), recursive: true);

        var site = OutputState.InRepo(() => CommsCli.Run("site", "--notes-root", Path.Combine(output, "release-notes"), "--out", output, "--config", config));
        Assert.True(site.ExitCode == 0, site.Error);
        Assert.True(File.Exists(Path.Combine(output, "site", "audience-operator.html")));
        Assert.False(File.Exists(Path.Combine(output, "site", "audience-vendor.html")));
        Assert.Contains("Operators", File.ReadAllText(Path.Combine(output, "site", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_site_stage_error_leaves_the_previous_drafts_and_site_byte_for_byte()
    {
        using var temp = new TempDir();
        var output = Path.Combine(temp.Path, "out");
        OutputState.Build(temp, "Alpha", output);
        var before = Files(output);
        temp.File("broken/site/release.sbn", "<h1>\n{{ for n in Notes }}</h1>");
        var result = OutputState.InRepo(() => CommsCli.Run([.. OutputState.BuildArgs(OutputState.Pulls(temp, "Beta"), output), "--theme", Path.Combine(temp.Path, "broken")]));
        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"release\.sbn\(2,\d+\): error CM7201: ", result.Error);
        Assert.Contains("Nothing written: fix the errors above (the previous drafts and site are unchanged).", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrote ", result.Out, StringComparison.Ordinal);
        Assert.Equal(before, Files(output));
        Assert.Empty(OutputState.Leftovers(output));
    }

    private static SortedDictionary<string, string> Files(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) != Comms.Core.IO.OutputLock.FileName)
            .ToDictionary(f => Path.GetRelativePath(root, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);
}
