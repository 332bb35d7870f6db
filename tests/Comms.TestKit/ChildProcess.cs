using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Comms.TestKit;

/// <summary>
/// Starts the tool as a terminal would. A test run started as a background job (`dotnet test &amp;` in a script, nohup)
/// inherits SIGINT ignored, and every child it starts would too, so the tool could never see a Ctrl-C. The child is
/// started with SIGINT at its default, whatever this process inherited, so signal tests test the tool, not the shell.
/// </summary>
public static partial class ChildProcess
{
    private const int Interrupt = 2;
    private static readonly nint Default = 0;
    private static readonly object Gate = new();

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint SetSignal(int signal, nint handler);

    public static Process Start(ProcessStartInfo start)
    {
        if (!OperatingSystem.IsLinux() || !InterruptIgnored())
        {
            return Process.Start(start)!;
        }

        lock (Gate)
        {
            var before = SetSignal(Interrupt, Default);
            try
            {
                return Process.Start(start)!;
            }
            finally
            {
                SetSignal(Interrupt, before);
            }
        }
    }

    /// <summary>Whether this process ignores SIGINT (the SigIgn mask of /proc/self/status).</summary>
    public static bool InterruptIgnored()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && ulong.TryParse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask) &&
               (mask & (1UL << (Interrupt - 1))) != 0;
    }
}
