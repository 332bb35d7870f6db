using Comms.Core.Diagnostics;
using Spectre.Console;

namespace Comms.Cli;

/// <summary>Where a command writes: standard output for results and summaries, standard error for diagnostics.</summary>
public sealed class CliContext(TextWriter stdout, TextWriter stderr, Interrupt? interrupt = null)
{
    /// <summary>Ctrl-C and SIGTERM, for commands that stop cleanly on them.</summary>
    public Interrupt Interrupt { get; } = interrupt ?? new Interrupt();

    /// <summary>Standard output for people: control characters and bidi controls from any input are dropped.</summary>
    public TextWriter Out { get; } = stdout is ConsoleTextWriter ? stdout : new ConsoleTextWriter(stdout);

    /// <summary>Standard error, cleaned the same way.</summary>
    public TextWriter Error { get; } = stderr is ConsoleTextWriter ? stderr : new ConsoleTextWriter(stderr);

    /// <summary>Standard output as it is, for data a command is asked to write there (<c>--out -</c>).</summary>
    public TextWriter RawOut { get; } = stdout is ConsoleTextWriter clean ? clean.Inner : stdout;

    /// <summary>A Spectre console on standard output; colour only on a real terminal outside CI (callers clean what they show).</summary>
    public IAnsiConsole Console { get; } = CreateConsole(stdout is ConsoleTextWriter c ? c.Inner : stdout);

    /// <summary><c>--out -</c>: the result goes to standard output.</summary>
    public const string StdoutPath = "-";

    /// <summary>
    /// The context a command reports through when its result goes to standard output (<c>--out -</c>): summaries and
    /// tables go to standard error, so the output stays the result alone.
    /// </summary>
    public CliContext ForResultOnStdout() => new(Error, Error, Interrupt) { _reported = _reported };

    /// <summary>Writes a single-file result: to standard output for <c>-</c>, else atomically to the file.</summary>
    public void WriteResult(string path, string text)
    {
        if (path == StdoutPath)
        {
            // The result as it is (not cleaned for the console): it is data.
            RawOut.Write(text);
            RawOut.Flush();
        }
        else
        {
            Comms.Core.IO.AtomicFile.WriteAllText(path, text);
        }
    }

    /// <summary>A result that is UTF-8 bytes already (notes.json): written as they are, with no string of them.</summary>
    public void WriteResult(string path, ReadOnlySpan<byte> utf8)
    {
        if (path == StdoutPath)
        {
            WriteResult(path, System.Text.Encoding.UTF8.GetString(utf8));
        }
        else
        {
            Comms.Core.IO.AtomicFile.WriteAllBytes(path, utf8);
        }
    }

    private List<Diagnostic> _reported = [];

    /// <summary>Every diagnostic reported so far (for <c>--json</c>), in the order reported.</summary>
    public IReadOnlyList<Diagnostic> Reported => _reported;


    private static IAnsiConsole CreateConsole(TextWriter stdout)
    {
        var interactive = IsInteractive(stdout);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            // Logs and pipes have no width; keep tables readable there.
            console.Profile.Width = 120;
        }

