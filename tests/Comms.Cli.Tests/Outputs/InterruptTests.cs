using System.Diagnostics;
using System.Globalization;
using Comms.TestKit;

namespace Comms.Cli.Tests.Outputs;

/// <summary>SIGINT and SIGTERM delivered while a build is paused at a step (COMMS_TEST_PAUSE_AT), not after a delay.</summary>
[Collection(Comms.Cli.Tests.WorkingFolder.Name)]
public sealed class InterruptTests
{
    [Theory]
    [InlineData("INT", "site")]
    [InlineData("TERM", "staged")]
    public async Task A_signal_before_the_commit_exits_130_and_changes_nothing(string signal, string step)
    {
        using var temp = new TempDir();
        var output = Path.Combine(temp.Path, "out");
        OutputState.Build(temp, "Alpha", output);
        var changelog = File.ReadAllBytes(Path.Combine(output, "release-notes", OutputState.Version, "CHANGELOG.md"));
        using var child = OutputState.Start(OutputState.BuildArgs(OutputState.Pulls(temp, "Beta"), output),
            new Dictionary<string, string> { ["COMMS_TEST_PAUSE_AT"] = step });
        var stdout = child.StandardOutput.ReadToEndAsync();
        var seen = new List<string>();
        while (child.StandardError.ReadLine() is { } line)
        {
            seen.Add(line);
            if (line == $"comms-test: paused at {step}")
            {
                break;
            }
        }

        Assert.Equal($"comms-test: paused at {step}", seen.LastOrDefault());
        using (var kill = Process.Start("kill", ["-" + signal, child.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        var rest = child.StandardError.ReadToEnd();
        child.WaitForExit();
        Assert.Equal(130, child.ExitCode);
        Assert.Equal("Interrupted: nothing written (the previous drafts and site are unchanged).", rest.Trim().Split('\n')[^1]);
        Assert.DoesNotContain(": error ", rest, StringComparison.Ordinal);
        Assert.DoesNotContain("Published", await stdout, StringComparison.Ordinal);
        OutputState.AssertWholly(output, "Alpha", "after the interrupt");
        Assert.Equal(changelog, File.ReadAllBytes(Path.Combine(output, "release-notes", OutputState.Version, "CHANGELOG.md")));
        Assert.Empty(OutputState.Leftovers(output));
    }
}
