using Comms.Core.Diagnostics;
using Comms.GitHub.Fake;
using Comms.GitHub.Git;
using Comms.TestKit;

namespace Comms.GitHub.Tests;

/// <summary>
/// A server that misbehaves on purpose: every walk ends, every wait is bounded (on the virtual clock), every odd
/// answer is a GitHub diagnostic (never an unexpected failure) and nothing of a wrong answer is cached.
/// </summary>
public sealed class HostileServerTests
{
    private static async Task<Harness> ReleaseAsync(int count = 30)
    {
        var harness = await Harness.StartAsync();
        FakeRelease.Synthetic(harness.Fake, count);
        return harness;
    }

    private static Diagnostic SingleError(DiagnosticBag diagnostics) =>
        Assert.Single(diagnostics.Items, d => d.Severity == Severity.Error);

    [Fact]
    public async Task GraphQl_cursor_repeated_ends_the_walk_with_an_error()
    {
        await using var harness = await ReleaseAsync();
        harness.Fake.Hostility = new Hostile(HostileKind.SameCursor);

        var (pulls, diagnostics) = await harness.CollectAsync();

        Assert.Empty(pulls);
        var error = SingleError(diagnostics);
        Assert.Equal(GitHubCodes.UnexpectedResponse, error.Code);
        Assert.Contains("cursor", error.Message, StringComparison.Ordinal);
        Assert.Contains("twice", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, harness.Fake.Requests); // the first page, then the page whose cursor was already seen
        Assert.Equal(0, harness.CacheEntries());
    }

    [Theory]
    [InlineData(HostileKind.RotatingCursor, true)]
    [InlineData(HostileKind.RotatingNextLink, false)]
    public async Task A_list_that_never_ends_stops_at_the_page_bound(HostileKind kind, bool token)
    {
        await using var harness = await ReleaseAsync();
        harness.Fake.Hostility = new Hostile(kind);
        var request = harness.Request(token);

        var (pulls, diagnostics) = await harness.CollectAsync(request with { Retry = request.Retry with { MaxPages = 25 } });

        Assert.Empty(pulls);
        var error = SingleError(diagnostics);
        Assert.Equal(GitHubCodes.UnexpectedResponse, error.Code);
        Assert.Contains("past 25 pages", error.Message, StringComparison.Ordinal);
        Assert.InRange(harness.Fake.Requests, 20, 26);
        Assert.Equal(0, harness.CacheEntries());
    }

    [Fact]
    public async Task An_endless_answer_stops_at_the_byte_bound()
    {
        await using var harness = await ReleaseAsync();
        harness.Fake.Hostility = new Hostile(HostileKind.EndlessAnswer);
        var request = harness.Request();

        var (pulls, diagnostics) = await harness.CollectAsync(request with { Retry = request.Retry with { MaxAnswerBytes = 4 * 1024 * 1024 } });

        Assert.Empty(pulls);
        var error = SingleError(diagnostics);
        Assert.Equal(GitHubCodes.AnswerTooLarge, error.Code);
        Assert.Contains("larger than 4 MB", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Fake.Requests);
    }

    [Fact]
    public async Task Rest_next_link_to_itself_ends_the_walk_with_an_error()
    {
        await using var harness = await ReleaseAsync();
        harness.Fake.Hostility = new Hostile(HostileKind.NextLinkToSelf);

        var (pulls, diagnostics) = await harness.CollectAsync(harness.Request(token: false));

        Assert.Empty(pulls);
        var error = SingleError(diagnostics);
        Assert.Equal(GitHubCodes.UnexpectedResponse, error.Code);
        Assert.Contains("already read", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Fake.Requests);
        Assert.Equal(0, harness.CacheEntries());
    }

    [Theory]
    [InlineData(864000)]
    [InlineData(2147483647)]
    public async Task Retry_after_beyond_the_cap_stops_with_a_clear_message_and_no_wait(int seconds)
    {
        await using var harness = await ReleaseAsync();
        harness.Fake.Faults.Enqueue(new Fault(FaultKind.SecondaryLimitWithRetryAfter, RetryAfterSeconds: seconds));

        var (pulls, diagnostics) = await harness.CollectAsync();

        Assert.Empty(pulls);
        var error = SingleError(diagnostics);
        Assert.Equal(GitHubCodes.RateLimited, error.Code);
        Assert.Contains("longer than the longest wait allowed (300 s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Re-run the same command later", error.Message, StringComparison.Ordinal);
        Assert.Empty(harness.Clock.Waits);
        Assert.Equal(1, harness.Fake.Requests);
    }

