using System.CommandLine;

namespace Comms.Cli;

/// <summary>The commands beyond notes and changelog, each owned by its own stage; one line each.</summary>
public static class ExtraCommands
{
    public static IEnumerable<Command> Create(CliContext cli)
    {
        return
        [
            Commands.BuildCommand.Create(cli),
            Commands.CollectCommand.Create(cli),
            Commands.CheckCommand.Create(cli),
            Commands.SiteCommand.Create(cli),
            Commands.InitCommand.Create(cli),
            Commands.ReleaseCommand.Create(cli),
            Commands.ServeCommand.Create(cli),
            Commands.PlainTextCommand.Create(cli),
            Commands.EnhancementsCommand.Create(cli),
        ];
    }
}
