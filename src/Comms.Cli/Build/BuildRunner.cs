using Comms.Core.Diagnostics;
using Comms.Core.IO;

namespace Comms.Cli.Build;

/// <summary>
/// Runs a <see cref="ReleaseBuild"/> for a command: Ctrl-C (SIGINT) and SIGTERM cancel it up to the commit point
/// (exit 130), messages go to standard error, and the outcome is said as it is.
/// </summary>
public static class BuildRunner
{
    public const int Interrupted = 130;

    public sealed record Outcome(int? ExitCode, IReadOnlyList<ReleaseBuild.Built>? Built, ReleaseBuild Build);

    /// <summary>Runs the build; a non-null <see cref="Outcome.ExitCode"/> means the command should stop with it (its message is printed).</summary>
    public static Outcome Run(CliContext cli, BuildRequest request, DiagnosticBag diagnostics)
    {
        request = request with
        {
            Message = line => cli.Error.WriteLine(line),
            Step = TestSeams.Step(cli, request.Step),
            Cancel = cli.Interrupt.Token,
        };
        var build = new ReleaseBuild(request, diagnostics);
        cli.Interrupt.Cooperate = true;
        try
        {
            var built = build.Run();
            if (cli.Interrupt.Token.IsCancellationRequested)
            {
                // Signalled while the build ended by itself: a failure (nothing was written), or once the commit had
                // begun (it was completed). Either way the command ends as interrupted.
                cli.Report(diagnostics);
                cli.Error.WriteLine(built is null
                    ? "Interrupted: nothing written (the previous drafts and site are unchanged)."
                    : "Interrupted after the commit point: the drafts and site are wholly this build's.");
                return new Outcome(Interrupted, built, build);
            }

            return new Outcome(null, built, build);
        }
        catch (OperationCanceledException) when (cli.Interrupt.Stopping())
        {
            cli.Report(diagnostics);
            cli.Error.WriteLine("Interrupted: nothing written (the previous drafts and site are unchanged).");
            return new Outcome(Interrupted, null, build);
        }
        catch (CommitIncompleteException)
        {
            cli.Report(diagnostics);
            cli.Error.WriteLine("The build stopped while putting its outputs in place; run it again to complete it.");
            return new Outcome(ExitCodes.ContentError, null, build);
        }
        catch (UnsafeOutputPathException e)
        {
            cli.Report(diagnostics);
            cli.Error.WriteLine($"comms: error CM5002: {e.Message}");
            cli.Error.WriteLine("Nothing written (the previous drafts and site are unchanged).");
            return new Outcome(ExitCodes.ContentError, null, build);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A write failed before the commit point (a full disk, a permission): the staging was removed.
            cli.Report(diagnostics);
            cli.Error.WriteLine($"comms: error {Comms.Site.SiteCodes.PublishFailed}: the build could not be staged ({e.Message})");
            cli.Error.WriteLine("Nothing written (the previous drafts and site are unchanged).");
            return new Outcome(ExitCodes.ContentError, null, build);
        }
        finally
        {
            cli.Interrupt.Cooperate = false;
        }
    }
}

/// <summary>
/// Test seams read from the environment (never set in normal use): <c>COMMS_TEST_KILL_AT=N</c> kills the process
/// (SIGKILL) before the N-th step of staging and commit; <c>COMMS_TEST_PAUSE_AT=name</c> prints
/// <c>comms-test: paused at name</c> and waits until interrupted before that step; <c>COMMS_TEST_BUSY_AT=name</c> prints
/// <c>comms-test: busy at name</c> and never returns, signal or not (a long step that does not look at the signal).
/// </summary>
internal static class TestSeams
{
    public static Action<string> Step(CliContext cli, Action<string> inner)
    {
        var killAt = int.TryParse(Environment.GetEnvironmentVariable("COMMS_TEST_KILL_AT"), out var k) ? k : 0;
        var pauseAt = Environment.GetEnvironmentVariable("COMMS_TEST_PAUSE_AT");
        var busyAt = Environment.GetEnvironmentVariable("COMMS_TEST_BUSY_AT");
        if (killAt <= 0 && string.IsNullOrEmpty(pauseAt) && string.IsNullOrEmpty(busyAt))
        {
            return inner;
        }

        var count = 0;
        return step =>
        {
            count++;
            if (count == killAt)
            {
                cli.Error.WriteLine($"comms-test: killed at step {count} ({step})");
                cli.Error.Flush();
                System.Diagnostics.Process.GetCurrentProcess().Kill();
            }

            if (string.Equals(step, pauseAt, StringComparison.Ordinal))
            {
                cli.Error.WriteLine($"comms-test: paused at {step}");
                cli.Error.Flush();
                cli.Interrupt.Token.WaitHandle.WaitOne(TimeSpan.FromMinutes(2));

                // Interrupted while paused: the build stops here, by itself, unless inside its commit (which finishes).
                if (!Core.IO.StopGate.InSection)
                {
                    Core.IO.StopGate.ThrowIfCancelled(cli.Interrupt.Token);
                }
            }

            if (string.Equals(step, busyAt, StringComparison.Ordinal))
            {
                cli.Error.WriteLine($"comms-test: busy at {step}");
                cli.Error.Flush();
                Thread.Sleep(Timeout.Infinite);
            }

            inner(step);
        };
    }
}
