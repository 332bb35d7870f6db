using Comms.GitHub.Fake;
using Comms.TestKit;
using Xunit.Abstractions;

namespace Comms.GitHub.Tests;

/// <summary>
/// <c>comms collect</c> as a real process, signalled while the server holds its request: exit 130, nothing written; and
/// offline, where it says so at once.
/// </summary>
public sealed class SignalTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Collect_signalled_while_the_server_stalls_ends_with_130_and_writes_nothing(string signal)
    {
        await using var harness = await Harness.StartAsync();
        FakeRelease.Synthetic(harness.Fake, 42);
        harness.Fake.Hostility = new Hostile(HostileKind.StallOnce);
        var tokenFile = Path.Combine(harness.TempPath, "token");
        await File.WriteAllTextAsync(tokenFile, harness.Fake.Token + "\n");
        var output = Path.Combine(harness.TempPath, "pulls.json");

        using var collect = RunningComms.Start(harness.TempPath, null, "collect", "--repo", "example/project", "--from", "v1.0.0", "--to", "v1.1.0",
            "--api-url", harness.Fake.ApiUrl, "--token-file", tokenFile, "--cache", harness.CacheDir, "--out", output);
        Assert.True(await harness.Fake.Stalled.WaitAsync(TimeSpan.FromMinutes(2)), "the request never reached the server:\n" + string.Join('\n', collect.Lines));
        collect.Signal(signal);
        var (code, afterSignal) = await collect.WaitForExitAsync(TimeSpan.FromMinutes(1));

        log.WriteLine($"collect, SIG{signal} during a stalled request: ended {afterSignal.TotalSeconds:0.00} s after it, exit {code}");
        Assert.Equal(130, code);
        Assert.DoesNotContain(collect.Lines, l => l.StartsWith("   at ", StringComparison.Ordinal) || l.Contains(harness.Fake.Token, StringComparison.Ordinal));
        Assert.False(File.Exists(output), "nothing written");
        Assert.Empty(Directory.EnumerateFiles(harness.TempPath, "*.tmp", SearchOption.AllDirectories));
        harness.CacheEntries(); // every cache file that is there parses whole
    }

    [Fact]
    public void Offline_collect_names_the_host_and_how_to_build_from_files_instead_of_retrying()
    {
        using var temp = new TempDir();
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // .invalid never resolves (RFC 2606): a name lookup that fails, as offline.
        var result = CommsCli.Run("collect", "--repo", "example/project", "--from", "v1.0.0", "--to", "v1.1.0",
            "--api-url", "https://comms-offline.invalid/", "--cache", Path.Combine(temp.Path, "cache"), "--out", Path.Combine(temp.Path, "pulls.json"));

        log.WriteLine($"offline collect ended in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Error.Split('\n'), l => l.Contains(": error ", StringComparison.Ordinal));
        Assert.Contains("error CM6209: cannot reach comms-offline.invalid (its name does not resolve: offline?)", error, StringComparison.Ordinal);
        Assert.Contains("comms build --pulls <dir|file> --version <v>", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Path, "pulls.json")));
    }
}
