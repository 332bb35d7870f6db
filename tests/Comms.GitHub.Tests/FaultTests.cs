using Comms.GitHub.Fake;
using Comms.TestKit;

namespace Comms.GitHub.Tests;

/// <summary>Every fault ends in a correct collection or a clear error, with the cache intact.</summary>
public sealed class FaultTests
{
    private static readonly string Corpus = Path.Combine(Repo.Kubernetes, "pulls-v1.25.3");

    private static async Task<Harness> CorpusReleaseAsync()
    {
        var harness = await Harness.StartAsync();
        FakeRelease.Fill(harness.Fake, FakeData.LoadFolder(Corpus));
        return harness;
    }

    /// <summary>Aims the fault at the first full-fetch query: after the two compare pages.</summary>
    private static void AtFetch(Harness harness, params Fault[] faults)
    {
        harness.Fake.Faults.Enqueue(new Fault(FaultKind.Pass));
        harness.Fake.Faults.Enqueue(new Fault(FaultKind.Pass));
        foreach (var fault in faults)
        {
            harness.Fake.Faults.Enqueue(fault);
        }
    }

    [CorpusTheory]
    [InlineData(FaultKind.ServerError500, 1)]
    [InlineData(FaultKind.TruncatedJson, 1)]
    [InlineData(FaultKind.DropConnection, 1)]
    [InlineData(FaultKind.SecondaryLimitWithRetryAfter, 3)]
    [InlineData(FaultKind.SecondaryLimitWithoutRetryAfter, 60)]
    [InlineData(FaultKind.TooManyRequests429, 60)]
    [InlineData(FaultKind.PrimaryLimitExceeded, 20)]
    [InlineData(FaultKind.GraphQlRateLimited, 20)]
    public async Task Transient_fault_ends_in_the_full_collection_after_waiting(FaultKind kind, int leastWaitSeconds)
    {
        await using var harness = await CorpusReleaseAsync();
        AtFetch(harness, new Fault(kind));

        var (pulls, diagnostics) = await harness.CollectAsync();

        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        Assert.Equal(harness.Fake.Pulls.Keys.Order(), pulls.Select(p => p.Number));
        Assert.Equal(127, harness.CacheEntries());
        var wait = Assert.Single(harness.Clock.Waits);
        Assert.InRange(wait.TotalSeconds, leastWaitSeconds, leastWaitSeconds + 40);
        Assert.Equal(5, harness.Fake.Requests); // 2 compare pages, the failed request, 2 fetch batches
    }

    [Fact]
    public async Task Server_that_does_not_answer_in_time_is_abandoned_and_retried()
    {
        await using var harness = await Harness.StartAsync();
        FakeRelease.Synthetic(harness.Fake, 127);
        AtFetch(harness);
        harness.Fake.Hostility = new Hostile(HostileKind.StallOnce);
        var request = harness.Request();

        var collect = harness.CollectAsync(request);
        Assert.True(await harness.Fake.Stalled.WaitAsync(TimeSpan.FromMinutes(2)), "the fetch request never reached the server");
        Assert.False(collect.IsCompleted);
        harness.Clock.Advance(request.Retry.RequestTimeout); // virtual time: the client's timeout fires, no real wait
        var (pulls, diagnostics) = await collect;

        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        Assert.Equal(127, pulls.Count);
        var wait = Assert.Single(harness.Clock.Waits);
        Assert.Equal(TimeSpan.FromSeconds(1), wait); // the first back-off
        Assert.Equal(5, harness.Fake.Requests); // 2 compare pages, the abandoned request, 2 fetch batches
    }

    [CorpusTheory]
    [InlineData(FaultKind.BadGateway502)]
    [InlineData(FaultKind.GatewayTimeout504)]
    public async Task Gateway_timeout_halves_the_batch(FaultKind kind)
    {
        await using var harness = await CorpusReleaseAsync();
        AtFetch(harness, new Fault(kind));

        var (pulls, diagnostics) = await harness.CollectAsync();

        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        Assert.Equal(127, pulls.Count);
        var sizes = harness.Fake.Queries.Where(q => q.Contains("title", StringComparison.Ordinal))
            .Select(q => q.Split("pullRequest(number:").Length - 1).ToArray();
        Assert.Equal([50, 50, 27], sizes); // the failed 100 is not answered, so not recorded
        Assert.Equal(6, harness.Fake.Requests); // 2 compare pages, the failed batch of 100, then 50 + 50 + 27
        Assert.Empty(harness.Clock.Waits);
    }

    [CorpusFact]
    public async Task Persistent_server_errors_end_in_a_clear_error_and_a_rerun_resumes()
    {
        await using var harness = await CorpusReleaseAsync();
        AtFetch(harness, new Fault(FaultKind.Pass));
        for (var i = 0; i < 6; i++)
        {
            harness.Fake.Faults.Enqueue(new Fault(FaultKind.ServerError500));
        }

        var (pulls, diagnostics) = await harness.CollectAsync();

        Assert.Empty(pulls);
        var error = Assert.Single(diagnostics.Items, d => d.Severity == Core.Diagnostics.Severity.Error);
        Assert.Equal(GitHubCodes.RetriesExhausted, error.Code);
        Assert.Contains("re-running the same command resumes", error.Message, StringComparison.Ordinal);
        Assert.Equal(100, harness.CacheEntries());

        harness.Fake.ResetCounters();
        var (again, rerun) = await harness.CollectAsync();
        Assert.False(rerun.HasErrors);
        Assert.Equal(127, again.Count);
        Assert.Equal(27, harness.FullFetchAliases());
    }

    [CorpusTheory]
    [InlineData(FaultKind.BadCredentials401, GitHubCodes.Unauthorized, "expired or revoked")]
    [InlineData(FaultKind.MissingScope403, GitHubCodes.Forbidden, "needs the scope `repo`; it has `read:user`")]
    public async Task Permission_errors_say_what_is_missing(FaultKind kind, string code, string text)
    {
        await using var harness = await CorpusReleaseAsync();
        AtFetch(harness, new Fault(FaultKind.Pass), new Fault(kind));

        var (pulls, diagnostics) = await harness.CollectAsync();

        Assert.Empty(pulls);
        var error = Assert.Single(diagnostics.Items, d => d.Severity == Core.Diagnostics.Severity.Error);
        Assert.Equal(code, error.Code);
        Assert.Contains(text, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Fake.Token, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(100, harness.CacheEntries());
    }

    [CorpusFact]
    public async Task Primary_limit_far_in_the_future_stops_with_the_reset_time()
    {
        await using var harness = await CorpusReleaseAsync();
        AtFetch(harness, new Fault(FaultKind.PrimaryLimitExceeded));
        var request = harness.Request() with { Retry = harness.Request().Retry with { MaxResetWait = TimeSpan.FromSeconds(5) } };

        var (pulls, diagnostics) = await harness.CollectAsync(request);

        Assert.Empty(pulls);
        var error = Assert.Single(diagnostics.Items, d => d.Severity == Core.Diagnostics.Severity.Error);
        Assert.Equal(GitHubCodes.RateLimited, error.Code);
        Assert.Contains("UTC", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.CacheEntries());
    }
}
