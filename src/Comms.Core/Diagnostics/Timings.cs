using System.Diagnostics;

namespace Comms.Core.Diagnostics;

/// <summary>
/// Stage stopwatches for the benchmarks: with <c>COMMS_TIMINGS=1</c> each stage's wall time (and the managed heap after
/// it) is written to standard error; otherwise nothing is measured or printed.
/// </summary>
public static class Timings
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("COMMS_TIMINGS") == "1";

    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private static long _last;

    /// <summary>Writes the time since the previous mark (and since the process's first mark) under <paramref name="stage"/>.</summary>
    public static void Mark(string stage)
    {
        if (!Enabled)
        {
            return;
        }

        var now = Clock.ElapsedMilliseconds;
        var heap = GC.GetTotalMemory(false) / (1024 * 1024);
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
        Console.Error.WriteLine($"timing: {stage,-28} {now - _last,7} ms  (at {now} ms, heap {heap} MB, peak {peak} MB)");
        _last = now;
    }
}
