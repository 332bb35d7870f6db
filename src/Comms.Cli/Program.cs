using System.Runtime.InteropServices;
using Comms.Cli;

using var interrupt = new Interrupt();
void OnSignal(PosixSignalContext context) => context.Cancel = interrupt.Signal();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
// A project command run in a subfolder runs from the project's root (the folder holding content/comms.yaml, or the git root).
args = ProjectRoot.Enter(args, Console.Error);
return CommsApp.Run(args, Console.Out, Console.Error, interrupt);
