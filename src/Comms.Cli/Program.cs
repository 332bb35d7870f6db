using System.Runtime.InteropServices;
using Comms.Cli;

using var interrupt = new Interrupt { HardStop = StopNow };
void OnSignal(PosixSignalContext context)
{
    // Every signal is taken: the command stops by itself, or is stopped at once (Interrupt), with exit 130.
    if (interrupt.Signal())
    {
        context.Cancel = true;
    }
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
// A project command run in a subfolder runs from the project's root (the folder holding content/comms.yaml, or the git root).
args = ProjectRoot.Enter(args, Console.Error);
return CommsApp.Run(args, Console.Out, Console.Error, interrupt);

static void StopNow()
{
    // No step that must finish begins now; one under way (an atomic write, a commit) is waited for.
    var whole = Comms.Core.IO.StopGate.Close(TimeSpan.FromSeconds(5));
    try
    {
        Console.Out.Flush();
        Console.Error.WriteLine(whole
            ? "comms: interrupted: stopped at once; nothing was half-written (each output is as it was, or wholly this run's if its commit had begun; the next run removes what was staged)"
            : "comms: interrupted: stopped at once while putting outputs in place; the next run completes it");
        Console.Error.Flush();
    }
    catch (IOException)
    {
        // The console is gone (a closed pipe): the exit code still says it.
    }

    Environment.Exit(ExitCodes.Interrupted);
}
