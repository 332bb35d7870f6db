using Comms.Cli.Build;
using Comms.Core.Diagnostics;
using Comms.Core.IO;
using Comms.TestKit;

namespace Comms.Cli.Tests.Outputs;

/// <summary>Two builds into one output folder: the second waits for the first (or fails with --no-wait), and the result is one complete build.</summary>
[Collection(Comms.Cli.Tests.WorkingFolder.Name)]
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task A_second_build_waits_for_the_first_and_the_site_has_both_releases()
    {
        using var temp = new TempDir();
        var output = Path.Combine(temp.Path, "out");
        using var firstStaged = new ManualResetEventSlim();
        using var secondWaiting = new ManualResetEventSlim();
        var first = Request(temp, "v9.0.0", output) with
        {
            Step = step =>
            {
                if (step == "staged")
                {
                    firstStaged.Set();
                    Assert.True(secondWaiting.Wait(TimeSpan.FromMinutes(2)), "the second build never waited");
                }
            },
        };
        var messages = new List<string>();
        var second = Request(temp, "v2.4.0", output) with
        {
            Message = line =>
            {
                lock (messages)
                {
                    messages.Add(line);
                }

                if (line.StartsWith("Waiting for another build", StringComparison.Ordinal))
                {
                    secondWaiting.Set();
                }
            },
        };

        var firstBag = new DiagnosticBag();
        var firstTask = Task.Run(() => new ReleaseBuild(first, firstBag).Run());
        Assert.True(firstStaged.Wait(TimeSpan.FromMinutes(2)), "the first build never staged");
        var secondBag = new DiagnosticBag();
        var secondTask = Task.Run(() => new ReleaseBuild(second, secondBag).Run());
        Assert.NotNull(await firstTask);
        Assert.NotNull(await secondTask);
        Assert.False(firstBag.HasErrors || secondBag.HasErrors);
        Assert.Single(messages, m => m.StartsWith("Waiting for another build", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(output, "site", "release-9.0.0.html")));
        Assert.True(File.Exists(Path.Combine(output, "site", "release-2.4.0.html")));
        Assert.Contains("release-2.4.0.html", File.ReadAllText(Path.Combine(output, "site", "index.html")), StringComparison.Ordinal);
        Assert.Empty(OutputState.Leftovers(output));
    }

    [Fact]
    public void With_no_wait_a_busy_output_is_a_clear_error_and_a_dead_builds_lock_is_taken_over()
    {
        using var temp = new TempDir();
        var output = Path.Combine(temp.Path, "out");
        Directory.CreateDirectory(output);
        var pulls = OutputState.Pulls(temp, "Alpha");
        using (OutputLock.Acquire([output], noWait: true, _ => { }, CancellationToken.None))
        {
            var busy = OutputState.InRepo(() => CommsCli.Run([.. OutputState.BuildArgs(pulls, output), "--no-wait"]));
            Assert.Equal(1, busy.ExitCode);
            Assert.Contains("error CM8011: another build is writing", busy.Error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(output, "site")));
        }

        File.WriteAllText(Path.Combine(output, OutputLock.FileName), "424242\n");
        var result = OutputState.InRepo(() => CommsCli.Run([.. OutputState.BuildArgs(pulls, output), "--no-wait"]));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Took over the lock of", result.Error, StringComparison.Ordinal);
        Assert.Contains("process 424242", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, File.ReadAllText(Path.Combine(output, OutputLock.FileName)));
    }

    private static BuildRequest Request(TempDir temp, string version, string output)
    {
        var notesRoot = Path.Combine(output, "release-notes");
        var pulls = temp.File($"{version}.json", "{\"1\": {\"pr_number\": 1, \"text\": \"Change in " + version + "\", \"kinds\": [\"feature\"], \"sigs\": [\"node\"]}}");
        return new BuildRequest([new ReleaseInput(version, pulls, null, null, Path.Combine(notesRoot, version))],
            notesRoot, Path.Combine(output, "site"), Path.Combine(Repo.Root, "content", "comms.yaml"), null, Repo.Root);
    }
}