        return console;
    }

    /// <summary>Severities in colour: only when standard error is a terminal, outside CI, and NO_COLOR is not set.</summary>
    private bool ColourErrors =>
        ReferenceEquals(Error, System.Console.Error) && !System.Console.IsErrorRedirected &&
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public static bool IsInteractive(TextWriter writer) =>
        ReferenceEquals(writer, System.Console.Out) && !System.Console.IsOutputRedirected &&
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Prints the diagnostics in a stable order (repeated warnings counted unless verbose) and returns the exit code they call for.</summary>
    public int Report(DiagnosticBag diagnostics, Severity least = Severity.Warning)
    {
        var full = Environment.GetEnvironmentVariable("COMMS_DIAGNOSTIC_PATHS") == "full";
        var sorted = diagnostics.Sorted().Where(d => d.Severity >= least).ToArray();
        _reported.AddRange(sorted);
        var actions = WorkflowCommands.Enabled;
        var colour = ColourErrors;
        foreach (var diagnostic in DiagnosticSummary.Lines(sorted, aggregate: least > Severity.Info))
        {
            // MSBuild and IDEs resolve relative paths against the project file's folder; full paths work everywhere.
            var shown = full && diagnostic.File is { } file ? diagnostic with { File = Path.GetFullPath(file) } : Relative(diagnostic);
            Error.WriteLine(colour ? DiagnosticColour.Paint(shown) : shown.ToString());
            if (actions)
            {
                // GitHub Actions turns this line into an annotation on the file, line and column.
                Error.WriteLine(WorkflowCommands.Format(diagnostic));
            }
        }

        return diagnostics.HasErrors ? ExitCodes.ContentError : ExitCodes.Success;
    }

    /// <summary>A file under the working folder is shown relative to it, whichever stage made its path absolute.</summary>
    private static Diagnostic Relative(Diagnostic diagnostic)
    {
        if (diagnostic.File is not { } file || !Path.IsPathFullyQualified(file))
        {
            return diagnostic;
        }

        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) || relative == "."
            ? diagnostic
            : diagnostic with { File = relative.Replace('\\', '/') };
    }
}

public static class ExitCodes
{
    public const int Success = 0;
    public const int ContentError = 1;
    public const int UsageError = 2;

    /// <summary>Ended by Ctrl-C or SIGTERM (128 + SIGINT), nothing half-written.</summary>
    public const int Interrupted = 130;
}

/// <summary>
/// SIGINT/SIGTERM end every command with exit 130 and nothing half-written. A signal cancels <see cref="Token"/>; a
/// command that <see cref="Cooperate"/>s (a build, collect, serve) has <see cref="Grace"/> to begin stopping by itself
/// (it then removes its staging and says so), any other is ended at once. Ending at once is <see cref="HardStop"/>
/// (set by the program, never in process): it lets no step that must finish begin, waits for one under way
/// (<see cref="Comms.Core.IO.StopGate"/>) and exits 130; what a run staged before its commit point is hidden and the
/// next run removes it.
/// </summary>
public sealed class Interrupt : IDisposable
{
    /// <summary>How long a cooperating command has, after a signal, to begin stopping by itself.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    /// <summary>How long a command that has begun to stop by itself may take to finish stopping before it is ended.</summary>
    public static readonly TimeSpan StoppingBound = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _source = new();
    private int _signalled;

    public CancellationToken Token => _source.Token;

    private volatile bool _cooperate;

    public bool Cooperate
    {
        get => _cooperate;
        set => _cooperate = value;
    }

    /// <summary>Ends the process at once with exit 130 (the program sets it; in process there is none).</summary>
    public Action? HardStop { get; init; }

    /// <summary>Takes a signal: cancels the token and, the first time, arms the hard stop. Always taken (true).</summary>
    public bool Signal()
    {
        _source.Cancel();
        if (HardStop is { } stop && Interlocked.Exchange(ref _signalled, 1) == 0)
        {
            var grace = _cooperate ? Grace : TimeSpan.Zero;
            var thread = new Thread(() =>
            {
                Thread.Sleep(grace);
                if (Comms.Core.IO.StopGate.StoppingByItself)
                {
                    // Under way: let it remove its staging and say so, within a bound.
                    Thread.Sleep(StoppingBound);
                }

                stop();
            })
            {
                IsBackground = true,
                Name = "comms stop",
            };
            thread.Start();
        }

        return true;
    }

    /// <summary>
    /// For an exception filter on <see cref="OperationCanceledException"/>: whether a signal cancelled the run, recording that
    /// it is stopping by itself. A filter runs before the stack unwinds, so the record is made before the staging is removed.
    /// </summary>
    public bool Stopping()
    {
        if (!Token.IsCancellationRequested)
        {
            return false;
        }

        Comms.Core.IO.StopGate.MarkStopping();
        return true;
    }

    public void Dispose() => _source.Dispose();
}
