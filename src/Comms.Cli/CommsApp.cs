using System.CommandLine;
using Comms.Cli.Commands;
using Comms.Core.Diagnostics;

namespace Comms.Cli;

/// <summary>The <c>comms</c> command line: builds the commands and maps every outcome to an exit code.</summary>
public static class CommsApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Interrupt? interrupt = null)
    {
        var cli = new CliContext(stdout, stderr, interrupt);
        stderr = cli.Error;
        var root = CreateRoot(cli);
        ParseResult parse;
        try
        {
            parse = root.Parse(args);
        }
        catch (InvalidOperationException e)
        {
            // A validator read a value the parser could not convert (a missing or malformed value): a usage error.
            return Usage(stderr, [e.Message]);
        }

        if (parse.Errors.Count > 0)
        {
            return Usage(stderr, parse.Errors.Select(e => e.Message));
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = cli.Out, Error = cli.Error, EnableDefaultExceptionHandler = false });
        }
        catch (InvalidOperationException e) when (e.StackTrace?.Contains("System.CommandLine", StringComparison.Ordinal) == true)
        {
            return Usage(stderr, [e.Message]);
        }
        catch (OperationCanceledException) when (cli.Interrupt.Stopping())
        {
            stderr.WriteLine("comms: interrupted; nothing was half-written");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"comms: error CM5001: {ConsoleText.Clean(e.Message)}");
            return ExitCodes.ContentError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            stderr.WriteLine($"comms: error CM9999: unexpected failure ({e.GetType().Name}: {ConsoleText.Clean(e.Message)}). Nothing was written. Please report this with the command you ran.");
            if (Environment.GetEnvironmentVariable("COMMS_DEBUG") == "1")
            {
                stderr.WriteLine(e.ToString());
            }

            return ExitCodes.ContentError;
        }
    }

    /// <summary>Usage errors: one line each, friendlier type names, exit 2.</summary>
    private static int Usage(TextWriter stderr, IEnumerable<string> messages)
    {
        foreach (var message in messages.Distinct(StringComparer.Ordinal))
        {
            stderr.WriteLine($"comms: error CM0002: {ConsoleText.Clean(Friendly(message))}");
        }

        stderr.WriteLine("Run 'comms --help' or 'comms <command> --help' for usage.");
        return ExitCodes.UsageError;
    }

    private static string Friendly(string message) => System.Text.RegularExpressions.Regex.Replace(
        message.ReplaceLineEndings(" "), @"as expected type '([^']*)'", m => "as " + TypeName(m.Groups[1].Value));

    private static string TypeName(string type) => type switch
    {
        _ when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) => "a whole number",
        _ when type.Contains("DateTimeOffset", StringComparison.Ordinal) || type.Contains("DateTime", StringComparison.Ordinal) => "a time such as 2026-12-08T16:00:00Z",
        _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when type.Contains("Double", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) => "a number",
        _ => "a value of the expected kind",
    };

    /// <summary>Every command, for the parser and for tests that parse each command's options.</summary>
    public static RootCommand CreateRoot(CliContext cli)
    {
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

        return root;
    }
}