    [Fact]
    public async Task Retry_after_cap_is_configurable()
    {
        await using var harness = await ReleaseAsync();
        harness.Fake.Faults.Enqueue(new Fault(FaultKind.SecondaryLimitWithRetryAfter, RetryAfterSeconds: 600));
        var request = harness.Request();
        request = request with { Retry = request.Retry with { MaxDelay = TimeSpan.FromMinutes(20) } };

        var (pulls, diagnostics) = await harness.CollectAsync(request);

        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        Assert.Equal(30, pulls.Count);
        Assert.Equal([TimeSpan.FromSeconds(600)], harness.Clock.Waits);
    }

    [Theory]
    [InlineData("99999999999999")]
    [InlineData("253402300799")] // 9999-12-31
    [InlineData("-5")]
    [InlineData("soon")]
    public async Task Rate_limit_reset_out_of_range_is_bounded(string reset)
    {
        await using var harness = await ReleaseAsync();
        harness.Fake.Hostility = new Hostile(HostileKind.ResetAt, reset);

        var (pulls, diagnostics) = await harness.CollectAsync();

        Assert.Empty(pulls);
        var error = SingleError(diagnostics);
        Assert.Contains(error.Code, new[] { GitHubCodes.RateLimited, GitHubCodes.RetriesExhausted });
        Assert.All(harness.Clock.Waits, w => Assert.InRange(w, TimeSpan.Zero, TimeSpan.FromMinutes(15)));
        Assert.InRange(harness.Fake.Requests, 1, 6);
        if (reset == "253402300799")
        {
            Assert.Contains("9999-12-31 23:59:59 UTC", error.Message, StringComparison.Ordinal);
            Assert.Contains("longer than the longest wait allowed", error.Message, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, bool> MalformedAnswers => new()
    {
        { """{"errors":["boom"]}""", true },
        { """{"errors":["boom"]}""", false },
        { "[]", true },
        { "[]", false },
        { "[1,2,3]", false },
        { "\"a string\"", true },
        { "null", true },
        { "null", false },
        { "42", false },
        { """{"data":[]}""", true },
        { """{"data":{"repository":[]}}""", true },
        { """{"data":{"repository":{"ref":{"compare":{"commits":{"nodes":{"a":1}}}}}}}""", true },
        { """{"data":{"repository":{"ref":{"compare":{"commits":{"nodes":[{"oid":1,"message":7}],"pageInfo":{"hasNextPage":true,"endCursor":5}}}}}}}""", true },
        { """{"commits":{"sha":1}}""", false },
        { """{"commits":[{"commit":"x"},{"commit":{"message":["y"]}}]}""", false },
    };

    [Theory]
    [MemberData(nameof(MalformedAnswers))]
    public async Task Malformed_answer_is_a_github_diagnostic_and_nothing_is_cached(string answer, bool token)
    {
        await using var harness = await ReleaseAsync();
        harness.Fake.Hostility = new Hostile(HostileKind.RawAnswer, answer);

        var (pulls, diagnostics) = await harness.CollectAsync(harness.Request(token));

        Assert.Empty(pulls);
        var error = SingleError(diagnostics);
        Assert.StartsWith("CM62", error.Code, StringComparison.Ordinal);
        Assert.Equal(0, harness.CacheEntries());
        Assert.InRange(harness.Fake.Requests, 1, 6);
    }

    [Theory]
    [InlineData(HostileKind.NumbersAsStrings, true)]
    [InlineData(HostileKind.NumbersAsStrings, false)]
    [InlineData(HostileKind.OtherPrNumbers, true)]
    [InlineData(HostileKind.OtherPrNumbers, false)]
    public async Task Pull_answers_of_the_wrong_type_or_for_other_prs_are_not_cached(HostileKind kind, bool token)
    {
        await using var harness = await ReleaseAsync();
        harness.Fake.Hostility = new Hostile(kind);

        var (pulls, diagnostics) = await harness.CollectAsync(harness.Request(token));

        Assert.Empty(pulls);
        var error = SingleError(diagnostics);
        Assert.Equal(GitHubCodes.UnexpectedResponse, error.Code);
        if (kind == HostileKind.OtherPrNumbers)
        {
            Assert.Contains("GitHub answered PR #101000 when asked for #1000; nothing of that answer is cached", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, harness.CacheEntries());
    }

    [Fact]
    public async Task Collect_cli_writes_nothing_for_answers_about_other_prs()
    {
        await using var harness = await ReleaseAsync(5);
        harness.Fake.Hostility = new Hostile(HostileKind.OtherPrNumbers);
        var output = Path.Combine(harness.TempPath, "pulls.json");

        var result = CommsCli.Run("collect", "--repo", "example/project", "--from", "v1.0.0", "--to", "v1.1.0",
            "--api-url", harness.Fake.ApiUrl, "--cache", harness.CacheDir, "--out", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CM6206", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("CM9999", result.Out + result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
        Assert.Equal(0, harness.CacheEntries());
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("notaurl")]
    [InlineData("http://127.0.0.1:99999")]
    [InlineData("")]
    [InlineData("ftp://example.com")]
    [InlineData("https://")]
    [InlineData("https://api.github.com?x=1")]
    public void Bad_api_url_is_a_usage_error(string url)
    {
        using var temp = new TempDir();
        var output = Path.Combine(temp.Path, "pulls.json");

        var collect = CommsCli.Run("collect", "--repo", "example/project", "--from", "v1.0.0", "--to", "v1.1.0", "--api-url", url, "--out", output);
        var check = CommsCli.Run("check", "--pr", "5", "--repo", "example/project", "--api-url", url);

        Assert.Equal(2, collect.ExitCode);
        Assert.Equal(2, check.ExitCode);
        Assert.Contains("--api-url must be an http or https URL", collect.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("CM9999", collect.Error + check.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("--from=--output={0}", "--to=main")]
    [InlineData("--from=v1.0.0", "--to=--output={0}")]
    [InlineData("--from=-o{0}", "--to=main")]
    public async Task Option_shaped_refs_are_usage_errors_and_git_writes_nothing(string from, string to)
    {
        await using var harness = await ReleaseAsync(1);
        var clone = Path.Combine(harness.TempPath, "clone");
        Directory.CreateDirectory(clone);
        GitRangeTests.Git(clone, "init", "-q", "-b", "main");
        GitRangeTests.Commit(clone, "a.txt", "Initial commit");
        GitRangeTests.Git(clone, "tag", "v1.0.0");
        GitRangeTests.Commit(clone, "b.txt", "Squashed (#1000)");
        var target = Path.Combine(harness.TempPath, "F");

        var result = CommsCli.Run("collect", "--repo", "example/project", string.Format(null, from, target), string.Format(null, to, target), "--git", clone,
            "--api-url", harness.Fake.ApiUrl, "--cache", harness.CacheDir, "--out", Path.Combine(harness.TempPath, "pulls.json"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("must be a tag, branch or commit name", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
        Assert.Equal(0, harness.Fake.Requests);
    }

    [Fact]
    public void Git_gets_refs_after_end_of_options_so_an_option_shaped_ref_is_only_a_ref()
    {
        using var temp = new TempDir();
        var clone = Path.Combine(temp.Path, "clone");
        Directory.CreateDirectory(clone);
        GitRangeTests.Git(clone, "init", "-q", "-b", "main");
        GitRangeTests.Commit(clone, "a.txt", "Initial commit");
        var target = Path.Combine(temp.Path, "F");
        var diagnostics = new DiagnosticBag();

        var commits = GitRange.Walk(clone, "--output=" + target, "main", diagnostics);

        Assert.Empty(commits);
        Assert.True(diagnostics.HasErrors);
        Assert.False(File.Exists(target));
    }

    [Theory]
    [InlineData("--pr", "-5")]
    [InlineData("--pr=-5", null)]
    [InlineData("--pr", "0")]
    [InlineData("--pr", "99999999999")]
    [InlineData("--pr", "5x")]
    public async Task Check_with_a_bad_pr_number_is_a_usage_error_and_sends_nothing(string option, string? value)
    {
        await using var harness = await ReleaseAsync(1);
        var args = new List<string> { "check", option };
        if (value is not null)
        {
            args.Add(value);
        }

        args.AddRange(["--repo", "example/project", "--api-url", harness.Fake.ApiUrl, "--cache", harness.CacheDir]);

        var result = CommsCli.Run([.. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(0, harness.Fake.Requests);
    }
}
