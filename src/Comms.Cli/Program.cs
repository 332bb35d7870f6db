using System.Runtime.InteropServices;
using Comms.Cli;

using var interrupt = new Interrupt();
void OnSignal(PosixSignalContext context)
{
    // Never clears a Cancel another handler (serve's) has set: a taken signal ends the command cleanly with exit 130.
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
