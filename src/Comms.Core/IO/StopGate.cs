namespace Comms.Core.IO;

/// <summary>
/// How a signal ends a run without half-writing anything. The command line takes SIGINT and SIGTERM and cancels the
/// run's token; a run that looks at the token stops by itself (<see cref="ThrowIfCancelled"/> records that it has
/// begun to), and one that does not within a short grace (a long computation with no check in it) is ended at once.
/// Ending at once is safe because of two rules: a step that must finish once begun (an atomic file's write and rename,
/// a commit's journal and renames) runs inside a <see cref="Section"/>, and the stop lets none begin and waits for the
/// open ones (<see cref="Close"/>); everything else a run writes before its commit point is hidden staging that the
/// next run removes (as after a kill).
/// </summary>
public static class StopGate
{
    private static readonly object Gate = new();
    private static int _open;
    private static bool _closed;
    private static int _stopping;

    [ThreadStatic]
    private static int _depth;

    /// <summary>Whether the run has seen its cancellation and is stopping by itself (removing its staging, saying so).</summary>
    public static bool StoppingByItself => Volatile.Read(ref _stopping) != 0;

    /// <summary>Whether this thread is inside a <see cref="Section"/> (a step that must finish once begun).</summary>
    public static bool InSection => _depth > 0;

    /// <summary>Records that the run has seen its cancellation and is stopping by itself.</summary>
    public static void MarkStopping() => Interlocked.Exchange(ref _stopping, 1);

    /// <summary>Throws <see cref="OperationCanceledException"/> when <paramref name="token"/> is cancelled, recording that the run stops by itself.</summary>
    public static void ThrowIfCancelled(CancellationToken token)
    {
        if (token.IsCancellationRequested)
        {
            MarkStopping();
            throw new OperationCanceledException(token);
        }
    }

    /// <summary>
    /// Begins a step that must finish once begun. Once the process is being ended no new one begins
    /// (<see cref="OperationCanceledException"/>), except inside a section this thread already holds.
    /// </summary>
    public static Section Enter()
    {
        lock (Gate)
        {
            if (_closed && _depth == 0)
            {
                throw new OperationCanceledException("the process is being stopped");
            }

            _open++;
        }

        _depth++;
        return new Section();
    }

    /// <summary>
    /// Lets no new section begin and waits at most <paramref name="wait"/> for the open ones; true when none is open.
    /// Called only by the command line's stop, just before it ends the process.
    /// </summary>
    public static bool Close(TimeSpan wait)
    {
        var until = DateTime.UtcNow + wait;
        lock (Gate)
        {
            _closed = true;
            while (_open > 0)
            {
                var left = until - DateTime.UtcNow;
                if (left <= TimeSpan.Zero)
                {
                    return false;
                }

                Monitor.Wait(Gate, left);
            }

            return true;
        }
    }

    /// <summary>An open section; disposing it ends the step.</summary>
    public readonly struct Section : IDisposable
    {
        public void Dispose()
        {
            _depth--;
            lock (Gate)
            {
                _open--;
                Monitor.PulseAll(Gate);
            }
        }
    }
}
