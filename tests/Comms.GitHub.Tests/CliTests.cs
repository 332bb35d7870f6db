using Comms.Cli;
using Comms.Core.Diagnostics;
using Comms.Core.Sources;
using Comms.GitHub.Fake;
using Comms.TestKit;

namespace Comms.GitHub.Tests;

public sealed class CliTests
{
    private static CliResult Run(params string[] args) => CommsCli.Run(args);

    [Fact]
    public async Task Collect_against_the_fake_writes_pulls_that_notes_reads()
    {
        await using var harness = await Harness.StartAsync();
        FakeRelease.Synthetic(harness.Fake, 42);
        var tokenFile = Path.Combine(harness.TempPath, "token");
        await File.WriteAllTextAsync(tokenFile, harness.Fake.Token + "\n");
        var output = Path.Combine(harness.TempPath, "pulls.json");

        var result = Run("collect", "--repo", "example/project", "--from", "v1.0.0", "--to", "v1.1.0",
            "--api-url", harness.Fake.ApiUrl, "--token-file", tokenFile, "--cache", harness.CacheDir, "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Collected 42 pull requests", result.Out, StringComparison.Ordinal);
        Assert.Contains("collect: fetch 42/42 pull requests", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Fake.Token, result.Out + result.Error + await File.ReadAllTextAsync(output), StringComparison.Ordinal);
        Assert.Equal(42, PullFileReader.Read(output, new DiagnosticBag()).Pulls.Count);

        var notes = Run("notes", "--pulls", output, "--out", Path.Combine(harness.TempPath, "notes.json"));
        Assert.Equal(0, notes.ExitCode);
    }

    [Fact]
    public async Task Build_from_github_collects_then_writes_every_draft()
    {
        await using var harness = await Harness.StartAsync();
        FakeRelease.Synthetic(harness.Fake, 42);
        var tokenFile = Path.Combine(harness.TempPath, "token");
        await File.WriteAllTextAsync(tokenFile, harness.Fake.Token);
        var output = Path.Combine(harness.TempPath, "out");

        var result = Run("build", "--repo", "example/project", "--from", "v1.0.0", "--to", "v1.1.0", "--version", "v1.1.0",
            "--api-url", harness.Fake.ApiUrl, "--token-file", tokenFile, "--cache", harness.CacheDir, "--out", output);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        var drafts = Path.Combine(output, "release-notes", "v1.1.0");
        Assert.Equal(42, PullFileReader.Read(Path.Combine(drafts, "pulls.json"), new DiagnosticBag()).Pulls.Count);
        foreach (var draft in new[] { "CHANGELOG.md", "blog-post.md", "press-brief.md", "brief-vendor.md", "brief-end-user.md", "brief-developer.md", "notes.json" })
        {
            Assert.True(File.Exists(Path.Combine(drafts, draft)), draft);
        }

        Assert.DoesNotContain(harness.Fake.Token, result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_from_github_without_a_range_is_a_usage_error()
    {
        var result = Run("build", "--repo", "example/project", "--version", "v1.1.0");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--repo needs --from, --to and --version", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Collect_with_a_local_clone_asks_github_only_for_the_pulls()
    {
        await using var harness = await Harness.StartAsync();
        FakeRelease.Synthetic(harness.Fake, 5);
        var clone = Path.Combine(harness.TempPath, "clone");
        Directory.CreateDirectory(clone);
        GitRangeTests.Git(clone, "init", "-q", "-b", "main");
        GitRangeTests.Commit(clone, "a.txt", "Initial commit");
        GitRangeTests.Git(clone, "tag", "v1.0.0");
        GitRangeTests.Commit(clone, "b.txt", "Squashed (#1001)");
        GitRangeTests.Commit(clone, "c.txt", "Merge pull request #1003 from dev/x");
        var tokenFile = Path.Combine(harness.TempPath, "token");
        await File.WriteAllTextAsync(tokenFile, harness.Fake.Token);
        var output = Path.Combine(harness.TempPath, "pulls.json");

        var result = Run("collect", "--repo", "example/project", "--from", "v1.0.0", "--to", "main", "--git", clone,
            "--api-url", harness.Fake.ApiUrl, "--token-file", tokenFile, "--cache", harness.CacheDir, "--out", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal([1001, 1003], PullFileReader.Read(output, new DiagnosticBag()).Pulls.Select(p => p.Number));
        Assert.Equal(1, harness.Fake.Requests);
        Assert.DoesNotContain(harness.Fake.Queries, q => q.Contains("compare", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Collect_error_exits_1_and_writes_nothing()
    {
        await using var harness = await Harness.StartAsync();
        var output = Path.Combine(harness.TempPath, "pulls.json");
        var tokenFile = Path.Combine(harness.TempPath, "token");
        await File.WriteAllTextAsync(tokenFile, "wrong-token");

        var result = Run("collect", "--repo", "example/project", "--from", "v1.0.0", "--to", "v1.1.0",
            "--api-url", harness.Fake.ApiUrl, "--token-file", tokenFile, "--cache", harness.CacheDir, "--out", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CM6201", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-token", result.Out + result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("Fixes it.\r\n\r\n```release-note\r\nFixed the thing.\r\n```", new[] { "kind/bug", "sig/node" }, 0, "passes")]
    [InlineData("```release-note\r\nNONE\r\n```", new[] { "kind/cleanup", "sig/node" }, 0, "passes")]
    [InlineData("No block here.", new[] { "kind/bug", "sig/node" }, 1, "CM6401")]
    [InlineData("```release-note\r\n\r\n```", new[] { "kind/bug", "sig/node" }, 1, "CM6402")]
    [InlineData("```release-note\r\nFixed.\r\n```", new[] { "sig/node" }, 1, "CM6403")]
    [InlineData("```release-note\r\nFixed.\r\n```", new[] { "kind/bug" }, 1, "CM6404")]
    [InlineData("```release-note\r\nFixed.\r\n```", new[] { "kind/bug", "sig/node", "release-note-none" }, 1, "CM6405")]
    public void Check_body_file_works_offline(string body, string[] labels, int exit, string expected)
    {
        using var temp = new TempDir();
        var file = temp.File("body.md", body);
        var args = new List<string> { "check", "--pr", "7", "--body-file", file };
        foreach (var label in labels)
        {
            args.Add("--label");
            args.Add(label);
        }

        var result = Run([.. args]);

        Assert.Equal(exit, result.ExitCode);
        Assert.Contains(expected, result.Out + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_fetches_the_pr_from_github()
    {
        await using var harness = await Harness.StartAsync();
        harness.Fake.Add(FakeData.Synthetic(77, body: "no note"));
        var tokenFile = Path.Combine(harness.TempPath, "token");
        await File.WriteAllTextAsync(tokenFile, harness.Fake.Token);

        var result = Run("check", "--pr", "77", "--repo", "example/project", "--api-url", harness.Fake.ApiUrl, "--cache", harness.CacheDir, "--token-file", tokenFile);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CM6401", result.Error, StringComparison.Ordinal);
        Assert.Contains("PR #77 fails", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_without_pr_or_body_is_a_usage_error() => Assert.Equal(2, Run("check").ExitCode);
}
