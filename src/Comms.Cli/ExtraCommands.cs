using System.CommandLine;

namespace Comms.Cli;

/// <summary>The commands beyond notes and changelog, each owned by its own stage; one line each.</summary>
public static class ExtraCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        _ = cli;
        return
        [
            Commands.SiteCommand.Create(cli),
            // build: Commands/BuildCommand.cs
            // collect, check: Commands/CollectCommand.cs, Commands/CheckCommand.cs
        ];
    }
}
