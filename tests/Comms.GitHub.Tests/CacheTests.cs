using Comms.Core.Diagnostics;
using Comms.GitHub.Fake;

namespace Comms.GitHub.Tests;

public sealed class CacheTests
{
    [Fact]
    public async Task Warm_run_checks_once_per_batch_and_refetches_only_changed_pulls()
    {
        await using var harness = await Harness.StartAsync();
        FakeRelease.Synthetic(harness.Fake, 250);

        var (cold, _) = await harness.CollectAsync();
        Assert.Equal(250, cold.Count);
        Assert.True(3 + 3 == harness.Fake.Requests, string.Join("\n", harness.Fake.Queries.Select(q => q[..Math.Min(q.Length, 300)])));
        Assert.Equal(250, harness.FullFetchAliases());

        harness.Fake.ResetCounters();
        harness.Fake.Touch(1100, "Edited title", "2024-06-01T00:00:00Z");
        var (warm, diagnostics) = await harness.CollectAsync();

        Assert.False(diagnostics.HasErrors);
        Assert.Equal(1, harness.FullFetchAliases());
        Assert.Equal(3 + 3 + 1, harness.Fake.Requests); // compare, one check per batch, one fetch for the edited PR
        Assert.Equal("Edited title", warm.Single(p => p.Number == 1100).Title);
        Assert.Equal(cold.Select(p => p.Number), warm.Select(p => p.Number));
    }

    [Fact]
    public async Task Interrupted_run_keeps_whole_entries_and_the_rerun_fetches_only_the_rest()
    {
        await using var harness = await Harness.StartAsync();
        FakeRelease.Synthetic(harness.Fake, 250);
        using var cts = new CancellationTokenSource();
        var progress = new SyncProgress(p =>
        {
            if (p.Phase == "fetch")
            {
                cts.Cancel();
            }
        });

        var (pulls, diagnostics) = await harness.CollectAsync(progress: progress, ct: cts.Token);

        Assert.Empty(pulls);
        Assert.Equal(GitHubCodes.Cancelled, Assert.Single(diagnostics.Items, d => d.Severity == Severity.Error).Code);
        Assert.Equal(100, harness.CacheEntries());

        harness.Fake.ResetCounters();
        var (again, rerun) = await harness.CollectAsync();
        Assert.False(rerun.HasErrors);
        Assert.Equal(250, again.Count);
        Assert.Equal(150, harness.FullFetchAliases());
    }

    [Fact]
    public async Task A_corrupt_cache_entry_is_fetched_again()
    {
        await using var harness = await Harness.StartAsync();
        FakeRelease.Synthetic(harness.Fake, 10);
        await harness.CollectAsync();
        var cache = new Cache.PullCache(harness.CacheDir, harness.Fake.Owner, harness.Fake.Name);
        File.WriteAllText(cache.PathOf(1003), "{\"pull\": {\"number\": 10");

        harness.Fake.ResetCounters();
        var (pulls, diagnostics) = await harness.CollectAsync();

        Assert.False(diagnostics.HasErrors);
        Assert.Equal(10, pulls.Count);
        Assert.Equal(1, harness.FullFetchAliases());
        Assert.NotNull(cache.Get(1003));
    }

    [Fact]
    public async Task Without_a_token_REST_is_used_with_a_warning_and_etags_make_reruns_free()
    {
        await using var harness = await Harness.StartAsync();
        FakeRelease.Synthetic(harness.Fake, 120);

        var (cold, diagnostics) = await harness.CollectAsync(harness.Request(token: false));
        Assert.Equal(120, cold.Count);
        Assert.Contains(diagnostics.Items, d => d.Code == GitHubCodes.NoToken && d.Message.Contains("60 requests an hour", StringComparison.Ordinal));
        Assert.Equal(0, harness.Fake.GraphQlRequests);
        Assert.Equal(2 + 120, harness.Fake.RestRequests); // 2 compare pages (Link next), one per PR

        harness.Fake.ResetCounters();
        var (warm, _) = await harness.CollectAsync(harness.Request(token: false));
        Assert.Equal(cold.Select(p => p.Title), warm.Select(p => p.Title));
        Assert.Equal(120, harness.Fake.NotModified);
    }

    [Fact]
    public async Task The_token_never_reaches_output_diagnostics_or_cache()
    {
        await using var harness = await Harness.StartAsync();
        FakeRelease.Synthetic(harness.Fake, 30);
        harness.Fake.Faults.Enqueue(new Fault(FaultKind.Pass));
        harness.Fake.Faults.Enqueue(new Fault(FaultKind.BadCredentials401));
        var (_, failed) = await harness.CollectAsync();
        var (pulls, ok) = await harness.CollectAsync();
        var output = Path.Combine(harness.TempPath, "pulls.json");
        Output.PullWriter.WriteFile(output, pulls);

        var everything = string.Join('\n', failed.Items.Concat(ok.Items)) + File.ReadAllText(output) +
                         string.Concat(Directory.GetFiles(harness.CacheDir, "*", SearchOption.AllDirectories).Select(File.ReadAllText));
        Assert.Equal(30, pulls.Count);
        Assert.Contains(failed.Items, d => d.Code == GitHubCodes.Unauthorized);
        Assert.DoesNotContain(harness.Fake.Token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("fake_secret", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_ref_and_bad_repo_are_clear_errors()
    {
        await using var harness = await Harness.StartAsync();
        var (_, badRef) = await harness.CollectAsync(harness.Request() with { From = "v0.9.9" });
        var (_, badRepo) = await harness.CollectAsync(harness.Request() with { Repo = "not a repo" });
        var (_, missing) = await harness.CollectAsync(harness.Request() with { Repo = "example/other" });

        Assert.Contains(badRef.Items, d => d.Code == GitHubCodes.RefNotFound && d.Message.Contains("v0.9.9", StringComparison.Ordinal));
        Assert.Contains(badRepo.Items, d => d.Code == GitHubCodes.BadRepo);
        Assert.Contains(missing.Items, d => d.Code == GitHubCodes.NotFound && d.Message.Contains("example/other", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bot_cherry_picks_take_the_original_author()
    {
        await using var harness = await Harness.StartAsync();
        harness.Fake.Add(FakeData.Synthetic(500, author: "original-author"));
        FakeRelease.Fill(harness.Fake, [
            FakeData.Synthetic(600, author: "k8s-infra-cherrypick-robot", body: "This is an automated cherry-pick of #500\r\n\r\n```release-note\r\nFixed it.\r\n```"),
            FakeData.Synthetic(601),
        ]);

        var (pulls, diagnostics) = await harness.CollectAsync();

        Assert.False(diagnostics.HasErrors);
        Assert.Equal([600, 601], pulls.Select(p => p.Number));
        Assert.Equal("original-author", pulls[0].Author);
        Assert.Equal("https://github.com/original-author", pulls[0].AuthorUrl);
    }

    private sealed class SyncProgress(Action<CollectProgress> report) : IProgress<CollectProgress>
    {
        public void Report(CollectProgress value) => report(value);
    }
}
