using System.Diagnostics;
using Comms.Core.Diagnostics;
using Comms.GitHub.Git;
using Comms.TestKit;

namespace Comms.GitHub.Tests;

public sealed class GitRangeTests
{
    [Theory]
    [InlineData("Merge pull request #12 from a/b\n\nTitle (#99)", 12)]
    [InlineData("Merge pull request #200 from bot/automated-cherry-pick-of-#100-upstream-release-1.25", 200)]
    [InlineData("Cherry pick automated-cherry-pick-of-#100-upstream", 100)]
    [InlineData("Revert \"Add cache (#12)\" (#13)\n\nThis reverts commit abc.", 13)]
    [InlineData("Add cache (#12)\n\n* (#7) earlier", 12)]
    [InlineData("Direct push, no PR", null)]
    public void Message_rules_pick_the_number(string message, int? expected) =>
        Assert.Equal(expected, PrNumberRules.Find(message));

    [Fact]
    public void Walk_follows_first_parents_from_to_back_to_from()
    {
        using var temp = new TempDir();
        var repo = temp.Path;
        Git(repo, "init", "-q", "-b", "main");
        Commit(repo, "base.txt", "Initial commit");
        Git(repo, "tag", "v1.0.0");

        // A merge commit (feature branch with two commits of its own).
        Git(repo, "checkout", "-q", "-b", "feature");
        Commit(repo, "f1.txt", "Feature part one (#7)");
        Commit(repo, "f2.txt", "Feature part two");
        Git(repo, "checkout", "-q", "main");
        Git(repo, "merge", "-q", "--no-ff", "feature", "-m", "Merge pull request #10 from dev/feature\n\nAdd feature");

        // A squash merge, a cherry-pick, a revert made through GitHub, a direct push.
        Commit(repo, "s.txt", "Squashed change (#11)");
        Git(repo, "checkout", "-q", "-b", "other", "v1.0.0");
        Commit(repo, "c.txt", "Fix on another branch (#5)");
        Git(repo, "checkout", "-q", "main");
        Git(repo, "cherry-pick", "-x", "other");
        Git(repo, "commit", "-q", "--amend", "-m", "Merge pull request #12 from bot/automated-cherry-pick-of-#5-upstream-main");
        Commit(repo, "r.txt", "Revert \"Squashed change (#11)\" (#13)\n\nThis reverts commit 0123456.");
        Commit(repo, "d.txt", "Direct push without a PR");
        Git(repo, "tag", "v1.1.0");

        var diagnostics = new DiagnosticBag();
        var commits = GitRange.Walk(repo, "v1.0.0", "v1.1.0", diagnostics);

        Assert.False(diagnostics.HasErrors);
        Assert.Equal(new int?[] { null, 13, 12, 11, 10 }, commits.Select(c => c.PullNumber));
        Assert.DoesNotContain(commits, c => c.Subject.StartsWith("Feature part", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_ref_is_a_clear_error()
    {
        using var temp = new TempDir();
        Git(temp.Path, "init", "-q", "-b", "main");
        Commit(temp.Path, "a.txt", "Initial commit");

        var diagnostics = new DiagnosticBag();
        var commits = GitRange.Walk(temp.Path, "v9.9.9", "main", diagnostics);

        Assert.Empty(commits);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(GitHubCodes.GitRefUnknown, error.Code);
        Assert.Contains("git fetch --tags", error.Message, StringComparison.Ordinal);
    }

    internal static void Commit(string repo, string file, string message)
    {
        File.WriteAllText(Path.Combine(repo, file), message);
        Git(repo, "add", file);
        Git(repo, "commit", "-q", "-m", message);
    }

    internal static void Git(string repo, params string[] args)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = repo };
        foreach (var (key, value) in new[] { ("GIT_AUTHOR_NAME", "Test"), ("GIT_AUTHOR_EMAIL", "t@example.com"), ("GIT_COMMITTER_NAME", "Test"), ("GIT_COMMITTER_EMAIL", "t@example.com"), ("GIT_CONFIG_NOSYSTEM", "1"), ("HOME", repo) })
        {
            start.Environment[key] = value;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error}");
    }
}
