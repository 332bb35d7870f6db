using System.CommandLine;
using Comms.Cli.Commands;

namespace Comms.Cli;

/// <summary>The <c>comms</c> command line: builds the commands and maps every outcome to an exit code.</summary>
public static class CommsApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Interrupt? interrupt = null)
    {
        var cli = new CliContext(stdout, stderr, interrupt);
        var root = new RootCommand(
            "Comms turns merged pull requests into release notes, a changelog, a release blog post, a press brief, " +
            "one brief per audience (vendors, end users, developers) and a static site.\n\n" +
            "Start with `comms build` to run the whole pipeline on the sample in content/, or `comms init` in your own repository.")
        {
            NotesCommand.Create(cli),
            ChangelogCommand.Create(cli),
        };
        foreach (var command in ExtraCommands.Create(cli))
        {
            root.Subcommands.Add(command);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"comms: error CM0002: {error.Message}");
            }

            stderr.WriteLine("Run 'comms --help' or 'comms <command> --help' for usage.");
            return ExitCodes.UsageError;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"comms: error CM5001: {e.Message}");
            return ExitCodes.ContentError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"comms: error CM9999: unexpected failure ({e.GetType().Name}: {e.Message}). Nothing was written. Please report this with the command you ran.");
            if (Environment.GetEnvironmentVariable("COMMS_DEBUG") == "1")
            {
                stderr.WriteLine(e.ToString());
            }

            return ExitCodes.ContentError;
        }
    }
}
