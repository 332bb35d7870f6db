using Comms.GitHub.Fake;
using Comms.GitHub.Releases;
using Comms.TestKit;

namespace Comms.GitHub.Tests;

public sealed class ReleaseCommandTests
{
    [Fact]
    public async Task Release_creates_once_then_updates_the_same_release()
    {
        await using var harness = await Harness.StartAsync();
        var tokenFile = Path.Combine(harness.TempPath, "token");
        await File.WriteAllTextAsync(tokenFile, harness.Fake.Token);
        var notes = Path.Combine(harness.TempPath, "CHANGELOG.md");
        await File.WriteAllTextAsync(notes, "## Changes\n\n- First draft.\n");
        string[] Args() => ["release", "--repo", "example/project", "--tag", "v1.1.0", "--notes", notes, "--api-url", harness.Fake.ApiUrl, "--token-file", tokenFile];

        var created = CommsCli.Run(Args());
        Assert.True(created.ExitCode == 0, created.Out + created.Error);
        Assert.Contains("Created the release v1.1.0 of example/project", created.Out, StringComparison.Ordinal);
        var release = Assert.Single(harness.Fake.Releases.Values);
        Assert.Equal("## Changes\n\n- First draft.\n", (string?)release["body"]);

        var again = CommsCli.Run(Args());
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Unchanged: the release v1.1.0", again.Out, StringComparison.Ordinal);
        Assert.Equal(1, harness.Fake.ReleaseWrites);

        await File.WriteAllTextAsync(notes, "## Changes\n\n- Final text.\n");
        var updated = CommsCli.Run(Args());
        Assert.Equal(0, updated.ExitCode);
        Assert.Contains("Updated the release v1.1.0", updated.Out, StringComparison.Ordinal);
        release = Assert.Single(harness.Fake.Releases.Values);
        Assert.Equal("## Changes\n\n- Final text.\n", (string?)release["body"]);
        Assert.Equal(2, harness.Fake.ReleaseWrites);
        Assert.DoesNotContain(harness.Fake.Token, created.Out + created.Error + again.Out + updated.Out + updated.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_without_a_token_writes_nothing_and_says_what_is_needed()
    {
        await using var harness = await Harness.StartAsync();
        var diagnostics = new Comms.Core.Diagnostics.DiagnosticBag();
        var outcome = await ReleasePublisher.PublishAsync(new ReleaseRequest { Repo = "example/project", Tag = "v1.1.0", Body = "x", ApiUrl = harness.Fake.ApiUrl }, diagnostics);
        Assert.Null(outcome);
        Assert.Contains(diagnostics.Items, d => d.Code == GitHubCodes.NoToken && d.Message.Contains("GITHUB_TOKEN", StringComparison.Ordinal));
        Assert.Equal(0, harness.Fake.Requests);
    }

    [Fact]
    public async Task Release_with_a_wrong_token_fails_with_the_reason_and_never_shows_the_token()
    {
        await using var harness = await Harness.StartAsync();
        var diagnostics = new Comms.Core.Diagnostics.DiagnosticBag();
        const string wrong = "ghp_wrong_token_that_must_not_leak";
        var outcome = await ReleasePublisher.PublishAsync(new ReleaseRequest { Repo = "example/project", Tag = "v1.1.0", Body = "x", ApiUrl = harness.Fake.ApiUrl, Token = wrong }, diagnostics);
        Assert.Null(outcome);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(GitHubCodes.Unauthorized, error.Code);
        Assert.DoesNotContain(wrong, error.ToString(), StringComparison.Ordinal);
        Assert.Empty(harness.Fake.Releases);
    }

    [Fact]
    public async Task Release_rides_out_a_secondary_rate_limit()
    {
        await using var harness = await Harness.StartAsync();
        harness.Fake.Faults.Enqueue(new Fault(FaultKind.SecondaryLimitWithRetryAfter, RetryAfterSeconds: 7));
        var diagnostics = new Comms.Core.Diagnostics.DiagnosticBag();
        var outcome = await ReleasePublisher.PublishAsync(new ReleaseRequest
        {
            Repo = "example/project", Tag = "v1.1.0", Body = "x", ApiUrl = harness.Fake.ApiUrl, Token = harness.Fake.Token,
            Retry = new Comms.GitHub.Http.RetryOptions { Clock = harness.Clock },
        }, diagnostics);
        Assert.Equal(ReleaseAction.Created, outcome?.Action);
        Assert.Contains(TimeSpan.FromSeconds(7), harness.Clock.Waits);
        Assert.Single(harness.Fake.Releases);
    }

    [Fact]
    public void A_body_too_long_for_github_is_cut_at_a_line_and_says_so()
    {
        var body = string.Concat(Enumerable.Repeat("- a line of the changelog that is long enough\n", 4000));
        var fitted = ReleasePublisher.Fit(body);
        Assert.True(fitted.Length <= ReleasePublisher.MaxBodyChars);
        Assert.EndsWith("the rest is in the full changelog._\n", fitted, StringComparison.Ordinal);
        Assert.Equal("short\n", ReleasePublisher.Fit("short\r\n"));
        Assert.EndsWith("the rest is in the [full changelog](https://example.org/v1.2.0/CHANGELOG.md)._\n", ReleasePublisher.Fit(body, "https://example.org/v1.2.0/CHANGELOG.md"), StringComparison.Ordinal);
    }

    private static Task<ReleaseOutcome?> PublishAsync(Harness harness, Comms.Core.Diagnostics.DiagnosticBag diagnostics, string tag = "v1.1.0") =>
        ReleasePublisher.PublishAsync(new ReleaseRequest
        {
            Repo = "example/project", Tag = tag, Body = "notes", ApiUrl = harness.Fake.ApiUrl, Token = harness.Fake.Token,
            Retry = new Comms.GitHub.Http.RetryOptions { Clock = harness.Clock },
        }, diagnostics);

    [Fact]
    public async Task A_create_whose_answer_is_cut_is_confirmed_by_a_lookup_never_sent_again()
    {
        await using var harness = await Harness.StartAsync();
        harness.Fake.Faults.Enqueue(new Fault(FaultKind.Pass));
        harness.Fake.Faults.Enqueue(new Fault(FaultKind.TruncatedJson));
        var diagnostics = new Comms.Core.Diagnostics.DiagnosticBag();

        var outcome = await PublishAsync(harness, diagnostics);

        Assert.Equal(ReleaseAction.Created, outcome?.Action);
        Assert.Single(harness.Fake.Releases);
        Assert.Equal(1, harness.Fake.ReleaseWrites);
        Assert.Equal(3, harness.Fake.Requests); // look up, create once, look up again
    }

    [Theory]
    [InlineData(FaultKind.ServerError500)]
    [InlineData(FaultKind.DropConnection)]
    [InlineData(FaultKind.BadGateway502)]
    public async Task A_create_without_a_usable_answer_is_not_sent_again(FaultKind fault)
    {
        await using var harness = await Harness.StartAsync();
        harness.Fake.Faults.Enqueue(new Fault(FaultKind.Pass));
        harness.Fake.Faults.Enqueue(new Fault(fault));
        var diagnostics = new Comms.Core.Diagnostics.DiagnosticBag();

        var outcome = await PublishAsync(harness, diagnostics);

        Assert.Null(outcome);
        var error = Assert.Single(diagnostics.Items, d => d.Severity == Comms.Core.Diagnostics.Severity.Error);
        Assert.Equal(GitHubCodes.ReleaseUnconfirmed, error.Code);
        Assert.Contains("not sent again", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, harness.Fake.Requests);
    }

    [Fact]
    public async Task The_release_of_another_tag_is_never_edited()
    {
        await using var harness = await Harness.StartAsync();
        harness.Fake.Hostility = new Hostile(HostileKind.RawAnswer, """{"id": 5, "tag_name": "v0.9.0", "name": "old", "body": "old"}""");
        var diagnostics = new Comms.Core.Diagnostics.DiagnosticBag();

        var outcome = await PublishAsync(harness, diagnostics);

        Assert.Null(outcome);
        var error = Assert.Single(diagnostics.Items, d => d.Severity == Comms.Core.Diagnostics.Severity.Error);
        Assert.Contains("v0.9.0", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.File);
        Assert.Equal(1, harness.Fake.Requests); // no PATCH
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("""{"id": "12", "tag_name": "v1.1.0"}""")]
    [InlineData("""{"id": 1.5, "tag_name": "v1.1.0"}""")]
    [InlineData("""{"id": -3, "tag_name": "v1.1.0", "body": 7}""")]
    [InlineData("""{"id": 12, "tag_name": ["v1.1.0"]}""")]
    public async Task Malformed_release_answers_are_located_errors(string answer)
    {
        await using var harness = await Harness.StartAsync();
        harness.Fake.Hostility = new Hostile(HostileKind.RawAnswer, answer);
        var tokenFile = Path.Combine(harness.TempPath, "token");
        await File.WriteAllTextAsync(tokenFile, harness.Fake.Token);
        var notes = Path.Combine(harness.TempPath, "CHANGELOG.md");
        await File.WriteAllTextAsync(notes, "# notes\n");

        var result = CommsCli.Run("release", "--repo", "example/project", "--tag", "v1.1.0", "--notes", notes,
            "--api-url", harness.Fake.ApiUrl, "--token-file", tokenFile);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("CM9999", result.Error, StringComparison.Ordinal);
        Assert.Contains("error CM62", result.Error, StringComparison.Ordinal);
        Assert.Contains("/releases", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, harness.Fake.ReleaseWrites);
    }
}
