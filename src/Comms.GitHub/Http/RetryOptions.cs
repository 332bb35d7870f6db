namespace Comms.GitHub.Http;

/// <summary>Bounds on waiting and retrying; every wait goes through <see cref="Clock"/>.</summary>
public sealed record RetryOptions
{
    /// <summary>Attempts per request, the first included.</summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>First back-off after a transient failure (500, dropped connection, truncated JSON); doubles each time.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest single back-off.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Least wait after a secondary rate limit without <c>retry-after</c>.</summary>
    public TimeSpan SecondaryLimitDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest wait for a primary limit to reset; beyond it collection stops and says when to re-run.</summary>
    public TimeSpan MaxResetWait { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Time allowed for one response; a slower one is abandoned and retried.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public IRetryClock Clock { get; init; } = SystemRetryClock.Instance;

    /// <summary>Largest answer read (bytes); a bigger one stops collection with a located error instead of filling memory.</summary>
    public long MaxAnswerBytes { get; init; } = 128L * 1024 * 1024;

    /// <summary>Pages read for one list (commits of a range, issues of a milestone); a list that never ends stops there.</summary>
    public int MaxPages { get; init; } = 2000;

    /// <summary>Time allowed to open a connection; a host that cannot be reached is named at once rather than retried for long.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(4);
}

/// <summary>One list read page by page: a cursor or link seen before, or more than <see cref="RetryOptions.MaxPages"/> pages, stops it.</summary>
internal sealed class PageGuard(int maxPages, string what)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _pages;

    /// <summary>Checks the cursor or link of the next page before it is asked for.</summary>
    public void Next(string cursorOrLink)
    {
        if (!_seen.Add(cursorOrLink))
        {
            throw new GitHubFailure(GitHubCodes.UnexpectedResponse,
                $"GitHub returned the same page cursor of {what} twice (\"{Shorten(cursorOrLink)}\"); the list would never end, so reading stops here");
        }

        Count();
    }

    /// <summary>Counts one more page (for lists whose repeats are checked elsewhere).</summary>
    public void Count()
    {
        if (++_pages >= maxPages)
        {
            throw new GitHubFailure(GitHubCodes.UnexpectedResponse,
                $"GitHub's list of {what} goes on past {maxPages.ToString(System.Globalization.CultureInfo.InvariantCulture)} pages; a real list is shorter, so reading stops here (check --api-url, or collect a shorter range)");
        }
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}

/// <summary>The time source and the way to wait; tests use a virtual clock so a one-minute wait takes no time.</summary>
public interface IRetryClock
{
    DateTimeOffset UtcNow { get; }

    Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);

    /// <summary>The time source of request timeouts (<see cref="RetryOptions.RequestTimeout"/>).</summary>
    TimeProvider Timers => TimeProvider.System;
}

public sealed class SystemRetryClock : IRetryClock
{
    public static readonly SystemRetryClock Instance = new();

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, cancellationToken);
}
