using Comms.GitHub.Fake;
using Comms.TestKit;
using Xunit.Abstractions;

namespace Comms.GitHub.Tests;

/// <summary><c>comms collect</c> as a real process, signalled while the server holds its request: exit 130, nothing written.</summary>
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
}
