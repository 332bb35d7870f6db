using Comms.Core.IO;
using Comms.TestKit;

namespace Comms.Cli.Tests.Outputs;

/// <summary>
/// A build killed (SIGKILL, through the COMMS_TEST_KILL_AT seam) before each step of staging and commit: right
/// after the kill the outputs are wholly the previous run's, or a journal says the commit point was passed; after
/// the next run (here one that fails on its input, so it only recovers) they are wholly one run's, with no leftovers.
/// </summary>
[Collection(Comms.Cli.Tests.WorkingFolder.Name)]
public sealed class KillTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_build_killed_at_any_step_leaves_one_runs_outputs_and_the_next_run_cleans_up(bool twoRenames)
    {
        var environment = new Dictionary<string, string>();
        if (twoRenames)
        {
            environment["COMMS_TEST_NO_EXCHANGE"] = "1";
        }

        // Staging steps ("site", "staged"), the journal, one per draft, then the site swap. The two-rename
        // variant differs only from the swap on, so it starts there (and checks that it does).
        const int drafts = 13; // CHANGELOG.md, blog-post.md, press-brief.md, announcement-email.md, three briefs, notes.json, release.json, comms-plan.md, comms-calendar.ics, webinar-slides.md, webinar-email.md
        var first = twoRenames ? 2 + 1 + drafts + 1 : 1;
        var stepsSeen = new List<string>();
        for (var step = first; step < 40; step++)
        {
            using var temp = new TempDir();
            var output = Path.Combine(temp.Path, "out");
            OutputState.Build(temp, "Alpha", output);
            environment["COMMS_TEST_KILL_AT"] = step.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var killed = OutputState.Run(OutputState.BuildArgs(OutputState.Pulls(temp, "Beta"), output), environment);
            if (killed.Code == 0)
            {
                // Past the last step: the build ran to the end.
                Assert.True(stepsSeen.Count >= (twoRenames ? 3 : 2 + 1 + drafts + 3), string.Join(", ", stepsSeen));
                OutputState.AssertWholly(output, "Beta", "after a complete build");
                Assert.Empty(OutputState.Leftovers(output));
                Assert.Contains(twoRenames ? "old site removed" : "journal", stepsSeen);
                Assert.Contains(twoRenames ? "journal removed" : $"draft {drafts}", stepsSeen);
                Assert.Contains(twoRenames ? "site moved away" : "old site removed", stepsSeen);
                return;
            }

            var line = killed.Error.Split('\n').Single(l => l.StartsWith("comms-test: killed at step", StringComparison.Ordinal));
            stepsSeen.Add(line[(line.IndexOf('(', StringComparison.Ordinal) + 1)..line.LastIndexOf(')')]);
            Assert.True(step != first || !twoRenames || stepsSeen[0] == "site", $"step {first} is {stepsSeen[0]}, not the site swap");
            var journal = File.Exists(Path.Combine(output, OutputCommit.JournalName));
            if (!journal)
            {
                OutputState.AssertWholly(output, OutputState.Runs(output).Contains("Beta") ? "Beta" : "Alpha", $"killed at {line} without a journal");
            }

            // With the atomic exchange there is always a site/; with two renames only the gap between them lacks one.
            Assert.True(Directory.Exists(Path.Combine(output, "site")) || (twoRenames && stepsSeen[^1] == "site moved away"), $"no site/ after {line}");

            // The next run: recovers, then fails on its missing input and writes nothing of its own.
            var next = OutputState.InRepo(() => CommsCli.Run(OutputState.BuildArgs(Path.Combine(temp.Path, "missing.json"), output)));
            Assert.Equal(1, next.ExitCode);
            OutputState.AssertWholly(output, journal ? "Beta" : "Alpha", $"after the run following {line}");
            Assert.Empty(OutputState.Leftovers(output));
        }

        Assert.Fail("the build never completed");
    }
}
