using Comms.Core.IO;

namespace Comms.Cli;

/// <summary>A command's single-file output: <c>-</c> is standard output; links and devices are written through (<see cref="AtomicFile"/>).</summary>
public static class OutputFile
{
    public static void Write(CliContext cli, string path, string contents)
    {
        if (path == "-")
        {
            cli.RawOut.Write(contents);
            cli.RawOut.Flush();
            return;
        }

        AtomicFile.WriteAllText(path, contents);
    }
}
