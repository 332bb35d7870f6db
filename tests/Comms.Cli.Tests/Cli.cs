using Comms.TestKit;

namespace Comms.Cli.Tests;

/// <summary>Runs <c>comms</c> in-process with captured output.</summary>
public static class Cli
{
    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CommsApp.Run(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
