using Comms.Core.Config;
using Comms.Core.Diagnostics;
using Comms.GitHub.Enhancements;
using Comms.GitHub.Fake;
using Comms.GitHub.Http;
using Comms.TestKit;

namespace Comms.GitHub.Tests;

/// <summary>Tracked enhancement issues of a milestone, read from a real HTTP server that answers as GitHub does.</summary>
public sealed class TrackedEnhancementTests
{
    private static async Task<FakeGitHub> EnhancementsRepoAsync()
    {
        var fake = await FakeGitHub.StartAsync("kubernetes", "enhancements");
        fake.Milestones[7] = "v1.34";
        fake.Milestones[8] = "v1.35";
        fake.Issues.Add(new FakeIssue(2837, "Pod Level Resource Specifications", "v1.34", ["tracked/yes", "stage/beta", "sig/node", "sig/scheduling"]));
        fake.Issues.Add(new FakeIssue(4381, "DRA: structured parameters", "v1.34", ["tracked/yes", "stage/stable", "sig/node"]));
        fake.Issues.Add(new FakeIssue(5295, "KYAML", "v1.34", ["tracked/yes", "stage/alpha", "sig/cli"]));
        fake.Issues.Add(new FakeIssue(1111, "Slipped to the next release", "v1.34", ["tracked/no", "stage/beta", "sig/node"]));
        fake.Issues.Add(new FakeIssue(2222, "Tracked without a stage", "v1.34", ["tracked/yes", "sig/apps"]));
        fake.Issues.Add(new FakeIssue(3333, "Next release", "v1.35", ["tracked/yes", "stage/alpha", "sig/apps"]));
        return fake;
    }

    private static CollectRequest Request(FakeGitHub fake) => new()
    {
        Repo = "kubernetes/kubernetes",
        From = string.Empty,
        To = string.Empty,
        ApiUrl = fake.ApiUrl,
        Token = fake.Token,
        Retry = new RetryOptions { Clock = new VirtualClock(), RequestTimeout = TimeSpan.FromSeconds(20) },
    };

    [Fact]
    public async Task The_tracked_issues_of_the_milestone_are_the_enhancements_at_their_stage()
    {
        await using var fake = await EnhancementsRepoAsync();
        var d = new DiagnosticBag();
        var found = await TrackedEnhancements.FetchAsync(Request(fake), "v1.34.0", new EnhancementsConfig(), d);
        Assert.NotNull(found);
        Assert.Equal(["2837:beta:node", "4381:stable:node", "5295:alpha:cli"], found!.Select(e => $"{e.Id}:{e.Stage}:{e.OwningSig}"));
        Assert.Equal(["scheduling"], found[0].ParticipatingSigs);
        Assert.Equal("https://github.com/kubernetes/enhancements/issues/2837", found[0].TrackingUrl);
        Assert.All(found, e => Assert.Equal("github", e.Source));
        var warning = Assert.Single(d.Items);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("#2222", warning.Message, StringComparison.Ordinal);
        Assert.Equal(2, fake.GraphQlRequests); // the milestone, then one page of issues
    }

    [Fact]
    public async Task Issues_come_a_hundred_at_a_time()
    {
        await using var fake = await EnhancementsRepoAsync();
        for (var i = 0; i < 250; i++)
        {
            fake.Issues.Add(new FakeIssue(10_000 + i, $"Enhancement {i}", "v1.34", ["tracked/yes", "stage/alpha", "sig/node"]));
        }

        var found = await TrackedEnhancements.FetchAsync(Request(fake), "v1.34.0", new EnhancementsConfig(), new DiagnosticBag());
        Assert.Equal(253, found!.Count);
        Assert.Equal(1 + 3, fake.GraphQlRequests);
    }

    [Fact]
    public async Task A_cursor_answered_twice_stops_the_walk_with_an_error()
    {
        await using var fake = await EnhancementsRepoAsync();
        fake.RepeatIssueCursor = true;
        var d = new DiagnosticBag();
        var found = await TrackedEnhancements.FetchAsync(Request(fake), "v1.34.0", new EnhancementsConfig(), d);
        Assert.Null(found);
        Assert.Contains(d.Items, i => i.Severity == Severity.Error && i.Message.Contains("twice", StringComparison.Ordinal));
        Assert.True(fake.GraphQlRequests <= 4, $"{fake.GraphQlRequests} requests");
    }

    [Fact]
    public async Task A_release_without_a_milestone_has_no_tracked_enhancements()
    {
        await using var fake = await EnhancementsRepoAsync();
        var d = new DiagnosticBag();
        var found = await TrackedEnhancements.FetchAsync(Request(fake), "v2.0.0", new EnhancementsConfig(), d);
        Assert.Empty(found!);
        Assert.Contains("no milestone v2.0", Assert.Single(d.Items).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Labels_are_configurable_and_the_token_is_never_printed()
    {
        await using var fake = await EnhancementsRepoAsync();
        fake.Issues.Add(new FakeIssue(6000, "Our own labels", "v1.34", ["accepted", "maturity/preview", "sig/node"]));
        var config = new EnhancementsConfig
        {
            TrackedLabel = "accepted",
            StageLabels = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["alpha"] = "maturity/preview", ["stable"] = "maturity/ga" },
        };
        var d = new DiagnosticBag();
        var found = await TrackedEnhancements.FetchAsync(Request(fake), "v1.34.0", config, d);
        Assert.Equal("6000:alpha", Assert.Single(found!).Id + ":" + found![0].Stage);
        Assert.DoesNotContain(d.Items, i => i.Message.Contains(fake.Token, StringComparison.Ordinal));
    }
}
