using Comms.Cli;

return CommsApp.Run(args, Console.Out, Console.Error);
