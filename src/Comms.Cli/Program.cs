using System.Runtime.InteropServices;
using Comms.Cli;

using var interrupt = new Interrupt();
void OnSignal(PosixSignalContext context) => context.Cancel = interrupt.Signal();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
return CommsApp.Run(args, Console.Out, Console.Error, interrupt);
