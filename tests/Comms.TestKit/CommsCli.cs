using Comms.Cli;

namespace Comms.TestKit;

/// <summary>Runs the <c>comms</c> command line in-process with captured output.</summary>
public static class CommsCli
{
    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CommsApp.Run(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }
}
