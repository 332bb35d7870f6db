using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Comms.TestKit;
using Xunit.Abstractions;

namespace Comms.Cli.Tests.Outputs;

/// <summary>
/// SIGINT and SIGTERM delivered while a build is paused at a step (COMMS_TEST_PAUSE_AT), and while a large build is
/// busy in a step that does or does not look at the signal; each moment is an output line, never a delay.
/// </summary>
[Collection(Comms.Cli.Tests.WorkingFolder.Name)]
public sealed class InterruptTests(ITestOutputHelper log)
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

    /// <summary>Clean path or stopped at once: both say that nothing was half-written.</summary>
    private static readonly string[] Endings =
    [
        "Interrupted: nothing written (the previous drafts and site are unchanged).",
        "comms: interrupted: stopped at once; nothing was half-written",
    ];

    /// <summary>
    /// 20,000 merged pull requests as GitHub sends them (NDJSON), every note naming the run: enough that extraction,
    /// classification, the drafts and the site each take a while.
    /// </summary>
    private static string LargePulls(TempDir temp, string run, int count)
    {
        var text = new StringBuilder();
        for (var n = 1; n <= count; n++)
        {
            var sig = n % 3 == 0 ? "node" : n % 3 == 1 ? "apps" : "storage";
            text.Append(CultureInfo.InvariantCulture,
                $$"""{"number": {{n}}, "title": "Change {{n}}", "body": "Does things.\r\n\r\n```release-note\r\n{{run}} change {{n}} to the kubelet: the pod cache now keeps {{n}} entries and the scheduler watches them.\r\n```\r\n", "labels": [{"name": "kind/feature"}, {"name": "sig/{{sig}}"}, {"name": "release-note"}], "user": {"login": "dev{{n % 50}}"}, "merged_at": "2026-01-10T12:00:00Z", "merged": true, "html_url": "https://github.com/example/project/pull/{{n}}"}""")
                .Append('\n');
        }

        return temp.File(run + ".ndjson", text.ToString());
    }

    /// <summary>What a reader sees: every visible file's bytes (hidden staging entries and the lock file excluded).</summary>
    private static SortedDictionary<string, string> Visible(string output) => new(
        Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(output, f).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.')))
            .ToDictionary(f => Path.GetRelativePath(output, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))),
        StringComparer.Ordinal);

    [Theory]
    [InlineData("TERM", "timing: read pulls")] // extraction, classification, drafts: long steps that do not look at the signal
    [InlineData("INT", "timing: read pulls")]
    [InlineData("TERM", "site: release pages")] // the site, which looks at it before every page
    [InlineData("INT", "site: release pages")]
    public async Task A_large_build_signalled_while_busy_ends_with_130_and_nothing_half_written(string signal, string moment)
    {
        using var temp = new TempDir();
        var output = Path.Combine(temp.Path, "out");
        OutputState.Build(temp, "Alpha", output);
        var before = Visible(output);
        var pulls = LargePulls(temp, "Beta", 20_000);

        using var build = RunningComms.Start(Repo.Root, new Dictionary<string, string> { ["COMMS_TIMINGS"] = "1" }, OutputState.BuildArgs(pulls, output));
        Assert.True(await build.WaitForLineAsync(l => l.StartsWith(moment, StringComparison.Ordinal), TimeSpan.FromMinutes(5)),
            $"the build never printed \"{moment}\":\n{string.Join('\n', build.Lines)}");
        build.Signal(signal);
        var (code, afterSignal) = await build.WaitForExitAsync(TimeSpan.FromMinutes(1));

        log.WriteLine($"SIG{signal} at \"{moment}\": ended {afterSignal.TotalSeconds:0.00} s after it, exit {code}; last line: {(build.Lines is [.., var last] ? last : "")}");
        Assert.Equal(130, code);
        Assert.DoesNotContain(build.Lines, l => l.StartsWith("   at ", StringComparison.Ordinal) || l.Contains("CM9999", StringComparison.Ordinal));
        Assert.Contains(build.Lines, l => Endings.Any(e => l.StartsWith(e, StringComparison.Ordinal)));
        Assert.DoesNotContain(build.Lines, l => l.StartsWith("Published", StringComparison.Ordinal) || l.StartsWith("Wrote", StringComparison.Ordinal));
        Assert.Equal(before, Visible(output));
        OutputState.AssertWholly(output, "Alpha", "after the signal");

        // The next run (one that fails on its input, so it only recovers) removes anything a stop at once left staged.
        var next = OutputState.InRepo(() => CommsCli.Run(OutputState.BuildArgs(Path.Combine(temp.Path, "missing.json"), output)));
        Assert.Equal(1, next.ExitCode);
        Assert.Empty(OutputState.Leftovers(output));
        Assert.Equal(before, Visible(output));
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_build_busy_in_a_step_that_never_looks_at_the_signal_is_stopped_at_once_with_130_and_nothing_half_written(string signal)
    {
        using var temp = new TempDir();
        var output = Path.Combine(temp.Path, "out");
        OutputState.Build(temp, "Alpha", output);
        var before = Visible(output);

        // Everything is staged (drafts and site, hidden), then a step that never returns: only the stop at once can end it.
        using var build = RunningComms.Start(Repo.Root, new Dictionary<string, string> { ["COMMS_TEST_BUSY_AT"] = "staged" },
            OutputState.BuildArgs(OutputState.Pulls(temp, "Beta"), output));
        Assert.True(await build.WaitForLineAsync(l => l == "comms-test: busy at staged", TimeSpan.FromMinutes(3)), string.Join('\n', build.Lines));
        build.Signal(signal);
        var (code, afterSignal) = await build.WaitForExitAsync(TimeSpan.FromMinutes(1));

        log.WriteLine($"SIG{signal} while busy: ended {afterSignal.TotalSeconds:0.00} s after it, exit {code}");
        Assert.Equal(130, code);
        Assert.Contains(build.Lines, l => l.StartsWith(Endings[1], StringComparison.Ordinal));
        Assert.DoesNotContain(build.Lines, l => l.StartsWith("   at ", StringComparison.Ordinal));
        Assert.Equal(before, Visible(output));
        Assert.NotEmpty(OutputState.Leftovers(output)); // what was staged is still there, hidden

        var next = OutputState.InRepo(() => CommsCli.Run(OutputState.BuildArgs(Path.Combine(temp.Path, "missing.json"), output)));
        Assert.Equal(1, next.ExitCode);
        Assert.Empty(OutputState.Leftovers(output));
        Assert.Equal(before, Visible(output));
    }

    [Fact]
    public async Task A_signal_once_the_commit_has_begun_lets_it_finish_and_exits_130()
    {
        using var temp = new TempDir();
        var output = Path.Combine(temp.Path, "out");
        OutputState.Build(temp, "Alpha", output);

        // Paused inside the commit, before its journal: a stop there would leave a commit half done.
        using var build = RunningComms.Start(Repo.Root, new Dictionary<string, string> { ["COMMS_TEST_PAUSE_AT"] = "journal" },
            OutputState.BuildArgs(OutputState.Pulls(temp, "Beta"), output));
        Assert.True(await build.WaitForLineAsync(l => l == "comms-test: paused at journal", TimeSpan.FromMinutes(3)), string.Join('\n', build.Lines));
        build.Signal("TERM");
        var (code, afterSignal) = await build.WaitForExitAsync(TimeSpan.FromMinutes(1));

        log.WriteLine($"SIGTERM in the commit: ended {afterSignal.TotalSeconds:0.00} s after it, exit {code}");
        Assert.Equal(130, code);
        Assert.DoesNotContain(build.Lines, l => l.StartsWith("   at ", StringComparison.Ordinal));
        OutputState.AssertWholly(output, "Beta", "after a signal during the commit");
        Assert.False(File.Exists(Path.Combine(output, Comms.Core.IO.OutputCommit.JournalName)), "the commit was completed, not left to the next run");
        Assert.Empty(OutputState.Leftovers(output));
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Serve_signalled_during_its_first_build_of_a_large_release_ends_with_130_and_shows_nothing_half_built(string signal)
    {
        using var temp = new TempDir();
        LargePulls(temp, "Beta", 20_000);
        var output = Path.Combine(temp.Path, "preview");

        using var serve = RunningComms.Start(temp.Path, new Dictionary<string, string> { ["COMMS_TIMINGS"] = "1" },
            "serve", "--pulls", "Beta.ndjson", "--version", "v1.0.0", "--port", "0", "--out", output);
        Assert.True(await serve.WaitForLineAsync(l => l.StartsWith("timing: read pulls", StringComparison.Ordinal), TimeSpan.FromMinutes(5)), string.Join('\n', serve.Lines));
        serve.Signal(signal);
        var (code, afterSignal) = await serve.WaitForExitAsync(TimeSpan.FromMinutes(1));

        log.WriteLine($"serve, SIG{signal} in its first build: ended {afterSignal.TotalSeconds:0.00} s after it, exit {code}");
        Assert.Equal(130, code);
        Assert.DoesNotContain(serve.Lines, l => l.StartsWith("   at ", StringComparison.Ordinal) || l.StartsWith("Serving ", StringComparison.Ordinal));
        Assert.Empty(Directory.Exists(output) ? Visible(output) : []);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "release-notes")), "serve never writes the project's release-notes/");
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_command_that_never_looks_at_the_signal_ends_with_130_and_its_output_whole_or_absent(string signal)
    {
        using var temp = new TempDir();
        LargePulls(temp, "Beta", 20_000);
        var output = temp.File("notes.json", "{\"previous\": true}\n");

        using var notes = RunningComms.Start(temp.Path, new Dictionary<string, string> { ["COMMS_TIMINGS"] = "1" },
            "notes", "--pulls", "Beta.ndjson", "--out", output);
        Assert.True(await notes.WaitForLineAsync(l => l.StartsWith("timing: read pulls", StringComparison.Ordinal), TimeSpan.FromMinutes(5)), string.Join('\n', notes.Lines));
        notes.Signal(signal);
        var (code, afterSignal) = await notes.WaitForExitAsync(TimeSpan.FromMinutes(1));

        log.WriteLine($"notes, SIG{signal}: ended {afterSignal.TotalSeconds:0.00} s after it, exit {code}");
        Assert.Equal(130, code);
        Assert.DoesNotContain(notes.Lines, l => l.StartsWith("   at ", StringComparison.Ordinal));
        var text = File.ReadAllText(output);
        Assert.True(text == "{\"previous\": true}\n" || (text.Contains("Beta change 20000", StringComparison.Ordinal) && text.TrimEnd().EndsWith('}')), "notes.json is the previous one or wholly the new one");
        Assert.Empty(Directory.EnumerateFiles(temp.Path, ".notes.json.*"));
    }
}
