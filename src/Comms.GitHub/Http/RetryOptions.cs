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
