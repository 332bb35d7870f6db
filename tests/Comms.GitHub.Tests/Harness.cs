using Comms.Core.Diagnostics;
using Comms.Core.Model;
using Comms.GitHub.Fake;
using Comms.GitHub.Http;
using Comms.TestKit;

namespace Comms.GitHub.Tests;

/// <summary>
/// A clock that records waits and moves on at once, so a one-minute back-off costs nothing. Request timeouts run on
/// the same virtual time: they fire when the clock moves past them (<see cref="Advance"/>), never on real time.
/// </summary>
public sealed class VirtualClock : IRetryClock
{
    private readonly List<TimeSpan> _waits = [];
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    public DateTimeOffset UtcNow => _time.GetUtcNow();

    public TimeProvider Timers => _time;

    public IReadOnlyList<TimeSpan> Waits => _waits;

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _waits.Add(delay);
        _time.Advance(delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
        return Task.CompletedTask;
    }

    /// <summary>Time passes without a wait of the client's (a server that takes this long to answer).</summary>
    public void Advance(TimeSpan time) => _time.Advance(time);
}

/// <summary>A fake GitHub, a cache folder and a virtual clock, with one call to collect.</summary>
public sealed class Harness : IAsyncDisposable
{
    private readonly TempDir _temp = new();

    private Harness(FakeGitHub fake)
    {
        Fake = fake;
        Fake.Now = () => Clock.UtcNow; // one clock: the server's resets are on the client's virtual time
    }

    public FakeGitHub Fake { get; }
    public VirtualClock Clock { get; } = new();
    public string CacheDir => Path.Combine(_temp.Path, "cache");
    public string TempPath => _temp.Path;

    public static async Task<Harness> StartAsync() => new(await FakeGitHub.StartAsync());

    public CollectRequest Request(bool token = true) => new()
    {
        Repo = $"{Fake.Owner}/{Fake.Name}",
        From = "v1.0.0",
        To = "v1.1.0",
        ApiUrl = Fake.ApiUrl,
        Token = token ? Fake.Token : null,
        CacheDir = CacheDir,
        Retry = new RetryOptions { Clock = Clock, RequestTimeout = TimeSpan.FromSeconds(20) },
    };

    public async Task<(IReadOnlyList<PullRequest> Pulls, DiagnosticBag Diagnostics)> CollectAsync(
        CollectRequest? request = null, IProgress<CollectProgress>? progress = null, CancellationToken ct = default)
    {
        var diagnostics = new DiagnosticBag();
        var pulls = await GitHubCollector.CollectAsync(request ?? Request(), diagnostics, progress, ct);
        return (pulls, diagnostics);
    }

    /// <summary>Every cache file parses as a whole entry (no half-written file, no temp file left).</summary>
    public int CacheEntries()
    {
        var folder = Path.Combine(CacheDir, Fake.Owner, Fake.Name, "pulls");
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var files = Directory.GetFiles(folder);
        Assert.All(files, f => Assert.EndsWith(".json", f, StringComparison.Ordinal));
        var cache = new Cache.PullCache(CacheDir, Fake.Owner, Fake.Name);
        foreach (var file in files)
        {
            var number = int.Parse(Path.GetFileNameWithoutExtension(file)["pr-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.NotNull(cache.Get(number));
        }

        return files.Length;
    }

    /// <summary>How many PR aliases the full-fetch queries asked for (the check queries ask for updatedAt only).</summary>
    public int FullFetchAliases() =>
        Fake.Queries.Where(q => q.Contains("title", StringComparison.Ordinal)).Sum(q => q.Split("pullRequest(number:").Length - 1);

    public async ValueTask DisposeAsync()
    {
        await Fake.DisposeAsync();
        _temp.Dispose();
    }
}
