namespace Comms.TestKit;

/// <summary>The result of running the comms command line in-process.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error);
