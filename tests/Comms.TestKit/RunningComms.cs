using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Comms.TestKit;

/// <summary>
/// The built <c>comms</c> tool running as a real process, for tests that signal it: its output lines as they come,
/// a wait for a line (an event, never a time), a signal sent with <c>kill</c>, and how long it took to end after it.
/// Killed on dispose if still running.
/// </summary>
public sealed class RunningComms : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly TaskCompletionSource _outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Stopwatch? _sinceSignal;

    private RunningComms(Process process)
    {
        _process = process;
    }

    /// <summary>Starts <c>dotnet comms.dll args</c> in <paramref name="folder"/>.</summary>
    public static RunningComms Start(string folder, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var start = CommsProcess.StartInfo("dotnet", folder, env, [CommsProcess.ToolDll, .. args]);
        var running = new RunningComms(ChildProcess.Start(start));
        running._process.OutputDataReceived += (_, e) => running.Add(e.Data, running._outputClosed);
        running._process.ErrorDataReceived += (_, e) => running.Add(e.Data, running._errorClosed);
        running._process.BeginOutputReadLine();
        running._process.BeginErrorReadLine();
        return running;
    }

    private void Add(string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
        }
        else
        {
            _lines.Enqueue(line);
        }

        _arrived.Release();
    }

    /// <summary>Every line so far, standard output and error interleaved as they arrived.</summary>
    public IReadOnlyList<string> Lines => _lines.ToArray();

    public int Id => _process.Id;

    /// <summary>Waits for a line that matches; false when the process ended (or <paramref name="patience"/> passed) without one.</summary>
    public async Task<bool> WaitForLineAsync(Func<string, bool> match, TimeSpan patience)
    {
        var until = DateTime.UtcNow + patience;
        while (true)
        {
            if (_lines.Any(match))
            {
                return true;
            }

            if (_outputClosed.Task.IsCompleted && _errorClosed.Task.IsCompleted)
            {
                return _lines.Any(match);
            }

            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left).ConfigureAwait(false))
            {
                return _lines.Any(match);
            }
        }
    }

    /// <summary>Sends a signal (<c>TERM</c>, <c>INT</c>) with <c>kill</c> and starts the clock of <see cref="WaitForExitAsync"/>.</summary>
    public void Signal(string signal)
    {
        _sinceSignal = Stopwatch.StartNew();
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
        Assert.True(kill.ExitCode == 0, $"kill -{signal} failed (the process had already ended?)");
    }

    /// <summary>
    /// Waits for the process to end (at most <paramref name="patience"/>: a generous bound, never a timing assert of its
    /// own) and for its output; returns the exit code and the time from the signal to the end.
    /// </summary>
    public async Task<(int ExitCode, TimeSpan AfterSignal)> WaitForExitAsync(TimeSpan patience)
    {
        using var cancel = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"comms did not end within {patience.TotalSeconds} s of the signal:\n{string.Join('\n', _lines)}");
        }

        var elapsed = _sinceSignal?.Elapsed ?? TimeSpan.Zero;
        await Task.WhenAll(_outputClosed.Task, _errorClosed.Task).WaitAsync(patience).ConfigureAwait(false);
        return (_process.ExitCode, elapsed);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
        _arrived.Dispose();
    }
}
