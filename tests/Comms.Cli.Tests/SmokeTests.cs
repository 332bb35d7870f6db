using Comms.TestKit;

namespace Comms.Cli.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var result = CommsCli.Run("notes", "--pulls", "x", "--out", "y", "--bogus");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--bogus", result.Error, StringComparison.Ordinal);
    }

    [CorpusFact]
    public void Notes_from_corpus_pulls_counts_every_reason()
    {
        using var temp = new TempDir();
        var output = Path.Combine(temp.Path, "notes.json");
        var result = CommsCli.Run("notes", "--pulls", Path.Combine(Repo.Kubernetes, "pulls-v1.25.3"), "--out", output);
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(output));
        Assert.Contains("58", result.Out, StringComparison.Ordinal);
    }
}
